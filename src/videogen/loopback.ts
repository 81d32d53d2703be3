// Hosts that name this machine. Clear-text http:// is allowed to them only, because such traffic never leaves it.
import { isIP } from 'node:net'

const LOOPBACK_NAMES = new Set(['localhost', '127.0.0.1', '[::1]', '::1'])

/** `hostname` as URL gives it (IPv6 in brackets). */
export function isLoopback(hostname: string): boolean {
  if (LOOPBACK_NAMES.has(hostname) || hostname.endsWith('.localhost')) return true
  return isIP(hostname) === 4 && hostname.startsWith('127.')
}

/** An http:// origin on this machine: the key would travel in clear text through anything in between. */
export function isClearTextLoopback(origin: string | URL | undefined): boolean {
  if (origin === undefined) return false
  try {
    const url = new URL(String(origin))
    return url.protocol === 'http:' && isLoopback(url.hostname)
  } catch {
    return false
  }
}
