// Files: upload (ticket → PUT → ready), hydrate, public preview, download.
import type { Dispatcher } from 'undici'
import { type DecodeContext, decodeFile, decodeUploadTicket } from './decode.js'
import type { VideoGenHttp } from './http.js'
import { sleep } from './retry.js'
import { TransferLimitError, downloadToFile, putFile, retryTransfer } from './transfer.js'
import type { FileInfo, FileSource, UploadTicket } from './types.js'

const enc = encodeURIComponent

export interface UploadSource {
  absPath: string
  /** Clean, workspace-relative name for messages. */
  label: string
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

/** A signed link to a file's bytes, and when it stops working (unix seconds; undefined: not said). */
export interface SignedUrl {
  url: string
  expiresAt?: number
}

export interface DownloadRequest {
  fileId: string
  /** Subject of messages, e.g. "Download of clip 1 (vg_file_…)". */
  what: string
  /** The link the execution gave, if any; renewed through hydrate when missing, expired or refused. */
  link?: SignedUrl
  dir: string
  name: string
  maxBytes: number
  deadline: number
  signal?: AbortSignal
  log?: (message: string) => void
}

const READY_POLL_MS = { first: 500, max: 5_000 }
/** A link that expires within this margin is renewed before use. */
const EXPIRY_MARGIN_S = 60

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

/** The download link of a file record: the top-level copy, else the download source's. */
export function downloadLink(file: FileInfo): SignedUrl | undefined {
  const url = file.downloadUrl ?? file.downloadSource?.url
  if (!url) return undefined
  const expiresAt = file.downloadUrl ? file.downloadUrlExpiresAt : file.downloadSource?.expiresAt
  return { url, ...(expiresAt !== undefined && { expiresAt }) }
}

/** The thumbnail link of a file record, picked the same way. */
export function thumbnailLink(file: FileInfo): SignedUrl | undefined {
  const url = file.thumbnailUrl ?? file.thumbnailSource?.url
  if (!url) return undefined
  const expiresAt = file.thumbnailUrl ? file.thumbnailUrlExpiresAt : file.thumbnailSource?.expiresAt
  return { url, ...(expiresAt !== undefined && { expiresAt }) }
}

export function isFresh(link: SignedUrl | undefined, now = Date.now()): link is SignedUrl {
  return !!link && (link.expiresAt === undefined || link.expiresAt - EXPIRY_MARGIN_S > now / 1000)
}

export class FilesApi {
  private readonly dispatcher: Dispatcher

  constructor(
    private readonly http: VideoGenHttp,
    private readonly decode: DecodeContext,
  ) {
    this.dispatcher = http.dispatcher
  }

  async createUpload(
    displayName: string,
    type: string,
    isTemporary: boolean,
    deadline?: number,
    signal?: AbortSignal,
  ): Promise<UploadTicket> {
    const raw = await this.http.call('POST', '/v1/files/upload', {
      body: { displayName, type, isTemporary },
      mode: 'safe',
      operation: `Create upload for ${displayName}`,
      ...(deadline !== undefined && { deadline }),
      ...(signal && { signal }),
    })
    return decodeUploadTicket(raw, this.decode)
  }

  async get(fileId: string): Promise<FileInfo> {
    const raw = await this.http.call('GET', `/v1/files/${enc(fileId)}`, {
      mode: 'safe',
      operation: `Get file ${fileId}`,
    })
    return decodeFile(raw, this.decode, fileId)
  }

  async hydrate(fileId: string, options: { deadline?: number; signal?: AbortSignal } = {}): Promise<FileInfo> {
    const raw = await this.http.call('POST', `/v1/files/${enc(fileId)}/hydrate`, {
      mode: 'safe',
      operation: `Hydrate file ${fileId}`,
      ...options,
    })
    return decodeFile(raw, this.decode, fileId)
  }

  async enablePublicPreview(
    fileId: string,
    options: { deadline?: number; signal?: AbortSignal } = {},
  ): Promise<FileInfo> {
    const raw = await this.http.call('POST', `/v1/files/${enc(fileId)}/enable-public-preview`, {
      mode: 'safe',
      operation: `Enable public preview of ${fileId}`,
      ...options,
    })
    return decodeFile(raw, this.decode, fileId)
  }

  /** Upload a local file and wait until VideoGen can use it. Returns the file id. */
  async upload(source: UploadSource, options: UploadOptions): Promise<string> {
    const displayName = source.label.split('/').pop() || source.label
    // The signal too: a cancelled run must not sit out the ticket's retry waits.
    const newTicket = () =>
      this.createUpload(displayName, source.kind, options.isTemporary, options.deadline, options.signal)
    let ticket = await newTicket()
    await retryTransfer(
      { what: `Upload of ${source.label}`, deadline: options.deadline, ...pick(options) },
      () => putFile(this.dispatcher, ticket.uploadUrl, source, options.signal),
      async () => {
        ticket = await newTicket()
      },
    )
    await this.waitReady(ticket.fileId, source.label, options)
    return ticket.fileId
  }

  /** Hydrate until a source is ready (hydrate, not GET: a plain GET may not report readiness). */
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

  /** A usable download link: the one given while it is fresh, else a newly signed one. */
  async freshDownloadLink(fileId: string, given: SignedUrl | undefined, signal?: AbortSignal): Promise<SignedUrl> {
    if (isFresh(given)) return given
    const link = downloadLink(await this.hydrate(fileId, { ...(signal && { signal }) }))
    if (!link) throw new Error(`${fileId} has no download URL yet`)
    return link
  }

  /**
   * Download a file into `dir/name` under the transfer rule (expired links renewed through hydrate),
   * within `deadline` and `maxBytes`. Returns the size and the link that worked.
   */
  async download(req: DownloadRequest): Promise<{ bytes: number; link: SignedUrl }> {
    const timeLeft = Math.max(0, req.deadline - Date.now())
    const timer = AbortSignal.timeout(timeLeft)
    const signal = req.signal ? AbortSignal.any([req.signal, timer]) : timer
    let link = req.link
    try {
      const bytes = await retryTransfer(
        { what: req.what, deadline: req.deadline, ...pick(req) },
        async () => {
          link = await this.freshDownloadLink(req.fileId, link, signal)
          return downloadToFile(this.dispatcher, link.url, req.dir, req.name, { maxBytes: req.maxBytes, signal })
        },
        async () => {
          link = undefined
        },
      )
      return { bytes, link: link as SignedUrl }
    } catch (error) {
      if (timer.aborted && !req.signal?.aborted) {
        throw new TransferLimitError(
          `${req.what} did not finish within the time left (${Math.round(timeLeft / 1000)} s)`,
        )
      }
      throw error
    }
  }
}

function pick(options: { signal?: AbortSignal; log?: (message: string) => void }) {
  return { ...(options.signal && { signal: options.signal }), ...(options.log && { log: options.log }) }
}
