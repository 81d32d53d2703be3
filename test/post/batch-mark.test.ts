// A batch's creates are minutes apart, and other jobs on the same key create in between: the post step's
// "what appeared since the create was sent" must start at the create that was in flight, not at the
// batch's first one, or it would leave this step's execution running, or cancel another job's.
import { describe, expect, it } from 'vitest'
import type { Emulator, EmulatorOptions } from '../emulator/index.js'
import { actionEnv, isGenerate, withEmulator, workspaceWith } from '../faults/harness.js'
import { type RunResult, startAction } from '../runner/run-action.js'
import { batchInputs, batchPost } from '../hostile/world.js'
import { createDirectly, story, until } from '../hostile/harness.js'

const requests = [
  { id: 'alpha', prompt: 'a clip for alpha' },
  { id: 'beta', prompt: 'a clip for beta' },
]
const world: EmulatorOptions = {
  job: { queuedMs: 20, durationMs: 60_000 },
  // alpha ends on its own, so that beta (max-running 1) is created after the other job's execution.
  jobFor: (body: Record<string, unknown>) =>
    body.prompt === 'a clip for alpha' ? { queuedMs: 20, durationMs: 4000 } : undefined,
}
const betaOf = (e: Emulator) => [...e.executions.values()].find((x) => x.body.prompt === 'a clip for beta')?.id

/** Main with beta's create faulted (the third create: alpha's, the other job's, beta's), killed once `ready`. */
async function killedAtBetaCreate(
  e: Emulator,
  kind: 'drip' | 'hang',
  ready: () => boolean,
): Promise<{ main: RunResult; other: string }> {
  e.inject({
    method: 'POST',
    path: '/v1/tools/generate-video-clip',
    after: 2,
    ...(kind === 'drip' ? { kind, bytesPerSecond: 2 } : { kind }),
  })
  const running = startAction({
    workspace: workspaceWith(),
    inputs: batchInputs(e, requests, { 'max-running': '1' }),
    env: actionEnv({ VIDEOGEN_REQUEST_TIMEOUT_MS: '30000' }),
    timeoutMs: 60_000,
  })
  await running.waitFor(/\[alpha\] created execution/)
  const other = await createDirectly(e, 'another job on the same key')
  await until(() => e.requests.filter(isGenerate).length === 3, "beta's create", 30_000)
  await until(ready, 'the case to be ready', 30_000)
  running.child.kill('SIGKILL')
  return { main: await running.result, other }
}

const postOf = (e: Emulator, main: RunResult) => batchPost(e, main, requests, 60_000)

describe.concurrent('post step after a batch killed mid-create, another job creating on the same key', () => {
  it("beta was processed, its answer still arriving: the post step cancels beta, not the other job's", async () => {
    await withEmulator(world, async (e) => {
      const { main, other } = await killedAtBetaCreate(e, 'drip', () => betaOf(e) !== undefined)
      const post = await postOf(e, main)
      expect(post.code, story(post)).toBe(0)
      expect(e.executions.get(betaOf(e) as string)?.status).toBe('cancelled')
      expect(e.executions.get(other)?.status).toBe('running')
    })
  }, 120_000)

  it("beta was never processed: the post step finds nothing of its own and leaves the other job's running", async () => {
    await withEmulator(world, async (e) => {
      const { main, other } = await killedAtBetaCreate(e, 'hang', () => true)
      const post = await postOf(e, main)
      expect(post.code, story(post)).toBe(0)
      expect(betaOf(e)).toBeUndefined()
      expect(e.executions.get(other)?.status).toBe('running')
      expect(e.cancelCalls()).not.toContain(other)
    })
  }, 120_000)

  it('a list that could not be read before one create is asked again before the next: that one is still cancelled', async () => {
    const three = [...requests, { id: 'gamma', prompt: 'a clip for gamma' }]
    const short = { queuedMs: 20, durationMs: 1500 }
    await withEmulator(
      { ...world, jobFor: (b: Record<string, unknown>) => (b.prompt === 'a clip for gamma' ? undefined : short) },
      async (e) => {
        const running = startAction({
          workspace: workspaceWith(),
          inputs: batchInputs(e, three, { 'max-running': '1' }),
          env: actionEnv({ VIDEOGEN_REQUEST_TIMEOUT_MS: '30000' }),
          timeoutMs: 60_000,
        })
        await running.waitFor(/\[alpha\] created execution/)
        e.inject({ method: 'GET', path: '/v1/tools/executions', kind: 'status', status: 400, times: Infinity })
        await running.waitFor(/\[beta\] created execution/, 30_000)
        e.clearFaults() // readable again long before gamma's create
        e.inject({ method: 'POST', path: '/v1/tools/generate-video-clip', kind: 'drip', bytesPerSecond: 2 })
        const gamma = () => [...e.executions.values()].find((x) => x.body.prompt === 'a clip for gamma')?.id
        await until(() => gamma() !== undefined, "gamma's execution", 30_000)
        running.child.kill('SIGKILL')
        const main = await running.result
        const post = await postOf(e, main)
        expect(post.code, story(post)).toBe(0)
        expect(e.executions.get(gamma() as string)?.status, story(post)).toBe('cancelled')
      },
    )
  }, 120_000)
})
