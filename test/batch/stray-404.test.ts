// A 404 on the GET of an execution this step created (a gateway's page, say) does not end the item: the
// execution exists and bills, so it is read again, and followed to its end.
import { describe, expect, it } from 'vitest'
import { actionEnv, withEmulator, workspaceWith } from '../faults/harness.js'
import { runAction } from '../runner/run-action.js'
import { batchInputs, liveExecutions, resultsOf } from '../hostile/world.js'

describe('batch: a stray 404 on an execution it created', () => {
  it('is read again next tick: the item succeeds and nothing is left running', async () => {
    await withEmulator({ job: { queuedMs: 20, durationMs: 2500 } }, async (e) => {
      // The list fails once after the mark, so the tick falls back to each execution's own GET, which
      // gets one HTML 404.
      e.inject({
        method: 'GET',
        path: '/v1/tools/executions',
        kind: 'status',
        status: 400,
        body: '<html>bad request</html>',
        after: 1,
      })
      e.inject({
        method: 'GET',
        path: /^\/v1\/tools\/executions\/vg_/,
        kind: 'status',
        status: 404,
        body: '<html><body>404 Not Found</body></html>',
      })
      const requests = [{ id: 'alpha', prompt: 'a clip for alpha' }]
      const r = await runAction({
        workspace: workspaceWith(),
        inputs: batchInputs(e, requests, { timeout: '40s' }),
        env: actionEnv(),
        timeoutMs: 60_000,
      })
      expect(r.code, r.stdout).toBe(0)
      expect(r.stdout).toMatch(/\[alpha\] could not read execution .*404.*trying again/)
      expect(resultsOf(r.outputs).alpha?.status).toBe('succeeded')
      expect(e.cancelCalls()).toEqual([])
      expect(liveExecutions(e)).toEqual([])
    })
  }, 90_000)
})
