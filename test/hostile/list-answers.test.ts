// "Answers are not trusted" and "never left running" where the executions list decides: the batch's polling
// (one list call per tick) and the post step's search for an execution whose create was in flight.
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { describe, expect, it } from 'vitest'
import { type Emulator, FIXTURES_DIR } from '../emulator/index.js'
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { actionEnv, inputsFor, isGenerate, warningsOf, withEmulator, workspaceWith } from '../faults/harness.js'
import { runAction, startAction } from '../runner/run-action.js'
import { batchInputs, liveExecutions, resultsOf, sleep } from './world.js'

const LIST = '/v1/tools/executions'

async function create(e: Emulator, body: Record<string, unknown>): Promise<string> {
  const response = await fetch(`${e.url}/v1/tools/generate-video-clip`, {
    method: 'POST',
    headers: { authorization: `Bearer ${e.key}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  })
  expect(response.status).toBe(202)
  return ((await response.json()) as { toolExecutionId: string }).toolExecutionId
}

async function until(check: () => boolean, what: string, ms = 20_000): Promise<void> {
  const end = Date.now() + ms
  while (!check()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`)
    await sleep(20)
  }
}

type Entry = { toolExecutionId: string; status: string; results?: unknown[]; progressPercentage?: number }

describe.concurrent('hostile: the executions list', () => {
  it('a list entry that says succeeded (with a file of another execution) while the GET says running', async () => {
    await withEmulator(
      {
        job: { queuedMs: 20, durationMs: 60_000 },
        // Ours really ends after a few seconds: until then the list claims it ended, and the GET says not.
        jobFor: (b) =>
          b.prompt === 'foreign' ? { durationMs: 50 } : b.prompt === 'ours' ? { durationMs: 3000 } : undefined,
      },
      async (e) => {
        const foreign = await create(e, { prompt: 'foreign' })
        await until(() => e.executions.get(foreign)?.status === 'succeeded', 'the foreign execution')
        const foreignFile = e.executions.get(foreign)?.resultFileIds[0] as string
        e.inject({
          kind: 'rewrite',
          method: 'GET',
          path: LIST,
          times: Infinity,
          rewrite: (body) => {
            for (const x of (body as { toolExecutions: Entry[] }).toolExecutions)
              if (x.toolExecutionId !== foreign && x.status === 'running')
                Object.assign(x, { status: 'succeeded', progressPercentage: 100, results: [{ fileId: foreignFile }] })
            return undefined
          },
        })
        const requests = [{ id: 'ours', prompt: 'ours' }]
        const main = await runAction({ workspace: workspaceWith(), inputs: batchInputs(e, requests), env: actionEnv() })
        const post = await runAction({
          workspace: main.workspace,
          inputs: batchInputs(e, requests),
          env: actionEnv(),
          stage: 'post',
          state: main.state,
        })
        expect(post.code).toBe(0)
        const ours = resultsOf(main.outputs).ours
        // Neither delivered as its own the clip of another execution, nor left running (and billing) after the step.
        expect(ours?.fileIds).not.toContain(foreignFile)
        expect(liveExecutions(e)).toEqual([])
      },
    )
  })

  it('list results that point at another origin: downloaded from there without the key', async () => {
    const seen: Array<{ url: string; headers: Record<string, unknown> }> = []
    const clip = readFileSync(path.join(FIXTURES_DIR, 'clip.mp4'))
    const other = createServer((req, res) => {
      seen.push({ url: req.url ?? '', headers: { ...req.headers } })
      res.writeHead(200, { 'content-type': 'video/mp4', 'content-length': String(clip.length) })
      res.end(clip)
    })
    await new Promise<void>((resolve) => other.listen(0, '127.0.0.1', resolve))
    const origin = `http://127.0.0.1:${(other.address() as AddressInfo).port}`
    try {
      await withEmulator({ job: { queuedMs: 20, durationMs: 200 } }, async (e) => {
        e.inject({
          kind: 'rewrite',
          method: 'GET',
          path: LIST,
          times: Infinity,
          rewrite: (body) => {
            for (const x of (body as { toolExecutions: Array<Entry & { results: Array<Record<string, unknown>> }> })
              .toolExecutions)
              for (const result of x.results ?? []) {
                result.downloadUrl = `${origin}/elsewhere.mp4?sig=abc`
                result.downloadUrlExpiresAt = Math.floor(Date.now() / 1000) + 3600
              }
            return undefined
          },
        })
        const r = await runAction({
          workspace: workspaceWith(),
          inputs: batchInputs(e, [{ id: 'one', prompt: 'a clip' }]),
          env: actionEnv(),
        })
        expect(r.code, r.stdout).toBe(0)
        expect(seen.length).toBeGreaterThan(0)
        for (const request of seen) {
          expect(request.headers.authorization).toBeUndefined()
          expect(JSON.stringify(request)).not.toContain(e.key)
        }
      })
    } finally {
      await new Promise<void>((resolve) => other.close(() => resolve()))
    }
  })

  it('a batch whose key has many 100-clip executions: the list page is too large to read, the batch still follows', async () => {
    await withEmulator(
      {
        job: { queuedMs: 20, durationMs: 300 },
        jobFor: (b) => (b.numResults === 100 ? { durationMs: 20 } : undefined),
      },
      async (e) => {
        // 90 earlier executions of num-results 100 (the documented maximum) on the same key: about 19 MB of list.
        for (let i = 0; i < 90; i++) await create(e, { prompt: `earlier ${i}`, numResults: 100 })
        await sleep(200)
        const r = await runAction({
          workspace: workspaceWith(),
          inputs: batchInputs(e, [{ id: 'now', prompt: 'a clip now' }], { timeout: '30s' }),
          env: actionEnv(),
          timeoutMs: 90_000,
        })
        expect(warningsOf(r.stdout).filter((w) => w.startsWith('Could not read the executions'))).toEqual([])
        // The clip is ready in a second; the step must not sit out the 30 s timeout.
        expect(r.durationMs).toBeLessThan(20_000)
        expect(resultsOf(r.outputs).now?.status).toBe('succeeded')
      },
    )
  }, 120_000)

  it('the post step: a list that repeats an entry still gets the one execution whose create was in flight cancelled', async () => {
    await withEmulator({ job: { queuedMs: 20, durationMs: 60_000 } }, async (e) => {
      e.configure({ job: { queuedMs: 1, durationMs: 1 } })
      const mark = await create(e, { prompt: 'before the step' })
      e.configure({ job: { queuedMs: 20, durationMs: 60_000 } })
      const created = await create(e, { prompt: 'the create that went through' })
      e.inject({
        kind: 'rewrite',
        method: 'GET',
        path: LIST,
        times: Infinity,
        rewrite: (body) => {
          const page = body as { toolExecutions: Entry[] }
          page.toolExecutions = page.toolExecutions.flatMap((x) => [x, x])
          return undefined
        },
      })
      const post = await runAction({
        inputs: inputsFor(e),
        env: actionEnv(),
        stage: 'post',
        state: { isPost: 'true', baseUrl: e.url, createInFlight: JSON.stringify({ mark, count: 1 }) },
      })
      expect(post.code).toBe(0)
      expect(e.executions.get(created)?.status).toBe('cancelled')
    })
  })

  it("the post step never cancels an execution that existed before the step (another job's) when main had no mark", async () => {
    await withEmulator({ job: { queuedMs: 20, durationMs: 60_000 } }, async (e) => {
      const others = await create(e, { prompt: "another job's clip" })
      // Main's list before the create fails (so it has no mark), then its create hangs unprocessed, and it is killed.
      e.inject({ method: 'GET', path: LIST, kind: 'status', status: 400 })
      e.inject({ method: 'POST', path: '/v1/tools/generate-video-clip', kind: 'hang' })
      const from = e.requests.length
      const running = startAction({ inputs: inputsFor(e), workspace: workspaceWith(), timeoutMs: 30_000 })
      await until(() => e.requests.slice(from).some(isGenerate), 'the create')
      running.child.kill('SIGKILL')
      const main = await running.result
      expect(JSON.parse(main.state.createInFlight as string)).toEqual({ mark: null, known: false, count: 1 })
      expect(e.createCount()).toBe(1) // only the other job's: the hung create was never processed
      const post = await runAction({
        inputs: inputsFor(e),
        env: actionEnv(),
        workspace: main.workspace,
        stage: 'post',
        state: main.state,
      })
      expect(post.code).toBe(0)
      expect(e.executions.get(others)?.status).toBe('running')
    })
  })
})
