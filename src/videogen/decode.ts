// Response bodies → typed values. A response is outside input: a gateway, a proxy or a broken server can
// put anything in any field. Each field is checked against its documented shape before the action uses
// it; a field that fails is dropped (an unparsable expiry renders as "unknown", it never throws later),
// and a response whose essentials fail is refused with an UnexpectedResponseError.
import { clean, hasUnsafeCharacters } from '../sanitize.js'
import { isExecutionId, isFileId } from './ids.js'
import {
  type ApiErrorBody,
  EXECUTION_STATUSES,
  type Execution,
  type ExecutionPage,
  type ExecutionStatus,
  type FileInfo,
  type FileSource,
  type SourceStatus,
  type ToolResult,
  type UploadTicket,
} from './types.js'

export class UnexpectedResponseError extends Error {
  override readonly name = 'UnexpectedResponseError'
}

export interface DecodeContext {
  /** Accept http:// URLs to loopback hosts (only when the API itself is on loopback: the emulator). */
  httpLoopback: boolean
  /**
   * Takes the API key out of a decoded text (a server may echo it JSON-escaped, which a search of the raw
   * body does not find); a URL that holds it is dropped.
   */
  redact?: (text: string) => string
}

const same = (text: string) => text

/** Signed storage URLs may be plain http only where the API itself is (the emulator on loopback). */
export function decodeContextFor(baseUrl: string): DecodeContext {
  return { httpLoopback: new URL(baseUrl).protocol === 'http:' }
}

type Obj = Record<string, unknown>

const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v)
const MAX_URL = 8192
/** Unix seconds between 2001 and 5138: milliseconds, microseconds and ISO strings fall outside. */
const isUnixSeconds = (v: unknown): v is number => Number.isInteger(v) && (v as number) >= 1e9 && (v as number) < 1e11

function loopback(hostname: string): boolean {
  return hostname === 'localhost' || hostname === '[::1]' || /^127\.\d+\.\d+\.\d+$/.test(hostname)
}

export function isSafeUrl(value: unknown, ctx: DecodeContext): value is string {
  if (typeof value !== 'string' || value.length > MAX_URL || hasUnsafeCharacters(value, { blanks: true })) return false
  let url: URL
  try {
    url = new URL(value)
  } catch {
    return false
  }
  if (url.username || url.password) return false
  return url.protocol === 'https:' || (url.protocol === 'http:' && ctx.httpLoopback && loopback(url.hostname))
}

const url = (v: unknown, ctx: DecodeContext) => (isSafeUrl(v, ctx) && (ctx.redact ?? same)(v) === v ? v : undefined)
const expiry = (v: unknown) => (isUnixSeconds(v) ? v : undefined)
const finiteIn = (v: unknown, min: number, max: number) =>
  typeof v === 'number' && Number.isFinite(v) && v >= min && v <= max ? v : undefined
const token = (v: unknown, pattern: RegExp) => (typeof v === 'string' && pattern.test(v) ? v : undefined)
const text = (v: unknown, max: number, redact = same) =>
  typeof v === 'string' && v.trim() !== '' ? clean(redact(v.trim()), max) : undefined

/** Drops the keys whose value is undefined, so a decoded object only has fields that passed. */
function defined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T
}

const SOURCE_STATUSES: readonly SourceStatus[] = ['pending', 'ready', 'failed', 'skipped']

function source(raw: unknown, ctx: DecodeContext): FileSource | undefined {
  if (!isObj(raw) || !SOURCE_STATUSES.includes(raw.status as SourceStatus)) return undefined
  return defined({
    status: raw.status as SourceStatus,
    url: url(raw.url, ctx),
    expiresAt: expiry(raw.expiresAt),
    fileBytes:
      Number.isSafeInteger(raw.fileBytes) && (raw.fileBytes as number) >= 0 ? (raw.fileBytes as number) : undefined,
  })
}

export function decodeFile(raw: unknown, ctx: DecodeContext, expectedId?: string): FileInfo {
  if (!isObj(raw)) throw new UnexpectedResponseError('the file record is not a JSON object')
  const fileId = isFileId(raw.fileId) ? raw.fileId : expectedId
  if (!fileId) throw new UnexpectedResponseError(`the file record has no valid file id (${clean(raw.fileId, 80)})`)
  return defined({
    fileId,
    type: token(raw.type, /^[A-Z_]{1,32}$/),
    durationSeconds: finiteIn(raw.durationSeconds, 0, 86_400),
    downloadUrl: url(raw.downloadUrl, ctx),
    downloadUrlExpiresAt: expiry(raw.downloadUrlExpiresAt),
    thumbnailUrl: url(raw.thumbnailUrl, ctx),
    thumbnailUrlExpiresAt: expiry(raw.thumbnailUrlExpiresAt),
    downloadSource: source(raw.downloadSource, ctx),
    previewSource: source(raw.previewSource, ctx),
    thumbnailSource: source(raw.thumbnailSource, ctx),
    hlsSource: source(raw.hlsSource, ctx),
    staticPublicPreviewSource: source(raw.staticPublicPreviewSource, ctx),
    publicHlsUrl: url(raw.publicHlsUrl, ctx),
  })
}

function result(raw: unknown, ctx: DecodeContext): ToolResult | undefined {
  if (!isObj(raw) || !isFileId(raw.fileId)) return undefined
  let file: FileInfo | undefined
  try {
    file = isObj(raw.file) ? decodeFile(raw.file, ctx, raw.fileId) : undefined
  } catch {
    file = undefined
  }
  return defined({
    fileId: raw.fileId,
    type: token(raw.type, /^[A-Z_]{1,32}$/),
    file,
    downloadUrl: url(raw.downloadUrl, ctx),
    downloadUrlExpiresAt: expiry(raw.downloadUrlExpiresAt),
    thumbnailUrl: url(raw.thumbnailUrl, ctx),
    thumbnailUrlExpiresAt: expiry(raw.thumbnailUrlExpiresAt),
  })
}

export function decodeApiError(raw: unknown, redact: (text: string) => string = same): ApiErrorBody {
  if (!isObj(raw)) return {}
  const requirement =
    isObj(raw.requirement) && text(raw.requirement.type, 64, redact) !== undefined ? raw.requirement : undefined
  const details = requirement && isObj(requirement.details) ? requirement.details : undefined
  return defined({
    message: text(raw.message, 500, redact),
    code: text(raw.code, 64, redact),
    internalErrorCode: text(raw.internalErrorCode, 64, redact),
    requirement: requirement && {
      type: text(requirement.type, 64, redact) as string,
      ...(details && {
        details: Object.fromEntries(
          Object.entries(details)
            .slice(0, 10)
            .map(([k, v]) => [clean(redact(k), 64), clean(typeof v === 'string' ? redact(v) : v, 200)]),
        ),
      }),
    },
  })
}

function status(raw: unknown, redact = same): { status: Execution['status']; statusText?: string } {
  const value = raw === 'canceled' ? 'cancelled' : raw
  if (EXECUTION_STATUSES.includes(value as ExecutionStatus)) return { status: value as ExecutionStatus }
  return {
    status: 'unknown',
    statusText: raw === undefined ? 'none' : clean(typeof raw === 'string' ? redact(raw) : raw, 60),
  }
}

/**
 * An ExecutedTool. The id the action asked for (`expectedId`) wins over the one in the body: a server that
 * answers with another id (or a path like `../../x`) cannot redirect where files go.
 */
export function decodeExecution(raw: unknown, ctx: DecodeContext, expectedId?: string): Execution {
  if (!isObj(raw)) throw new UnexpectedResponseError('the execution is not a JSON object')
  // The earliest API era named the id `executionId`.
  const given = raw.toolExecutionId ?? raw.executionId
  const id = expectedId ?? (isExecutionId(given) ? given : undefined)
  if (id === undefined) throw new UnexpectedResponseError(`the execution has no valid id (${clean(given, 80)})`)
  const results = Array.isArray(raw.results) ? raw.results.slice(0, 1000).map((r) => result(r, ctx)) : []
  return defined({
    toolExecutionId: id,
    ...status(raw.status, ctx.redact),
    toolType: token(raw.toolType, /^[A-Z0-9_]{1,64}$/),
    progressPercentage: finiteIn(raw.progressPercentage, 0, 100),
    attemptIndex:
      Number.isSafeInteger(raw.attemptIndex) && (raw.attemptIndex as number) >= 0
        ? (raw.attemptIndex as number)
        : undefined,
    results: results.filter((r): r is ToolResult => r !== undefined),
    error: isObj(raw.error) ? decodeApiError(raw.error, ctx.redact) : undefined,
  })
}

export function decodeCreated(raw: unknown): string {
  const id = isObj(raw) ? (raw.toolExecutionId ?? raw.executionId) : undefined
  if (!isExecutionId(id)) {
    throw new UnexpectedResponseError(
      id === undefined
        ? 'the 202 response carried no toolExecutionId'
        : `the 202 response carried a malformed execution id (${clean(id, 80)})`,
    )
  }
  return id
}

export function decodeUploadTicket(raw: unknown, ctx: DecodeContext): UploadTicket {
  if (!isObj(raw) || !isFileId(raw.fileId)) throw new UnexpectedResponseError('the upload ticket has no valid file id')
  if (!isSafeUrl(raw.uploadUrl, ctx))
    throw new UnexpectedResponseError(`the upload URL of ${raw.fileId} is not a valid https URL`)
  return { fileId: raw.fileId, uploadUrl: raw.uploadUrl }
}

export function decodeExecutionPage(raw: unknown, ctx: DecodeContext): ExecutionPage {
  if (!isObj(raw) || !Array.isArray(raw.toolExecutions))
    throw new UnexpectedResponseError('the execution list has no toolExecutions array')
  const executions: Execution[] = []
  for (const item of raw.toolExecutions.slice(0, 1000)) {
    try {
      executions.push(decodeExecution(item, ctx))
    } catch {
      // An entry without a valid id can be neither matched nor cancelled: skip it.
    }
  }
  const nextCursor =
    raw.hasMore === true && typeof raw.nextCursor === 'string' && raw.nextCursor.length <= 2048
      ? raw.nextCursor
      : undefined
  return defined({ executions, nextCursor })
}
