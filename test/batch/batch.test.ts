// A batch through the bundled action: many requests in one step, with the single clip's guarantees per
// item, one list call per tick for all of them, uploads shared by content.
import { existsSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { marked } from 'marked'
import { parse } from 'node-html-parser'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type Emulator, type RecordedRequest, startEmulator } from '../emulator/index.js'
import { actionEnv, errorsOf, warningsOf, withEmulator, workspaceWith } from '../faults/harness.js'
import { newWorkspace, runAction, startAction } from '../runner/run-action.js'
import { type ResultsService, startResultsService } from '../standins/results-service.js'

const isList = (r: RecordedRequest) => r.method === 'GET' && r.path === '/v1/tools/executions'
const isGet = (r: RecordedRequest) => r.method === 'GET' && /^\/v1\/tools\/executions\/[^/]+$/.test(r.path)
const isUpload = (r: RecordedRequest) => r.method === 'POST' && r.path === '/v1/files/upload'

interface ItemResult {
  executionId?: string
  status: string
  fileIds: string[]
  paths: Array<string | null>
  urls: Array<string | null>
  error?: string
  cacheHit?: boolean
}

const resultsOf = (outputs: Record<string, string>) =>
  JSON.parse(outputs.results as string) as Record<string, ItemResult>

const batchInputs = (e: Pick<Emulator, 'key' | 'url'>, requests: unknown, extra: Record<string, string> = {}) => ({
  'api-key': e.key,
  'base-url': e.url,
  requests: JSON.stringify(requests),
  timeout: '60s',
  ...extra,
})

const FIVE = ['intro', 'feature-a', 'feature-b', 'pricing', 'outro'].map((id) => ({ id, prompt: `a clip for ${id}` }))

describe('batch', () => {
  it('five requests end to end: per-item files and results, one list call per tick, a gallery', async () => {
    await withEmulator({ job: { queuedMs: 50, durationMs: 600 } }, async (e) => {
      const ws = workspaceWith()
      const r = await runAction({
        workspace: ws,
        inputs: batchInputs(e, FIVE, { 'max-running': '5' }),
        env: actionEnv(),
      })
      expect(r.code, r.stdout).toBe(0)
      expect(r.outputs.status).toBe('succeeded')
      const results = resultsOf(r.outputs)
      expect(Object.keys(results)).toEqual(FIVE.map((i) => i.id))
      for (const { id } of FIVE) {
        const item = results[id] as ItemResult
        expect(item.status).toBe('succeeded')
        expect(e.executions.get(item.executionId as string)?.body.prompt).toBe(`a clip for ${id}`)
        expect(item.paths).toEqual([`videogen-output/${id}/${item.executionId}-1.mp4`])
        const bytes = readFileSync(path.join(ws, item.paths[0] as string))
        expect(bytes.subarray(4, 8).toString('latin1')).toBe('ftyp')
      }
      expect(e.createCount()).toBe(5)
      // Following five executions cost list calls, not a GET per execution per tick.
      expect(e.requests.filter(isGet)).toHaveLength(0)
      expect(e.requests.filter(isList).length).toBeGreaterThan(1)
      const file = JSON.parse(readFileSync(path.join(ws, r.outputs['results-file'] as string), 'utf8'))
      expect(Object.keys(file.items)).toEqual(FIVE.map((i) => i.id))
      expect(file.items.intro.execution.status).toBe('succeeded')
      // The gallery: a row per item, each linking its clip.
      const doc = parse(marked.parse(r.summary, { async: false, gfm: true }))
      const rows = doc.querySelectorAll('tr').filter((tr) => tr.querySelectorAll('td').length === 5)
      expect(rows.map((tr) => tr.querySelector('td code')?.text)).toEqual(FIVE.map((i) => i.id))
      for (const tr of rows)
        expect(tr.querySelector('a')?.getAttribute('href')).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/files\//)
    })
  }, 60_000)

  it('never runs more than max-running at once, and shares uploads by content', async () => {
    await withEmulator({ job: { queuedMs: 20, durationMs: 400 } }, async (e) => {
      const ws = workspaceWith({
        'art/logo.png': 'ref.png',
        'art/copy-of-logo.png': 'ref.png',
        'art/hero.jpg': 'ref.jpg',
      })
      const items = Array.from({ length: 6 }, (_, i) => ({
        id: `item-${i}`,
        prompt: `clip ${i}`,
        ...(i % 2 === 0 ? { images: ['art/logo.png', 'art/hero.jpg'] } : { images: 'art/copy-of-logo.png' }),
      }))
      const r = await runAction({
        workspace: ws,
        inputs: batchInputs(e, items, { 'max-running': '2' }),
        env: actionEnv(),
      })
      expect(r.code, r.stdout).toBe(0)
      // Two distinct contents (the logo and its copy are the same bytes): two uploads for six items.
      expect(e.requests.filter(isUpload)).toHaveLength(2)
      expect(e.createCount()).toBe(6)
      // At no create were two executions of this batch still running.
      const records = [...e.executions.values()]
      for (const created of records) {
        const runningThen = records.filter(
          (other) => other !== created && other.createdAt <= created.createdAt && finishedAt(other) > created.createdAt,
        )
        expect(runningThen.length).toBeLessThan(2)
      }
    })
  }, 60_000)

  it('a bad item fails the step before any request, naming requests[<id>].<input>, every problem at once', async () => {
    const e = await startEmulator()
    try {
      const items = [
        { id: 'good', prompt: 'fine' },
        { id: 'bad', prompt: 'x', 'aspect-ratio': 'wide' },
        { id: 'worse', prompt: 'y', duration: 99, colour: 'blue' },
        { id: 'bad', prompt: 'again' },
      ]
      const r = await runAction({ workspace: workspaceWith(), inputs: batchInputs(e, items), env: actionEnv() })
      expect(r.code).toBe(1)
      const errors = errorsOf(r.stdout).join('\n')
      expect(errors).toMatch(/Input 'requests\[bad\]\.aspect-ratio': 'wide' is not W:H/)
      expect(errors).toMatch(/Input 'requests\[worse\]\.duration': 99 seconds is out of range/)
      expect(errors).toMatch(/Input 'requests\[worse\]\.colour': is not a request input/)
      expect(errors).toMatch(/Input 'requests\[bad\]\.id': is used by another item/)
      expect(e.requests).toEqual([])
    } finally {
      await e.close()
    }
  })

  it('fail-fast false: a failed item does not stop the others; the step fails at the end naming it', async () => {
    await withEmulator(
      {
        job: { queuedMs: 20, durationMs: 300 },
        jobFor: (body) =>
          body.prompt === 'a clip for feature-b'
            ? { outcome: 'failed', error: { message: 'moderation', code: 'content_policy' } }
            : undefined,
      },
      async (e) => {
        const r = await runAction({
          workspace: workspaceWith(),
          inputs: batchInputs(e, FIVE, { 'max-running': '5' }),
          env: actionEnv(),
        })
        expect(r.code).toBe(1)
        const results = resultsOf(r.outputs)
        expect(results['feature-b']?.status).toBe('failed')
        for (const id of ['intro', 'feature-a', 'pricing', 'outro']) expect(results[id]?.status).toBe('succeeded')
        expect(errorsOf(r.stdout)[0]).toMatch(
          /1 of 5 requests did not succeed: feature-b \(failed: moderation \(code content_policy\)/,
        )
        expect(e.cancelCalls()).toEqual([])
      },
    )
  }, 60_000)

  it('fail-fast true: the first failure cancels the running items and creates no more', async () => {
    await withEmulator(
      {
        job: { queuedMs: 20, durationMs: 20_000 },
        jobFor: (body) => (body.prompt === 'a clip for intro' ? { durationMs: 200, outcome: 'failed' } : undefined),
      },
      async (e) => {
        const r = await runAction({
          workspace: workspaceWith(),
          inputs: batchInputs(e, FIVE, { 'max-running': '3', 'fail-fast': 'true' }),
          env: actionEnv(),
        })
        expect(r.code).toBe(1)
        const results = resultsOf(r.outputs)
        expect(results.intro?.status).toBe('failed')
        expect(results['feature-a']?.status).toBe('cancelled')
        expect(results['feature-b']?.status).toBe('cancelled')
        expect(results.pricing?.status).toBe('not-created')
        expect(results.outro?.status).toBe('not-created')
        expect(e.createCount()).toBe(3)
        for (const id of ['feature-a', 'feature-b']) {
          expect(e.executions.get(results[id]?.executionId as string)?.status).toBe('cancelled')
        }
      },
    )
  }, 60_000)

  it('SIGINT mid-batch cancels every running item within the runner window', async () => {
    await withEmulator({ job: { queuedMs: 20, durationMs: 60_000 } }, async (e) => {
      const running = startAction({
        workspace: workspaceWith(),
        inputs: batchInputs(e, FIVE, { 'max-running': '3' }),
        env: actionEnv(),
        timeoutMs: 40_000,
      })
      await running.waitFor(/^Batch: 3 running/)
      const sent = Date.now()
      running.child.kill('SIGINT')
      const r = await running.result
      expect(Date.now() - sent).toBeLessThan(7500)
      expect(r.code).toBe(1)
      const created = [...e.executions.values()]
      expect(created).toHaveLength(3)
      for (const record of created) expect(record.status).toBe('cancelled')
      expect(errorsOf(r.stdout)[0]).toMatch(
        /Stopped: the workflow was cancelled \(SIGINT\)\. 3 running executions were asked to cancel/,
      )
      expect(r.state.executions).toBeDefined()
      for (const [, disposition] of Object.entries(JSON.parse(r.state.executions as string)))
        expect(disposition).toBe('terminal')
    })
  }, 60_000)

  it('killed outright: the post step cancels whatever main left running', async () => {
    await withEmulator({ job: { queuedMs: 20, durationMs: 60_000 } }, async (e) => {
      const running = startAction({
        workspace: workspaceWith(),
        inputs: batchInputs(e, FIVE, { 'max-running': '2' }),
        env: actionEnv(),
        timeoutMs: 40_000,
      })
      await running.waitFor(/^Batch: 2 running/)
      running.child.kill('SIGKILL')
      const main = await running.result
      const post = await runAction({
        workspace: main.workspace,
        inputs: batchInputs(e, FIVE),
        env: actionEnv(),
        stage: 'post',
        state: main.state,
      })
      expect(post.code).toBe(0)
      const created = [...e.executions.values()]
      expect(created).toHaveLength(2)
      for (const record of created) expect(record.status).toBe('cancelled')
      expect(e.cancelCalls().sort()).toEqual(created.map((c) => c.id).sort())
    })
  }, 60_000)

  it('an execution no longer on the first list page is followed with a GET of its own', async () => {
    // 12 s: the 201 creates below must all land while the batch's two still run, on a loaded machine too.
    await withEmulator({ job: { queuedMs: 20, durationMs: 12_000 } }, async (e) => {
      const running = startAction({
        workspace: workspaceWith(),
        inputs: batchInputs(e, FIVE.slice(0, 2), { 'max-running': '2' }),
        env: actionEnv(),
        timeoutMs: 40_000,
      })
      await running.waitFor(/^Batch: 2 running/)
      // 201 newer executions of the same key push the batch's two off the first page of 200.
      for (let i = 0; i < 201; i++) {
        const res = await fetch(`${e.url}/v1/tools/generate-video-clip`, {
          method: 'POST',
          headers: { authorization: `Bearer ${e.key}`, 'content-type': 'application/json' },
          body: JSON.stringify({ prompt: `noise ${i}` }),
        })
        expect(res.status).toBe(202)
      }
      const r = await running.result
      expect(r.code, r.stdout).toBe(0)
      const ids = Object.values(resultsOf(r.outputs)).map((i) => i.executionId)
      const gets = e.requests.filter(isGet).map((q) => q.path.split('/').pop())
      expect(gets.some((id) => ids.includes(id))).toBe(true)
    })
  }, 60_000)

  it('wait: false returns every execution id, and execution-id given the results resumes the batch', async () => {
    await withEmulator({ job: { queuedMs: 20, durationMs: 800 } }, async (e) => {
      const ws = workspaceWith()
      const started = await runAction({
        workspace: ws,
        inputs: batchInputs(e, FIVE.slice(0, 3), { wait: 'false' }),
        env: actionEnv(),
      })
      expect(started.code, started.stdout).toBe(0)
      const results = resultsOf(started.outputs)
      expect(Object.values(results).map((i) => i.status)).toEqual(['pending', 'pending', 'pending'])
      expect(e.createCount()).toBe(3)
      const resumed = await runAction({
        workspace: ws,
        inputs: { 'api-key': e.key, 'base-url': e.url, 'execution-id': started.outputs.results as string },
        env: actionEnv(),
      })
      expect(resumed.code, resumed.stdout).toBe(0)
      expect(e.createCount()).toBe(3)
      const done = resultsOf(resumed.outputs)
      for (const [id, item] of Object.entries(done)) {
        expect(item.executionId).toBe(results[id]?.executionId)
        expect(item.status).toBe('succeeded')
        expect(existsSync(path.join(ws, item.paths[0] as string))).toBe(true)
      }
    })
  }, 60_000)

  it('a one-item batch keeps the single-clip outputs', async () => {
    await withEmulator({}, async (e) => {
      const r = await runAction({
        workspace: workspaceWith(),
        inputs: batchInputs(e, [{ id: 'solo', prompt: 'one' }]),
        env: actionEnv(),
      })
      expect(r.code, r.stdout).toBe(0)
      expect(r.outputs['execution-id']).toBe(resultsOf(r.outputs).solo?.executionId)
      expect(r.outputs.path).toBe(`videogen-output/solo/${r.outputs['execution-id']}-1.mp4`)
      expect(JSON.parse(r.outputs['file-ids'] as string)).toHaveLength(1)
    })
  })
})

describe('batch with the cache', () => {
  let emulator: Emulator
  let results: ResultsService
  beforeAll(async () => {
    ;[emulator, results] = await Promise.all([
      startEmulator({ job: { queuedMs: 20, durationMs: 300 }, fileReadyDelayMs: 20 }),
      startResultsService(),
    ])
  })
  afterAll(async () => {
    await Promise.all([emulator?.close(), results?.close()])
  })

  it('a re-run with one item changed creates exactly one execution', async () => {
    const run = (requests: unknown) =>
      runAction({
        workspace: newWorkspace('vg-batch-cache-'),
        inputs: { 'base-url': emulator.url, cache: 'true', requests: JSON.stringify(requests) },
        env: { VIDEOGEN_API_KEY: emulator.key, ...results.env() },
      })
    const first = await run(FIVE.slice(0, 3))
    expect(first.code, first.stdout).toBe(0)
    expect(emulator.createCount()).toBe(3)
    const changed = FIVE.slice(0, 3).map((item) => (item.id === 'feature-a' ? { ...item, prompt: 'a new take' } : item))
    const second = await run(changed)
    expect(second.code, second.stdout).toBe(0)
    expect(emulator.createCount()).toBe(4)
    const out = resultsOf(second.outputs)
    expect(out.intro?.cacheHit).toBe(true)
    expect(out['feature-b']?.cacheHit).toBe(true)
    expect(out['feature-a']?.cacheHit).toBeUndefined()
    expect(out.intro?.executionId).toBe(resultsOf(first.outputs).intro?.executionId)
    expect(second.outputs['cache-hit']).toBe('false')
    expect(warningsOf(second.stdout)).toEqual([])
  }, 60_000)
})

/** When an emulator execution stops running (its scripted end, or its cancel). */
function finishedAt(record: {
  createdAt: number
  cancelledAt?: number
  script: { queuedMs: number; durationMs: number; attempts: number }
}): number {
  return (
    record.cancelledAt ?? record.createdAt + record.script.queuedMs + record.script.durationMs * record.script.attempts
  )
}

describe('batch dry run', () => {
  it('validates every item, prints each body and sends nothing', async () => {
    const e = await startEmulator()
    try {
      const ws = workspaceWith({ 'art/logo.png': 'ref.png' })
      const r = await runAction({
        workspace: ws,
        inputs: { 'base-url': e.url, 'dry-run': 'true', images: 'art/logo.png', requests: 'one:\n' },
      })
      expect(r.code).toBe(1)
      expect(errorsOf(r.stdout)[0]).toMatch(/Input 'requests': must be a non-empty list of requests/)
      const ok = await runAction({
        workspace: ws,
        inputs: {
          'base-url': e.url,
          'dry-run': 'true',
          images: 'art/logo.png',
          requests: '- id: a\n  prompt: first\n- id: b\n  prompt: second\n  aspect-ratio: "9:16"\n',
        },
      })
      expect(ok.code, ok.stdout).toBe(0)
      const bodies = JSON.parse(ok.outputs['request-body'] as string)
      expect(Object.keys(bodies)).toEqual(['a', 'b'])
      expect(bodies.a.imageFileIds).toEqual(['<upload:art/logo.png>'])
      expect(bodies.b.aspectRatio).toEqual({ width: 9, height: 16 })
      expect(e.requests).toEqual([])
    } finally {
      await e.close()
    }
  })
})
