// Resuming a batch into a download-dir whose <id>/ is a committed symlink: refused as an input, before any request.
import { mkdirSync, symlinkSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { changedOutside, createDirectly, sandbox, snapshot } from './harness.js'
import { actionEnv, errorsOf, withEmulator } from '../faults/harness.js'
import { runAction } from '../runner/run-action.js'

describe('resuming a batch into linked folders', () => {
  it('resume: download-dir/<id> is a symlink out of the workspace: refused before any request, nothing written outside', async () => {
    await withEmulator({ job: { queuedMs: 20, durationMs: 300 } }, async (e) => {
      const { root, workspace, outside } = sandbox()
      mkdirSync(path.join(workspace, 'videogen-output'))
      symlinkSync(outside, path.join(workspace, 'videogen-output', 'alpha'))
      const id = await createDirectly(e, 'one clip')
      const before = snapshot(root)
      const sent = e.requests.length
      const r = await runAction({
        workspace,
        inputs: { 'api-key': e.key, 'base-url': e.url, 'execution-id': JSON.stringify({ alpha: id }), timeout: '30s' },
        env: actionEnv(),
      })
      const changed = changedOutside(before, snapshot(root), path.join('a', 'ws'))
      expect(changed, 'written outside the workspace').toEqual([])
      // As for a new batch (settings.ts checks download-dir/<id> for `requests`): an input error, no request.
      expect(r.code).toBe(1)
      expect(errorsOf(r.stdout).join('\n')).toMatch(/download-dir/)
      expect(e.requests.length - sent, 'API requests made before refusing').toBe(0)
    })
  })
})
