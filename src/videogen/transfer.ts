// Bytes to and from storage (presigned upload URLs, signed download URLs), and the one retry rule for
// both. These requests never carry the API key: they do not go through VideoGenHttp and have no
// Authorization header at all.
import { open } from 'node:fs/promises'
import { pipeline } from 'node:stream/promises'
import { type Readable, Transform } from 'node:stream'
import { type Dispatcher, request } from 'undici'
import { createExclusive } from '../fs-safe.js'
import { clean } from '../sanitize.js'
import { ERROR_BODY_BYTES, discard, readCapped } from './body.js'
import { NetworkError, errorText } from './errors.js'
import { classifyNetworkError } from './network.js'
import { type RetryPolicy, backoffMs, sleep } from './retry.js'

/** Between attempts of a storage transfer (upload PUT, download GET): short, since storage recovers fast. */
export const TRANSFER_BACKOFF: RetryPolicy = {
  maxAttempts: 4,
  baseDelayMs: 500,
  maxDelayMs: 5_000,
  maxServerDelayMs: 0,
}
const STORAGE_TIMEOUT_MS = 120_000

export class StorageError extends Error {
  override readonly name = 'StorageError'
  constructor(
    message: string,
    readonly status: number | undefined,
  ) {
    super(message)
  }
}

/** A transfer that cannot succeed as asked: too large, past its deadline. Never retried. */
export class TransferLimitError extends Error {
  override readonly name = 'TransferLimitError'
}

/** Origin and path only: the query of a signed URL is a credential and stays out of logs and errors. */
export function redactUrl(url: string): string {
  try {
    const u = new URL(url)
    return clean(`${u.origin}${u.pathname}`, 300)
  } catch {
    return '(invalid URL)'
  }
}

/** S3-style error documents name the problem in <Code>; anything else gives a short excerpt. */
async function excerpt(body: Dispatcher.ResponseData['body']): Promise<string> {
  const text = await readCapped(body, ERROR_BODY_BYTES)
  const code = /<Code>([^<]{1,100})<\/Code>/.exec(text)?.[1]
  return clean(code ?? text.replace(/\s+/g, ' ').trim(), 120)
}

function storageFailure(operation: string, error: unknown, url: string): Error {
  if (error instanceof StorageError || error instanceof TransferLimitError) return error
  return new NetworkError(operation, error, classifyNetworkError(error, url))
}

/** Bytes read from the file at a time. */
const CHUNK_BYTES = 1024 * 1024
/** Chunk buffers that the reads take turns in: one allocation for the whole upload. */
const RING_SLOTS = 4

/**
 * A file's bytes, read in turn into the slots of one buffer. A fresh buffer per chunk (createReadStream)
 * costs page faults and garbage collections for every byte sent, CPU that a busy runner takes from the
 * transfer. Reusing a slot is safe: undici takes the next chunk of an iterable body only after writing the
 * last one and, when the socket holds more than its high-water mark (64 KiB, less than a chunk), only after
 * 'drain', when the kernel has the bytes. A slot is refilled RING_SLOTS - 1 chunks after that.
 */
async function* fileChunks(absPath: string): AsyncGenerator<Buffer> {
  const handle = await open(absPath, 'r')
  try {
    const ring = Buffer.allocUnsafeSlow(RING_SLOTS * CHUNK_BYTES)
    for (let position = 0, slot = 0; ; slot = (slot + 1) % RING_SLOTS) {
      const view = ring.subarray(slot * CHUNK_BYTES, (slot + 1) * CHUNK_BYTES)
      const { bytesRead } = await handle.read(view, 0, CHUNK_BYTES, position)
      if (bytesRead === 0) return
      position += bytesRead
      yield view.subarray(0, bytesRead)
    }
  } finally {
    await handle.close()
  }
}

/** PUT a file's bytes, streamed from disk (re-opened on every call, never held whole in memory). */
export async function putFile(
  dispatcher: Dispatcher,
  url: string,
  file: { absPath: string; size: number; contentType: string },
  signal?: AbortSignal,
): Promise<void> {
  let response: Dispatcher.ResponseData
  try {
    response = await request(url, {
      method: 'PUT',
      dispatcher,
      // undici takes Iterable and AsyncIterable bodies (its documentation); its types name only Readable.
      body: fileChunks(file.absPath) as unknown as Readable,
      headers: { 'content-type': file.contentType, 'content-length': String(file.size) },
      headersTimeout: STORAGE_TIMEOUT_MS,
      bodyTimeout: STORAGE_TIMEOUT_MS,
      ...(signal && { signal }),
    })
  } catch (error) {
    throw storageFailure(`upload to ${redactUrl(url)}`, error, url)
  }
  if (response.statusCode >= 200 && response.statusCode < 300) {
    await response.body.dump()
    return
  }
  const detail = await excerpt(response.body)
  throw new StorageError(
    `upload to ${redactUrl(url)} failed: HTTP ${response.statusCode} ${detail}`,
    response.statusCode,
  )
}

const MAX_REDIRECTS = 5

export interface DownloadLimits {
  /** Refuse (and stop reading) beyond this many bytes. */
  maxBytes: number
  signal?: AbortSignal
}

/**
 * GET a signed URL into `dir/name`: streamed into a fresh temporary file, checked against Content-Length
 * and `maxBytes`, then renamed over the name. Returns the number of bytes written.
 */
export async function downloadToFile(
  dispatcher: Dispatcher,
  url: string,
  dir: string,
  name: string,
  limits: DownloadLimits,
): Promise<number> {
  let current = url
  for (let hop = 0; hop <= MAX_REDIRECTS; hop++) {
    let response: Dispatcher.ResponseData
    try {
      response = await request(current, {
        method: 'GET',
        dispatcher,
        headersTimeout: 60_000,
        bodyTimeout: STORAGE_TIMEOUT_MS,
        ...(limits.signal && { signal: limits.signal }),
      })
    } catch (error) {
      throw storageFailure(`download from ${redactUrl(current)}`, error, current)
    }
    const location = response.headers.location
    if ([301, 302, 303, 307, 308].includes(response.statusCode) && typeof location === 'string') {
      discard(response.body)
      current = new URL(location, current).toString()
      if (!/^https?:$/.test(new URL(current).protocol))
        throw new StorageError(`download redirected to a non-HTTP URL`, 0)
      continue
    }
    if (response.statusCode !== 200) {
      const detail = await excerpt(response.body)
      throw new StorageError(
        `download from ${redactUrl(current)} failed: HTTP ${response.statusCode} ${detail}`,
        response.statusCode,
      )
    }
    return await saveBody(response, current, dir, name, limits.maxBytes)
  }
  throw new StorageError(`download from ${redactUrl(url)}: more than ${MAX_REDIRECTS} redirects`, undefined)
}

async function saveBody(
  response: Dispatcher.ResponseData,
  url: string,
  dir: string,
  name: string,
  maxBytes: number,
): Promise<number> {
  const declared = Number(response.headers['content-length'] ?? NaN)
  if (declared > maxBytes) {
    discard(response.body)
    throw new TransferLimitError(
      `download from ${redactUrl(url)} is ${declared} bytes, more than the ${maxBytes} allowed`,
    )
  }
  // Opening the file takes a turn of the event loop, in which the body can already fail (a connection
  // cut mid-body): without a listener that 'error' would crash the process. The pipeline below sees it.
  response.body.on('error', () => undefined)
  let bytes = 0
  const count = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      bytes += chunk.length
      if (bytes > maxBytes) done(new TransferLimitError(`download from ${redactUrl(url)} exceeded ${maxBytes} bytes`))
      else done(null, chunk)
    },
  })
  const file = await createExclusive(dir, name)
  try {
    await pipeline(response.body, count, file.handle.createWriteStream())
    if (!Number.isNaN(declared) && bytes !== declared) {
      throw new StorageError(`download from ${redactUrl(url)} was cut short: ${bytes} of ${declared} bytes`, 200)
    }
    await file.commit()
    return bytes
  } catch (error) {
    await file.discard()
    throw storageFailure(`download from ${redactUrl(url)}`, error, url)
  }
}

export interface TransferPlan {
  /** Subject of messages, e.g. "Upload of refs/a.png". */
  what: string
  /** No new attempt starts after this (epoch ms); the caller's signal ends a running one. */
  deadline: number
  signal?: AbortSignal
  log?: (message: string) => void
  policy?: RetryPolicy
}

type Verdict = 'renew' | 'retry' | 'fail'

/**
 * The one rule for storage transfers: a 403 means the signed URL expired (or its signature no longer
 * matches): get a new one and try again; network failures that may pass, throttling (408, 429; S3
 * throttles with 503 SlowDown) and 5xx are retried with backoff; any other answer, a TLS or proxy
 * refusal, or a limit is final.
 */
function verdict(error: unknown): Verdict {
  if (error instanceof StorageError) {
    const status = error.status ?? 0
    if (status === 403) return 'renew'
    return status >= 500 || status === 408 || status === 429 ? 'retry' : 'fail'
  }
  if (error instanceof NetworkError) return error.transient ? 'retry' : 'fail'
  return 'fail'
}

export async function retryTransfer<T>(
  plan: TransferPlan,
  attempt: () => Promise<T>,
  renewUrl: () => Promise<void>,
): Promise<T> {
  const policy = plan.policy ?? TRANSFER_BACKOFF
  for (let n = 1; ; n++) {
    try {
      return await attempt()
    } catch (error) {
      if (plan.signal?.aborted) throw plan.signal.reason
      const next = verdict(error)
      if (next === 'fail') throw new Error(`${plan.what} failed: ${errorText(error)}`)
      if (n >= policy.maxAttempts || Date.now() >= plan.deadline) {
        throw new Error(`${plan.what} failed after ${n} attempts: ${errorText(error)}`)
      }
      plan.log?.(`${plan.what}: ${errorText(error)}; ${next === 'renew' ? 'asking for a new URL' : 'retrying'}`)
      if (next === 'renew') await renewUrl()
      else await sleep(Math.min(backoffMs(n, policy), Math.max(0, plan.deadline - Date.now())), plan.signal)
    }
  }
}
