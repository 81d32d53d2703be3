// How long the server asks to wait, and one clean line for any error.
import { describe, expect, it } from 'vitest'
import { errorText } from '../../src/videogen/errors.js'
import { serverDelayMs } from '../../src/videogen/retry.js'

const NOW = Date.parse('2026-10-01T12:00:00Z')

describe('serverDelayMs', () => {
  it('reads Retry-After as seconds or as an HTTP date (never negative)', () => {
    expect(serverDelayMs({ 'retry-after': '20' }, NOW)).toBe(20_000)
    expect(serverDelayMs({ 'retry-after': '1.5' }, NOW)).toBe(1500)
    expect(serverDelayMs({ 'retry-after': 'Thu, 01 Oct 2026 12:00:30 GMT' }, NOW)).toBe(30_000)
    expect(serverDelayMs({ 'retry-after': 'Thu, 01 Oct 2026 11:00:00 GMT' }, NOW)).toBe(0)
    expect(serverDelayMs({ 'retry-after': ['5', '99'] }, NOW)).toBe(5000)
  })

  it('falls back to X-RateLimit-Reset (unix seconds, or seconds from now) only when nothing remains', () => {
    const reset = String(NOW / 1000 + 90)
    expect(serverDelayMs({ 'retry-after': 'soon', 'x-ratelimit-reset': reset }, NOW)).toBe(90_000)
    expect(serverDelayMs({ 'x-ratelimit-reset': '12' }, NOW)).toBe(12_000)
    expect(serverDelayMs({ 'x-ratelimit-reset': reset, 'x-ratelimit-remaining': '3' }, NOW)).toBeUndefined()
    expect(serverDelayMs({ 'x-ratelimit-reset': reset }, NOW, { rateLimitReset: false })).toBeUndefined()
    expect(serverDelayMs({ 'x-ratelimit-reset': 'tomorrow' }, NOW)).toBeUndefined()
  })
})

describe('errorText', () => {
  it('adds a code the message does not show, and cleans what is not an Error', () => {
    expect(errorText(Object.assign(new Error('connect failed'), { code: 'ECONNREFUSED' }))).toBe(
      'connect failed (ECONNREFUSED)',
    )
    expect(errorText(Object.assign(new Error('ECONNREFUSED 127.0.0.1'), { code: 'ECONNREFUSED' }))).toBe(
      'ECONNREFUSED 127.0.0.1',
    )
    expect(errorText('line one\n::error::two')).toBe('line one\\u000a::error::two')
    expect(errorText(undefined)).toBe('undefined')
    // A foreign value is described, not asked for its text: its toString could be anything.
    expect(errorText({ toString: () => '::set-output name=x::y' })).toBe('(an object)')
    expect(errorText('::set-output name=x::y')).toBe('\\u003a:set-output name=x::y')
  })
})
