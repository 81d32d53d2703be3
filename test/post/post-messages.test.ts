// What the post step says when its cancel does not take (it is the last try), and when a create in flight
// had not appeared yet (the API may still be processing it).
import { describe, expect, it } from 'vitest'
import { actionEnv, inputsFor, warningsOf, withEmulator, workspaceWith } from '../faults/harness.js'
import { startAction } from '../runner/run-action.js'
import { createDirectly } from '../hostile/harness.js'
import { cancelLikeRunner } from '../hostile/world.js'
import { killedMidCreate, post, stoppedMidCreate } from './harness.js'

const LONG_JOB = { job: { queuedMs: 50, durationMs: 120_000 } }
const CANCEL = /^\/v1\/tools\/executions\/[^/]+\/cancel$/

describe.concurrent('post step messages when its cancel fails', () => {
  it('killed mid-create, the post step cannot cancel the execution it found: it must not promise that "the post step will try again"', async () => {
    await withEmulator(LONG_JOB, async (e) => {
      const earlier = await createDirectly(e, 'an earlier clip')
      // The create went through on the API's side while the step was being killed.
      let created = ''
      const main = await killedMidCreate(e, async () => {
        created = await createDirectly(e, 'the clip of the killed step')
      })
      expect(JSON.parse(main.state.createInFlight as string)).toMatchObject({ mark: earlier, count: 1 })

      // Every cancel the post step sends is refused (a 403, not retried).
      e.inject({ method: 'POST', path: CANCEL, kind: 'status', status: 403, times: Infinity })
      const cleanup = await post(e, main.state)
      expect(cleanup.code).toBe(0)
      expect(e.executions.get(created)?.status).toBe('running') // still billing
      const warnings = warningsOf(cleanup.stdout)
      // The post step is the last step of the job: no later post step will try again.
      const promise = warnings.find((w) => w.includes('the post step will try again'))
      expect(promise, warnings.join('\n')).toBeUndefined()
      expect(warnings.join('\n')).toContain(
        `nothing runs after this step: cancel it in the dashboard, or with POST /v1/tools/executions/${created}/cancel`,
      )
    })
  })
})

describe.concurrent('post step after a kill mid-create, when the create lands while it looks', () => {
  it('nothing appears while the post step looks: it says the API may still be processing the create, and where to check', async () => {
    await withEmulator(LONG_JOB, async (e) => {
      const earlier = await createDirectly(e, 'an earlier clip')
      // The runner's schedule: SIGINT, SIGTERM at 7.5 s, SIGKILL at 10 s; the create is still unanswered.
      const main = await stoppedMidCreate(e, async (running) => (await cancelLikeRunner(running)).result)
      expect(JSON.parse(main.state.createInFlight as string)).toMatchObject({ mark: earlier, count: 1 })

      const cleanup = await post(e, main.state)
      expect(cleanup.code).toBe(0)
      // The API finishes processing the create it received (a server keeps working after the client went away).
      const landed = await createDirectly(e, 'the clip of the killed step, processed late')
      expect(e.executions.get(landed)?.status).toMatch(/pending|running/)
      const warnings = warningsOf(cleanup.stdout)
      // It must not say flatly that nothing was created while the create may still be processed.
      const claim = warnings.find((w) => w.startsWith('No running execution appeared'))
      expect(claim, warnings.join('\n')).toMatch(/or the API is still processing it/)
      expect(claim).toMatch(/newer than .* in a few minutes, and cancel it there/)
    })
  }, 60_000)

  it("an execution appears a few seconds into the post step: named on a later look, not cancelled (it may be another job's)", async () => {
    await withEmulator(LONG_JOB, async (e) => {
      const earlier = await createDirectly(e, 'an earlier clip')
      const main = await killedMidCreate(e)
      expect(JSON.parse(main.state.createInFlight as string)).toMatchObject({ mark: earlier, count: 1 })

      const lists = () => e.requests.filter((r) => r.method === 'GET' && r.path === '/v1/tools/executions').length
      const before = lists()
      const cleanup = startAction({
        inputs: inputsFor(e),
        env: actionEnv(),
        workspace: workspaceWith(),
        stage: 'post',
        state: main.state,
        timeoutMs: 60_000,
      })
      // The first look finds nothing; then an execution appears: the killed step's create processed late, or
      // another job on the same key, which the list cannot tell apart.
      while (lists() === before) await new Promise((r) => setTimeout(r, 25))
      const landed = await createDirectly(e, 'the clip of the killed step, or of another job')
      const result = await cleanup.result
      expect(result.code).toBe(0)
      expect(e.cancelCalls()).toEqual([])
      expect(e.executions.get(landed)?.status).toMatch(/pending|running/)
      expect(warningsOf(result.stdout)).toContain(
        `1 running execution appeared while the post step looked again (${landed}): this step's create, processed late, or another job's on the same key; not cancelled, since it cannot be told which. If it is this step's, cancel it in the dashboard or with POST /v1/tools/executions/<id>/cancel.`,
      )
    })
  }, 60_000)
})
