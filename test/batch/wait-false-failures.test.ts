// A batch that only creates (wait: false) still fails on what may have billed, and a signal during its
// last create cancels that execution instead of leaving it running as if the workflow went on.
import { describe, expect, it } from 'vitest'
import type { Emulator } from '../emulator/index.js'
import { actionEnv, errorsOf, isGenerate, withEmulator, workspaceWith } from '../faults/harness.js'
import { runAction, startAction } from '../runner/run-action.js'
import { batchInputs, batchPost, cancelLikeRunner, liveExecutions, resultsOf } from '../hostile/world.js'
import { until } from '../hostile/harness.js'

const items = (...ids: string[]) => ids.map((id) => ({ id, prompt: `a clip for ${id}` }))
const idFor = (e: Emulator, item: string) =>
  [...e.executions.values()].find((x) => x.body.prompt === `a clip for ${item}`)?.id

describe.concurrent('batch with wait: false', () => {
  it('a signal while the last create is in flight: that execution is cancelled and the step fails', async () => {
    await withEmulator({ job: { queuedMs: 20, durationMs: 60_000 } }, async (e) => {
      e.inject({ method: 'POST', path: '/v1/tools/generate-video-clip', kind: 'delay', ms: 2000, after: 1 })
      const requests = items('alpha', 'beta')
      const running = startAction({
        workspace: workspaceWith(),
        inputs: batchInputs(e, requests, { 'max-running': '2', wait: 'false' }),
        env: actionEnv({ VIDEOGEN_REQUEST_TIMEOUT_MS: '10000' }),
        timeoutMs: 40_000,
      })
      await running.waitFor(/\[alpha\] created execution/)
      await until(() => e.requests.filter(isGenerate).length === 2, 'the second create')
      const { result: main } = await cancelLikeRunner(running)
      expect(main.code, main.stdout).toBe(1)
      expect(errorsOf(main.stdout).join('\n')).toMatch(/Stopped/)
      expect(main.stdout).not.toMatch(/Not waiting \(wait: false\)/)
      const beta = idFor(e, 'beta')
      expect(beta, 'beta was created').toBeDefined()
      expect(e.cancelCalls()).toContain(beta)
      const post = await batchPost(e, main, requests)
      expect(post.code).toBe(0)
      expect(liveExecutions(e)).toEqual([])
    })
  }, 60_000)

  it('an ambiguous create (a 500 after the API processed it) fails the step, naming the execution that appeared', async () => {
    await withEmulator({ job: { queuedMs: 20, durationMs: 60_000 } }, async (e) => {
      e.inject({ method: 'POST', path: '/v1/tools/generate-video-clip', kind: 'status-after-processing', status: 500 })
      const r = await runAction({
        workspace: workspaceWith(),
        inputs: batchInputs(e, items('alpha', 'beta'), { 'max-running': '2', wait: 'false' }),
        env: actionEnv(),
      })
      expect(r.code, r.stdout).toBe(1)
      const alpha = idFor(e, 'alpha') as string
      const [error] = errorsOf(r.stdout)
      expect(error).toMatch(/alpha \(error: /)
      expect(error).toContain(alpha)
      expect(resultsOf(r.outputs).alpha?.status).toBe('error')
      // beta was created and left running on purpose, as wait: false asks.
      expect(resultsOf(r.outputs).beta?.status).toBe('pending')
    })
  }, 60_000)
})
