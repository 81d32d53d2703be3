// Download every clip into download-dir: file naming and concurrency. The transfer itself (retries,
// renewed links, limits) is the API client's.
import path from 'node:path'
import { mapLimit } from '../concurrency.js'
import { ensureDir } from '../fs-safe.js'
import type { FilesApi } from '../videogen/files.js'
import { type Clip, clipFileName, withLinks } from '../clip.js'

export interface DownloadContext {
  /** Workspace root: the trusted directory download-dir is created in, and paths are reported against. */
  root: string
  dir: string
  /** The id the action holds (checked), never one read back from a response. */
  executionId: string
  deadline: number
  concurrency?: number
  signal?: AbortSignal
  log?: (message: string) => void
}

/** Downloads may run past `timeout` by this much at most, so a clip that ends near the deadline still arrives. */
const DOWNLOAD_GRACE_MS = 10 * 60_000

/** The deadline of the downloads: what is left of the step's, and at least the lesser of timeout and the grace. */
export function downloadDeadline(stepDeadline: number, timeoutMs: number, now = Date.now()): number {
  return Math.max(stepDeadline, now + Math.min(timeoutMs, DOWNLOAD_GRACE_MS))
}

/** No clip is plausibly larger; a body past this is a broken or hostile server. */
const MAX_CLIP_BYTES = 4 * 1024 ** 3

/** Twice what the API reported (renditions differ a little), else the general cap. */
function byteLimit(clip: Clip): number {
  return clip.reportedBytes ? Math.min(MAX_CLIP_BYTES, clip.reportedBytes * 2 + 1024 * 1024) : MAX_CLIP_BYTES
}

export async function downloadClips(files: FilesApi, clips: Clip[], ctx: DownloadContext): Promise<Clip[]> {
  await ensureDir(ctx.root, ctx.dir)
  return mapLimit(
    clips,
    ctx.concurrency ?? 6,
    async (clip, _i, signal) => {
      const name = clipFileName(ctx.executionId, clip.index)
      const link = clip.url
        ? { url: clip.url, ...(clip.urlExpiresAt !== undefined && { expiresAt: clip.urlExpiresAt }) }
        : undefined
      const { bytes, link: used } = await files.download({
        fileId: clip.fileId,
        what: `Download of clip ${clip.index} (${clip.fileId})`,
        ...(link && { link }),
        dir: ctx.dir,
        name,
        maxBytes: byteLimit(clip),
        deadline: ctx.deadline,
        signal,
        ...(ctx.log && { log: ctx.log }),
      })
      const thumbnail = clip.thumbnailUrl
        ? {
            url: clip.thumbnailUrl,
            ...(clip.thumbnailUrlExpiresAt !== undefined && { expiresAt: clip.thumbnailUrlExpiresAt }),
          }
        : undefined
      const absPath = path.join(ctx.dir, name)
      return {
        ...withLinks(clip, used, thumbnail),
        absPath,
        path: path.relative(ctx.root, absPath).split(path.sep).join('/'),
        bytes,
      }
    },
    ctx.signal,
  )
}
