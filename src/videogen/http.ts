// The API transport: undici, bearer auth to the base URL's origin only, error decoding, retries, proxy.
import { type Dispatcher, request } from 'undici'
import { clean } from '../sanitize.js'
import { BodyTooLargeError, ERROR_BODY_BYTES, JSON_BODY_BYTES, discard, readCapped } from './body.js'
import { decodeApiError } from './decode.js'
import { createDispatcher, tracked } from './dispatcher.js'
import { NetworkError, VideoGenApiError, answeredBeforeProcessing } from './errors.js'
import { classifyNetworkError } from './network.js'
import { DEFAULT_POLICY, type RetryPolicy, backoffMs, header, serverDelayMs, sleep } from './retry.js'
import type { ApiErrorBody } from './types.js'

/**
 * How a request may be retried.
 * - `safe`: reads, hydrate, cancel, upload tickets: repeating them costs nothing.
 * - `create`: POST generate-video-clip is not idempotent: only retried when the server cannot have
 *   processed it (nothing sent, 429 rate_limited, the API's own 503).
 */
export type RetryMode = 'safe' | 'create'

export interface CallOptions {
  body?: unknown
  mode: RetryMode
  /** Human name for messages, e.g. "Create upload for images/a.png". */
  operation: string
  /** Aborts the request and the waits between attempts (for mode `create`, only the waits). */
  signal?: AbortSignal
  /** Epoch ms after which no retry wait is started. */
  deadline?: number
  /** Query parameters. */
  query?: Record<string, string>
  /** Sees the headers of every answer (e.g. to read the rate-limit budget). */
  onHeaders?: (headers: Dispatcher.ResponseData['headers']) => void
}

export interface HttpLog {
  debug(message: string): void
  info(message: string): void
}

export interface ClientOptions {
  baseUrl: string
  apiKey: string
  dispatcher?: Dispatcher
  policy?: RetryPolicy
  log?: HttpLog
  userAgent?: string
  /** Time allowed for the response headers and between body chunks (default: requestTimeoutFromEnv()). */
  requestTimeoutMs?: number
}

const RETRYABLE_STATUS = new Set([408, 429, 500, 502, 503, 504])
const quietLog: HttpLog = { debug() {}, info() {} }
const DEFAULT_REQUEST_TIMEOUT_MS = 60_000
/** The least time a request is given when its deadline is (nearly) up: enough for one quick answer. */
const MIN_REQUEST_TIMEOUT_MS = 2_000
const REQUEST_ID = /^[A-Za-z0-9._:/+=-]{1,128}$/

/**
 * Per-request timeout: VIDEOGEN_REQUEST_TIMEOUT_MS (milliseconds) when set to a positive number, else 60 s.
 * An operational knob (slow proxies) that the fault tests also use to make a hung request fail fast.
 */
export function requestTimeoutFromEnv(env: NodeJS.ProcessEnv = process.env): number {
  const raw = Number(env.VIDEOGEN_REQUEST_TIMEOUT_MS)
  return Number.isFinite(raw) && raw > 0 ? raw : DEFAULT_REQUEST_TIMEOUT_MS
}

/** The request id of a response, if it has a plausible one (it is printed in every error). */
export function requestIdOf(headers: Dispatcher.ResponseData['headers']): string | undefined {
  const value = header(headers, 'x-request-id')
  return value === undefined ? undefined : REQUEST_ID.test(value) ? value : clean(value, 64)
}

function parseErrorBody(text: string, redact: (text: string) => string): { body: ApiErrorBody; fromApi: boolean } {
  try {
    const parsed: unknown = JSON.parse(text)
    const body = decodeApiError(parsed, redact)
    if (body.message !== undefined) return { body, fromApi: true }
  } catch {
    // Proxies and load balancers answer with HTML or nothing: keep a short, single-line excerpt.
  }
  const excerpt = clean(
    text
      .replace(/<[^>]*>/g, ' ')
      .replace(/\s+/g, ' ')
      .trim(),
    200,
  )
  return { body: { message: excerpt ? `non-JSON response: ${excerpt}` : 'empty response body' }, fromApi: false }
}

/** Every string (and property name) of a parsed body through `redact`; iterative, since depth is the sender's choice. */
function redactStrings(root: unknown, redact: (text: string) => string): unknown {
  if (typeof root === 'string') return redact(root)
  const pending: unknown[] = [root]
  while (pending.length > 0) {
    const node = pending.pop()
    if (node === null || typeof node !== 'object') continue
    const record = node as Record<string, unknown>
    for (const name of Object.keys(record)) {
      const value = record[name]
      if (typeof value === 'object' && value !== null) pending.push(value)
      const redacted = typeof value === 'string' ? redact(value) : value
      const cleanName = Array.isArray(node) ? name : redact(name)
      if (cleanName !== name) delete record[name]
      // defineProperty: a "__proto__" name is data here, never the prototype.
      if (redacted !== value || cleanName !== name)
        Object.defineProperty(record, cleanName, {
          value: redacted,
          writable: true,
          enumerable: true,
          configurable: true,
        })
    }
  }
  return root
}

type Outcome = { ok: true; value: unknown } | { ok: false; error: Error; retryAfterMs?: number }

export class VideoGenHttp {
  readonly origin: string
  readonly dispatcher: Dispatcher
  private readonly policy: RetryPolicy
  private readonly log: HttpLog
  private readonly timeoutMs: number

  constructor(private readonly options: ClientOptions) {
    this.origin = new URL(options.baseUrl).origin
    this.dispatcher = options.dispatcher ?? createDispatcher()
    this.policy = options.policy ?? DEFAULT_POLICY
    this.log = options.log ?? quietLog
    this.timeoutMs = options.requestTimeoutMs ?? requestTimeoutFromEnv()
  }

  /**
   * The key never leaves through an error: a server (or proxy) that echoes it back in a body would
   * otherwise put it into the step's error, the summary and the results file, where runner masking
   * does not reach everywhere.
   */
  redact = (text: string): string => {
    const key = this.options.apiKey
    if (key.length < 4 || !text) return text
    return text.split(key).join('***').split(JSON.stringify(key).slice(1, -1)).join('***')
  }

  /** Performs the call with the retries its mode allows; resolves to the parsed JSON body. */
  async call(method: 'GET' | 'POST', path: string, options: CallOptions): Promise<unknown> {
    // Total budget: the caller's deadline, capped for calls without one (see RetryPolicy.totalBudgetMs).
    const budgetEnd = Math.min(options.deadline ?? Infinity, Date.now() + (this.policy.totalBudgetMs ?? Infinity))
    for (let attempt = 1; ; attempt++) {
      const outcome = await this.once(method, path, options)
      if (outcome.ok) return outcome.value
      const { error, retryAfterMs } = outcome
      if (!this.isRetryable(error, options.mode)) throw error
      const wait = retryAfterMs ?? backoffMs(attempt, this.policy)
      if (
        retryAfterMs !== undefined &&
        (retryAfterMs > this.policy.maxServerDelayMs || Date.now() + wait > budgetEnd)
      ) {
        error.message += ` The server asked to retry in ${Math.ceil(retryAfterMs / 1000)} s, which is past the time left; not retried.`
        throw error
      }
      if (attempt >= this.policy.maxAttempts || Date.now() + wait > budgetEnd) {
        error.message += ` (gave up after ${attempt} attempt${attempt === 1 ? '' : 's'}${attempt < this.policy.maxAttempts ? ': the time left was spent' : ''})`
        throw error
      }
      this.log.info(
        `${options.operation}: ${shortReason(error)}; retrying in ${(wait / 1000).toFixed(1)} s (attempt ${attempt + 1} of ${this.policy.maxAttempts})`,
      )
      await sleep(wait, options.signal)
    }
  }

  /**
   * How long one request may wait for an answer: the request timeout, and never past the caller's deadline
   * (a hung poll must not hold a timed-out step for a minute before it cancels). A create keeps the whole
   * request timeout: its answer is the only proof of what was created.
   */
  private requestTimeout(options: CallOptions): number {
    if (options.mode === 'create' || options.deadline === undefined) return this.timeoutMs
    return Math.min(this.timeoutMs, Math.max(MIN_REQUEST_TIMEOUT_MS, options.deadline - Date.now()))
  }

  private isRetryable(error: Error, mode: RetryMode): boolean {
    if (error instanceof VideoGenApiError) {
      if (mode === 'create') return answeredBeforeProcessing(error)
      return error.status === 429 ? error.code !== 'insufficient_credits' : RETRYABLE_STATUS.has(error.status)
    }
    if (error instanceof NetworkError) return error.transient && (mode === 'safe' || error.notSent)
    return false
  }

  private async once(method: 'GET' | 'POST', path: string, options: CallOptions): Promise<Outcome> {
    const query = options.query ? `?${new URLSearchParams(options.query).toString()}` : ''
    const url = `${this.options.baseUrl}${path}${query}`
    const hasBody = options.body !== undefined
    const started = Date.now()
    let response: Dispatcher.ResponseData
    const attempt = tracked(this.dispatcher)
    try {
      response = await request(url, {
        method,
        dispatcher: attempt.dispatcher,
        headers: {
          authorization: `Bearer ${this.options.apiKey}`,
          accept: 'application/json',
          'user-agent': this.options.userAgent ?? 'videogen-action',
          ...(hasBody && { 'content-type': 'application/json' }),
        },
        ...(hasBody && { body: JSON.stringify(options.body) }),
        headersTimeout: this.requestTimeout(options),
        bodyTimeout: this.requestTimeout(options),
        // A create in flight is never aborted (only a known id can be cancelled); its retry waits are.
        ...(options.signal && options.mode !== 'create' && { signal: options.signal }),
      })
    } catch (cause) {
      // For a create the signal did not abort this request: its failure must surface as it is (ambiguity).
      if (options.signal?.aborted && options.mode !== 'create') throw options.signal.reason
      this.log.debug(
        `${method} ${path} → network error after ${Date.now() - started} ms: ${clean((cause as Error).message)}`,
      )
      const failure = classifyNetworkError(cause, url, attempt.written())
      return { ok: false, error: new NetworkError(options.operation, cause, failure) }
    }
    options.onHeaders?.(response.headers)
    const id = requestIdOf(response.headers)
    const requestId = id === undefined ? undefined : this.redact(id)
    this.log.debug(
      `${method} ${path} → ${response.statusCode} in ${Date.now() - started} ms${requestId ? ` (request id ${requestId})` : ''}`,
    )
    if (response.statusCode >= 300 && response.statusCode < 400) {
      discard(response.body)
      const location = clean(this.redact((header(response.headers, 'location') ?? '(none)').split('?')[0] ?? ''), 200)
      const body = {
        message: `unexpected redirect to ${location}; set base-url to the API's final address (the key is only ever sent to base-url)`,
        code: 'redirect',
      }
      return { ok: false, error: new VideoGenApiError(response.statusCode, body, requestId, options.operation, false) }
    }
    if (response.statusCode >= 400) {
      // A little more than is kept, so a key that starts before the cut is read whole, and redacted whole.
      const raw = await readCapped(response.body, ERROR_BODY_BYTES + this.options.apiKey.length)
      const { body, fromApi } = parseErrorBody(this.redact(raw).slice(0, ERROR_BODY_BYTES), this.redact)
      const error = new VideoGenApiError(response.statusCode, body, requestId, options.operation, fromApi)
      // Only a 429 waits for X-RateLimit-Reset; every status honours an explicit Retry-After.
      const retryAfterMs = serverDelayMs(response.headers, Date.now(), { rateLimitReset: response.statusCode === 429 })
      error.retryAfterMs = retryAfterMs
      return { ok: false, error, ...(retryAfterMs !== undefined && { retryAfterMs }) }
    }
    try {
      const text = this.redact(await readCapped(response.body, JSON_BODY_BYTES, true))
      if (text === '') return { ok: true, value: {} }
      const value: unknown = JSON.parse(text)
      // An escape (\u0076…) can spell the key where the text showed none: the parsed strings are redacted too.
      return { ok: true, value: text.includes('\\') ? redactStrings(value, this.redact) : value }
    } catch (cause) {
      // A body cut off mid-way, or not JSON on a 2xx: the request was processed, the answer lost. One too
      // large to read will be as large the next time: not worth a retry.
      const tooLarge = cause instanceof BodyTooLargeError
      const failure = {
        maybeSent: true,
        transient: !tooLarge,
        explanation: tooLarge
          ? 'The answer was too large to read.'
          : 'The answer was lost after the request was processed.',
      }
      return { ok: false, error: new NetworkError(options.operation, cause, failure) }
    }
  }
}

function shortReason(error: Error): string {
  if (error instanceof VideoGenApiError) return `HTTP ${error.status}${error.code ? ` ${error.code}` : ''}`
  return error.message.replace(/^[^:]*failed: /, '')
}
