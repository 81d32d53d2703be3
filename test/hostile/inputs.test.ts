// Inputs that would break a request or the process rather than the API: refused before any request, as an
// input error naming the input, through the bundled action.
import { describe, expect, it } from 'vitest'
import { runAction } from '../runner/run-action.js'
import { actionEnv, errorsOf, inputsFor, withEmulator, workspaceWith } from '../faults/harness.js'
import { story } from './harness.js'

describe.concurrent('inputs refused before any request', () => {
  it.each([
    ['a zero-width space (U+200B)', 'vg_key_abc\u200bdef'],
    ['an inner line break', 'vg_key_abc\ndef'],
  ])('an api-key with %s: an input error naming api-key, no request, no retry, no billing talk', async (_what, key) => {
    await withEmulator({}, async (e) => {
      const r = await runAction({
        inputs: inputsFor(e, { 'api-key': key }),
        env: actionEnv(),
        workspace: workspaceWith(),
      })
      expect(r.code, story(r)).toBe(1)
      expect(e.requests).toEqual([])
      expect(errorsOf(r.stdout).join('\n')).toMatch(/api-key/)
      expect(r.stdout).not.toMatch(/billed/i)
      expect(r.stdout).not.toMatch(/retrying/i)
    })
  })

  it('params with a self-referencing YAML alias (a: &x [*x]): an input error naming params, no request', async () => {
    await withEmulator({}, async (e) => {
      const r = await runAction({
        inputs: inputsFor(e, { params: 'a: &x [*x]' }),
        env: actionEnv(),
        workspace: workspaceWith(),
      })
      expect(r.code, story(r)).toBe(1)
      expect(e.requests).toEqual([])
      expect(errorsOf(r.stdout)).toEqual([expect.stringMatching(/^Input 'params': /)])
      expect(`${r.stdout}${r.stderr}`).not.toMatch(/Maximum call stack/i)
    })
  })
})
