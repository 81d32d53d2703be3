// A CONNECT-only forward proxy, as corporate egress proxies in front of HTTPS usually are: it opens a TCP
// connection to the CONNECT target, answers 200 and then copies bytes both ways without looking inside
// (it cannot: the client speaks TLS to the target through it). It records every CONNECT, can refuse
// them (407 asking for credentials, 403 by policy) and answers 502 when the target cannot be reached.
// Anything other than CONNECT gets 405: nothing reaches a target except through a tunnel.
import { type IncomingHttpHeaders, type IncomingMessage, createServer } from 'node:http'
import { type AddressInfo, type Socket, connect } from 'node:net'

export interface ConnectRecord {
  /** The CONNECT target as asked, host:port. */
  target: string
  /** What the proxy answered: 200 (tunnel opened), 403, 407 or 502. */
  status: number
  headers: IncomingHttpHeaders
}

export interface ConnectProxy {
  url: string
  /** Every CONNECT, in arrival order. */
  connects: ConnectRecord[]
  /** Requests that were not CONNECT (method and target as sent), answered 405. */
  others: string[]
  /** Refuse every CONNECT from now on with this status (undefined: tunnel). */
  refuse: 403 | 407 | undefined
  close(): Promise<void>
}

function rawResponse(statusLine: string, headers: Record<string, string>, body = ''): string {
  const head = { ...headers, 'Content-Length': String(Buffer.byteLength(body)), Connection: 'close' }
  const lines = Object.entries(head).map(([name, value]) => `${name}: ${value}\r\n`)
  return `HTTP/1.1 ${statusLine}\r\n${lines.join('')}\r\n${body}`
}

const REFUSALS: Record<403 | 407, string> = {
  403: rawResponse('403 Forbidden', { 'Content-Type': 'text/plain' }, 'CONNECT denied by policy.\n'),
  407: rawResponse(
    '407 Proxy Authentication Required',
    { 'Proxy-Authenticate': 'Basic realm="vg-test-proxy"', 'Content-Type': 'text/plain' },
    'Proxy login is required.\n',
  ),
}
const BAD_GATEWAY = rawResponse('502 Bad Gateway', {})
const BAD_REQUEST = rawResponse('400 Bad Request', {})

/** host:port with a numeric port, or undefined (then the CONNECT is answered 400). */
function parseTarget(raw: string | undefined): { host: string; port: number } | undefined {
  const match = /^(\[[^\]]+\]|[^:[\]]+):(\d{1,5})$/.exec(raw ?? '')
  if (!match) return undefined
  const port = Number(match[2])
  return port > 0 && port < 65536 ? { host: match[1]!.replace(/^\[|\]$/g, ''), port } : undefined
}

export async function startConnectProxy(options: { refuse?: 403 | 407 } = {}): Promise<ConnectProxy> {
  const sockets = new Set<Socket>()
  const track = (socket: Socket) => {
    sockets.add(socket)
    socket.on('close', () => sockets.delete(socket))
    socket.on('error', () => undefined)
  }
  const proxy: ConnectProxy = {
    url: '',
    connects: [],
    others: [],
    refuse: options.refuse,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve())
        for (const socket of sockets) socket.destroy()
      }),
  }

  const server = createServer((req, res) => {
    proxy.others.push(`${req.method ?? '?'} ${req.url ?? ''}`)
    res.writeHead(405, { allow: 'CONNECT', 'content-type': 'text/plain', connection: 'close' }).end('CONNECT only\n')
  })
  server.on('connection', track)
  server.on('connect', (req: IncomingMessage, client: Socket, head: Buffer) => {
    const record: ConnectRecord = { target: req.url ?? '', status: 0, headers: { ...req.headers } }
    proxy.connects.push(record)
    const answer = (status: number, text: string) => {
      record.status = status
      client.end(text)
    }
    const target = parseTarget(req.url)
    if (!target) return answer(400, BAD_REQUEST)
    if (proxy.refuse) return answer(proxy.refuse, REFUSALS[proxy.refuse])
    // Connect first, answer after: a real proxy only says 200 once the target has accepted.
    const upstream = connect(target.port, target.host)
    track(upstream)
    upstream.once('error', () => {
      if (record.status === 0) answer(502, BAD_GATEWAY)
      else client.destroy()
    })
    upstream.once('connect', () => {
      record.status = 200
      client.write('HTTP/1.1 200 Connection Established\r\n\r\n')
      if (head.length > 0) upstream.write(head)
      client.pipe(upstream)
      upstream.pipe(client)
      // A reset on either side becomes a dropped connection on the other, as through a real proxy.
      client.on('close', () => upstream.destroy())
      upstream.on('close', () => client.destroy())
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  proxy.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  return proxy
}
