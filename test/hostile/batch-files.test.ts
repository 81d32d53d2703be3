// Files a batch writes under download-dir: a committed symlink where an item's directory or the results file
// goes must never be written through, and a run that cannot deliver must not be paid for first.
import { lstatSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { actionEnv, errorsOf, withEmulator } from '../faults/harness.js'
import { changedOutside, sandbox, snapshot } from './harness.js'
import { runAction } from '../runner/run-action.js'
import { batchInputs } from './world.js'

describe.concurrent('hostile: batch files', () => {
  it("an item's directory (download-dir/<id>) is a committed symlink to outside: refused before anything is billed", async () => {
    await withEmulator({ job: { queuedMs: 20, durationMs: 300 } }, async (e) => {
      const box = sandbox()
      mkdirSync(path.join(box.workspace, 'videogen-output'))
      symlinkSync(box.outside, path.join(box.workspace, 'videogen-output', 'clips'))
      const before = snapshot(box.root)
      const r = await runAction({
        workspace: box.workspace,
        inputs: batchInputs(e, [{ id: 'clips', prompt: 'a clip' }]),
        env: actionEnv(),
      })
      expect(r.code).toBe(1)
      // Never written through the link: held.
      expect(changedOutside(before, snapshot(box.root), path.join('a', 'ws'))).toEqual([])
      // The link was there before the step started: the run could not deliver, so nothing should be created.
      expect(e.createCount()).toBe(0)
      expect(errorsOf(r.stdout)[0]).toMatch(/download-dir|requests\[clips\]/)
    })
  })

  it('the results file (download-dir/results.json) is a committed symlink to outside: replaced, not written through', async () => {
    await withEmulator({ job: { queuedMs: 20, durationMs: 300 } }, async (e) => {
      const box = sandbox()
      const target = path.join(box.outside, 'keep.txt')
      writeFileSync(target, 'untouched')
      mkdirSync(path.join(box.workspace, 'videogen-output'))
      symlinkSync(target, path.join(box.workspace, 'videogen-output', 'results.json'))
      const r = await runAction({
        workspace: box.workspace,
        inputs: batchInputs(e, [{ id: 'results', prompt: 'a clip' }]),
        env: actionEnv(),
      })
      expect(r.code, r.stdout).toBe(0)
      expect(readFileSync(target, 'utf8')).toBe('untouched')
      const written = path.join(box.workspace, 'videogen-output', 'results.json')
      expect(lstatSync(written).isSymbolicLink()).toBe(false)
      expect(Object.keys(JSON.parse(readFileSync(written, 'utf8')).items)).toEqual(['results'])
    })
  })
})
