// `timeout` is when the execution is cancelled: a poll that hangs must not push the cancel a minute past it.
import { describe, expect, it } from 'vitest'
import { inputsFor, withEmulator, workspaceWith } from '../faults/harness.js'
import { runAction } from '../runner/run-action.js'

const EXECUTION = /^\/v1\/tools\/executions\/[^/]+$/

describe('timeout with a hung poll', () => {
  it('timeout: 8s and a poll that never answers: the execution is cancelled soon after 8 s, not after the 60 s request timeout', async () => {
    await withEmulator({ job: { queuedMs: 50, durationMs: 300_000 } }, async (e) => {
      // Every poll after the first two hangs (a dead proxy, a black-holed connection).
      e.inject({ method: 'GET', path: EXECUTION, kind: 'hang', after: 2, times: Infinity })
      const started = Date.now()
      // No VIDEOGEN_REQUEST_TIMEOUT_MS: the default (60 s), as on a real runner.
      const r = await runAction({
        inputs: inputsFor(e, { timeout: '8s' }),
        workspace: workspaceWith(),
        timeoutMs: 120_000,
      })
      const elapsed = Date.now() - started
      const [id] = [...e.executions.keys()]
      expect(r.code).toBe(1)
      expect(e.cancelCalls()).toEqual([id])
      // Cancelled well before the 60 s request timeout could have passed (it used to end at about 70 s); the
      // bound is loose on purpose, for a loaded machine.
      expect(elapsed).toBeLessThan(45_000)
      expect(r.stdout).toMatch(/::error::.*timeout/i)
    })
  }, 130_000)
})
