// Nothing to generate from, when params holds only blank or empty input fields: an input error, no request.
import { describe, expect, it } from 'vitest'
import { actionEnv, errorsOf, inputsFor, withEmulator, workspaceWith } from '../faults/harness.js'
import { runAction } from '../runner/run-action.js'

describe.concurrent('nothing to generate from, via params', () => {
  it.each([
    ['a blank prompt', '{"prompt": "   "}'],
    ['an empty imageFileIds', '{"imageFileIds": []}'],
  ])('params with only %s and no other input fails as an input error before any request', async (_n, params) => {
    await withEmulator({}, async (e) => {
      const r = await runAction({
        workspace: workspaceWith(),
        inputs: inputsFor(e, { prompt: '', params }),
        env: actionEnv(),
      })
      const errors = errorsOf(r.stdout).join('\n')
      expect(r.code).toBe(1)
      expect(errors).toMatch(/Input '(prompt|params)/)
      expect(e.requests).toEqual([])
    })
  })
})
