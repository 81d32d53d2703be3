// A tiny forward proxy for the tests. It takes absolute-URI requests (plain HTTP proxying) and CONNECT
// tunnels. A tunnel to a plain-HTTP target is terminated here and its requests are forwarded one by one,
// so every request is recorded, and marked with a Via header, whichever way the client uses the proxy
// (undici's ProxyAgent tunnels by default, even to http:// targets).
import { type IncomingMessage, type ServerResponse, createServer, request } from 'node:http'
import type { AddressInfo, Socket } from 'node:net'
import { pipeline } from 'node:stream'

export const VIA = '1.1 vg-test-proxy'

export interface ProxiedRequest {
  mode: 'forward' | 'tunnel'
  method: string
  /** Absolute URL of the target. */
  url: string
  headers: IncomingMessage['headers']
}

export interface TestProxy {
  url: string
  requests: ProxiedRequest[]
  /** host:port of every CONNECT. */
  connects: string[]
  close(): Promise<void>
}

export async function startProxy(): Promise<TestProxy> {
  const requests: ProxiedRequest[] = []
  const connects: string[] = []
  const sockets = new Set<Socket>()
  const tunnelTarget = new WeakMap<Socket, string>()

  function forward(req: IncomingMessage, res: ServerResponse, target: URL, mode: ProxiedRequest['mode']): void {
    requests.push({ mode, method: req.method ?? 'GET', url: target.href, headers: { ...req.headers } })
    const headers: Record<string, string | string[] | undefined> = { ...req.headers, via: VIA }
    delete headers['proxy-connection']
    const upstream = request({
      host: target.hostname,
      port: target.port,
      method: req.method,
      path: `${target.pathname}${target.search}`,
      headers,
      agent: false,
    })
    upstream.on('response', (answer) => {
      res.writeHead(answer.statusCode ?? 502, answer.headers)
      pipeline(answer, res, () => undefined)
    })
    // A reset or a cut body upstream becomes a dropped connection downstream, as through a real proxy.
    upstream.on('error', () => res.destroy())
    res.on('close', () => upstream.destroy())
    pipeline(req, upstream, () => undefined)
  }

  const server = createServer((req, res) => {
    const tunnel = tunnelTarget.get(req.socket)
    if (tunnel) return forward(req, res, new URL(`http://${tunnel}${req.url ?? '/'}`), 'tunnel')
    if (!/^http:\/\//i.test(req.url ?? '')) {
      res.writeHead(400, { 'content-type': 'text/plain' }).end('not a proxy request')
      return
    }
    forward(req, res, new URL(req.url as string), 'forward')
  })
  server.on('connection', (socket: Socket) => {
    sockets.add(socket)
    socket.on('close', () => sockets.delete(socket))
  })
  server.on('connect', (req: IncomingMessage, socket: Socket, head: Buffer) => {
    connects.push(req.url ?? '')
    tunnelTarget.set(socket, req.url ?? '')
    socket.write('HTTP/1.1 200 Connection Established\r\n\r\n')
    if (head.length > 0) socket.unshift(head)
    // Parse what comes through the tunnel as HTTP on this same server (requests land in the handler above).
    server.emit('connection', socket)
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    connects,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve())
        for (const socket of sockets) socket.destroy()
      }),
  }
}
