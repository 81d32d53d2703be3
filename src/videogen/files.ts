// Files: upload (ticket → PUT → ready), hydrate, public preview.
import { errorText } from './errors.js'
import type { VideoGenHttp } from './http.js'
import { StorageError, putFile } from './transfer.js'
import type { FileInfo, FileSource, UploadTicket } from './types.js'
import { TRANSFER_BACKOFF, backoffMs, sleep } from './retry.js'

const enc = encodeURIComponent

export interface UploadSource {
  absPath: string
  relPath: string
  size: number
  kind: string
  contentType: string
}

export interface UploadOptions {
  isTemporary: boolean
  deadline: number
  signal?: AbortSignal
  log?: (message: string) => void
}

const READY_POLL_MS = { first: 500, max: 5_000 }

export class FileProcessingError extends Error {
  override readonly name = 'FileProcessingError'
}

/** Ready when any source is ready; failed when none is ready and one failed (as the official SDK decides). */
export function readiness(file: FileInfo): 'ready' | 'failed' | 'pending' {
  const sources = [file.downloadSource, file.previewSource, file.thumbnailSource, file.hlsSource].filter(
    (s): s is FileSource => !!s,
  )
  if (sources.some((s) => s.status === 'ready')) return 'ready'
  if (sources.some((s) => s.status === 'failed')) return 'failed'
  return 'pending'
}

export class FilesApi {
  constructor(private readonly http: VideoGenHttp) {}

  createUpload(
    displayName: string,
    type: string,
    isTemporary: boolean,
    deadline?: number,
    signal?: AbortSignal,
  ): Promise<UploadTicket> {
    return this.http.call<UploadTicket>('POST', '/v1/files/upload', {
      body: { displayName, type, isTemporary },
      mode: 'safe',
      operation: `Create upload for ${displayName}`,
      ...(deadline !== undefined && { deadline }),
      ...(signal && { signal }),
    })
  }

  get(fileId: string, deadline?: number): Promise<FileInfo> {
    return this.http.call<FileInfo>('GET', `/v1/files/${enc(fileId)}`, {
      mode: 'safe',
      operation: `Get file ${fileId}`,
      ...(deadline !== undefined && { deadline }),
    })
  }

  hydrate(fileId: string, options: { deadline?: number; signal?: AbortSignal } = {}): Promise<FileInfo> {
    return this.http.call<FileInfo>('POST', `/v1/files/${enc(fileId)}/hydrate`, {
      mode: 'safe',
      operation: `Hydrate file ${fileId}`,
      ...options,
    })
  }

  enablePublicPreview(fileId: string): Promise<FileInfo> {
    return this.http.call<FileInfo>('POST', `/v1/files/${enc(fileId)}/enable-public-preview`, {
      mode: 'safe',
      operation: `Enable public preview of ${fileId}`,
    })
  }

  /** Upload a local file and wait until VideoGen can use it. Returns the file id. */
  async upload(source: UploadSource, options: UploadOptions): Promise<string> {
    const displayName = source.relPath.split('/').pop() ?? source.relPath
    // The signal too: a cancelled run must not sit out the ticket's retry waits.
    const newTicket = () =>
      this.createUpload(displayName, source.kind, options.isTemporary, options.deadline, options.signal)
    let ticket = await newTicket()
    for (let attempt = 1; ; attempt++) {
      try {
        await putFile(this.http.dispatcher, ticket.uploadUrl, source, options.signal)
        break
      } catch (error) {
        if (options.signal?.aborted) throw options.signal.reason
        if (attempt >= TRANSFER_BACKOFF.maxAttempts || Date.now() > options.deadline) {
          throw new Error(`Upload of ${source.relPath} failed after ${attempt} attempts: ${errorText(error)}`)
        }
        const expired = error instanceof StorageError && error.expired
        // Network errors, 5xx, and throttling (408, 429; S3 itself throttles with 503 SlowDown) are transient.
        const status = error instanceof StorageError ? (error.status ?? 0) : 0
        const retryable =
          expired || !(error instanceof StorageError) || status >= 500 || status === 408 || status === 429
        if (!retryable) throw new Error(`Upload of ${source.relPath} failed: ${errorText(error)}`)
        options.log?.(
          `Upload of ${source.relPath}: ${errorText(error)}; ${expired ? 'asking for a new upload URL' : 'retrying from the start'}`,
        )
        if (expired) ticket = await newTicket()
        else await sleep(backoffMs(attempt, TRANSFER_BACKOFF), options.signal)
      }
    }
    await this.waitReady(ticket.fileId, source.relPath, options)
    return ticket.fileId
  }

  /** Hydrate until a source is ready (hydrate, not GET: plain GET may not report readiness, contract U8). */
  async waitReady(
    fileId: string,
    label: string,
    options: { deadline: number; signal?: AbortSignal },
  ): Promise<FileInfo> {
    let delay = READY_POLL_MS.first
    for (;;) {
      const file = await this.hydrate(fileId, options)
      const state = readiness(file)
      if (state === 'ready') return file
      if (state === 'failed')
        throw new FileProcessingError(
          `VideoGen could not process ${label} (${fileId}): every rendition failed. Check that the file is a valid, uncorrupted ${file.type?.toLowerCase() ?? 'media file'}.`,
        )
      if (Date.now() + delay > options.deadline) {
        throw new FileProcessingError(`${label} (${fileId}) was still processing when the timeout was reached`)
      }
      await sleep(delay, options.signal)
      delay = Math.min(READY_POLL_MS.max, Math.round(delay * 1.5))
    }
  }
}
