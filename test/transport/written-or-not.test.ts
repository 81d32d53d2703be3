// Failures before the request was written (a TLS handshake cut, a proxy hanging up on CONNECT) are "not sent";
// a stream broken after the create reached the API stays "may have been created".
import { type Socket, connect, createServer } from 'node:net'
import type { AddressInfo } from 'node:net'
import { describe, expect, it } from 'vitest'
import { runAction } from '../runner/run-action.js'
import { errorsOf, inputsFor, withEmulator, workspaceWith } from '../faults/harness.js'
import { pki, trustingEnv } from '../transport/harness.js'

const NOT_SENT = /not sent|never reached|was not sent|did not reach/i
const AMBIGUOUS = /may have been created|billed/i

async function listen(server: ReturnType<typeof createServer>): Promise<number> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  return (server.address() as AddressInfo).port
}

describe.concurrent('cut before the request was written', () => {
  it('a server that drops the connection during the TLS handshake (nothing sent) says not sent', async () => {
    const sockets: Socket[] = []
    const server = createServer((s) => {
      sockets.push(s)
      s.on('error', () => undefined)
      s.once('data', () => s.destroy()) // reads the ClientHello, then hangs up
    })
    const port = await listen(server)
    try {
      const r = await runAction({
        inputs: inputsFor({ key: 'vg_key_test', url: `https://127.0.0.1:${port}` }, { timeout: '4s' }),
        env: trustingEnv(),
        workspace: workspaceWith(),
        timeoutMs: 45_000,
      })
      const errors = errorsOf(r.stdout).join('\n')
      expect(r.code).toBe(1)
      expect(errors).not.toMatch(AMBIGUOUS)
      expect(errors).toMatch(NOT_SENT)
    } finally {
      for (const s of sockets) s.destroy()
      server.close()
    }
  })

  it(
    'a proxy that closes the connection instead of answering CONNECT: the step ends within timeout, says not sent, and does not flood the proxy',
    { timeout: 90_000 },
    async () => {
      const sockets: Socket[] = []
      let connections = 0
      const proxy = createServer((s) => {
        connections++
        sockets.push(s)
        s.on('error', () => undefined)
        s.once('data', () => s.destroy()) // reads "CONNECT host:port", then hangs up
      })
      const port = await listen(proxy)
      try {
        await withEmulator({ tls: pki.server }, async (e) => {
          const r = await runAction({
            inputs: inputsFor(e, { timeout: '4s' }),
            env: trustingEnv({ HTTPS_PROXY: `http://127.0.0.1:${port}` }),
            workspace: workspaceWith(),
            timeoutMs: 40_000,
          })
          const errors = errorsOf(r.stdout).join('\n')
          expect(e.createCount()).toBe(0)
          expect(e.connectionCount()).toBe(0)
          // timeout is 4s: the step must end by itself (runAction kills it at 40 s: code null).
          expect(r.code).toBe(1)
          expect(connections).toBeLessThan(50)
          expect(errors).not.toMatch(AMBIGUOUS)
          expect(errors).toMatch(NOT_SENT)
        })
      } finally {
        for (const s of sockets) s.destroy()
        proxy.close()
      }
    },
  )
})

describe.concurrent('sent, then the TLS stream breaks', () => {
  it('a TLS record corrupted after the create reached the API is reported as possibly created, not "not sent"', async () => {
    await withEmulator({ tls: pki.server }, async (e) => {
      const target = new URL(e.url)
      const sockets: Socket[] = []
      // A TCP relay (as a middlebox would be) that garbles the server's bytes once the create was processed.
      const relay = createServer((client) => {
        sockets.push(client)
        client.on('error', () => undefined)
        const upstream = connect(Number(target.port), '127.0.0.1')
        sockets.push(upstream)
        upstream.on('error', () => client.destroy())
        client.pipe(upstream)
        upstream.on('data', (chunk: Buffer) => {
          if (e.createCount() > 0) {
            // Plain-text bytes where a TLS record is expected (a middlebox injecting its own page).
            client.write(Buffer.from('HTTP/1.1 502 Bad Gateway\r\ncontent-length: 0\r\n\r\n'))
          } else client.write(chunk)
        })
        client.on('close', () => upstream.destroy())
        upstream.on('close', () => client.destroy())
      })
      const port = await listen(relay)
      try {
        const r = await runAction({
          inputs: inputsFor({ key: e.key, url: `https://localhost:${port}` }, { timeout: '6s' }),
          env: trustingEnv(),
          workspace: workspaceWith(),
          timeoutMs: 45_000,
        })
        const errors = errorsOf(r.stdout).join('\n')
        expect(e.createCount()).toBe(1)
        expect(r.code).toBe(1)
        // The create reached VideoGen and an execution exists: the step must not say nothing was created.
        expect(errors).not.toMatch(/not sent|nothing was created/i)
        expect(errors).toMatch(AMBIGUOUS)
        expect(errors).toMatch(/execution-id/)
      } finally {
        for (const s of sockets) s.destroy()
        relay.close()
      }
    })
  })
})
