// A create that fails after the API processed it, through the bundled action: not retried (it would bill
// twice), and the failure names the running executions that appeared in the list since it was sent, the
// user's best lead to resume one instead of paying again.
import { describe, expect, it } from 'vitest'
import { actionEnv, errorsOf, inputsFor, isGenerate, withEmulator, workspaceWith } from '../faults/harness.js'
import { runAction } from '../runner/run-action.js'

describe('an ambiguous create', () => {
  it('names the executions that appeared since it was sent, and resuming one creates nothing', async () => {
    await withEmulator({ job: { queuedMs: 1000, durationMs: 300 } }, async (e) => {
      // An execution before the step: the mark the list is read down to.
      const before = await fetch(`${e.url}/v1/tools/generate-video-clip`, {
        method: 'POST',
        headers: { authorization: `Bearer ${e.key}`, 'content-type': 'application/json' },
        body: JSON.stringify({ prompt: 'an earlier clip' }),
      })
      const earlier = ((await before.json()) as { toolExecutionId: string }).toolExecutionId
      e.inject({ method: 'POST', path: '/v1/tools/generate-video-clip', kind: 'reset-after-processing' })

      const r = await runAction({ inputs: inputsFor(e), env: actionEnv(), workspace: workspaceWith() })
      expect(r.code).toBe(1)
      expect(e.requests.filter(isGenerate)).toHaveLength(2) // the one above and the step's: not retried
      const created = [...e.executions.keys()].find((id) => id !== earlier) as string
      const [error] = errorsOf(r.stdout)
      expect(error).toMatch(/may have been created and billed\. It was not retried, to avoid paying twice\./)
      expect(error).toMatch(
        new RegExp(`Executions that appeared since it was sent: ${created} \\((pending|running)\\)\\.$`),
      )
      expect(error).not.toContain(earlier)
      expect(r.outputs['execution-id']).toBeUndefined()
      // Nothing was left for the post step: the create's outcome is known to be unknown, and reported.
      expect(r.state.createInFlight).toBe('')

      const resumed = await runAction({
        inputs: { 'api-key': e.key, 'base-url': e.url, 'execution-id': created, timeout: '30s' },
        env: actionEnv(),
      })
      expect(resumed.code, resumed.stdout + resumed.stderr).toBe(0)
      expect(resumed.outputs['execution-id']).toBe(created)
      expect(e.createCount()).toBe(2)
    })
  })
})
