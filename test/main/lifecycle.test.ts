// Review findings, through the bundled action against the emulator: what a paid run keeps when delivery
// fails, the post step and signals around a shaky API, wait: false, the pre-create time check, a
// rate-limited wait, and array outputs aligned with file-ids.
import { existsSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import type { Emulator, RecordedRequest } from '../emulator/index.js'
import { type RunResult, runAction, startAction } from '../runner/run-action.js'
import {
  actionEnv,
  errorsOf,
  inputsFor,
  isGenerate,
  warningsOf,
  withEmulator,
  workspaceWith,
} from '../faults/harness.js'

/** The runner sends SIGTERM 7.5 s after SIGINT, then SIGKILL: the cancel must be done before. */
const RUNNER_WINDOW_MS = 7500
const LONG_JOB = { job: { queuedMs: 50, durationMs: 60_000 } }
const EXECUTION = /^\/v1\/tools\/executions\/[^/]+$/
const DOWNLOAD = /^\/files\/[^/]+\/video\.mp4$/
const HYDRATE = /^\/v1\/files\/[^/]+\/hydrate$/

/** A per-request timeout longer than the injected delays, so the slow requests are answered, not cut. */
const SLOW_REQUESTS = actionEnv({ VIDEOGEN_REQUEST_TIMEOUT_MS: '10000' })

const isPoll = (r: RecordedRequest) => r.method === 'GET' && EXECUTION.test(r.path)
const json = (value: string | undefined): unknown => JSON.parse(value ?? 'null')

/** Resolves once `check` holds, polling every 20 ms; rejects after `timeoutMs`. */
async function until(check: () => boolean, what: string, timeoutMs = 10_000): Promise<void> {
  const end = Date.now() + timeoutMs
  while (!check()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`)
    await new Promise((resolve) => setTimeout(resolve, 20))
  }
}

/** The post step with main's saved state, as the runner runs it. */
const post = (e: Emulator, main: RunResult) =>
  runAction({ inputs: inputsFor(e), env: actionEnv(), workspace: main.workspace, stage: 'post', state: main.state })

describe.concurrent(
  'the stages of a run (bundled action, emulator): delivery after success, creates under signals, detach, the time left, rate-limited waits',
  () => {
    it('a paid success whose downloads fail for good: the step fails but keeps the ids, URLs, results file and summary', async () => {
      await withEmulator({}, async (e) => {
        // Every download attempt (4 per clip) answers 500.
        e.inject({
          server: 'storage',
          method: 'GET',
          path: DOWNLOAD,
          kind: 'status',
          status: 500,
          body: '<Error><Code>InternalError</Code></Error>',
          times: 50,
        })
        const r = await runAction({ inputs: inputsFor(e), env: actionEnv(), workspace: workspaceWith() })

        expect(r.code).toBe(1)
        const id = r.outputs['execution-id'] as string
        expect(errorsOf(r.stdout)).toEqual([
          expect.stringMatching(
            new RegExp(
              `^The execution succeeded, but delivery failed: Download of clip 1 \\(vg_file_\\S+\\) failed after 4 attempts: .*To deliver it without paying again, run the step with execution-id: ${id} \\(not a plain re-run\\)\\.$`,
            ),
          ),
        ])
        expect(e.executions.get(id)?.status).toBe('succeeded')
        expect(e.createCount()).toBe(1)

        const fileId = e.executions.get(id)?.resultFileIds[0]
        expect(fileId).toMatch(/^vg_file_/)
        expect(r.outputs).toMatchObject({ status: 'succeeded', 'file-id': fileId, path: '' })
        expect(json(r.outputs['file-ids'])).toEqual([fileId])
        expect(r.outputs.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/files\//)
        expect(json(r.outputs.urls)).toEqual([r.outputs.url])
        expect(json(r.outputs.paths)).toEqual([])

        const resultsFile = path.join(r.workspace, r.outputs['results-file'] as string)
        expect(existsSync(resultsFile)).toBe(true)
        const record = JSON.parse(readFileSync(resultsFile, 'utf8')) as {
          execution: { toolExecutionId: string; status: string }
          clips: Array<{ fileId: string }>
        }
        expect(record.execution).toMatchObject({ toolExecutionId: id, status: 'succeeded' })
        expect(record.clips.map((c) => c.fileId)).toEqual([fileId])

        // The summary escapes markdown characters (_ → &#95;).
        expect(r.summary).toContain(`<code>${id.replaceAll('_', '&#95;')}</code>`)
        expect(r.summary).toContain('The execution succeeded, but delivery failed: Download of clip 1')
      })
    })

    it('post step when its status GET fails: still cancels the execution, with a warning', async () => {
      await withEmulator(LONG_JOB, async (e) => {
        const running = startAction({
          inputs: inputsFor(e),
          env: actionEnv(),
          workspace: workspaceWith(),
          timeoutMs: 40_000,
        })
        const id = (await running.waitFor(/^Created execution /)).split(' ').pop() as string
        running.child.kill('SIGKILL')
        const main = await running.result
        expect(main.state.executionId).toBe(id)
        expect(e.cancelCalls()).toEqual([])

        // A 500 whose Retry-After is past the post step's 10 s: its status read gives up at once.
        e.inject({ method: 'GET', path: EXECUTION, kind: 'status', status: 500, headers: { 'Retry-After': '30' } })
        const cleanup = await post(e, main)
        expect(cleanup.code).toBe(0)
        expect(e.requests.filter(isPoll).map((q) => q.status)).toContain(500)
        expect(e.cancelCalls()).toEqual([id])
        expect(e.executions.get(id)?.status).toBe('cancelled')
        const warnings = warningsOf(cleanup.stdout)
        expect(warnings[0]).toMatch(
          new RegExp(`^Could not read the status of execution ${id} \\(.*HTTP 500.*\\); cancelling it to be safe$`),
        )
        expect(warnings[1]).toBe(
          `The main step ended while execution ${id} was in an unknown state; cancelling it so it does not run on`,
        )
        expect(cleanup.stdout).toContain(`Execution ${id} was cancelled (status now cancelled)`)
      })
    })

    it('SIGINT while the create request is in flight: cancels the execution once its id arrives', async () => {
      await withEmulator(LONG_JOB, async (e) => {
        e.inject({ method: 'POST', path: '/v1/tools/generate-video-clip', kind: 'delay', ms: 2000 })
        const running = startAction({
          inputs: inputsFor(e),
          env: SLOW_REQUESTS,
          workspace: workspaceWith(),
          timeoutMs: 40_000,
        })
        await until(() => e.requests.some(isGenerate), 'the create request')
        const sent = Date.now()
        running.child.kill('SIGINT')
        const main = await running.result
        expect(Date.now() - sent).toBeLessThan(RUNNER_WINDOW_MS)

        expect(main.code).toBe(1)
        expect(e.createCount()).toBe(1)
        const [id] = [...e.executions.keys()]
        expect(e.cancelCalls()).toEqual([id])
        expect(e.executions.get(id as string)?.status).toBe('cancelled')
        expect(errorsOf(main.stdout)).toEqual([
          `Stopped: the workflow was cancelled (SIGINT). Execution ${id} was cancelled (status now cancelled).`,
        ])
        expect(main.state).toMatchObject({ executionId: id, disposition: 'terminal' })
        expect(main.outputs).toMatchObject({ 'execution-id': id, status: 'cancelled' })
      })
    })

    it('SIGINT during a slow create, then a slow cancel: the cancel budget counts from the signal, not from the id', async () => {
      await withEmulator(LONG_JOB, async (e) => {
        // The id arrives 4.5 s after the signal; cancelling from then on with a fresh 6 s budget would end
        // past the runner's 7.5 s. The cancel is answered after 3.5 s (and still takes effect).
        e.inject({ method: 'POST', path: '/v1/tools/generate-video-clip', kind: 'delay', ms: 4500 })
        e.inject({ method: 'POST', path: /\/cancel$/, kind: 'delay', ms: 3500 })
        const running = startAction({
          inputs: inputsFor(e),
          env: SLOW_REQUESTS,
          workspace: workspaceWith(),
          timeoutMs: 40_000,
        })
        await until(() => e.requests.some(isGenerate), 'the create request')
        const sent = Date.now()
        running.child.kill('SIGINT')
        const main = await running.result
        expect(Date.now() - sent).toBeLessThan(RUNNER_WINDOW_MS)

        expect(main.code).toBe(1)
        expect(e.createCount()).toBe(1)
        const [id] = [...e.executions.keys()] as string[]
        expect(main.state.executionId).toBe(id)
        // Not confirmed in time: left for the post step (no disposition), and said so.
        expect(main.state.disposition).toBeUndefined()
        expect(warningsOf(main.stdout).join('\n')).toContain(`Could not cancel execution ${id}`)
        expect(errorsOf(main.stdout)[0]).toMatch(
          `Stopped: the workflow was cancelled (SIGINT). Execution ${id} was asked to cancel`,
        )
        // The cancel was sent before the exit and reaches the API.
        expect(e.requests.some((q) => q.method === 'POST' && q.path === `/v1/tools/executions/${id}/cancel`)).toBe(true)
        await until(() => e.cancelCalls().includes(id as string), 'the delayed cancel')
        expect(e.cancelCalls()).toEqual([id])
        expect(e.executions.get(id as string)?.status).toBe('cancelled')
      })
    })

    it('wait: false when the status GET after create fails: succeeds with a warning, as pending and detached', async () => {
      await withEmulator(LONG_JOB, async (e) => {
        e.inject({ method: 'GET', path: EXECUTION, kind: 'status', status: 500, times: 20 })
        const r = await runAction({
          inputs: inputsFor(e, { wait: 'false', timeout: '4s' }),
          env: actionEnv(),
          workspace: workspaceWith(),
        })

        expect(r.code, r.stdout).toBe(0)
        const id = r.outputs['execution-id'] as string
        expect(id).toMatch(/^vg_tool_/)
        expect(e.requests.filter(isPoll).length).toBeGreaterThanOrEqual(1)
        expect(e.requests.filter(isPoll).every((q) => q.status === 500)).toBe(true)
        expect(warningsOf(r.stdout)).toEqual([
          expect.stringMatching(
            new RegExp(
              `^Created execution ${id}, but could not read its status \\(.*HTTP 500.*\\); reporting it as pending$`,
            ),
          ),
        ])
        expect(r.outputs.status).toBe('pending')
        expect(r.state).toMatchObject({ executionId: id, disposition: 'detached' })
        expect(e.cancelCalls()).toEqual([])
        expect(e.createCount()).toBe(1)
      })
    })

    it('does not create an execution when the uploads leave too little of the timeout', async () => {
      await withEmulator({}, async (e) => {
        // The image is ready at the first hydrate, but that answer takes 1.5 s of the 2 s timeout: less than
        // the quarter of it needed to create is left however soon it was sent, and a request is always
        // allowed 2 s, so the hydrate itself is never cut off on a slow machine.
        e.inject({ method: 'POST', path: HYDRATE, kind: 'delay', ms: 1500 })
        const r = await runAction({
          inputs: inputsFor(e, { images: 'refs/ref.png', timeout: '2s' }),
          env: SLOW_REQUESTS,
          workspace: workspaceWith({ 'refs/ref.png': 'ref.png' }),
        })

        expect(e.createCount()).toBe(0)
        expect(r.code).toBe(1)
        expect(errorsOf(r.stdout)).toEqual([
          expect.stringMatching(
            /^Timed out before creating the execution: the uploads took [\d.]+s of the 2\.0s timeout, leaving [\d.]+s\. Nothing was created or billed; raise timeout\.$/,
          ),
        ])
        expect(e.requests.some(isGenerate)).toBe(false)
        expect(r.outputs['execution-id']).toBeUndefined()
        expect(r.state.executionId).toBeUndefined()
      })
    })

    it(
      'a rate-limited wait that recovers: sleeps through more 429s than the transport retries, then delivers',
      { timeout: 45_000 },
      async () => {
        await withEmulator({}, async (e) => {
          // 8 refused polls: one call's 8 attempts in the transport, so the wait loop has to sleep and poll again.
          e.inject({
            method: 'GET',
            path: EXECUTION,
            kind: 'status',
            status: 429,
            headers: { 'Retry-After': '2' },
            times: 8,
          })
          const r = await runAction({
            inputs: inputsFor(e),
            env: actionEnv(),
            workspace: workspaceWith(),
            timeoutMs: 40_000,
          })

          expect(r.code, r.stdout).toBe(0)
          expect(r.outputs.status).toBe('succeeded')
          const polls = e.requests.filter(isPoll)
          expect(polls.filter((q) => q.status === 429)).toHaveLength(8)
          expect(polls.at(-1)?.status).toBe(200)
          expect(r.stdout).toMatch(/: rate limited; next poll in 2 s/)
          // Every poll waited for Retry-After (no tight loop).
          for (let i = 1; i < 9; i++)
            expect((polls[i] as RecordedRequest).at - (polls[i - 1] as RecordedRequest).at).toBeGreaterThanOrEqual(1900)
          expect(existsSync(path.join(r.workspace, r.outputs.path as string))).toBe(true)
          expect(e.cancelCalls()).toEqual([])
        })
      },
    )

    it('download: false keeps the array outputs aligned with file-ids: paths is [], urls has one entry per clip', async () => {
      await withEmulator({}, async (e) => {
        const r = await runAction({
          inputs: inputsFor(e, { download: 'false', 'num-results': '2' }),
          env: actionEnv(),
          workspace: workspaceWith(),
        })

        expect(r.code, r.stdout).toBe(0)
        const fileIds = json(r.outputs['file-ids']) as string[]
        expect(fileIds).toHaveLength(2)
        const urls = json(r.outputs.urls) as string[]
        expect(urls).toHaveLength(fileIds.length)
        for (const url of urls) expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/files\//)
        expect(urls[0]).toBe(r.outputs.url)
        expect(new Set(urls).size).toBe(2)
        expect(json(r.outputs.paths)).toEqual([])
        expect(r.outputs.path).toBe('')
        expect(e.requests.some((q) => q.server === 'storage' && q.method === 'GET')).toBe(false)
      })
    })
  },
)
