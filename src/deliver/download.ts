// Download every clip into download-dir: bounded parallelism, streamed to disk, sizes checked,
// expired signed links re-signed through hydrate.
import { mkdir } from 'node:fs/promises'
import path from 'node:path'
import type { Dispatcher } from 'undici'
import { mapLimit } from '../concurrency.js'
import { errorText } from '../videogen/errors.js'
import type { FilesApi } from '../videogen/files.js'
import { TRANSFER_BACKOFF, backoffMs, sleep } from '../videogen/retry.js'
import { StorageError, downloadToFile } from '../videogen/transfer.js'
import type { Clip } from './clip.js'

export interface DownloadContext {
  dir: string
  /** Workspace root, to report paths relative to it. */
  root: string
  executionId: string
  dispatcher: Dispatcher
  files: Pick<FilesApi, 'hydrate'>
  concurrency?: number
  signal?: AbortSignal
  log?: (message: string) => void
}

const EXPIRY_MARGIN_S = 60

export function clipFileName(executionId: string, index: number): string {
  return `${executionId}-${index}.mp4`
}

async function freshUrl(clip: Clip, ctx: DownloadContext): Promise<string> {
  const valid = clip.url && (!clip.urlExpiresAt || clip.urlExpiresAt - EXPIRY_MARGIN_S > Date.now() / 1000)
  if (valid) return clip.url as string
  const file = await ctx.files.hydrate(clip.fileId)
  const url = file.downloadUrl ?? file.downloadSource?.url
  if (!url) throw new Error(`clip ${clip.index} (${clip.fileId}) has no download URL yet`)
  clip.url = url
  const expires = file.downloadUrlExpiresAt ?? file.downloadSource?.expiresAt
  if (expires) clip.urlExpiresAt = expires
  else delete clip.urlExpiresAt
  return url
}

async function downloadClip(clip: Clip, ctx: DownloadContext): Promise<void> {
  const dest = path.join(ctx.dir, clipFileName(ctx.executionId, clip.index))
  for (let attempt = 1; ; attempt++) {
    try {
      const { bytes } = await downloadToFile(ctx.dispatcher, await freshUrl(clip, ctx), dest, ctx.signal)
      clip.absPath = dest
      clip.path = path.relative(ctx.root, dest).split(path.sep).join('/')
      clip.bytes = bytes
      return
    } catch (error) {
      if (ctx.signal?.aborted) throw ctx.signal.reason
      if (attempt >= TRANSFER_BACKOFF.maxAttempts)
        throw new Error(
          `Download of clip ${clip.index} (${clip.fileId}) failed after ${attempt} attempts: ${errorText(error)}`,
        )
      if (error instanceof StorageError && error.expired) {
        delete clip.url // signed link expired (or was refused): ask for a fresh one
      } else {
        await sleep(backoffMs(attempt, TRANSFER_BACKOFF), ctx.signal)
      }
      ctx.log?.(`Download of clip ${clip.index}: ${errorText(error)}; retrying`)
    }
  }
}

export async function downloadClips(clips: Clip[], ctx: DownloadContext): Promise<void> {
  await mkdir(ctx.dir, { recursive: true })
  await mapLimit(clips, ctx.concurrency ?? 6, (clip) => downloadClip(clip, ctx))
}
