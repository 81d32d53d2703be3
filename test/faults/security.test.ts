// The key stays where it belongs: nowhere in logs (even with step debug), errors, outputs, summary, state or
// files, including when a server echoes it back; Authorization only ever goes to base-url, not to storage and
// not across redirects. Proxies from the environment carry every request. No socket keeps the step alive.
import { readFileSync, readdirSync, statSync } from 'node:fs'
import { type Server, createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Emulator, RecordedRequest } from '../emulator/index.js'
import { type RunResult, runAction, startAction } from '../runner/run-action.js'
import { actionEnv, errorsOf, fixture, inputsFor, withEmulator, workspaceWith } from './harness.js'
import { type TestProxy, startProxy } from './proxy.js'

const DEBUG_ENV = { RUNNER_DEBUG: '1', ACTIONS_STEP_DEBUG: 'true' }
const EXECUTION = /^\/v1\/tools\/executions\/[^/]+$/
const DOWNLOAD = /^\/files\/[^/]+\/video\.mp4$/

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .map((rel) => path.join(dir, rel))
    .filter((abs) => statSync(abs).isFile())
}

/** Everything the run left behind, except the one line that hands the key to the runner's masking. */
function everywhere(r: RunResult, key: string): string {
  const stdout = r.stdout
    .split('\n')
    .filter((line) => line !== `::add-mask::${key}`)
    .join('\n')
  const files = [...filesUnder(r.workspace), r.files.output, r.files.state, r.files.summary].map((f) =>
    readFileSync(f, 'utf8'),
  )
  const text = [stdout, r.stderr, JSON.stringify(r.outputs), JSON.stringify(r.state), r.summary, ...files].join('\n')
  // The summary escapes characters as HTML entities (`_` → `&#95;`): a key leaked there would hide from a plain search.
  return `${text}\n${text.replace(/&#(\d+);/g, (_m, code: string) => String.fromCharCode(Number(code)))}`
}

function expectNoKey(r: RunResult, key: string): void {
  expect(r.stdout).toContain(`::add-mask::${key}`) // masked first…
  const all = everywhere(r, key)
  expect(all.includes(key), 'the API key leaked').toBe(false) // …and never printed or written anywhere
}

/** Authorization went to the API server only, and to every request there. */
function expectAuthOnlyToApi(e: Emulator, key: string): void {
  const storage = e.requests.filter((r) => r.server === 'storage')
  expect(storage.length).toBeGreaterThan(0)
  for (const r of storage) expect(r.headers.authorization, `${r.method} ${r.path}`).toBeUndefined()
  for (const r of e.requests.filter((x) => x.server === 'api')) expect(r.headers.authorization).toBe(`Bearer ${key}`)
}

/** Another origin: records what reaches it and serves the clip. */
interface Trap {
  url: string
  requests: Array<{ method: string; url: string; headers: Record<string, unknown> }>
  close(): Promise<void>
}
async function startTrap(): Promise<Trap> {
  const requests: Trap['requests'] = []
  const server: Server = createServer((req, res) => {
    requests.push({ method: req.method ?? '', url: req.url ?? '', headers: { ...req.headers } })
    const clip = fixture('clip.mp4')
    res.writeHead(200, { 'content-type': 'video/mp4', 'content-length': String(clip.length) }).end(clip)
  })
  await new Promise<void>((resolve) => server.listen(0, 'localhost', resolve))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://localhost:${port}`,
    requests,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  }
}

let trap: Trap
beforeAll(async () => {
  trap = await startTrap()
})
afterAll(async () => {
  await trap.close()
})

describe.concurrent('the API key', () => {
  it('appears nowhere after a full run with step debug on, uploads, a retried 500 echoing it, and downloads', async () => {
    await withEmulator({}, async (e) => {
      e.inject({
        method: 'GET',
        path: EXECUTION,
        kind: 'status',
        status: 500,
        body: `<html>upstream said: Authorization: Bearer ${e.key}</html>`,
      })
      const r = await runAction({
        inputs: inputsFor(e, { images: 'refs/ref.png', 'public-preview': 'true' }),
        env: actionEnv(DEBUG_ENV),
        workspace: workspaceWith({ 'refs/ref.png': 'ref.png' }),
      })
      expect(r.code, r.stdout).toBe(0)
      expect(r.stdout).toMatch(/^::debug::/m) // debug output was on
      expect(r.summary).not.toBe('')
      expectNoKey(r, e.key)
      expectAuthOnlyToApi(e, e.key)
      expect(e.requests.some((x) => x.server === 'storage' && x.method === 'PUT')).toBe(true)
      expect(e.requests.some((x) => x.server === 'storage' && x.method === 'GET')).toBe(true)
    })
  })

  it.each([
    {
      name: '401 echoing the key',
      status: 401,
      body: (key: string) => ({ message: `API key ${key} is invalid or has been revoked.`, code: 'invalid_api_key' }),
      says: /HTTP 401 invalid_api_key: API key \*\*\* is invalid.*Check the api-key secret/,
    },
    {
      name: '500 HTML echoing the key',
      status: 500,
      body: (key: string) => `<html><body><pre>Traceback: bad header "Bearer ${key}"</pre></body></html>`,
      says: /HTTP 500: non-JSON response: Traceback: bad header "Bearer \*\*\*"/,
    },
    {
      name: '400 JSON echoing the key JSON-escaped',
      status: 400,
      body: (key: string) => ({ message: `unexpected header ${JSON.stringify(`Bearer ${key}`)}` }),
      says: /HTTP 400: unexpected header "Bearer \*\*\*"/,
    },
  ])('appears nowhere when a failing create answers with a $name', async ({ status, body, says }) => {
    await withEmulator({}, async (e) => {
      e.inject({ method: 'POST', path: '/v1/tools/generate-video-clip', kind: 'status', status, body: body(e.key) })
      const r = await runAction({ inputs: inputsFor(e), env: actionEnv(DEBUG_ENV), workspace: workspaceWith() })
      expect(r.code).toBe(1)
      expect(errorsOf(r.stdout)[0]).toMatch(says)
      expectNoKey(r, e.key)
    })
  })

  it('appears nowhere when the failed execution’s error echoes it (error, summary)', async () => {
    await withEmulator({}, async (e) => {
      e.configure({
        job: {
          queuedMs: 50,
          durationMs: 300,
          outcome: 'failed',
          error: { message: `The request signed with ${e.key} was rejected.`, code: 'rejected' },
        },
      })
      const r = await runAction({ inputs: inputsFor(e), env: actionEnv(DEBUG_ENV), workspace: workspaceWith() })
      expect(r.code).toBe(1)
      expect(errorsOf(r.stdout)[0]).toMatch(/failed: The request signed with \*\*\* was rejected\. \(code rejected\)/)
      expect(r.summary).toMatch(/signed with (\*|&#42;){3} was rejected/)
      expectNoKey(r, e.key)
    })
  })
})

describe.concurrent('redirects', () => {
  it('a 307 from a storage download to another origin is followed without Authorization', async () => {
    await withEmulator({}, async (e) => {
      e.inject({
        server: 'storage',
        method: 'GET',
        path: DOWNLOAD,
        kind: 'status',
        status: 307,
        headers: { Location: `${trap.url}/elsewhere/clip.mp4?sig=abc` },
      })
      const before = trap.requests.length
      const r = await runAction({ inputs: inputsFor(e), env: actionEnv(), workspace: workspaceWith() })
      expect(r.code, r.stdout).toBe(0)
      const reached = trap.requests.slice(before).filter((t) => t.url.startsWith('/elsewhere/'))
      expect(reached).toHaveLength(1)
      expect(reached[0]?.headers.authorization).toBeUndefined()
      expectAuthOnlyToApi(e, e.key)
      expectNoKey(r, e.key)
    })
  })

  it('an API 3xx to another origin is not followed: the key is only ever sent to base-url', async () => {
    await withEmulator({}, async (e) => {
      e.inject({
        method: 'POST',
        path: '/v1/tools/generate-video-clip',
        kind: 'status',
        status: 308,
        headers: { Location: `${trap.url}/v1/tools/generate-video-clip` },
      })
      const before = trap.requests.length
      const r = await runAction({ inputs: inputsFor(e), env: actionEnv(), workspace: workspaceWith() })
      expect(r.code).toBe(1)
      expect(errorsOf(r.stdout)[0]).toMatch(
        /HTTP 308 redirect: unexpected redirect to http:\/\/localhost:\d+\/v1\/tools\/generate-video-clip; set base-url to the API's final address/,
      )
      expect(trap.requests.slice(before).filter((t) => t.url.startsWith('/v1/'))).toEqual([])
      expect(e.createCount()).toBe(0)
    })
  })
})

describe('proxy from the environment, with an http:// base-url on this machine', () => {
  let proxy: TestProxy
  beforeAll(async () => {
    proxy = await startProxy()
  })
  afterAll(async () => {
    await proxy.close()
  })

  // http:// is allowed only to loopback because that traffic stays on the machine: through a proxy the key
  // would cross the network in clear text (and reach the proxy's loopback, not this one). HTTPS through
  // proxies, NO_PROXY and the post step's tunnels are tested in test/transport/proxy.test.ts.
  it.each([
    ['HTTP_PROXY', { HTTP_PROXY: '' }],
    ['HTTPS_PROXY and http_proxy', { HTTPS_PROXY: '', http_proxy: '' }],
  ])('%s: every request of main and post goes direct; the proxy never sees the key', async (_n, names) => {
    const env = actionEnv(Object.fromEntries(Object.keys(names).map((name) => [name, proxy.url])))
    const before = proxy.requests.length + proxy.connects.length
    await withEmulator({ job: { queuedMs: 50, durationMs: 400 } }, async (e) => {
      const r = await runAction({
        inputs: inputsFor(e, { images: 'refs/ref.png' }),
        env,
        workspace: workspaceWith({ 'refs/ref.png': 'ref.png' }),
      })
      expect(r.code, r.stdout).toBe(0)
      const kinds = (rs: RecordedRequest[]) => new Set(rs.map((x) => `${x.server} ${x.method}`))
      expect(kinds(e.requests)).toEqual(new Set(['api POST', 'api GET', 'storage PUT', 'storage GET']))
      for (const req of e.requests) expect(req.headers.via).toBeUndefined()
      expectAuthOnlyToApi(e, e.key)
    })
    await withEmulator({ job: { queuedMs: 50, durationMs: 60_000 } }, async (e) => {
      const running = startAction({ inputs: inputsFor(e), env, workspace: workspaceWith() })
      await running.waitFor(/^Created execution /)
      running.child.kill('SIGKILL')
      const main = await running.result
      const post = await runAction({
        inputs: inputsFor(e),
        env,
        workspace: main.workspace,
        stage: 'post',
        state: main.state,
      })
      expect(post.code).toBe(0)
      expect(e.cancelCalls()).toHaveLength(1)
      for (const req of e.requests) expect(req.headers.via).toBeUndefined()
    })
    expect(proxy.requests.length + proxy.connects.length).toBe(before)
  })
})

describe.concurrent('process exit', () => {
  /** Runs to the end and measures the time from the last stdout chunk to the process exit. */
  async function tailAfterLastLine(
    options: Parameters<typeof startAction>[0],
  ): Promise<{ r: RunResult; tailMs: number }> {
    const running = startAction(options)
    let last = Date.now()
    running.child.stdout?.on('data', () => (last = Date.now()))
    const closed = new Promise<number>((resolve) => running.child.on('exit', () => resolve(Date.now())))
    const r = await running.result
    return { r, tailMs: (await closed) - last }
  }

  it('keep-alive sockets do not keep the process alive after a successful run', async () => {
    await withEmulator({}, async (e) => {
      const { r, tailMs } = await tailAfterLastLine({
        inputs: inputsFor(e, { images: 'refs/ref.png' }),
        env: actionEnv(),
        workspace: workspaceWith({ 'refs/ref.png': 'ref.png' }),
      })
      expect(r.code, r.stdout).toBe(0)
      expect(tailMs).toBeLessThan(3500) // well under 1 s idle; an open keep-alive socket would hold it for 4 s
    })
  })

  it('…nor after a failed one', async () => {
    await withEmulator(
      { job: { queuedMs: 50, durationMs: 300, outcome: 'failed', error: { message: 'nope' } } },
      async (e) => {
        const { r, tailMs } = await tailAfterLastLine({
          inputs: inputsFor(e),
          env: actionEnv(),
          workspace: workspaceWith(),
        })
        expect(r.code).toBe(1)
        expect(tailMs).toBeLessThan(3500) // well under 1 s idle; an open keep-alive socket would hold it for 4 s
      },
    )
  })
})
