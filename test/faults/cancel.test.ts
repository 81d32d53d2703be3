// Cancellation and timeouts through the bundled action: runner signals (SIGINT, SIGTERM, SIGKILL), the post
// step as the safety net, and the timeout input with and without cancel-on-timeout.
import { describe, expect, it } from 'vitest'
import type { Emulator, RecordedRequest } from '../emulator/index.js'
import { type RunResult, type RunningAction, runAction, runMainAndPost, startAction } from '../runner/run-action.js'
import { actionEnv, errorsOf, inputsFor, warningsOf, withEmulator, workspaceWith } from './harness.js'

/** The runner sends SIGTERM 7.5 s after SIGINT, then SIGKILL: the cancel must be done before. */
const RUNNER_WINDOW_MS = 7500
const LONG_JOB = { job: { queuedMs: 50, durationMs: 60_000 } }

const isCancel = (r: RecordedRequest) => r.method === 'POST' && r.path.endsWith('/cancel')
const isPoll = (r: RecordedRequest) => r.method === 'GET' && /^\/v1\/tools\/executions\/[^/]+$/.test(r.path)

/** Starts a run and resolves once its execution exists and has been polled as running. */
async function startedRun(
  e: Emulator,
  inputs: Record<string, string> = {},
): Promise<{ running: RunningAction; id: string }> {
  const running = startAction({
    inputs: inputsFor(e, inputs),
    env: actionEnv(),
    workspace: workspaceWith(),
    timeoutMs: 40_000,
  })
  const id = (await running.waitFor(/^Created execution /)).split(' ').pop() as string
  await running.waitFor(/: running \d+%/)
  return { running, id }
}

/** The post step with main's saved state, as the runner runs it. */
const post = (e: Emulator, main: RunResult, inputs: Record<string, string> = {}) =>
  runAction({
    inputs: inputsFor(e, inputs),
    env: actionEnv(),
    workspace: main.workspace,
    stage: 'post',
    state: main.state,
  })

describe.concurrent('runner cancellation', () => {
  it.each(['SIGINT', 'SIGTERM'] as const)(
    '%s while waiting: cancels, confirms with a GET, exits non-zero within the runner window',
    async (signal) => {
      await withEmulator(LONG_JOB, async (e) => {
        const { running, id } = await startedRun(e)
        const sent = Date.now()
        running.child.kill(signal)
        const main = await running.result
        const took = Date.now() - sent

        expect(took).toBeLessThan(RUNNER_WINDOW_MS)
        expect(main.code).toBe(1)
        expect(e.cancelCalls()).toEqual([id])
        const cancelAt = e.requests.findIndex(isCancel)
        expect(e.requests.slice(cancelAt + 1).some(isPoll)).toBe(true) // confirmed afterwards
        expect(e.executions.get(id)?.status).toBe('cancelled')
        expect(errorsOf(main.stdout)).toEqual([
          `Stopped: the workflow was cancelled (${signal}). Execution ${id} was cancelled (status now cancelled).`,
        ])
        expect(main.outputs).toMatchObject({ 'execution-id': id, status: 'cancelled' })
        expect(main.state).toMatchObject({ executionId: id, disposition: 'terminal' })

        // Nothing left for the post step: it makes no request at all.
        const before = e.requests.length
        const cleanup = await post(e, main)
        expect(cleanup.code).toBe(0)
        expect(e.requests.length).toBe(before)
        expect(warningsOf(cleanup.stdout)).toEqual([])
      })
    },
  )

  it('SIGKILL during the wait: the id was in state the moment it existed, and the post step cancels it (idempotently)', async () => {
    await withEmulator(LONG_JOB, async (e) => {
      const running = startAction({
        inputs: inputsFor(e),
        env: actionEnv(),
        workspace: workspaceWith(),
        timeoutMs: 40_000,
      })
      const id = (await running.waitFor(/^Created execution /)).split(' ').pop() as string
      // Killed at once after the log line: the state file already has the id (saved before the line).
      running.child.kill('SIGKILL')
      const main = await running.result
      expect(main.signal).toBe('SIGKILL')
      expect(main.state.executionId).toBe(id)
      expect(main.state.disposition).toBeUndefined()
      expect(main.outputs['execution-id']).toBe(id)
      expect(e.cancelCalls()).toEqual([])

      const first = await post(e, main)
      expect(first.code).toBe(0)
      expect(warningsOf(first.stdout)[0]).toMatch(
        new RegExp(`The main step ended while execution ${id} was still (pending|running); cancelling it`),
      )
      expect(first.stdout).toContain(`Execution ${id} was cancelled (status now cancelled)`)
      expect(e.cancelCalls()).toEqual([id])
      expect(e.executions.get(id)?.status).toBe('cancelled')

      // Again (a re-run of post): it sees the execution ended and does not cancel twice.
      const second = await post(e, main)
      expect(second.code).toBe(0)
      expect(e.cancelCalls()).toEqual([id])
      expect(warningsOf(second.stdout)).toEqual([])
      expect(second.stdout).toContain(`Execution ${id} had already ended (cancelled); nothing to cancel`)
    })
  })

  it('SIGINT while the cancel request hangs: exits within the window, unconfirmed, and the post step finishes the job', async () => {
    await withEmulator(LONG_JOB, async (e) => {
      const { running, id } = await startedRun(e)
      e.inject({ method: 'POST', path: /\/cancel$/, kind: 'hang', times: 2 })
      const sent = Date.now()
      running.child.kill('SIGINT')
      const main = await running.result
      expect(Date.now() - sent).toBeLessThan(RUNNER_WINDOW_MS)
      expect(main.code).toBe(1)
      expect(warningsOf(main.stdout).join('\n')).toMatch(`Could not cancel execution ${id}`)
      expect(errorsOf(main.stdout)[0]).toMatch(
        `Execution ${id} was asked to cancel but is still running; the post step will try again`,
      )
      expect(main.state.disposition).toBeUndefined()
      expect(e.executions.get(id)?.status).toBe('running')

      const cleanup = await post(e, main)
      expect(cleanup.code).toBe(0)
      expect(e.executions.get(id)?.status).toBe('cancelled')
    })
  })

  it('SIGINT while a refused create waits to retry (429, Retry-After: 20): stops at once, nothing created', async () => {
    await withEmulator({}, async (e) => {
      e.inject({
        method: 'POST',
        path: '/v1/tools/generate-video-clip',
        kind: 'status',
        status: 429,
        headers: { 'Retry-After': '20' },
      })
      const running = startAction({
        inputs: inputsFor(e),
        env: actionEnv(),
        workspace: workspaceWith(),
        timeoutMs: 40_000,
      })
      await running.waitFor(/HTTP 429 rate_limited; retrying in 20\.0 s/)
      const sent = Date.now()
      running.child.kill('SIGINT')
      const main = await running.result
      // It stops without sitting out the 20 s wait: well inside the runner's window, under any load.
      expect(Date.now() - sent).toBeLessThan(RUNNER_WINDOW_MS)
      expect(errorsOf(main.stdout)).toEqual([
        'Stopped: the workflow was cancelled (SIGINT). No execution had been created.',
      ])
      expect(e.createCount()).toBe(0)
      expect(e.requests.filter((r) => r.path === '/v1/tools/generate-video-clip')).toHaveLength(1)
    })
  })

  it('SIGINT during an upload: stops without creating an execution', async () => {
    await withEmulator({ fileOutcome: 'never' }, async (e) => {
      const running = startAction({
        inputs: inputsFor(e, { images: 'refs/ref.png' }),
        env: actionEnv(),
        workspace: workspaceWith({ 'refs/ref.png': 'ref.png' }),
        timeoutMs: 40_000,
      })
      await running.waitFor(/hydrate → 200/)
      const sent = Date.now()
      running.child.kill('SIGINT')
      const main = await running.result
      // The upload never becomes ready (fileOutcome never): only the signal can have ended the wait.
      expect(Date.now() - sent).toBeLessThan(RUNNER_WINDOW_MS)
      expect(main.code).toBe(1)
      expect(errorsOf(main.stdout)).toEqual([
        'Stopped: the workflow was cancelled (SIGINT). No execution had been created.',
      ])
      expect(e.createCount()).toBe(0)
      expect(main.state.executionId).toBeUndefined()
    })
  })
})

describe.concurrent('post step with nothing to do', () => {
  it('no execution was created: quiet, no request', async () => {
    await withEmulator({}, async (e) => {
      const cleanup = await runAction({
        inputs: inputsFor(e),
        env: actionEnv(),
        stage: 'post',
        state: { isPost: 'true' },
      })
      expect(cleanup.code).toBe(0)
      expect(e.requests).toEqual([])
      expect(
        cleanup.stdout.split('\n').filter((l) => l && !l.startsWith('::debug::') && !l.startsWith('::add-mask::')),
      ).toEqual([])
    })
  })

  it('the execution ended in main: no request', async () => {
    await withEmulator({}, async (e) => {
      const { main, post: cleanup } = await runMainAndPost({
        inputs: inputsFor(e),
        env: actionEnv(),
        workspace: workspaceWith(),
      })
      expect(main.code).toBe(0)
      const requests = e.requests.length
      expect(cleanup.code).toBe(0)
      expect(e.requests.length).toBe(requests)
      expect(warningsOf(cleanup.stdout)).toEqual([])
    })
  })

  it('wait: false (detached on purpose): the post step leaves it running', async () => {
    await withEmulator(LONG_JOB, async (e) => {
      const { main, post: cleanup } = await runMainAndPost({
        inputs: inputsFor(e, { wait: 'false' }),
        env: actionEnv(),
        workspace: workspaceWith(),
      })
      expect(main.code).toBe(0)
      expect(main.state.disposition).toBe('detached')
      expect(cleanup.code).toBe(0)
      expect(e.cancelCalls()).toEqual([])
      const id = main.outputs['execution-id'] as string
      expect(e.executions.get(id)?.status).toMatch(/pending|running/)
    })
  })
})

describe.concurrent('timeout', () => {
  it('reached: cancelled by default; the message has the elapsed time and the execution id; post does nothing', async () => {
    await withEmulator(LONG_JOB, async (e) => {
      const { main, post: cleanup } = await runMainAndPost({
        // 6 s: the start, the create (with a quarter of the timeout still left) and a poll must fit in it, loaded.
        inputs: inputsFor(e, { timeout: '6s' }),
        env: actionEnv(),
        workspace: workspaceWith(),
      })
      const id = main.outputs['execution-id'] as string
      expect(main.code).toBe(1)
      const [error] = errorsOf(main.stdout)
      expect(error).toMatch(
        new RegExp(
          `^Timed out after \\d+(\\.\\d)?s \\(timeout 6(\\.0)?s\\) waiting for execution ${id} \\(last seen (pending|running) \\d+%\\)\\. Execution ${id} was cancelled \\(status now cancelled\\)\\.$`,
        ),
      )
      expect(main.outputs.status).toBe('timed-out')
      expect(e.cancelCalls()).toEqual([id])
      expect(e.executions.get(id)?.status).toBe('cancelled')
      // Bounded by the 6 s timeout and the cancel budget, not by the 60 s job.
      expect(main.durationMs).toBeLessThan(20_000)
      expect(cleanup.code).toBe(0)
      expect(e.cancelCalls()).toEqual([id])
    })
  })

  it('reached with cancel-on-timeout: false: left running, the message says how to resume, post does not cancel', async () => {
    await withEmulator(LONG_JOB, async (e) => {
      const { main, post: cleanup } = await runMainAndPost({
        inputs: inputsFor(e, { timeout: '6s', 'cancel-on-timeout': 'false' }),
        env: actionEnv(),
        workspace: workspaceWith(),
      })
      const id = main.outputs['execution-id'] as string
      expect(main.code).toBe(1)
      expect(errorsOf(main.stdout)[0]).toMatch(
        `It is still running (cancel-on-timeout: false): resume it in a later step with execution-id: ${id}`,
      )
      expect(main.outputs.status).toBe('timed-out')
      expect(main.state.disposition).toBe('detached')
      expect(cleanup.code).toBe(0)
      expect(e.cancelCalls()).toEqual([])
      expect(e.executions.get(id)?.status).toBe('running')

      // And it can be resumed: execution-id picks it up (here with the job shortened by cancelling nothing).
      const resumed = await runAction({
        inputs: {
          'api-key': e.key,
          'base-url': e.url,
          'execution-id': id,
          timeout: '2s',
          'cancel-on-timeout': 'false',
        },
        env: actionEnv(),
        workspace: main.workspace,
      })
      expect(resumed.stdout).toContain(`Resuming execution ${id}`)
      expect(e.createCount()).toBe(1)
    })
  })
})
