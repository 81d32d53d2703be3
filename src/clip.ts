// What the action knows about one generated clip. A value: each delivery stage returns new clips with
// what it added (a file on disk, fresh links, a public link, a release asset), none changes one in place.
import { type SignedUrl, downloadLink, thumbnailLink } from './videogen/files.js'
import type { Execution, FileInfo, ToolResult } from './videogen/types.js'

export interface Clip {
  /** 1-based position in the execution's results. */
  index: number
  fileId: string
  url?: string
  urlExpiresAt?: number
  thumbnailUrl?: string
  thumbnailUrlExpiresAt?: number
  durationSeconds?: number
  /** Size the API reported for the download, if it did. */
  reportedBytes?: number
  /** Permanent public preview URL (public-preview). */
  publicUrl?: string
  /** Downloaded file, workspace-relative with forward slashes. */
  path?: string
  absPath?: string
  bytes?: number
  releaseAssetUrl?: string
}

/** The link fields of a clip, from a signed download and thumbnail link. */
export function withLinks(clip: Clip, download: SignedUrl | undefined, thumbnail: SignedUrl | undefined): Clip {
  const { url: _u, urlExpiresAt: _ue, thumbnailUrl: _t, thumbnailUrlExpiresAt: _te, ...rest } = clip
  return {
    ...rest,
    ...(download && { url: download.url }),
    ...(download?.expiresAt !== undefined && { urlExpiresAt: download.expiresAt }),
    ...(thumbnail && { thumbnailUrl: thumbnail.url }),
    ...(thumbnail?.expiresAt !== undefined && { thumbnailUrlExpiresAt: thumbnail.expiresAt }),
  }
}

/** A clip's links from a (hydrated) file record, picked the same way for a fresh run and a cache hit. */
export function linksFromFile(clip: Clip, file: FileInfo): Clip {
  return withLinks(clip, downloadLink(file), thumbnailLink(file))
}

function fromResult(result: ToolResult, index: number): Clip {
  const file = result.file
  const base: Clip = {
    index,
    fileId: result.fileId,
    ...(file?.durationSeconds !== undefined && { durationSeconds: file.durationSeconds }),
    ...(file?.downloadSource?.fileBytes !== undefined && { reportedBytes: file.downloadSource.fileBytes }),
  }
  // The result's own copies of the links first (the execution GET re-signs them), then the file's.
  const download = result.downloadUrl
    ? {
        url: result.downloadUrl,
        ...(result.downloadUrlExpiresAt !== undefined && { expiresAt: result.downloadUrlExpiresAt }),
      }
    : file && downloadLink(file)
  const thumbnail = result.thumbnailUrl
    ? {
        url: result.thumbnailUrl,
        ...(result.thumbnailUrlExpiresAt !== undefined && { expiresAt: result.thumbnailUrlExpiresAt }),
      }
    : file && thumbnailLink(file)
  return withLinks(base, download, thumbnail)
}

export function clipsOf(execution: Execution): Clip[] {
  return execution.results.map((r, i) => fromResult(r, i + 1))
}

/** A clip's file name: from the execution id the action holds (checked) and the clip's position. */
export function clipFileName(executionId: string, index: number): string {
  return `${executionId}-${index}.mp4`
}
