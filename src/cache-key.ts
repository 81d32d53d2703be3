// Cache keys: what identifies a request (for finished clips) and a file's content (for upload reuse).
import { createHash } from 'node:crypto'
import { sha256File } from './hash.js'
import type { ClipRequest } from './inputs/settings.js'
import { buildRequestBody, mapRequestFiles } from './request-body.js'
import type { AssetRef, LocalFile } from './workspace.js'

/**
 * Bump when what an entry holds, or what a restore accepts, changes: old entries then simply miss.
 * v2: typed request fields of the Oct 2026 API, videos/audio/start frame, entries without signed links.
 */
export const CACHE_FORMAT = 'videogen-v2'
export const CLIP_KEY_PREFIX = 'videogen-clip-v2-'
export const UPLOAD_KEY_PREFIX = 'videogen-upload-v2-'

/** JSON with object keys sorted at every level, so equal values always give equal text. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) => {
    if (v === null || typeof v !== 'object' || Array.isArray(v)) return v
    const obj = v as Record<string, unknown>
    return Object.fromEntries(
      Object.keys(obj)
        .sort()
        .map((k) => [k, obj[k]]),
    )
  })
}

export function sha256Hex(text: string): string {
  return createHash('sha256').update(text).digest('hex')
}

/** Hashes each local file once per run (the key, upload reuse and de-duplication all need it). */
export class ContentHashes {
  private readonly memo = new Map<string, Promise<string>>()

  of(file: LocalFile): Promise<string> {
    let hash = this.memo.get(file.absPath)
    if (!hash) {
      hash = sha256File(file.absPath)
      this.memo.set(file.absPath, hash)
    }
    return hash
  }
}

/**
 * The request body as it would be sent, with each local file replaced by `sha256:<content hash>` (its
 * path and upload id do not matter) and given `vg_file_…` ids kept as themselves, plus the API host (ids
 * of one host mean nothing on another) and the format version.
 */
export async function clipCacheKey(baseUrl: string, clip: ClipRequest, hashes: ContentHashes): Promise<string> {
  const identity = async (ref: AssetRef) => ('fileId' in ref ? ref.fileId : `sha256:${await hashes.of(ref.file)}`)
  const { body } = buildRequestBody(clip, await mapRequestFiles(clip.files, identity))
  return CLIP_KEY_PREFIX + sha256Hex(canonicalJson({ format: CACHE_FORMAT, baseUrl, body }))
}

/** Prefix of the upload entries of one content on one API host; each entry's key ends in `-<file id>`. */
export function uploadKeyPrefix(baseUrl: string, contentSha256: string): string {
  return `${UPLOAD_KEY_PREFIX}${sha256Hex(canonicalJson({ format: CACHE_FORMAT, baseUrl, sha256: contentSha256 }))}-`
}
