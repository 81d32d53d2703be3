// The runner's limits: 1 MB of outputs per job, 1 MiB of summary per step. A batch's `results` output and its
// gallery must stay under them whatever the answers hold.
import { describe, expect, it } from 'vitest'
import { actionEnv, withEmulator, workspaceWith } from '../faults/harness.js'
import { runAction } from '../runner/run-action.js'
import { batchInputs, resultsOf } from './world.js'

/** GitHub's cap on the outputs of a job. */
const OUTPUTS_LIMIT = 1024 * 1024

describe.concurrent('hostile: output limits', () => {
  it('the results output stays under 1 MB when every execution reports many results with long file ids', async () => {
    await withEmulator({ job: { queuedMs: 20, durationMs: 200 } }, async (e) => {
      // Each execution answers with 1,000 results (the decoder's own cap) of well-formed 108-character file ids.
      e.inject({
        kind: 'rewrite',
        method: 'GET',
        path: '/v1/tools/executions',
        times: Infinity,
        rewrite: (body) => {
          for (const x of (body as { toolExecutions: Array<{ status: string; results: unknown[] }> }).toolExecutions)
            if (x.status === 'succeeded')
              x.results = Array.from({ length: 1000 }, (_, i) => ({
                fileId: `vg_file_${String(i).padStart(4, '0')}${'x'.repeat(96)}`,
              }))
          return undefined
        },
      })
      const requests = Array.from({ length: 12 }, (_, i) => ({ id: `item-${i}`, prompt: `clip ${i}` }))
      const r = await runAction({
        workspace: workspaceWith(),
        inputs: batchInputs(e, requests, { download: 'false', 'max-running': '12' }),
        env: actionEnv(),
        timeoutMs: 90_000,
      })
      expect(Object.keys(resultsOf(r.outputs))).toHaveLength(12)
      const total = Object.values(r.outputs).reduce((n, v) => n + Buffer.byteLength(v), 0)
      expect(total).toBeLessThan(OUTPUTS_LIMIT)
    })
  }, 120_000)

  it('the gallery stays under 1 MiB, escaped, when 300 items fail with long hostile error texts', async () => {
    // Every character one that escaping expands (`<` → `&#60;`): 500 of them make a 2.5 KB row.
    const hostile = `<img src=x onerror=alert(1)>${'<>'.repeat(400)}`
    await withEmulator(
      { job: { queuedMs: 10, durationMs: 50, outcome: 'failed', error: { message: hostile, code: 'x'.repeat(60) } } },
      async (e) => {
        const requests = Array.from({ length: 300 }, (_, i) => ({ id: `item-${i}`, prompt: `clip ${i}` }))
        const r = await runAction({
          workspace: workspaceWith(),
          inputs: batchInputs(e, requests, { 'max-running': '100', timeout: '5m' }),
          env: actionEnv(),
          timeoutMs: 240_000,
        })
        expect(r.code).toBe(1)
        expect(Object.values(resultsOf(r.outputs)).every((i) => i.status === 'failed')).toBe(true)
        expect(Buffer.byteLength(r.summary)).toBeLessThan(1024 * 1024)
        expect(r.summary).not.toContain('<img src=x')
        expect(r.summary).toMatch(/requests are left out to keep this summary under the runner's size limit/)
      },
    )
  }, 300_000)
})
