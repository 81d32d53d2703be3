// How undici 6 (the action's HTTP client) reports each transport failure to its caller: class, code and
// message, for failures where nothing was sent (certificates, DNS, refused connections, a proxy refusing
// the tunnel) and where the request was sent (a reset). The action tells these apart from these facts, so
// an undici upgrade that changes them fails here first. Also shows the emulator's faults work over TLS.
// Verification stays on: the test CA is trusted explicitly (`ca`), as NODE_EXTRA_CA_CERTS does for the action.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { Agent, type Dispatcher, ProxyAgent, request } from 'undici'
import { type Emulator, startEmulator } from '../emulator/index.js'
import { type ConnectProxy, startConnectProxy } from '../faults/connect-proxy.js'
import { closedPort } from '../faults/harness.js'
import { pki } from './harness.js'

const CREATE = '/v1/tools/generate-video-clip'

interface Failure {
  /** Constructor name of the rejection. */
  type: string
  code: string
  message: RegExp
}

interface Caught {
  type: string
  code: string
  error: Error
}

async function failureOf(url: string, dispatcher: Dispatcher, timeoutMs = 10_000): Promise<Caught> {
  try {
    const response = await request(url, {
      method: 'POST',
      dispatcher,
      body: '{}',
      headers: { 'content-type': 'application/json' },
      headersTimeout: timeoutMs,
      bodyTimeout: timeoutMs,
    })
    await response.body.dump()
  } catch (error) {
    const e = error as Error & { code?: string }
    // None of these failures carries a cause: the code is on the error itself.
    expect(e.cause).toBeUndefined()
    return { type: e.constructor.name, code: e.code ?? '', error: e }
  } finally {
    await dispatcher.close()
  }
  throw new Error(`${url}: expected a failure, got a response`)
}

function expectFailure(actual: Caught, expected: Failure): void {
  expect({ type: actual.type, code: actual.code }).toEqual({ type: expected.type, code: expected.code })
  expect(actual.error.message).toMatch(expected.message)
}

const direct = () => new Agent({ connect: { ca: pki.ca.cert } })
const tunnelled = (proxy: ConnectProxy) => new ProxyAgent({ uri: proxy.url, requestTls: { ca: pki.ca.cert } })

const emulators: Record<'good' | 'untrusted' | 'expired' | 'wrongHost', Emulator> = {} as never
let proxy: ConnectProxy
let refusing: Record<403 | 407, ConnectProxy>
let closed: number

beforeAll(async () => {
  for (const name of ['good', 'untrusted', 'expired', 'wrongHost'] as const)
    emulators[name] = await startEmulator({ tls: pki[name === 'good' ? 'server' : name] })
  proxy = await startConnectProxy()
  refusing = { 403: await startConnectProxy({ refuse: 403 }), 407: await startConnectProxy({ refuse: 407 }) }
  closed = await closedPort()
})
afterAll(async () => {
  await Promise.all([...Object.values(emulators), proxy, ...Object.values(refusing)].map((x) => x?.close()))
})

const UNTRUSTED: Failure = {
  type: 'Error',
  code: 'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  message: /^unable to verify the first certificate$/,
}
const EXPIRED: Failure = { type: 'Error', code: 'CERT_HAS_EXPIRED', message: /^certificate has expired$/ }
const WRONG_HOST: Failure = {
  type: 'Error',
  code: 'ERR_TLS_CERT_ALTNAME_INVALID',
  message: /^Hostname\/IP does not match certificate's altnames: IP: 127\.0\.0\.1 is not in the cert's list: $/,
}
const refusedTunnel = (status: number): Failure => ({
  type: 'RequestAbortedError',
  code: 'UND_ERR_ABORTED',
  message: new RegExp(`^Proxy response \\(${status}\\) !== 200 when HTTP Tunneling$`),
})

describe('nothing was sent', () => {
  const certificates: Array<[string, 'untrusted' | 'expired' | 'wrongHost', Failure]> = [
    ['untrusted CA', 'untrusted', UNTRUSTED],
    ['expired', 'expired', EXPIRED],
    ['wrong host', 'wrongHost', WRONG_HOST],
  ]
  it.each(certificates)('%s certificate, direct and through a tunnel', async (_name, which, expected) => {
    const e = emulators[which]
    const before = e.connectionCount()
    expectFailure(await failureOf(e.url + CREATE, direct()), expected)
    expectFailure(await failureOf(e.url + CREATE, tunnelled(proxy)), expected)
    // Each attempt is one TLS handshake that never became a request; undici does not retry it.
    expect(e.connectionCount() - before).toBe(2)
    expect(e.requests).toEqual([])
  })

  it('the wrong-host error carries the host and the certificate (whose names the message could show)', async () => {
    const { error } = await failureOf(emulators.wrongHost.url + CREATE, direct())
    expect(error).toMatchObject({ host: '127.0.0.1', reason: "IP: 127.0.0.1 is not in the cert's list: " })
    expect((error as { cert?: { subjectaltname?: string } }).cert?.subjectaltname).toBe('DNS:example.invalid')
  })

  it('a name that does not resolve: ENOTFOUND', async () => {
    expectFailure(await failureOf(`https://nonexistent.invalid${CREATE}`, direct()), {
      type: 'Error',
      code: 'ENOTFOUND',
      message: /^getaddrinfo ENOTFOUND nonexistent\.invalid$/,
    })
  })

  it('a closed port: ECONNREFUSED, the same when the proxy itself is the closed port', async () => {
    const expected = {
      type: 'Error',
      code: 'ECONNREFUSED',
      message: new RegExp(`^connect ECONNREFUSED 127\\.0\\.0\\.1:${closed}$`),
    }
    expectFailure(await failureOf(`https://127.0.0.1:${closed}${CREATE}`, direct()), expected)
    const deadProxy = new ProxyAgent({ uri: `http://127.0.0.1:${closed}`, requestTls: { ca: pki.ca.cert } })
    expectFailure(await failureOf(emulators.good.url + CREATE, deadProxy), expected)
  })

  it.each([407, 403] as const)('CONNECT answered %d: RequestAbortedError naming the status, once', async (status) => {
    const before = refusing[status].connects.length
    expectFailure(await failureOf(emulators.good.url + CREATE, tunnelled(refusing[status])), refusedTunnel(status))
    expect(refusing[status].connects.length - before).toBe(1)
  })

  it('CONNECT to a closed port or an unknown host: the proxy answers 502, undici says so the same way', async () => {
    expectFailure(await failureOf(`https://127.0.0.1:${closed}${CREATE}`, tunnelled(proxy)), refusedTunnel(502))
    expectFailure(await failureOf(`https://nonexistent.invalid${CREATE}`, tunnelled(proxy)), refusedTunnel(502))
    expect(proxy.connects.slice(-2).map((c) => [c.target, c.status])).toEqual([
      [`127.0.0.1:${closed}`, 502],
      ['nonexistent.invalid:443', 502],
    ])
  })
})

describe('the request was sent (faults over TLS)', () => {
  it('a reset after processing: ECONNRESET direct; through a tunnel the proxy turns it into a close', async () => {
    const e = emulators.good
    e.inject({ path: CREATE, kind: 'reset-after-processing', times: 2 })
    const createdBefore = e.createCount()
    expectFailure(await failureOf(e.url + CREATE, direct()), {
      type: 'Error',
      code: 'ECONNRESET',
      message: /^read ECONNRESET$/,
    })
    expectFailure(await failureOf(e.url + CREATE, tunnelled(proxy)), {
      type: 'SocketError',
      code: 'UND_ERR_SOCKET',
      message: /^other side closed$/,
    })
    // Both reached the handler (here a 401 without a key, so nothing was created) and got no answer.
    expect(e.createCount()).toBe(createdBefore)
    expect(e.requests.filter((r) => r.path === CREATE && r.status === undefined)).toHaveLength(2)
  })

  it('a reset before processing looks the same to the client: ECONNRESET', async () => {
    emulators.good.inject({ path: CREATE, kind: 'reset' })
    expectFailure(await failureOf(emulators.good.url + CREATE, direct()), {
      type: 'Error',
      code: 'ECONNRESET',
      message: /^read ECONNRESET$/,
    })
  })

  it('an upload cut mid-body: part of the bytes arrived, then a reset', async () => {
    const e = emulators.good
    const size = 4 * 1024 * 1024
    e.inject({ server: 'storage', kind: 'reset-mid-body' })
    const dispatcher = direct()
    const put = request(`${e.storageUrl}/upload/cut`, {
      method: 'PUT',
      dispatcher,
      body: Buffer.alloc(size),
      headers: { 'content-length': String(size) },
    })
    // Usually ECONNRESET; a write racing the reset may see EPIPE instead.
    const error = (await put.then(
      () => undefined,
      (e: unknown) => e,
    )) as { code?: string } | undefined
    expect(['ECONNRESET', 'EPIPE']).toContain(error?.code)
    await dispatcher.close()
    const [record] = e.requests.filter((r) => r.path === '/upload/cut')
    expect(record?.bodyBytes).toBeGreaterThan(0)
    expect(record?.bodyBytes).toBeLessThan(size)
  })

  it('a hang: HeadersTimeoutError', async () => {
    emulators.good.inject({ path: CREATE, kind: 'hang' })
    expectFailure(await failureOf(emulators.good.url + CREATE, direct(), 500), {
      type: 'HeadersTimeoutError',
      code: 'UND_ERR_HEADERS_TIMEOUT',
      message: /^Headers Timeout Error$/,
    })
  })
})
