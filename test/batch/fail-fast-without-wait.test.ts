// fail-fast with wait: false: the step only creates, and the first refused create ends the creating.
import { describe, expect, it } from 'vitest'
import type { Emulator } from '../emulator/index.js'
import { actionEnv, isGenerate, withEmulator, workspaceWith } from '../faults/harness.js'
import { runAction } from '../runner/run-action.js'
import { batchInputs, liveExecutions, resultsOf } from '../hostile/world.js'

const items = (...ids: string[]) => ids.map((id) => ({ id, prompt: `a clip for ${id}` }))
const idFor = (e: Emulator, item: string) =>
  [...e.executions.values()].find((x) => x.body.prompt === `a clip for ${item}`)?.id

describe('fail-fast without waiting', () => {
  it('wait: false + fail-fast: a refused create stops further creates (creates no more at the first failed one)', async () => {
    await withEmulator({ job: { queuedMs: 20, durationMs: 20_000 } }, async (e) => {
      // beta's create is refused (400): unambiguous, nothing billed for it.
      e.inject({ method: 'POST', path: '/v1/tools/generate-video-clip', kind: 'status', status: 400, after: 1 })
      const r = await runAction({
        workspace: workspaceWith(),
        inputs: batchInputs(e, items('alpha', 'beta', 'gamma', 'delta'), {
          'max-running': '4',
          'fail-fast': 'true',
          wait: 'false',
        }),
        env: actionEnv(),
      })
      const results = resultsOf(r.outputs)
      expect(results.gamma?.status).toBe('not-created')
      expect(r.code).toBe(1)
      // fail-fast: "creates no more at the first failed one": gamma and delta must never be created (billed).
      expect(e.requests.filter(isGenerate).length, 'creates sent').toBe(2)
      expect(idFor(e, 'gamma'), 'gamma created after fail-fast').toBeUndefined()
      expect(idFor(e, 'delta'), 'delta created after fail-fast').toBeUndefined()
      expect(liveExecutions(e)).toEqual([])
    })
  })
})
