// Reading response bodies with a bound. An error answer is read for a few KiB of explanation and then
// the connection is dropped: a 400 MiB error page (or an endless one) must cost neither memory nor time.
import type { Readable } from 'node:stream'

/** What is worth reading of a non-2xx answer: enough for a JSON ApiError or an S3 <Error> document. */
export const ERROR_BODY_BYTES = 8 * 1024
/** A 2xx JSON answer larger than this is not a plausible API response. */
export const JSON_BODY_BYTES = 16 * 1024 * 1024

/**
 * Stops a body without reading it. A destroyed body may still emit 'error' (the request is aborted
 * under it): with no listener that would crash the process, so one is attached first.
 */
export function discard(body: Readable): void {
  body.on('error', () => undefined)
  body.destroy()
}

export class BodyTooLargeError extends Error {
  override readonly name = 'BodyTooLargeError'
}

/**
 * Up to `max` bytes of a body as text; the stream is destroyed afterwards whether or not it was read to
 * its end, so the rest is never transferred. With `strict`, more than `max` bytes is an error instead.
 */
export async function readCapped(body: Readable, max: number, strict = false): Promise<string> {
  const chunks: Buffer[] = []
  let size = 0
  try {
    for await (const chunk of body) {
      const buf = chunk as Buffer
      chunks.push(buf)
      size += buf.length
      if (size > max) break
    }
  } catch (error) {
    if (strict) throw error
  } finally {
    discard(body)
  }
  if (strict && size > max) throw new BodyTooLargeError(`the response body is larger than ${max} bytes`)
  return Buffer.concat(chunks).subarray(0, max).toString('utf8')
}
