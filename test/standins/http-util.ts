// Small helpers shared by the HTTP stand-ins: listen on loopback, read bodies, answer JSON.
import http from 'node:http'
import type { AddressInfo } from 'node:net'

export interface Listening {
  server: http.Server
  origin: string // http://127.0.0.1:<port>
  close(): Promise<void>
}

/** Starts `handler` on 127.0.0.1 with an ephemeral port. Handler rejections become a 500. */
export async function listen(
  handler: (req: http.IncomingMessage, res: http.ServerResponse) => Promise<void> | void,
): Promise<Listening> {
  const server = http.createServer((req, res) => {
    Promise.resolve()
      .then(() => handler(req, res))
      .catch((err: unknown) => {
        if (res.headersSent) {
          res.destroy()
          return
        }
        sendJson(res, 500, { message: `stand-in error: ${String(err)}` })
      })
  })
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => resolve())
  })
  const { port } = server.address() as AddressInfo
  return {
    server,
    origin: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve())
        // The libraries keep connections alive; without this close() waits for their idle timeout.
        server.closeAllConnections()
      }),
  }
}

export async function readBody(req: http.IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = []
  for await (const chunk of req) chunks.push(chunk as Buffer)
  return Buffer.concat(chunks)
}

export function sendJson(
  res: http.ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  const text = JSON.stringify(body)
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(text),
    ...headers,
  })
  res.end(text)
}
