// The runner stand-in starts the bundle with VG_ACTION_NODE when set, so CI can run the contract tests and
// the demo on the runner's Node 24 while vitest itself runs on the machine's node.
import { chmodSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { runAction } from '../runner/run-action.js'

const before = process.env.VG_ACTION_NODE

afterEach(() => {
  if (before === undefined) delete process.env.VG_ACTION_NODE
  else process.env.VG_ACTION_NODE = before
})

describe('VG_ACTION_NODE', () => {
  it('is the binary that runs dist/index.js', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'vg-node-'))
    const log = path.join(dir, 'calls')
    const wrapper = path.join(dir, 'node')
    // A stand-in node that records its arguments, then runs the real one (CI's Node 24 when it is set).
    // Not a shell script: sh drops variables such as INPUT_DRY-RUN whose names are not identifiers.
    const real = before || process.execPath
    writeFileSync(
      wrapper,
      [
        `#!${process.execPath}`,
        `require('node:fs').appendFileSync(${JSON.stringify(log)}, process.argv.slice(2).join(' ') + '\\n')`,
        `const run = require('node:child_process').spawnSync(${JSON.stringify(real)}, process.argv.slice(2), { stdio: 'inherit' })`,
        'process.exit(run.status ?? 1)',
      ].join('\n'),
    )
    chmodSync(wrapper, 0o755)
    process.env.VG_ACTION_NODE = wrapper

    const result = await runAction({ inputs: { prompt: 'A lighthouse at dawn', 'dry-run': 'true' } })

    expect(result.code, result.stdout + result.stderr).toBe(0)
    expect(result.outputs.status).toBe('dry-run')
    const calls = readFileSync(log, 'utf8').trim().split('\n')
    expect(calls).toHaveLength(1)
    expect(calls[0]).toMatch(/[/\\]index\.js$/)
  })
})
