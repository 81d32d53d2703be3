// The key echoed back through JSON escapes (\u0076…) in a 2xx answer of the create: redacted once parsed.
import { describe, expect, it } from 'vitest'
import { actionEnv, errorsOf, inputsFor, withEmulator, workspaceWith } from '../faults/harness.js'
import { runAction } from '../runner/run-action.js'
import { whereSecretShows } from './world.js'

const CREATE = '/v1/tools/generate-video-clip'
/** The key as valid JSON string content that the raw text never holds: its first character \u-escaped. */
const escapedKey = (key: string) => `\\u${key.charCodeAt(0).toString(16).padStart(4, '0')}${key.slice(1)}`

describe.concurrent('the key stays secret in 2xx answers', () => {
  it('a 202 whose toolExecutionId is the key, \\u-escaped: the key is in no output, state, file or summary', async () => {
    await withEmulator({}, async (e) => {
      e.inject({
        kind: 'rewrite',
        method: 'POST',
        path: CREATE,
        rewrite: () => `{"toolExecutionId":"${escapedKey(e.key)}"}`,
      })
      const r = await runAction({ workspace: workspaceWith(), inputs: inputsFor(e), env: actionEnv() })
      expect(whereSecretShows(r, e.key)).toEqual([])
    })
  })

  it('a 202 whose toolExecutionId is the key with a suffix that is no id, \\u-escaped: not in the error text', async () => {
    await withEmulator({}, async (e) => {
      e.inject({
        kind: 'rewrite',
        method: 'POST',
        path: CREATE,
        rewrite: () => `{"toolExecutionId":"${escapedKey(e.key)} !"}`,
      })
      const r = await runAction({ workspace: workspaceWith(), inputs: inputsFor(e), env: actionEnv() })
      const errors = errorsOf(r.stdout).join('\n')
      expect(r.code).toBe(1)
      // The runner masks the log; the error text is also what the summary and a PR comment would carry.
      expect(errors).not.toContain(e.key)
      expect(whereSecretShows(r, e.key)).toEqual([])
    })
  })
})
