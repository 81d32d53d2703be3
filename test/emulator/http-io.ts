// Request-body reading and response writing shared by both servers. Handlers return a Reply;
// server.ts writes it, which lets faults replace or cut a reply after the handler ran.
import type { IncomingMessage, ServerResponse } from 'node:http'
import type { ApiError } from './wire.js'

export interface Reply {
  status: number
  headers?: Record<string, string>
  body?: Buffer | string
  /** Wait this long before sending anything (download time-to-first-byte). */
  delayMs?: number
}

export function json(status: number, value: unknown, headers?: Record<string, string>): Reply {
  return {
    status,
    headers: { 'Content-Type': 'application/json; charset=utf-8', ...headers },
    body: JSON.stringify(value),
  }
}

export function apiError(status: number, code: string | null, message: string, extra?: Partial<ApiError>): Reply {
  const body: ApiError = { message, code, requirement: null, internalErrorCode: null, ...extra }
  return json(status, body)
}

const xmlEscape = (s: string) => s.replace(/[<>&"']/g, (c) => `&#${c.charCodeAt(0)};`)

/** S3-style XML error, as object storage answers. */
export function s3Error(status: number, code: string, message: string, requestId: string): Reply {
  const body =
    `<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>${xmlEscape(code)}</Code><Message>${xmlEscape(message)}</Message>` +
    `<RequestId>${xmlEscape(requestId)}</RequestId></Error>`
  return { status, headers: { 'Content-Type': 'application/xml' }, body }
}

export class BodyTooLargeError extends Error {}

/** Reads a small request body fully; `onBytes` reports progress for request recording. */
export function readBody(req: IncomingMessage, limit: number, onBytes: (n: number) => void): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    let total = 0
    req.on('data', (chunk: Buffer) => {
      total += chunk.length
      onBytes(chunk.length)
      if (total > limit) {
        req.pause()
        reject(new BodyTooLargeError(`body larger than ${limit} bytes`))
        return
      }
      chunks.push(chunk)
    })
    req.on('end', () => resolve(Buffer.concat(chunks)))
    req.on('error', reject)
    req.on('aborted', () => reject(new Error('request aborted')))
  })
}

/** Reads until at least `want` bytes (or the end) arrived, then stops; for the reset-mid-body fault. */
export function readSome(req: IncomingMessage, want: number, onBytes: (n: number) => void): Promise<void> {
  return new Promise((resolve) => {
    let got = 0
    const done = () => {
      req.off('data', onData)
      req.pause()
      resolve()
    }
    const onData = (chunk: Buffer) => {
      got += chunk.length
      onBytes(chunk.length)
      if (got >= want) done()
    }
    req.on('data', onData)
    req.once('end', done)
    req.once('close', done)
  })
}

export function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (ms <= 0 || signal.aborted) return resolve()
    const timer = setTimeout(finish, ms)
    timer.unref()
    function finish() {
      clearTimeout(timer)
      signal.removeEventListener('abort', finish)
      resolve()
    }
    signal.addEventListener('abort', finish, { once: true })
  })
}

const CHUNK = 64 * 1024

function waitDrain(res: ServerResponse): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      res.off('drain', done)
      res.off('close', done)
      resolve()
    }
    res.on('drain', done)
    res.on('close', done)
  })
}

/**
 * Writes a reply, streaming large bodies in chunks with backpressure.
 * `cut`: send the headers (with the full Content-Length) and about half the body, then destroy the socket.
 */
export async function writeReply(
  req: IncomingMessage,
  res: ServerResponse,
  reply: Reply,
  signal: AbortSignal,
  cut = false,
): Promise<void> {
  if (reply.delayMs) await sleep(reply.delayMs, signal)
  if (res.destroyed || signal.aborted) return
  const body =
    reply.body === undefined ? Buffer.alloc(0) : Buffer.isBuffer(reply.body) ? reply.body : Buffer.from(reply.body)
  const headers: Record<string, string> = { ...reply.headers }
  if (reply.status !== 204 && reply.status !== 304) headers['Content-Length'] = String(body.length)
  res.writeHead(reply.status, headers)
  const payload = req.method === 'HEAD' ? Buffer.alloc(0) : body
  if (cut) {
    const part = payload.subarray(0, Math.max(1, Math.floor(payload.length / 2)))
    res.write(part, () => res.socket?.destroy())
    return
  }
  if (payload.length <= CHUNK) {
    res.end(payload)
    return
  }
  for (let off = 0; off < payload.length; off += CHUNK) {
    if (res.destroyed) return
    if (!res.write(payload.subarray(off, off + CHUNK))) await waitDrain(res)
  }
  if (!res.destroyed) res.end()
}
