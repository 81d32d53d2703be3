// Fixed clock-hour windows per API key per endpoint group (the documented limits are per hour; whether the
// window is fixed or sliding is not said, and fixed is assumed).
// Requests refused with 429 do not count.
import type { RateGroup } from './types.js'

export const DEFAULT_RATE_LIMITS: Readonly<Record<RateGroup, number>> = {
  'tools-post': 500,
  'executions-get': 5_000,
  'executions-list': 5_000, // no limit is documented; assumed like executions-get
  cancel: 250,
  'files-get': 50_000,
  hydrate: 2_500,
  upload: 500,
  other: 10_000, // /v1/me, archive, public preview, unknown routes: not listed by the contract
}

export interface RateInfo {
  limit: number
  remaining: number
  /** Unix seconds at which the current window ends. */
  reset: number
}

const HOUR_MS = 3_600_000

export class RateLimiter {
  private readonly used = new Map<string, { window: number; count: number }>()

  constructor(private readonly limits: () => Partial<Record<RateGroup, number>> | undefined) {}

  private limitOf(group: RateGroup): number {
    return this.limits()?.[group] ?? DEFAULT_RATE_LIMITS[group]
  }

  private countOf(key: string, window: number): number {
    const entry = this.used.get(key)
    return entry && entry.window === window ? entry.count : 0
  }

  /** Current state without counting a request. */
  peek(token: string, group: RateGroup, nowMs: number): RateInfo {
    const window = Math.floor(nowMs / HOUR_MS)
    const limit = this.limitOf(group)
    const count = this.countOf(`${group}\n${token}`, window)
    return { limit, remaining: Math.max(0, limit - count), reset: (window + 1) * (HOUR_MS / 1000) }
  }

  /** Counts the request if it is within the limit. */
  take(token: string, group: RateGroup, nowMs: number): { allowed: boolean; info: RateInfo } {
    const info = this.peek(token, group, nowMs)
    if (info.remaining <= 0) return { allowed: false, info }
    const window = Math.floor(nowMs / HOUR_MS)
    const key = `${group}\n${token}`
    this.used.set(key, { window, count: this.countOf(key, window) + 1 })
    return { allowed: true, info: { ...info, remaining: info.remaining - 1 } }
  }

  reset(): void {
    this.used.clear()
  }
}

export function rateHeaders(info: RateInfo): Record<string, string> {
  const fmt = (n: number) => (Number.isFinite(n) ? String(n) : '1000000000')
  return {
    'X-RateLimit-Limit': fmt(info.limit),
    'X-RateLimit-Remaining': fmt(info.remaining),
    'X-RateLimit-Reset': String(info.reset),
  }
}
