// The fault matrix: every endpoint of a run (upload ticket, storage PUT, hydrate, generate, execution GET,
// download) under throttling, server errors, resets, hangs and expiry, through the bundled action against
// the emulator. Each case asserts the outcome and how many executions were created: exactly one per run,
// or none where the create was refused; never two.
import { existsSync, readFileSync, statSync } from 'node:fs'
import path from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import type { Emulator, EmulatorOptions, FaultRule, RecordedRequest } from '../emulator/index.js'
import { type RunResult, type RunningAction, startAction } from '../runner/run-action.js'
import {
  actionEnv,
  bigPng,
  closedPort,
  errorsOf,
  fixture,
  inputsFor,
  isGenerate,
  sha256,
  warningsOf,
  withEmulator,
  workspaceWith,
} from './harness.js'

const HYDRATE = /^\/v1\/files\/[^/]+\/hydrate$/
const EXECUTION = /^\/v1\/tools\/executions\/[^/]+$/
const DOWNLOAD = /^\/files\/[^/]+\/video\.mp4$/
const HTML_502 =
  '<html><head><title>502 Bad Gateway</title></head><body><center><h1>502 Bad Gateway</h1></center><hr><center>nginx</center></body></html>'
const BIG = bigPng(600 * 1024)

interface Case {
  name: string
  options?: EmulatorOptions
  /** Faults to inject before the run (functions get the emulator, e.g. for a reset time). */
  faults?: Array<FaultRule | ((e: Emulator) => FaultRule)>
  /** Upload refs/ref.png (or the given bytes) as an image. */
  image?: boolean | Buffer
  inputs?: Record<string, string>
  /** base-url override (nothing listening). */
  baseUrl?: () => Promise<string>
  /** Runs while the action runs. */
  during?: (running: RunningAction, e: Emulator) => Promise<void>
  /** 'success', or what the ::error:: must match (every regexp). */
  expect: 'success' | RegExp[]
  creates: 0 | 1
  /** POST generate-video-clip requests the emulator must have seen. */
  posts?: number
  check?: (r: RunResult, e: Emulator) => void
}

const between = (e: Emulator, match: (r: RecordedRequest) => boolean) => {
  const hits = e.requests.filter(match)
  expect(hits.length).toBeGreaterThanOrEqual(2)
  return (hits[1] as RecordedRequest).at - (hits[0] as RecordedRequest).at
}
const count = (e: Emulator, match: (r: RecordedRequest) => boolean) => e.requests.filter(match).length
const isTicket = (r: RecordedRequest) => r.method === 'POST' && r.path === '/v1/files/upload'
const isPut = (r: RecordedRequest) => r.server === 'storage' && r.method === 'PUT'
const isHydrate = (r: RecordedRequest) => r.method === 'POST' && HYDRATE.test(r.path)
const isPoll = (r: RecordedRequest) => r.method === 'GET' && EXECUTION.test(r.path)
const isDownload = (r: RecordedRequest) => r.server === 'storage' && r.method === 'GET' && DOWNLOAD.test(r.path)

const cases: Case[] = [
  // ── 429: back off (Retry-After, else X-RateLimit-Reset, else exponential with jitter) and succeed ──
  {
    name: '429 on the upload ticket, Retry-After: 1',
    image: true,
    faults: [
      { method: 'POST', path: '/v1/files/upload', kind: 'status', status: 429, headers: { 'Retry-After': '1' } },
    ],
    expect: 'success',
    creates: 1,
    check: (_r, e) => expect(between(e, isTicket)).toBeGreaterThanOrEqual(950),
  },
  {
    name: '429 on the storage PUT',
    image: true,
    faults: [
      {
        server: 'storage',
        method: 'PUT',
        kind: 'status',
        status: 429,
        body: '<Error><Code>TooManyRequests</Code></Error>',
      },
    ],
    expect: 'success',
    creates: 1,
    check: (_r, e) => expect(count(e, isPut)).toBe(2),
  },
  (() => {
    let reset = 0 // unix seconds, set when the fault is injected
    return {
      name: '429 on hydrate, X-RateLimit-Reset in 3 s (no Retry-After)',
      image: true,
      faults: [
        () => {
          reset = Math.floor(Date.now() / 1000) + 3
          return {
            method: 'POST',
            path: HYDRATE,
            kind: 'status',
            status: 429,
            headers: { 'X-RateLimit-Reset': String(reset) },
          }
        },
      ],
      expect: 'success',
      creates: 1,
      check: (_r, e) => {
        const [, retry] = e.requests.filter(isHydrate) as [RecordedRequest, RecordedRequest]
        // Not retried before the window reset (and not much later either).
        expect(retry.at).toBeGreaterThanOrEqual(reset * 1000 - 30)
        expect(retry.at).toBeLessThan(reset * 1000 + 5000)
      },
    } satisfies Case
  })(),
  {
    name: '429 rate_limited on generate, no Retry-After nor X-RateLimit-Reset: exponential backoff',
    faults: [
      {
        method: 'POST',
        path: '/v1/tools/generate-video-clip',
        kind: 'status',
        status: 429,
        headers: { 'X-RateLimit-Reset': '' },
      },
    ],
    expect: 'success',
    creates: 1,
    posts: 2,
    // First step 1 s with jitter in [50 %, 100 %].
    check: (_r, e) => expect(between(e, isGenerate)).toBeGreaterThanOrEqual(480),
  },
  {
    name: '429 on the execution GET, Retry-After: 0',
    faults: [
      { method: 'GET', path: EXECUTION, kind: 'status', status: 429, times: 2, headers: { 'Retry-After': '0' } },
    ],
    expect: 'success',
    creates: 1,
  },
  {
    name: '429 on the clip download',
    faults: [{ server: 'storage', method: 'GET', path: DOWNLOAD, kind: 'status', status: 429, body: 'slow down' }],
    expect: 'success',
    creates: 1,
    check: (_r, e) => expect(count(e, isDownload)).toBe(2),
  },
  {
    name: '429 whose X-RateLimit-Reset is past the timeout: fails at once, saying so',
    faults: [
      () => ({
        method: 'GET',
        path: EXECUTION,
        kind: 'status',
        status: 429,
        times: 50,
        headers: { 'X-RateLimit-Reset': String(Math.floor(Date.now() / 1000) + 600) },
      }),
    ],
    inputs: { timeout: '20s' },
    expect: [/HTTP 429 rate_limited/, /retry in \d+ s, which is past the time left/],
    creates: 1,
    check: (r, e) => {
      // One poll, then the confirmation GET of the cancel (also refused): the execution is not left running.
      expect(count(e, isPoll)).toBe(2)
      expect(e.cancelCalls()).toHaveLength(1)
      expect(r.outputs.status).toBe('error')
      // At once: not after sleeping until the 20 s timeout.
      expect(r.durationMs).toBeLessThan(15_000)
    },
  },
  {
    name: '429 insufficient_credits on generate: not retried, out of credits',
    options: { credits: 0 },
    expect: [/HTTP 429 insufficient_credits/, /out of credits/],
    creates: 0,
    posts: 1,
  },

  // ── 5xx (JSON, HTML, empty bodies) ──
  {
    name: '502 with an HTML body on the upload ticket',
    image: true,
    faults: [{ method: 'POST', path: '/v1/files/upload', kind: 'status', status: 502, body: HTML_502 }],
    expect: 'success',
    creates: 1,
    check: (_r, e) => expect(count(e, isTicket)).toBe(2),
  },
  {
    name: '500 (S3 XML) on the storage PUT',
    image: true,
    faults: [{ server: 'storage', method: 'PUT', kind: 'status', status: 500 }],
    expect: 'success',
    creates: 1,
  },
  {
    name: '500 with an empty body on hydrate',
    image: true,
    faults: [{ method: 'POST', path: HYDRATE, kind: 'status', status: 500, body: '' }],
    expect: 'success',
    creates: 1,
  },
  {
    name: '503 on generate (answered before processing): retried once, one execution',
    faults: [{ method: 'POST', path: '/v1/tools/generate-video-clip', kind: 'status', status: 503 }],
    expect: 'success',
    creates: 1,
    posts: 2,
  },
  {
    name: '500 HTML twice, then 502 empty on the execution GET',
    faults: [
      {
        method: 'GET',
        path: EXECUTION,
        kind: 'status',
        status: 500,
        times: 2,
        body: HTML_502.replaceAll('502 Bad Gateway', '500 Internal Server Error'),
      },
      { method: 'GET', path: EXECUTION, kind: 'status', status: 502, body: '' },
    ],
    expect: 'success',
    creates: 1,
  },
  {
    name: '500 on the clip download',
    faults: [{ server: 'storage', method: 'GET', path: DOWNLOAD, kind: 'status', status: 500 }],
    expect: 'success',
    creates: 1,
  },

  // ── connection resets and timeouts on reads: retried ──
  {
    name: 'connection reset twice on the execution GET',
    faults: [{ method: 'GET', path: EXECUTION, kind: 'reset', times: 2 }],
    expect: 'success',
    creates: 1,
  },
  {
    name: 'execution GET response cut mid-body',
    faults: [{ method: 'GET', path: EXECUTION, kind: 'reset-mid-body' }],
    expect: 'success',
    creates: 1,
  },
  {
    name: 'execution GET hangs (request timeout)',
    faults: [{ method: 'GET', path: EXECUTION, kind: 'hang' }],
    expect: 'success',
    creates: 1,
  },
  {
    name: 'execution GET answers 500 on every attempt: retries stop at the timeout (total budget)',
    faults: [{ method: 'GET', path: EXECUTION, kind: 'status', status: 500, times: 1000 }],
    inputs: { timeout: '4s' },
    expect: [
      /Get execution vg_tool_\S+ failed: HTTP 500 internal_error: Internal server error\..*\(gave up after [2-9] attempts: the time left was spent\)/,
    ],
    creates: 1,
    check: (r, e) => {
      // timeout (4 s) + the cancel-and-confirm budget (6 s, the confirming GET keeps failing) + start-up
      expect(r.durationMs).toBeLessThan(25_000)
      // Polls until the time is spent, plus the cancel's confirmation GET: cancel-on-timeout applies.
      expect(count(e, isPoll)).toBeLessThanOrEqual(8)
      expect(e.cancelCalls()).toHaveLength(1)
      expect(r.outputs.status).toBe('error')
      expect(r.state.disposition).toBeUndefined()
    },
  },
  {
    name: 'connection reset on hydrate',
    image: true,
    faults: [{ method: 'POST', path: HYDRATE, kind: 'reset' }],
    expect: 'success',
    creates: 1,
  },
  {
    name: 'upload ticket reset after processing (an orphan ticket, then a new one)',
    image: true,
    faults: [{ method: 'POST', path: '/v1/files/upload', kind: 'reset-after-processing' }],
    expect: 'success',
    creates: 1,
    check: (_r, e) => expect(count(e, isTicket)).toBe(2),
  },
  {
    name: 'clip download cut mid-body',
    faults: [{ server: 'storage', method: 'GET', path: DOWNLOAD, kind: 'reset-mid-body' }],
    expect: 'success',
    creates: 1,
    check: (r) =>
      expect(statSync(path.join(r.workspace, r.outputs.path as string)).size).toBe(fixture('clip.mp4').length),
  },

  // ── generate-video-clip: retried only when it cannot have been created ──
  {
    name: 'base-url port with nothing listening: fails without creating',
    baseUrl: async () => `http://127.0.0.1:${await closedPort()}`,
    inputs: { timeout: '3s' },
    expect: [/Create execution .* failed: .*ECONNREFUSED/],
    creates: 0,
    posts: 0,
    check: (r) => expect(r.durationMs).toBeLessThan(20_000),
  },
  {
    name: 'generate hangs (timeout after sending): not retried, ambiguous',
    faults: [{ method: 'POST', path: '/v1/tools/generate-video-clip', kind: 'hang' }],
    expect: [/may have been created and billed/, /not retried, to avoid paying twice/, /execution-id/],
    creates: 0,
    posts: 1,
  },
  {
    name: 'generate reset before processing: not retried (the client cannot tell), ambiguous',
    faults: [{ method: 'POST', path: '/v1/tools/generate-video-clip', kind: 'reset' }],
    expect: [/may have been created and billed/],
    creates: 0,
    posts: 1,
  },
  {
    name: 'generate reset after processing: not retried, ambiguous',
    faults: [{ method: 'POST', path: '/v1/tools/generate-video-clip', kind: 'reset-after-processing' }],
    expect: [/may have been created and billed/, /GET \/v1\/tools\/executions/],
    creates: 1,
    posts: 1,
  },
  {
    name: 'generate 500 after processing: not retried, ambiguous',
    faults: [{ method: 'POST', path: '/v1/tools/generate-video-clip', kind: 'status-after-processing', status: 500 }],
    expect: [/HTTP 500 internal_error/, /may have been created and billed/],
    creates: 1,
    posts: 1,
  },
  {
    name: 'generate 502 HTML from a gateway: not retried, ambiguous',
    faults: [{ method: 'POST', path: '/v1/tools/generate-video-clip', kind: 'status', status: 502, body: HTML_502 }],
    expect: [/HTTP 502: non-JSON response: 502 Bad Gateway/, /may have been created/],
    creates: 0,
    posts: 1,
  },
  {
    name: 'generate response cut mid-body after processing: not retried, ambiguous',
    faults: [{ method: 'POST', path: '/v1/tools/generate-video-clip', kind: 'reset-mid-body' }],
    expect: [/may have been created and billed/],
    // reset-mid-body on a request with a body cuts the upload of the request: nothing was processed.
    creates: 0,
    posts: 1,
  },

  // ── uploads ──
  {
    name: 'presigned upload URL expired (403 from storage): new ticket, success',
    image: true,
    faults: [
      {
        server: 'storage',
        method: 'PUT',
        kind: 'status',
        status: 403,
        body: '<?xml version="1.0"?><Error><Code>AccessDenied</Code><Message>Request has expired</Message></Error>',
      },
    ],
    expect: 'success',
    creates: 1,
    check: (_r, e) => {
      expect(count(e, isTicket)).toBe(2)
      const [first, second] = e.requests.filter(isPut) as [RecordedRequest, RecordedRequest]
      expect(first.path).not.toBe(second.path) // a different file id: the new ticket's URL
    },
  },
  {
    name: 'upload URLs that are always expired (uploadUrlTtlSeconds 0): fails naming the file',
    image: true,
    options: { uploadUrlTtlSeconds: 0 },
    expect: [/Upload of refs\/ref\.png failed after 4 attempts: upload to .* failed: HTTP 403 AccessDenied/],
    creates: 0,
    posts: 0,
    check: (r) => expect(errorsOf(r.stdout).join('\n')).not.toMatch(/X-Amz-Signature/),
  },
  {
    name: 'upload reset mid-stream: the file is re-streamed from the start',
    image: BIG,
    faults: [{ server: 'storage', method: 'PUT', kind: 'reset-mid-body' }],
    expect: 'success',
    creates: 1,
    check: (_r, e) => {
      const puts = e.requests.filter(isPut)
      expect(puts).toHaveLength(2)
      expect(puts[0]?.bodyBytes).toBeLessThan(BIG.length)
      expect(puts[1]?.bodyBytes).toBe(BIG.length)
      const stored = [...e.files.values()].find((f) => f.origin === 'upload')
      expect(stored?.sha256).toBe(sha256(BIG))
    },
  },

  // ── file processing ──
  {
    name: 'file processing fails: fails naming the file',
    image: true,
    options: { fileOutcome: 'failed' },
    expect: [/could not process refs\/ref\.png \(vg_file_/],
    creates: 0,
    posts: 0,
  },
  {
    name: 'file readiness never comes: bounded by timeout 3s',
    image: true,
    options: { fileOutcome: 'never' },
    inputs: { timeout: '3s' },
    expect: [/refs\/ref\.png \(vg_file_\S+\) was still processing when the timeout was reached/],
    creates: 0,
    posts: 0,
    check: (r) => expect(r.durationMs).toBeLessThan(20_000),
  },

  // ── execution outcomes ──
  {
    name: 'execution failed: the API message, code and requirement; outputs set',
    options: {
      job: {
        outcome: 'failed',
        error: {
          message: 'Quality MAX is not available on this plan.',
          code: 'plan_limit',
          requirement: { type: 'upgrade_plan', details: { plan: 'pro' } },
        },
      },
    },
    expect: [
      /Execution vg_tool_\S+ failed: Quality MAX is not available on this plan\. \(code plan_limit\)/,
      /this needs a higher VideoGen plan \(plan: pro\)/,
    ],
    creates: 1,
    check: (r, e) => {
      expect(r.outputs.status).toBe('failed')
      expect(r.outputs['execution-id']).toBe([...e.executions.keys()][0])
    },
  },
  {
    name: 'execution cancelled by someone else mid-run',
    options: { job: { durationMs: 20_000 } },
    during: async (running, e) => {
      const id = (await running.waitFor(/^Created execution /)).split(' ').pop() as string
      await running.waitFor(/running \d+%/)
      const res = await fetch(`${e.url}/v1/tools/executions/${id}/cancel`, {
        method: 'POST',
        headers: { authorization: `Bearer ${e.key}` },
      })
      expect(res.status).toBe(202)
    },
    expect: [/Execution vg_tool_\S+ was cancelled by someone else/],
    creates: 1,
    check: (r) => expect(r.outputs.status).toBe('cancelled'),
  },
  {
    name: 'progress goes down on a new attempt (attempts: 2): success, no error',
    options: { job: { attempts: 2, durationMs: 1500 } },
    expect: 'success',
    creates: 1,
    check: (r, e) => {
      expect(r.stdout).toMatch(/\(attempt 2\)/)
      expect(warningsOf(r.stdout)).toEqual([])
      expect(count(e, isPoll)).toBeGreaterThanOrEqual(2)
    },
  },
  {
    name: '403 plan gate (watermark-mode NONE without the add-on)',
    inputs: { 'watermark-mode': 'NONE' },
    expect: [
      /HTTP 403 not_authorized: watermarkMode NONE requires the Production API add-on/,
      /this needs an add-on on the VideoGen account \(addOn: production_api\)/,
    ],
    creates: 0,
    posts: 1,
  },
]

let expectedCreates = 0
let actualCreates = 0

describe.concurrent('fault matrix (bundled action, emulator)', () => {
  // Titled with %s: `$name` would be truncated at 40 characters.
  it.each(cases.map((c) => [c.name, c] as const))('%s', async (_name, c) => {
    await withEmulator(c.options ?? {}, async (e) => {
      for (const fault of c.faults ?? []) e.inject(typeof fault === 'function' ? fault(e) : fault)
      const image = c.image === true ? 'ref.png' : c.image
      const workspace = workspaceWith(image ? { 'refs/ref.png': image } : {})
      const base = inputsFor(e, { ...(image && { images: 'refs/ref.png' }), ...c.inputs })
      if (c.baseUrl) base['base-url'] = await c.baseUrl()
      const running = startAction({ inputs: base, env: actionEnv(), workspace, timeoutMs: 40_000 })
      if (c.during) await c.during(running, e)
      const r = await running.result
      expectedCreates += c.creates
      actualCreates += e.createCount()
      const errors = errorsOf(r.stdout)
      const context = `${c.name}\n--- stdout\n${r.stdout}\n--- stderr\n${r.stderr}`

      if (c.expect === 'success') {
        expect(r.code, context).toBe(0)
        expect(errors, context).toEqual([])
        expect(r.outputs.status).toBe('succeeded')
        const clip = path.join(r.workspace, r.outputs.path as string)
        expect(existsSync(clip)).toBe(true)
        expect(readFileSync(clip).equals(fixture('clip.mp4'))).toBe(true)
      } else {
        expect(r.code, context).toBe(1)
        expect(errors, context).toHaveLength(1)
        for (const pattern of c.expect) expect(errors[0], context).toMatch(pattern)
      }
      expect(e.createCount(), context).toBe(c.creates)
      if (c.posts !== undefined) expect(e.requests.filter(isGenerate), context).toHaveLength(c.posts)
      c.check?.(r, e)
    })
  })
})

afterAll(() => {
  // Across the whole matrix: one execution per run that got past the create, none more.
  expect(actualCreates).toBe(expectedCreates)
})
