// One HTTP(S) server on 127.0.0.1: records every request, applies injected faults around the handler,
// writes the handler's Reply, and tracks sockets so close() never waits on a client.
import { type IncomingMessage, type Server, type ServerResponse, createServer } from 'node:http'
import { createServer as createHttpsServer } from 'node:https'
import type { AddressInfo, Socket } from 'node:net'
import { writeDrip, writeEndless, writeHuge } from './body-faults.js'
import { TLSSocket } from 'node:tls'
import type { FaultQueue } from './faults.js'
import { type Reply, readSome, sleep, writeReply } from './http-io.js'
import { requestId } from './ids.js'
import { rewriteReply } from './rewrite.js'
import type { FaultRule, RecordedRequest } from './types.js'

export interface RequestContext {
  req: IncomingMessage
  url: URL
  record: RecordedRequest
  requestId: string
}

export interface Handler {
  handle(ctx: RequestContext): Promise<Reply>
  /** The reply for an injected status (server-specific default body and headers). */
  faultReply(
    ctx: RequestContext,
    status: number,
    body: string | object | undefined,
    headers: Record<string, string> | undefined,
  ): Reply
}

export interface ServerConfig {
  name: 'api' | 'storage'
  port: number
  handler: Handler
  faults: FaultQueue
  requests: RecordedRequest[]
  /** Header carrying the per-request id (x-request-id for the API, x-amz-request-id for storage). */
  requestIdHeader: string
  /** Serve HTTPS with this certificate and key (PEM). */
  tls?: { cert: string | Buffer; key: string | Buffer }
}

function hasBody(req: IncomingMessage): boolean {
  return Number(req.headers['content-length'] ?? 0) > 0 || req.headers['transfer-encoding'] !== undefined
}

export class EmulatorServer {
  private readonly server: Server
  /** The TCP sockets (under TLS, the ones beneath the TLS sockets that requests see). */
  private readonly sockets = new Set<Socket>()
  private readonly lifetime = new AbortController()
  /** TCP connections accepted so far, whether or not a request (or a TLS handshake) followed. */
  connections = 0

  constructor(private readonly config: ServerConfig) {
    // requestTimeout 0: a large upload or a 'hang' fault must not be cut by Node's 5-minute default.
    const options = { requestTimeout: 0 }
    const listener = (req: IncomingMessage, res: ServerResponse) => void this.onRequest(req, res)
    this.server = config.tls
      ? createHttpsServer({ ...options, cert: config.tls.cert, key: config.tls.key }, listener)
      : createServer(options, listener)
    this.server.on('connection', (socket: Socket) => {
      this.connections++
      this.sockets.add(socket)
      socket.on('close', () => this.sockets.delete(socket))
    })
    this.server.on('clientError', (_err, socket) => socket.destroy())
  }

  /**
   * Abortive close (RST), so the client sees a connection reset rather than an orderly end. A TLS
   * socket cannot be reset itself (its handle is the TLS layer): the TCP socket beneath it is.
   */
  private resetSocket(socket: Socket): void {
    const tcp = [...this.sockets].find((s) => s.remotePort === socket.remotePort) ?? socket
    if (typeof tcp.resetAndDestroy === 'function' && !tcp.destroyed && !(tcp instanceof TLSSocket))
      tcp.resetAndDestroy()
    else socket.destroy()
  }

  async listen(): Promise<string> {
    await new Promise<void>((resolve, reject) => {
      this.server.once('error', reject)
      this.server.listen(this.config.port, '127.0.0.1', () => {
        this.server.off('error', reject)
        resolve()
      })
    })
    const { port } = this.server.address() as AddressInfo
    return `${this.config.tls ? 'https' : 'http'}://127.0.0.1:${port}`
  }

  async close(): Promise<void> {
    this.lifetime.abort()
    const closed = new Promise<void>((resolve) => this.server.close(() => resolve()))
    for (const socket of this.sockets) socket.destroy()
    this.sockets.clear()
    await closed
  }

  private async onRequest(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const { name, handler, faults, requests } = this.config
    const signal = this.lifetime.signal
    req.on('error', () => undefined)
    res.on('error', () => undefined)
    let url: URL
    try {
      url = new URL(req.url ?? '/', 'http://127.0.0.1')
    } catch {
      url = new URL('http://127.0.0.1/')
    }
    const record: RecordedRequest = {
      method: req.method ?? 'GET',
      path: url.pathname,
      query: url.search.slice(1),
      headers: { ...req.headers },
      server: name,
      bodyBytes: 0,
      at: Date.now(),
    }
    requests.push(record)
    const ctx: RequestContext = { req, url, record, requestId: requestId() }
    res.setHeader(this.config.requestIdHeader, ctx.requestId)
    let rule: FaultRule | undefined
    const send = async (reply: Reply, cut = false) => {
      const rewrite = faults.takeRewrite(name, record.method, record.path)
      if (rewrite)
        reply = rewriteReply(reply, rewrite.rewrite, { method: record.method, path: record.path, server: name })
      record.status = reply.status
      if (rule?.kind === 'drip') await writeDrip(req, res, reply, rule.bytesPerSecond, signal)
      else await writeReply(req, res, reply, signal, cut)
    }

    try {
      rule = faults.take(name, record.method, record.path)
      switch (rule?.kind) {
        case 'reset':
          this.resetSocket(req.socket)
          return
        case 'hang':
          return // never answered; close() destroys the socket
        case 'delay':
          await sleep(rule.ms, signal)
          if (signal.aborted) return
          break
        case 'status':
          await send(handler.faultReply(ctx, rule.status, rule.body, rule.headers))
          return
        case 'endless':
          record.status = rule.status ?? 200
          await writeEndless(res, name, rule, signal)
          return
        case 'huge-body':
          record.status = rule.status
          await writeHuge(req, res, name, rule.status, rule.bytes, signal)
          return
        case 'reset-mid-body':
          if (hasBody(req)) {
            // An upload cut mid-way: read part of the body, then drop the connection without processing.
            const length = Number(req.headers['content-length'] ?? 0)
            await readSome(
              req,
              Math.max(1, Math.min(Math.floor(length / 2), 1024 * 1024)),
              (n) => (record.bodyBytes += n),
            )
            req.socket.destroy()
            return
          }
          break
      }
      let reply = await handler.handle(ctx)
      if (rule?.kind === 'reset-after-processing') {
        this.resetSocket(req.socket)
        return
      }
      if (rule?.kind === 'status-after-processing') reply = handler.faultReply(ctx, rule.status, rule.body, undefined)
      await send(reply, rule?.kind === 'reset-mid-body')
    } catch {
      if (res.headersSent || res.destroyed || req.socket.destroyed) {
        res.destroy()
        return
      }
      await send(handler.faultReply(ctx, 500, undefined, undefined)).catch(() => res.destroy())
    }
  }
}
