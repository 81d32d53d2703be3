// Bytes to and from storage (presigned upload URLs, signed download URLs). Never carries the API key:
// these requests do not go through VideoGenHttp and have no Authorization header at all.
import { createReadStream, createWriteStream } from 'node:fs'
import { rename, rm } from 'node:fs/promises'
import { pipeline } from 'node:stream/promises'
import { type Dispatcher, request } from 'undici'

export class StorageError extends Error {
  override readonly name = 'StorageError'
  constructor(
    message: string,
    readonly status: number | undefined,
    readonly expired: boolean,
  ) {
    super(message)
  }
}

/** Origin and path only: the query of a signed URL is a credential and stays out of logs and errors. */
export function redactUrl(url: string): string {
  try {
    const u = new URL(url)
    return `${u.origin}${u.pathname}`
  } catch {
    return '(invalid URL)'
  }
}

async function excerpt(body: Dispatcher.ResponseData['body']): Promise<string> {
  const text = await body.text().catch(() => '')
  const code = /<Code>([^<]+)<\/Code>/.exec(text)?.[1]
  return code ?? text.replace(/\s+/g, ' ').trim().slice(0, 120)
}

/** PUT a file's bytes, streamed from disk (re-opened on every call, never buffered). */
export async function putFile(
  dispatcher: Dispatcher,
  url: string,
  file: { absPath: string; size: number; contentType: string },
  signal?: AbortSignal,
): Promise<void> {
  const response = await request(url, {
    method: 'PUT',
    dispatcher,
    body: createReadStream(file.absPath, { highWaterMark: 1024 * 1024 }),
    headers: { 'content-type': file.contentType, 'content-length': String(file.size) },
    headersTimeout: 120_000,
    bodyTimeout: 120_000,
    ...(signal && { signal }),
  })
  if (response.statusCode >= 200 && response.statusCode < 300) {
    await response.body.dump()
    return
  }
  const detail = await excerpt(response.body)
  // S3-style storage answers 403 once the presigned URL has expired (or its signature no longer matches).
  throw new StorageError(
    `upload to ${redactUrl(url)} failed: HTTP ${response.statusCode} ${detail}`,
    response.statusCode,
    response.statusCode === 403,
  )
}

export interface DownloadResult {
  bytes: number
  contentType: string | undefined
}

const MAX_REDIRECTS = 5

/** GET a signed URL into a file: streamed, written to a temporary name, size checked, then renamed. */
export async function downloadToFile(
  dispatcher: Dispatcher,
  url: string,
  dest: string,
  signal?: AbortSignal,
): Promise<DownloadResult> {
  let current = url
  for (let hop = 0; hop <= MAX_REDIRECTS; hop++) {
    const response = await request(current, {
      method: 'GET',
      dispatcher,
      headersTimeout: 60_000,
      bodyTimeout: 120_000,
      ...(signal && { signal }),
    })
    if ([301, 302, 303, 307, 308].includes(response.statusCode) && response.headers.location) {
      await response.body.dump()
      current = new URL(String(response.headers.location), current).toString()
      continue
    }
    if (response.statusCode !== 200) {
      const detail = await excerpt(response.body)
      throw new StorageError(
        `download from ${redactUrl(current)} failed: HTTP ${response.statusCode} ${detail}`,
        response.statusCode,
        response.statusCode === 403,
      )
    }
    const expected = Number(response.headers['content-length'] ?? NaN)
    const partial = `${dest}.part`
    let bytes = 0
    response.body.on('data', (chunk: Buffer) => (bytes += chunk.length))
    try {
      await pipeline(response.body, createWriteStream(partial))
      if (!Number.isNaN(expected) && bytes !== expected) {
        throw new StorageError(
          `download from ${redactUrl(current)} was cut short: ${bytes} of ${expected} bytes`,
          200,
          false,
        )
      }
      await rename(partial, dest)
    } catch (error) {
      await rm(partial, { force: true })
      throw error
    }
    const type = response.headers['content-type']
    return { bytes, contentType: Array.isArray(type) ? type[0] : type }
  }
  throw new StorageError(`download from ${redactUrl(url)}: more than ${MAX_REDIRECTS} redirects`, undefined, false)
}
