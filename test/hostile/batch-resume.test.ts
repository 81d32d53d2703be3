// Resuming a batch from a `results` JSON that was edited or tampered with, and item ids that are special
// to JavaScript objects.
import { describe, expect, it } from 'vitest'
import { createDirectly } from './harness.js'
import { actionEnv, errorsOf, withEmulator, workspaceWith } from '../faults/harness.js'
import { runAction } from '../runner/run-action.js'
import { batchInputs, resultsOf } from './world.js'

const resume = (e: { key: string; url: string }, results: unknown, extra: Record<string, string> = {}) => ({
  'api-key': e.key,
  'base-url': e.url,
  'execution-id': typeof results === 'string' ? results : JSON.stringify(results),
  ...extra,
})

describe.concurrent('hostile: resuming a batch', () => {
  it.each([
    ['an id of another shape', { a: 'vg_file_abc' }],
    ['a path in an item id', { '../a': 'vg_tool_abc' }],
    ['a path in an execution id', { a: 'vg_tool_../../x' }],
    ['501 entries', Object.fromEntries(Array.from({ length: 501 }, (_, i) => [`i${i}`, `vg_tool_x${i}`]))],
  ])('%s is refused before any request', async (_name, results) => {
    await withEmulator({}, async (e) => {
      const r = await runAction({ workspace: workspaceWith(), inputs: resume(e, results), env: actionEnv() })
      expect(r.code).toBe(1)
      expect(errorsOf(r.stdout)[0]).toMatch(/^Input 'execution-id'/)
      expect(e.requests).toEqual([])
    })
  })

  it('the same execution id under two items: refused at once, naming execution-id (a results output never has it)', async () => {
    await withEmulator({ job: { queuedMs: 20, durationMs: 300 } }, async (e) => {
      const id = await createDirectly(e, 'one clip')
      const before = e.requests.length
      const r = await runAction({
        workspace: workspaceWith(),
        inputs: resume(e, { first: id, copy: id }, { timeout: '20s' }),
        env: actionEnv(),
        timeoutMs: 90_000,
      })
      // Not sitting out the 20 s timeout: an input error before any request.
      expect(r.code).toBe(1)
      expect(errorsOf(r.stdout)[0]).toMatch(/^Input 'execution-id': execution vg_tool_\S+ is given for two items/)
      expect(e.requests.slice(before)).toEqual([])
    })
  }, 120_000)

  it('an execution that does not exist (404) does not stop the others from being followed', async () => {
    await withEmulator({ job: { queuedMs: 20, durationMs: 300 } }, async (e) => {
      const id = await createDirectly(e, 'one clip')
      const r = await runAction({
        workspace: workspaceWith(),
        inputs: resume(e, { real: id, typo: 'vg_tool_DoesNotExist000000000' }, { timeout: '20s' }),
        env: actionEnv(),
        timeoutMs: 90_000,
      })
      expect(r.code).toBe(1)
      expect(r.durationMs).toBeLessThan(12_000)
      const results = resultsOf(r.outputs)
      expect(results.real?.status).toBe('succeeded')
      expect(results.typo?.status).toBe('error') // not "timed-out": it never existed
    })
  }, 120_000)

  it('an item id "__proto__" keeps its entry in the results output (and so can be resumed)', async () => {
    await withEmulator({ job: { queuedMs: 20, durationMs: 300 } }, async (e) => {
      const requests = [
        { id: '__proto__', prompt: 'a clip for a special id' },
        { id: 'plain', prompt: 'a clip for a plain id' },
      ]
      const r = await runAction({ workspace: workspaceWith(), inputs: batchInputs(e, requests), env: actionEnv() })
      expect(r.code, r.stdout).toBe(0)
      expect(e.createCount()).toBe(2)
      const results = JSON.parse(r.outputs.results as string) as object
      expect(Object.keys(results).sort()).toEqual(['__proto__', 'plain'])
    })
  })
})
