// File records: upload tickets, processing after the PUT, result files of executions, and their FileInfo views.
// GET shows source statuses without URLs (the documents leave open whether it signs them; the safe
// assumption); hydrate signs fresh URLs.
import { createHash } from 'node:crypto'
import { randomId } from './ids.js'
import { mediaDuration } from './duration.js'
import { FIXTURE_SIZE, type Media, detectMedia, extensionFor, fixtures } from './media.js'
import type { SignedUrl, Signer } from './signing.js'
import type { EmulatorOptions, FileType } from './types.js'
import type { FileInfo, FileSource } from './wire.js'

export type Rendition = 'original' | 'video.mp4' | 'thumb.jpg'
export type FileState = 'pending' | 'ready' | 'failed'
/** fresh: sign anew (hydrate); refresh: re-sign when close to expiry (execution GET); stored: as last signed (lists). */
export type SignMode = 'fresh' | 'refresh' | 'stored'

/** Upload bytes are kept in memory only up to this size, so small files can be compared in tests. */
export const RETAIN_LIMIT = 8 * 1024 * 1024

export interface FileRecord {
  id: string
  origin: 'upload' | 'result'
  displayName: string
  /** Declared at creation (null when omitted); always VIDEO for results. */
  type: FileType | null
  /** From the magic bytes of the last PUT. */
  detectedType: FileType | null
  /** Container recognised in the last PUT (decides the public preview's extension). */
  format: Media['format'] | null
  /** Seconds of audio or video read from the last PUT's container header; null when unknown. */
  durationSeconds: number | null
  isTemporary: boolean
  hideFromUi: boolean
  createdAt: number
  updatedAt: number
  /** Bytes of the last completed PUT (0 before). */
  uploadedBytes: number
  /** Hex sha256 of the last completed PUT. */
  sha256: string | null
  /** Content-Type header of the last completed PUT. */
  contentType: string | null
  /** The bytes, when at most RETAIN_LIMIT (results: the result video). */
  bytes: Buffer | null
  putCount: number
  /** Null until the first PUT completes; outcome snapshotted from options.fileOutcome then. */
  processing: { readyAt: number; outcome: 'ready' | 'failed' | 'never' } | null
  publicPreview: boolean
  publicToken: string | null
  archivedAt: number | null
  sourceToolExecutionId: string | null
  /** Last signed URL per rendition. */
  signed: Partial<Record<Rendition, SignedUrl>>
}

export interface UploadedContent {
  size: number
  sha256: string
  head: Buffer
  bytes: Buffer | null
  contentType: string | null
}

interface Body {
  bytes: Buffer
  contentType: string
}

const shaCache = new WeakMap<Buffer, string>()
/** Hex sha256, cached per Buffer (fixtures and result bytes are served many times). */
export function sha256Of(bytes: Buffer): string {
  let hex = shaCache.get(bytes)
  if (!hex) shaCache.set(bytes, (hex = createHash('sha256').update(bytes).digest('hex')))
  return hex
}

export class FileStore {
  readonly files = new Map<string, FileRecord>()

  constructor(
    private readonly options: () => EmulatorOptions,
    private readonly signer: Signer,
    private readonly storageOrigin: string,
  ) {}

  get(id: string): FileRecord | undefined {
    return this.files.get(id)
  }

  private blank(id: string, now: number): FileRecord {
    return {
      id,
      origin: 'upload',
      displayName: '',
      type: null,
      detectedType: null,
      format: null,
      durationSeconds: null,
      isTemporary: false,
      hideFromUi: false,
      createdAt: now,
      updatedAt: now,
      uploadedBytes: 0,
      sha256: null,
      contentType: null,
      bytes: null,
      putCount: 0,
      processing: null,
      publicPreview: false,
      publicToken: null,
      archivedAt: null,
      sourceToolExecutionId: null,
      signed: {},
    }
  }

  createUpload(
    input: { displayName: string; type: FileType | null; isTemporary: boolean; hideFromUi: boolean },
    now: number,
  ): FileRecord {
    const file: FileRecord = { ...this.blank(randomId('vg_file_'), now), ...input }
    this.files.set(file.id, file)
    return file
  }

  static uploadPath(id: string): string {
    return `/storage-files-prod/${id}/primary-source`
  }

  uploadUrl(file: FileRecord, now: number): string {
    return this.signer.presignPut(
      this.storageOrigin,
      FileStore.uploadPath(file.id),
      this.options().uploadUrlTtlSeconds ?? 900,
      now,
    )
  }

  /** A PUT completed: replace the content and (re)start processing. */
  commitUpload(file: FileRecord, content: UploadedContent, now: number): void {
    const opts = this.options()
    file.uploadedBytes = content.size
    file.sha256 = content.sha256
    file.bytes = content.bytes
    file.contentType = content.contentType
    const media = detectMedia(content.head, content.bytes)
    file.detectedType = media?.type ?? null
    file.format = media?.format ?? null
    file.durationSeconds = mediaDuration(media, content.bytes)
    file.putCount++
    file.updatedAt = now
    file.signed = {}
    // Content that is neither recognisable nor typed by the caller cannot be processed.
    const outcome = !file.type && !file.detectedType ? 'failed' : (opts.fileOutcome ?? 'ready')
    file.processing = { readyAt: now + (opts.fileReadyDelayMs ?? 150), outcome }
  }

  createResult(
    id: string,
    input: { displayName: string; isTemporary: boolean; executionId: string; bytes: Buffer },
    now: number,
  ): FileRecord {
    const file: FileRecord = {
      ...this.blank(id, now),
      origin: 'result',
      displayName: input.displayName,
      type: 'VIDEO',
      detectedType: 'VIDEO',
      format: 'mp4',
      durationSeconds: 1,
      isTemporary: input.isTemporary,
      uploadedBytes: input.bytes.length,
      sha256: sha256Of(input.bytes),
      contentType: 'video/mp4',
      bytes: input.bytes,
      processing: { readyAt: now, outcome: 'ready' },
      sourceToolExecutionId: input.executionId,
    }
    this.files.set(id, file)
    return file
  }

  state(file: FileRecord, now: number): FileState {
    const p = file.processing
    if (!p || p.outcome === 'never' || now < p.readyAt) return 'pending'
    return p.outcome
  }

  effectiveType(file: FileRecord, now: number): FileType | null {
    return file.type ?? (this.state(file, now) === 'ready' ? file.detectedType : null)
  }

  byPublicToken(token: string): FileRecord | undefined {
    for (const file of this.files.values()) if (file.publicPreview && file.publicToken === token) return file
    return undefined
  }

  setPublicPreview(file: FileRecord, enabled: boolean, now: number): void {
    file.publicPreview = enabled
    file.publicToken = enabled ? (file.publicToken ?? randomId('vg_play_')) : null
    file.updatedAt = now
  }

  archive(file: FileRecord, now: number): void {
    file.archivedAt ??= now
    file.updatedAt = now
  }

  /** Bytes served for a rendition, or null when the emulator has none (an upload above RETAIN_LIMIT). */
  renditionBody(file: FileRecord, rendition: Rendition): Body | null {
    const { clip, thumb } = fixtures()
    switch (rendition) {
      case 'thumb.jpg':
        return { bytes: thumb, contentType: 'image/jpeg' }
      case 'video.mp4':
        if (file.origin === 'result') return { bytes: file.bytes ?? clip, contentType: 'video/mp4' }
        // An uploaded video's preview is its own bytes when retained, else the fixture clip.
        if (file.detectedType === 'VIDEO' && file.bytes)
          return { bytes: file.bytes, contentType: file.contentType ?? 'video/mp4' }
        return { bytes: clip, contentType: 'video/mp4' }
      case 'original':
        return file.bytes ? { bytes: file.bytes, contentType: file.contentType ?? 'application/octet-stream' } : null
    }
  }

  publicBody(file: FileRecord, now: number): Body | null {
    return this.renditionBody(file, this.effectiveType(file, now) === 'VIDEO' ? 'video.mp4' : 'original')
  }

  /** Which rendition backs each source once the file is ready ('skipped' = does not apply to this type). */
  private plan(
    file: FileRecord,
    type: FileType | null,
  ): Record<'download' | 'preview' | 'thumbnail', Rendition | 'skipped'> {
    const download: Rendition = file.origin === 'result' ? 'video.mp4' : 'original'
    const preview = type === 'VIDEO' ? 'video.mp4' : type === 'IMAGE' ? 'original' : 'skipped'
    const thumbnail =
      type === 'VIDEO' || type === 'IMAGE' || type === 'PDF' || type === 'SLIDESHOW' ? 'thumb.jpg' : 'skipped'
    return { download, preview, thumbnail }
  }

  private sign(file: FileRecord, rendition: Rendition, mode: SignMode, now: number): SignedUrl {
    const ttl = this.options().downloadUrlTtlSeconds ?? 3600
    const current = file.signed[rendition]
    // Single-object GETs re-sign URLs within 1 h of expiry; with short TTLs, within half the TTL.
    const fresh =
      !current ||
      mode === 'fresh' ||
      (mode === 'refresh' && current.expiresAt - Math.floor(now / 1000) <= Math.min(3600, ttl / 2))
    if (!fresh) return current
    const signed = this.signer.signGet(this.storageOrigin, `/files/${file.id}/${rendition}`, ttl, now)
    file.signed[rendition] = signed
    return signed
  }

  private source(
    file: FileRecord,
    state: FileState,
    rendition: Rendition | 'skipped',
    sign: SignMode | null,
    now: number,
  ): FileSource {
    if (state !== 'ready' || rendition === 'skipped') {
      return {
        status: state === 'ready' ? 'skipped' : state,
        url: null,
        expiresAt: null,
        width: null,
        height: null,
        fileBytes: null,
      }
    }
    const body = this.renditionBody(file, rendition)
    const fixtureSized =
      rendition === 'thumb.jpg' ||
      (rendition === 'video.mp4' && (file.origin === 'result' || body?.bytes === fixtures().clip))
    const signed = sign ? this.sign(file, rendition, sign, now) : null
    return {
      status: 'ready',
      url: signed?.url ?? null,
      expiresAt: signed?.expiresAt ?? null,
      width: fixtureSized ? FIXTURE_SIZE.width : null,
      height: fixtureSized ? FIXTURE_SIZE.height : null,
      fileBytes: rendition === 'original' ? file.uploadedBytes : (body?.bytes.length ?? null),
    }
  }

  /**
   * FileInfo view. `sign` null = plain GET (statuses only, no URLs); otherwise hydrated with signed URLs.
   * `inline` drops fileAnalysisMetadata, as in tool results.
   */
  view(file: FileRecord, sign: SignMode | null, now: number, inline = false): FileInfo {
    const state = this.state(file, now)
    const type = this.effectiveType(file, now)
    const plan = this.plan(file, type)
    const downloadSource = this.source(file, state, plan.download, sign, now)
    const previewSource = this.source(file, state, plan.preview, sign, now)
    const thumbnailSource = this.source(file, state, plan.thumbnail, sign, now)
    const publicBody = file.publicPreview ? this.publicBody(file, now) : null
    const info: FileInfo = {
      fileId: file.id,
      type,
      scope: file.isTemporary ? 'TEMPORARY' : 'GLOBAL',
      displayName: file.displayName,
      description: null,
      durationSeconds: state === 'ready' && (type === 'AUDIO' || type === 'VIDEO') ? file.durationSeconds : null,
      transcript: null,
      transcriptText: null,
      downloadUrl: downloadSource.url,
      downloadUrlExpiresAt: downloadSource.expiresAt,
      thumbnailUrl: thumbnailSource.url,
      thumbnailUrlExpiresAt: thumbnailSource.expiresAt,
      downloadSource,
      previewSource,
      thumbnailSource,
      hlsSource: null,
      isPublicPreviewEnabled: file.publicPreview,
      staticPublicPreviewSource: file.publicPreview
        ? {
            status: state === 'ready' && publicBody ? 'ready' : state === 'failed' ? 'failed' : 'pending',
            url:
              state === 'ready' && publicBody
                ? `${this.storageOrigin}/public/${file.publicToken}.${extensionFor(type, file.contentType, file.format)}`
                : null,
            expiresAt: null,
            width: null,
            height: null,
            fileBytes: publicBody?.bytes.length ?? null,
          }
        : null,
      publicHlsUrl: null,
      publicPlaybackId: file.publicPreview && (type === 'VIDEO' || type === 'AUDIO') ? file.publicToken : null,
    }
    if (file.sourceToolExecutionId) {
      info.sourceToolType = 'GENERATE_VIDEO_CLIP'
      info.sourceToolExecutionId = file.sourceToolExecutionId
    }
    if (!inline) {
      info.fileAnalysisMetadata =
        file.isTemporary || state === 'pending'
          ? { analysisLoadingState: 'UNATTEMPTED', analysisProgressPercentage: 0 }
          : state === 'failed'
            ? { analysisLoadingState: 'REJECTED', analysisProgressPercentage: 0 }
            : { analysisLoadingState: 'FULFILLED', analysisProgressPercentage: 100 }
    }
    return info
  }

  /** Non-archived files, most recently updated first. */
  listable(): FileRecord[] {
    return [...this.files.values()].filter((f) => f.archivedAt === null).sort((a, b) => b.updatedAt - a.updatedAt)
  }
}
