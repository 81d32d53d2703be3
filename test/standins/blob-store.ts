// What the results-service stand-in needs from a blob backend (Azurite or the in-process fallback).
export interface BlobStore {
  kind: 'azurite' | 'memory'
  /** Signed URL the libraries may PUT (single shot or block + block list) to. */
  uploadUrl(blobName: string): string
  /** Signed URL the libraries GET from. */
  downloadUrl(blobName: string): string
  read(blobName: string): Promise<Buffer>
  close(): Promise<void>
}

/** Blob names are built from ids plus a sanitised label, so they never need escaping in a URL. */
export function safeBlobSegment(text: string): string {
  return text.replace(/[^A-Za-z0-9._-]/g, '_').slice(0, 100) || '_'
}
