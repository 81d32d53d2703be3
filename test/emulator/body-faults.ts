// Hostile response bodies: never-ending, dripping, and huge error bodies. Each is streamed with backpressure
// from one reused buffer, so a multi-gigabyte answer costs no memory, and stops when the client goes away.
import type { IncomingMessage, ServerResponse } from 'node:http'
import { type Reply, sleep } from './http-io.js'

const CHUNK = 64 * 1024
let filler: Buffer | undefined
const fill = () => (filler ??= Buffer.alloc(CHUNK, 'x'))

/** Writes one chunk; waits for drain (or the end of the response) when the socket buffer is full. */
async function write(res: ServerResponse, chunk: Buffer): Promise<boolean> {
  if (res.destroyed || res.writableEnded) return false
  if (!res.write(chunk)) {
    await new Promise<void>((resolve) => {
      const done = () => {
        res.off('drain', done)
        res.off('close', done)
        resolve()
      }
      res.on('drain', done)
      res.on('close', done)
    })
  }
  // Yield even when the socket takes everything, so other requests are served meanwhile.
  await new Promise((resolve) => setImmediate(resolve))
  return !res.destroyed
}

/** A chunked body that never ends: the client must give up on its own (or the emulator closes). */
export async function writeEndless(
  res: ServerResponse,
  server: 'api' | 'storage',
  options: { status?: number; contentType?: string },
  signal: AbortSignal,
): Promise<void> {
  const json = server === 'api'
  res.writeHead(options.status ?? 200, {
    'Content-Type': options.contentType ?? (json ? 'application/json; charset=utf-8' : 'application/octet-stream'),
  })
  // A JSON string that never closes, so a client cannot parse its way to an early end either.
  if (json && !(await write(res, Buffer.from('{"message":"')))) return
  while (!signal.aborted && (await write(res, fill()))) {
    // until the client disconnects
  }
  res.destroy()
}

/** The reply with its declared Content-Length, the body sent a small slice at a time at `bytesPerSecond`. */
export async function writeDrip(
  req: IncomingMessage,
  res: ServerResponse,
  reply: Reply,
  bytesPerSecond: number,
  signal: AbortSignal,
): Promise<void> {
  const body =
    reply.body === undefined ? Buffer.alloc(0) : Buffer.isBuffer(reply.body) ? reply.body : Buffer.from(reply.body)
  res.writeHead(reply.status, { ...reply.headers, 'Content-Length': String(body.length) })
  const payload = req.method === 'HEAD' ? Buffer.alloc(0) : body
  // Ten slices a second (one byte per slice below 10 B/s): never idle long enough for a read timeout.
  const rate = Math.max(0.1, bytesPerSecond)
  const perSlice = Math.max(1, Math.floor(rate / 10))
  const intervalMs = (perSlice / rate) * 1000
  for (let off = 0; off < payload.length; off += perSlice) {
    if (!(await write(res, payload.subarray(off, off + perSlice)))) return
    if (off + perSlice < payload.length) await sleep(intervalMs, signal)
    if (signal.aborted) return
  }
  if (!res.destroyed) res.end()
}

/** An error answer whose body is exactly `bytes` long (an ApiError-looking JSON or S3-looking XML around filler). */
export async function writeHuge(
  req: IncomingMessage,
  res: ServerResponse,
  server: 'api' | 'storage',
  status: number,
  bytes: number,
  signal: AbortSignal,
): Promise<void> {
  const total = Math.max(0, Math.floor(bytes))
  let prefix = Buffer.from(
    server === 'api' ? '{"code":"huge_body","message":"' : '<Error><Code>HugeBody</Code><Message>',
  )
  let suffix = Buffer.from(server === 'api' ? '"}' : '</Message></Error>')
  if (prefix.length + suffix.length > total) prefix = suffix = Buffer.alloc(0)
  res.writeHead(status, {
    'Content-Type': server === 'api' ? 'application/json; charset=utf-8' : 'application/xml',
    'Content-Length': String(total),
  })
  if (req.method === 'HEAD') return void res.end()
  let left = total - prefix.length - suffix.length
  if (prefix.length > 0 && !(await write(res, prefix))) return
  while (left > 0) {
    if (signal.aborted) return void res.destroy()
    const n = Math.min(left, CHUNK)
    if (!(await write(res, fill().subarray(0, n)))) return
    left -= n
  }
  if (suffix.length > 0 && !(await write(res, suffix))) return
  res.end()
}
