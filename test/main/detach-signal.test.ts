// wait: false leaves the execution running for a later step; after a workflow cancel there is none, so a
// signal that arrives before the step has detached cancels the execution instead.
import { describe, expect, it } from 'vitest'
import { actionEnv, inputsFor, withEmulator, workspaceWith } from '../faults/harness.js'
import { startAction } from '../runner/run-action.js'
import { cancelLikeRunner, liveExecutions } from '../hostile/world.js'
import { post as postStep } from '../post/harness.js'
import { story } from '../hostile/harness.js'

describe('single clip with wait: false', () => {
  it('a signal while the status GET after the create is in flight: cancelled, the step fails', async () => {
    await withEmulator({ job: { queuedMs: 20, durationMs: 60_000 } }, async (e) => {
      e.inject({ method: 'GET', path: /^\/v1\/tools\/executions\/vg_/, kind: 'delay', ms: 3000 })
      const running = startAction({
        inputs: inputsFor(e, { wait: 'false' }),
        env: actionEnv({ VIDEOGEN_REQUEST_TIMEOUT_MS: '10000' }),
        workspace: workspaceWith(),
        timeoutMs: 40_000,
      })
      await running.waitFor(/^Created execution /)
      const { result: main } = await cancelLikeRunner(running)
      expect(main.code, story(main)).toBe(1)
      expect(main.stdout).not.toMatch(/Not waiting \(wait: false\)/)
      expect(main.outputs.status).toBe('cancelled')
      expect(e.cancelCalls()).toHaveLength(1)
      const post = await postStep(e, main.state)
      expect(post.code).toBe(0)
      expect(liveExecutions(e)).toEqual([])
    })
  }, 60_000)
})
