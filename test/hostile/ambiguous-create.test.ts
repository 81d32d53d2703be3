// A single clip's ambiguous create on a key with no earlier execution (a new key, or the first run of the
// day): the step must still name the execution that may have been created, so it can be resumed, not paid twice.
import { describe, expect, it } from 'vitest'
import { actionEnv, errorsOf, inputsFor, isGenerate, withEmulator, workspaceWith } from '../faults/harness.js'
import { runAction } from '../runner/run-action.js'

describe('hostile: an ambiguous create on a key without history', () => {
  it('names the execution that appeared, as it does when the key has an earlier one', async () => {
    await withEmulator({ job: { queuedMs: 1000, durationMs: 300 } }, async (e) => {
      e.inject({ method: 'POST', path: '/v1/tools/generate-video-clip', kind: 'status-after-processing', status: 500 })
      const r = await runAction({ inputs: inputsFor(e), env: actionEnv(), workspace: workspaceWith() })
      expect(r.code).toBe(1)
      expect(e.requests.filter(isGenerate)).toHaveLength(1) // not retried: held
      const [created] = [...e.executions.keys()]
      expect(errorsOf(r.stdout)[0]).toMatch(/may have been created and billed/)
      expect(errorsOf(r.stdout)[0]).toContain(created)
    })
  })
})
