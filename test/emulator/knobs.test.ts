// The knobs for hostile-response tests: rewrite, endless, drip and huge-body, on both servers.
import { request } from 'undici'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { type Emulator, type ExecutedTool, startEmulator } from './index.js'
import { TestClient } from './test-client.js'

let emu: Emulator
const client = new TestClient(() => emu)

const generate = (body: unknown = { prompt: 'x' }) =>
  client.api<{ toolExecutionId: string }>('POST', '/v1/tools/generate-video-clip', { body })

/** A signed download URL of a result video. */
async function resultUrl(): Promise<string> {
  const { toolExecutionId } = (await generate()).body
  const done = await client.api<ExecutedTool>('GET', `/v1/tools/executions/${toolExecutionId}`)
  return done.body.results[0]!.downloadUrl!
}

/** Reads a response body as it streams in: until `limit` bytes (then drops the connection) or its end. */
async function stream(
  url: string,
  opts: { limit?: number; headers?: Record<string, string>; method?: 'GET' | 'POST'; body?: string } = {},
) {
  const res = await request(url, {
    method: opts.method ?? 'GET',
    headers: opts.headers,
    body: opts.body,
    dispatcher: client.agent,
  })
  const chunks: Buffer[] = []
  const arrivals: number[] = []
  let bytes = 0
  for await (const chunk of res.body as AsyncIterable<Buffer>) {
    chunks.push(chunk)
    arrivals.push(Date.now())
    bytes += chunk.length
    if (opts.limit !== undefined && bytes >= opts.limit) {
      res.body.destroy()
      break
    }
  }
  const body = Buffer.concat(chunks)
  return { status: res.statusCode, headers: res.headers, body, bytes, arrivals }
}

const auth = () => ({ authorization: `Bearer ${emu.key}` })

beforeAll(async () => {
  emu = await startEmulator({ job: { queuedMs: 0, durationMs: 0 } })
})
afterEach(() => emu.reset())
afterAll(async () => {
  await emu.close()
  await client.close()
})

describe('rewrite', () => {
  it('replaces the body of one matching response, then lets the next through', async () => {
    const { toolExecutionId: id } = (await generate()).body
    const hostile = 'succeeded\n::set-output name=x::y'
    emu.inject({
      kind: 'rewrite',
      method: 'GET',
      path: /^\/v1\/tools\/executions\//,
      rewrite: (body) => ({ ...(body as object), status: hostile }),
    })
    const rewritten = await client.api<ExecutedTool>('GET', `/v1/tools/executions/${id}`)
    expect(rewritten.status).toBe(200)
    expect(rewritten.body).toMatchObject({ toolExecutionId: id, status: hostile, progressPercentage: 100 })
    expect(Number(rewritten.headers['content-length'])).toBe(Buffer.byteLength(rewritten.text))
    expect((await client.api<ExecutedTool>('GET', `/v1/tools/executions/${id}`)).body.status).toBe('succeeded')
  })

  it('rewrites the 202 of a create, which still creates the execution', async () => {
    emu.inject({
      kind: 'rewrite',
      method: 'POST',
      path: '/v1/tools/generate-video-clip',
      rewrite: () => ({ toolExecutionId: '../../etc/passwd\r\nX-Injected: 1' }),
    })
    const created = await generate()
    expect(created.status).toBe(202)
    expect(created.body.toolExecutionId).toBe('../../etc/passwd\r\nX-Injected: 1')
    expect(emu.createCount()).toBe(1)
    expect([...emu.executions.keys()][0]).toMatch(/^vg_tool_/)
  })

  it('mutates in place, changes status and headers, counts after/times, and stays with times Infinity', async () => {
    emu.inject({
      kind: 'rewrite',
      path: '/v1/me',
      after: 1,
      times: Infinity,
      rewrite: (body, target) => {
        ;(body as Record<string, unknown>).email = 'evil@example.test'
        target.status = 503
        target.headers['Retry-After'] = '7'
        target.headers['content-length'] = '1' // recomputed anyway
      },
    })
    const answers = []
    for (let i = 0; i < 4; i++) answers.push(await client.api<{ email: string }>('GET', '/v1/me'))
    expect(answers.map((a) => [a.status, a.body.email, a.headers['retry-after']])).toEqual([
      [200, 'emulator@videogen.test', undefined],
      [503, 'evil@example.test', '7'],
      [503, 'evil@example.test', '7'],
      [503, 'evil@example.test', '7'],
    ])
    expect(emu.requests.filter((r) => r.path === '/v1/me').map((r) => r.status)).toEqual([200, 503, 503, 503])
    emu.clearFaults()
    expect((await client.api('GET', '/v1/me')).status).toBe(200)
  })

  it('sends a returned string as is, and combines with a status fault', async () => {
    emu.inject({ kind: 'status', path: '/v1/me', status: 502 })
    emu.inject({
      kind: 'rewrite',
      path: '/v1/me',
      rewrite: (body, target) => {
        expect(body).toMatchObject({ code: 'internal_error' })
        target.headers['Content-Type'] = 'text/html'
        return '<html>Bad gateway</html>'
      },
    })
    const res = await client.api('GET', '/v1/me')
    expect([res.status, res.headers['content-type'], res.text]).toEqual([502, 'text/html', '<html>Bad gateway</html>'])
  })

  it('applies to the API server unless told storage, where it sees the body as text', async () => {
    const url = await resultUrl()
    const original = await client.raw('GET', url)
    emu.inject({ kind: 'rewrite', path: '/files/*', rewrite: () => 'never applied' })
    expect((await client.raw('GET', url)).bytes.equals(original.bytes)).toBe(true)
    emu.clearFaults()
    emu.inject({
      kind: 'rewrite',
      server: 'storage',
      path: '/files/*',
      rewrite: (body, target) => {
        expect(typeof body).toBe('string')
        expect(target).toMatchObject({ server: 'storage', method: 'GET', status: 200 })
        return Buffer.from('not a video')
      },
    })
    expect((await client.raw('GET', url)).text).toBe('not a video')
    // Unchanged binary bodies keep their exact bytes.
    emu.inject({ kind: 'rewrite', server: 'storage', path: '/files/*', rewrite: () => undefined })
    expect((await client.raw('GET', url)).bytes.equals(original.bytes)).toBe(true)
  })
})

describe('body faults', () => {
  it('endless: a 200 whose chunked body never ends, on either server', async () => {
    emu.inject({ kind: 'endless', path: '/v1/me' })
    const api = await stream(`${emu.url}/v1/me`, { limit: 4 * 1024 * 1024, headers: auth() })
    expect(api.status).toBe(200)
    expect(api.headers['content-length']).toBeUndefined()
    expect(api.headers['transfer-encoding']).toBe('chunked')
    expect(api.headers['content-type']).toMatch(/^application\/json/)
    expect(api.bytes).toBeGreaterThanOrEqual(4 * 1024 * 1024)
    expect(api.body.subarray(0, 16).toString()).toBe('{"message":"xxxx')

    const url = await resultUrl()
    emu.inject({ kind: 'endless', server: 'storage', status: 206, contentType: 'video/mp4' })
    const storage = await stream(url, { limit: 1024 * 1024 })
    expect([storage.status, storage.headers['content-type']]).toEqual([206, 'video/mp4'])
    expect(storage.bytes).toBeGreaterThanOrEqual(1024 * 1024)
    // The emulator stops writing once the client is gone and keeps serving.
    expect((await client.api('GET', '/v1/me')).status).toBe(200)
    expect(emu.requests.filter((r) => r.path === '/v1/me').map((r) => r.status)).toEqual([200, 200])
  })

  it('drip: the real body, complete, arriving slowly but never idle for long', async () => {
    const url = await resultUrl()
    const whole = await client.raw('GET', url)
    emu.inject({ kind: 'drip', server: 'storage', path: '/files/*', bytesPerSecond: 4 * 1024 })
    const t0 = Date.now()
    const slow = await stream(url)
    const elapsed = Date.now() - t0
    expect(slow.status).toBe(200)
    expect(Number(slow.headers['content-length'])).toBe(whole.bytes.length)
    expect(slow.body.equals(whole.bytes)).toBe(true)
    // ~0.9 s for the 3.6 KB clip at 4 KiB/s: it cannot be fast, and no gap comes near a read timeout.
    expect(elapsed).toBeGreaterThanOrEqual(500)
    expect(slow.arrivals.length).toBeGreaterThan(5)
    const gaps = slow.arrivals.slice(1).map((t, i) => t - slow.arrivals[i]!)
    expect(Math.max(...gaps)).toBeLessThan(5_000)

    emu.inject({ kind: 'drip', path: '/v1/me', bytesPerSecond: 5 })
    const t1 = Date.now()
    const me = await stream(`${emu.url}/v1/me`, { limit: 10, headers: auth() })
    expect(me.body.subarray(0, 10).toString()).toBe('{"apiKeyId')
    expect(Date.now() - t1).toBeGreaterThanOrEqual(1_000)
  })

  it('huge-body: an error answer of exactly that many bytes, streamed', async () => {
    const bytes = 3 * 1024 * 1024 + 17
    emu.inject({ kind: 'huge-body', path: '/v1/tools/generate-video-clip', status: 500, bytes })
    const res = await stream(`${emu.url}/v1/tools/generate-video-clip`, {
      method: 'POST',
      headers: { ...auth(), 'content-type': 'application/json' },
      body: JSON.stringify({ prompt: 'x' }),
    })
    expect(res.status).toBe(500)
    expect(Number(res.headers['content-length'])).toBe(bytes)
    expect(res.body.length).toBe(bytes)
    const text = res.body.toString()
    expect(text.startsWith('{"code":"huge_body","message":"xxx')).toBe(true)
    expect(JSON.parse(text)).toMatchObject({ code: 'huge_body' })
    expect(emu.createCount()).toBe(0) // answered before processing

    // 8 GiB declared: the client reads a little and leaves; nothing of that size is ever allocated.
    const url = await resultUrl()
    emu.inject({ kind: 'huge-body', server: 'storage', status: 403, bytes: 8 * 1024 ** 3 })
    const big = await stream(url, { limit: 256 * 1024 })
    expect(big.status).toBe(403)
    expect(big.headers['content-length']).toBe(String(8 * 1024 ** 3))
    expect(big.headers['content-type']).toBe('application/xml')
    expect(big.body.subarray(0, 37).toString()).toBe('<Error><Code>HugeBody</Code><Message>')
    expect((await client.raw('GET', url)).status).toBe(200)

    // Fewer bytes than the envelope: filler only, still exactly that long.
    emu.inject({ kind: 'huge-body', path: '/v1/me', status: 429, bytes: 5 })
    const tiny = await client.api('GET', '/v1/me')
    expect([tiny.status, tiny.text]).toEqual([429, 'xxxxx'])
  })
})
