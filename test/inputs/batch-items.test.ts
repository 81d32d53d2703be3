// Bad batch items fail before any request, every problem at once, each named requests[<id>].<input>.
import { describe, expect, it } from 'vitest'
import { actionEnv, errorsOf, withEmulator, workspaceWith } from '../faults/harness.js'
import { runAction } from '../runner/run-action.js'
import { batchInputs } from '../hostile/world.js'

describe('batch items with problems', () => {
  it('every problem of every item at once', async () => {
    await withEmulator({ job: { queuedMs: 20, durationMs: 300 } }, async (e) => {
      const requests = [
        { id: 'ok', prompt: 'fine' },
        { id: 'bad-dur', prompt: 'x', duration: '99' },
        { id: 'bad-ratio', prompt: 'x', 'aspect-ratio': 'wide' },
        { id: 'missing-image', images: 'nope/*.png' },
        { id: 'bad-quality', prompt: 'x', quality: 'ULTRA' },
        { id: 'bad-params', prompt: 'x', params: { durationSeconds: 'long' } },
        { id: 'bad-nres', prompt: 'x', 'num-results': 0 },
      ]
      const r = await runAction({ workspace: workspaceWith(), inputs: batchInputs(e, requests), env: actionEnv() })
      const errors = errorsOf(r.stdout)
      expect(r.code).toBe(1)
      expect(e.requests.length, 'API requests').toBe(0)
      for (const name of [
        'requests[bad-dur].duration',
        'requests[bad-ratio].aspect-ratio',
        'requests[missing-image].images',
        'requests[bad-quality].quality',
        'requests[bad-params].params',
        'requests[bad-nres].num-results',
      ])
        expect(errors.join('\n'), name).toContain(name)
    })
  })

  it('an item whose id is duplicated or invalid still has its other problems reported in the same run', async () => {
    await withEmulator({ job: { queuedMs: 20, durationMs: 300 } }, async (e) => {
      const requests = [
        { id: 'intro', prompt: 'x' },
        { id: 'intro', prompt: 'x', duration: '99' },
        { id: 'has space', prompt: 'x', 'aspect-ratio': 'wide' },
      ]
      const r = await runAction({ workspace: workspaceWith(), inputs: batchInputs(e, requests), env: actionEnv() })
      const errors = errorsOf(r.stdout).join('\n')
      expect(r.code).toBe(1)
      expect(e.requests.length).toBe(0)
      expect(errors).toMatch(/duration/)
      expect(errors).toMatch(/aspect-ratio/)
    })
  })
})
