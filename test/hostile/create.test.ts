// The create request against a hostile gateway and a cancelled workflow, through the bundled action: a
// gateway's 503 after the API processed the create must not be retried (it would bill twice), and a
// workflow cancelled while a slow create is in flight leaves the post step enough to find and cancel it.
import { describe, expect, it } from 'vitest'
import type { Emulator } from '../emulator/index.js'
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
import { createDirectly, sleep, story, until } from './harness.js'

const CREATE = '/v1/tools/generate-video-clip'
const LONG_JOB = { job: { queuedMs: 50, durationMs: 60_000 } }
const ENVOY_503 =
  '<html><head><title>503 Service Unavailable</title></head><body>upstream connect error or disconnect/reset before headers. reset reason: connection termination</body></html>'

describe.concurrent('create answered 503', () => {
  it("a gateway's HTML 503 after the API processed the create: one POST, one execution, an ambiguous-create failure", async () => {
    await withEmulator({}, async (e) => {
      e.inject({ method: 'POST', path: CREATE, kind: 'status-after-processing', status: 503, body: ENVOY_503 })
      e.inject({
        method: 'POST',
        path: CREATE,
        kind: 'rewrite',
        rewrite: (body, target) => {
          target.headers['Content-Type'] = 'text/html'
          return body
        },
      })
      const r = await runAction({ inputs: inputsFor(e), env: actionEnv(), workspace: workspaceWith() })

      expect(r.code, story(r)).toBe(1)
      expect(e.requests.filter(isGenerate)).toHaveLength(1)
      expect(e.createCount()).toBe(1)
      const [error] = errorsOf(r.stdout)
      expect(error).toMatch(/HTTP 503/)
      expect(error).toMatch(/may have been created/)
      expect(error).toMatch(/execution-id/)
      expect(r.stdout).not.toMatch(/retrying/)
    })
  })

  it("the API's own 503 (ApiError JSON) before processing is still retried: two POSTs, one execution, success", async () => {
    await withEmulator({}, async (e) => {
      e.inject({ method: 'POST', path: CREATE, kind: 'status', status: 503 })
      const r = await runAction({ inputs: inputsFor(e), env: actionEnv(), workspace: workspaceWith() })

      expect(r.code, story(r)).toBe(0)
      expect(e.requests.filter(isGenerate).map((q) => q.status)).toEqual([503, 202])
      expect(e.createCount()).toBe(1)
      expect(r.outputs.status).toBe('succeeded')
    })
  })
})

/**
 * The create is processed at once but its 202 trickles in at 2 bytes a second (tens of seconds for the
 * whole body): the runner's SIGINT → SIGTERM → SIGKILL all land before the id does. (A `delay` fault would
 * hold the request before processing, and the emulator drops a request whose client has gone, where a
 * real gateway would still have passed it on.)
 */
const SLOW_202 = { method: 'POST', path: CREATE, kind: 'drip', bytesPerSecond: 2 } as const
/** Long enough for the slow answer not to time out on the action's side. */
const SLOW_CREATE_ENV = actionEnv({ VIDEOGEN_REQUEST_TIMEOUT_MS: '20000' })

/**
 * A run whose create answers slowly, cancelled the way the runner cancels: SIGINT 0.5 s after the POST
 * arrived, SIGTERM 7.5 s later, SIGKILL 2.5 s after that. `during` runs while main waits (another job, say).
 */
async function cancelledDuringCreate(
  e: Emulator,
  during: () => Promise<void> = async () => undefined,
): Promise<{ main: RunResult; sigintLineMs: number }> {
  e.inject(SLOW_202)
  const running = startAction({
    inputs: inputsFor(e),
    env: SLOW_CREATE_ENV,
    workspace: workspaceWith(),
    timeoutMs: 30_000,
  })
  await until(() => e.requests.some(isGenerate), 'the create request')
  await sleep(500)
  const sigintAt = Date.now()
  running.child.kill('SIGINT')
  await running.waitFor(/in flight/i, 5000).catch(() => undefined)
  const sigintLineMs = Date.now() - sigintAt
  await during()
  await sleep(Math.max(0, sigintAt + 7500 - Date.now()))
  running.child.kill('SIGTERM')
  await sleep(2500)
  running.child.kill('SIGKILL')
  const main = await running.result
  return { main, sigintLineMs }
}

const post = (e: Emulator, main: RunResult) =>
  runAction({ inputs: inputsFor(e), env: actionEnv(), workspace: main.workspace, stage: 'post', state: main.state })

describe.concurrent('workflow cancelled while a slow create is in flight', () => {
  it('main says at once that the create cannot be withdrawn and leaves it in state; post finds the execution and cancels it', async () => {
    await withEmulator(LONG_JOB, async (e) => {
      const { main, sigintLineMs } = await cancelledDuringCreate(e)
      expect(main.signal, story(main)).toBe('SIGKILL')
      expect(sigintLineMs).toBeLessThan(3000)
      expect(main.stdout).toMatch(/Received SIGINT while the create request is in flight: it cannot be withdrawn/)
      expect(main.state.executionId).toBeUndefined()
      expect(JSON.parse(main.state.createInFlight ?? 'null')).toMatchObject({ count: 1 })

      expect(e.createCount()).toBe(1)
      const [id] = [...e.executions.keys()] as string[]
      const cleanup = await post(e, main)
      expect(cleanup.code, story(cleanup)).toBe(0)
      expect(cleanup.stdout).not.toContain('No execution was created')
      expect(e.requests.some((q) => q.method === 'GET' && q.path === '/v1/tools/executions')).toBe(true)
      expect(e.cancelCalls()).toEqual([id])
      expect(e.executions.get(id as string)?.status).toBe('cancelled')
    })
  }, 45_000)

  it('two executions appeared (another job on the same key): post names both and cancels neither', async () => {
    await withEmulator(LONG_JOB, async (e) => {
      let other = ''
      const { main } = await cancelledDuringCreate(e, async () => {
        other = await createDirectly(e, 'another job on the same key')
      })
      expect(main.signal, story(main)).toBe('SIGKILL')
      expect(JSON.parse(main.state.createInFlight ?? 'null')).toMatchObject({ count: 1 })

      expect(e.createCount()).toBe(2)
      const ours = [...e.executions.keys()].find((id) => id !== other) as string
      const cleanup = await post(e, main)
      expect(cleanup.code, story(cleanup)).toBe(0)
      const warning = warningsOf(cleanup.stdout).find((w) => w.includes(other) && w.includes(ours))
      expect(warning, cleanup.stdout).toMatch(/not cancelling any/)
      expect(e.cancelCalls()).toEqual([])
      expect(e.executions.get(ours)?.status).toBe('running')
      expect(e.executions.get(other)?.status).toBe('running')
    })
  }, 45_000)
})
