// When and how long to wait before retrying a request. Pure functions of the response and the clock.

export interface RetryPolicy {
  /** Attempts in all, the first included. */
  maxAttempts: number
  /** Base of the exponential backoff, doubled on each attempt. */
  baseDelayMs: number
  /** Cap of a single backoff wait (a server-given Retry-After / reset may ask for longer; see maxServerDelayMs). */
  maxDelayMs: number
  /** Longest wait accepted from Retry-After or X-RateLimit-Reset. */
  maxServerDelayMs: number
  /**
   * Total time one call may spend on attempts and waits when the caller gives no deadline, so a
   * flapping endpoint cannot hold the step for attempts × (request timeout + backoff).
   */
  totalBudgetMs?: number
}

export const DEFAULT_POLICY: RetryPolicy = {
  maxAttempts: 8,
  baseDelayMs: 1000,
  maxDelayMs: 30_000,
  maxServerDelayMs: 15 * 60_000,
  totalBudgetMs: 5 * 60_000,
}

type HeaderBag = Record<string, string | string[] | undefined>

/** A response header's value (the first, when repeated). */
export function header(headers: HeaderBag, name: string): string | undefined {
  const value = headers[name.toLowerCase()]
  return Array.isArray(value) ? value[0] : value
}

/**
 * Retry-After (seconds or HTTP date), else X-RateLimit-Reset (unix seconds); undefined when neither applies.
 * `rateLimitReset: false` ignores X-RateLimit-Reset: VideoGen sends it on every response, so on a 503 (or a
 * 429 while requests remain in the window) it says when the hourly window ends, not when to come back.
 */
export function serverDelayMs(
  headers: HeaderBag,
  now = Date.now(),
  { rateLimitReset = true }: { rateLimitReset?: boolean } = {},
): number | undefined {
  const retryAfter = header(headers, 'retry-after')?.trim()
  if (retryAfter) {
    if (/^\d+(\.\d+)?$/.test(retryAfter)) return Number(retryAfter) * 1000
    const date = Date.parse(retryAfter)
    if (!Number.isNaN(date)) return Math.max(0, date - now)
  }
  if (!rateLimitReset) return undefined
  const budget = rateBudgetOf(headers, now)
  if (!budget || (budget.remaining ?? 0) > 0) return undefined
  return Math.max(0, budget.resetAt - now)
}

/** Exponential backoff with full jitter in [50 %, 100 %] of the step, so parallel jobs spread out. */
export function backoffMs(attempt: number, policy: RetryPolicy, random = Math.random): number {
  const step = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** Math.max(0, attempt - 1))
  return Math.round(step * (0.5 + random() * 0.5))
}

export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason)
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort)
      resolve()
    }, ms)
    const onAbort = () => {
      clearTimeout(timer)
      reject(signal?.reason)
    }
    signal?.addEventListener('abort', onAbort, { once: true })
  })
}

/** The hourly budget of an endpoint group, as the API reports it on every answer. */
export interface RateBudget {
  /** Requests left in the window (undefined when not said). */
  remaining?: number
  /** When the window resets, epoch ms. */
  resetAt: number
}

/** X-RateLimit-Remaining and X-RateLimit-Reset, when the reset is given. */
export function rateBudgetOf(headers: HeaderBag, now = Date.now()): RateBudget | undefined {
  const reset = header(headers, 'x-ratelimit-reset')?.trim()
  if (!reset || !/^\d+(\.\d+)?$/.test(reset)) return undefined
  const n = Number(reset)
  // Unix seconds per the API documentation; a small number is read as seconds from now, as some proxies send it.
  const resetAt = n > 1e9 ? n * 1000 : now + n * 1000
  const remaining = Number(header(headers, 'x-ratelimit-remaining')?.trim() || NaN)
  return { ...(Number.isInteger(remaining) && remaining >= 0 && { remaining }), resetAt }
}
