import * as core from '@actions/core'
import { InputError } from './input-error.js'

/** Characters an HTTP header value can carry and a key plausibly holds: visible ASCII, no spaces. */
const HEADER_SAFE = /^[\x21-\x7e]+$/

/**
 * Reads the key from the input or the environment and masks it before anything else can print it. Called
 * once, by the entry point; everything else receives the key as a value.
 */
export function readAndMaskApiKey(read: (name: string) => string = core.getInput): string {
  const key = (read('api-key') || process.env.VIDEOGEN_API_KEY || '').trim()
  if (key) core.setSecret(key)
  return key
}

/**
 * A key Node would refuse to put in the Authorization header (a pasted zero-width space, an inner line
 * break) fails here, naming the position but never the key.
 */
export function checkApiKey(key: string): void {
  if (HEADER_SAFE.test(key)) return
  const index = [...key].findIndex((c) => !HEADER_SAFE.test(c))
  const bad = [...key][index] as string
  const code = `U+${(bad.codePointAt(0) as number).toString(16).toUpperCase().padStart(4, '0')}`
  throw new InputError(
    'api-key',
    `contains a character that cannot be sent in an HTTP header (${code} at position ${index + 1}): copy the key again from app.videogen.io, without spaces or invisible characters`,
  )
}
