// Prefixed opaque ids: prefix + 22 base64url chars (16 random bytes), as in the contract's examples.
import { createHash, randomBytes } from 'node:crypto'

export function randomId(prefix: string): string {
  return prefix + randomBytes(16).toString('base64url')
}

/** A stable id derived from a secret (so /v1/me reports the same key id for the same token). */
export function derivedId(prefix: string, from: string): string {
  return prefix + createHash('sha256').update(from).digest('base64url').slice(0, 22)
}

export function requestId(): string {
  return `req_${randomBytes(12).toString('base64url')}`
}
