// The job summary of a dry run stays within the action's 512 KiB budget (GitHub drops one over 1 MiB whole).
import { writeFileSync } from 'node:fs'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type Emulator, startEmulator } from '../emulator/index.js'
import { newWorkspace, runAction } from '../runner/run-action.js'

let emulator: Emulator
beforeAll(async () => {
  emulator = await startEmulator()
})
afterAll(async () => {
  await emulator?.close()
})

describe('dry-run summary size', () => {
  it('a prompt full of backticks keeps the dry-run summary within its budget: escaped first, then cut', async () => {
    const workspace = newWorkspace()
    // 900 KiB of backticks: a legal prompt file (at most 1 MiB).
    writeFileSync(path.join(workspace, 'prompt.md'), '`'.repeat(900 * 1024))
    const r = await runAction({
      workspace,
      inputs: { 'base-url': emulator.url, 'dry-run': 'true', 'prompt-file': 'prompt.md' },
    })
    expect(r.code, r.stdout.slice(-2000) + r.stderr).toBe(0)
    expect(r.outputs.status).toBe('dry-run')
    const bytes = Buffer.byteLength(r.summary)
    expect(bytes).toBeLessThanOrEqual(512 * 1024)
    expect(r.summary).toContain('(cut: the log has all of it)')
  })
})
