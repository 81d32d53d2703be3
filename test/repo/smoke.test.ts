// The smoke workflow, run here the way GitHub runs it: its `uses: ./` step through the runner stand-in,
// then its checking step's script under bash with the env: its expressions give.
import { spawnSync } from 'node:child_process'
import { copyFileSync, mkdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { newWorkspace, runAction } from '../runner/run-action.js'
import { type Mapping, asWorkflow, parseYaml } from './workflow-check.js'

const ROOT = path.resolve(import.meta.dirname, '../..')
const workflow = asWorkflow(parseYaml(readFileSync(path.join(ROOT, '.github/workflows/smoke.yml'), 'utf8')))
const steps = Object.values(workflow.jobs as Record<string, { steps: Mapping[] }>).flatMap((j) => j.steps)

/** `${{ steps.<id>.outputs.<name> }}` only: anything else is not expected in this workflow. */
function evaluate(value: string, outputs: Record<string, Record<string, string>>): string {
  return value.replace(/\$\{\{\s*(.*?)\s*\}\}/g, (_, expr: string) => {
    const m = /^steps\.([\w-]+)\.outputs\.([\w-]+)$/.exec(expr)
    if (!m) throw new Error(`unexpected expression in smoke.yml: ${expr}`)
    return outputs[m[1] as string]?.[m[2] as string] ?? ''
  })
}

describe('.github/workflows/smoke.yml', () => {
  it('needs no secret', () => {
    expect(JSON.stringify(workflow)).not.toContain('secrets.')
  })

  it('passes against this checkout: a dry run, checked by its own script', async () => {
    const index = steps.findIndex((s) => s.uses === './')
    const step = steps[index] as Mapping
    expect(step.with).toMatchObject({ 'dry-run': true })

    // The workspace holds the files the step names, at the same paths as in the repository.
    const workspace = newWorkspace()
    const inputs = Object.fromEntries(Object.entries(step.with as Mapping).map(([k, v]) => [k, String(v)]))
    for (const file of (inputs.images ?? '').split(/[\n,]/).filter(Boolean)) {
      mkdirSync(path.join(workspace, path.dirname(file.trim())), { recursive: true })
      copyFileSync(path.join(ROOT, file.trim()), path.join(workspace, file.trim()))
    }
    const result = await runAction({ workspace, inputs })
    expect(result.code, result.stdout + result.stderr).toBe(0)

    const check = steps[index + 1] as Mapping
    expect(typeof check.run).toBe('string')
    const outputs = { [step.id as string]: result.outputs }
    const env = Object.fromEntries(
      Object.entries((check.env ?? {}) as Record<string, string>).map(([k, v]) => [k, evaluate(v, outputs)]),
    )
    const script = spawnSync('bash', ['-e', '-c', check.run as string], {
      env: { ...process.env, ...env },
      encoding: 'utf8',
    })
    expect(script.status, script.stdout + script.stderr).toBe(0)

    // And it does fail when the status is not dry-run.
    const failing = spawnSync('bash', ['-e', '-c', check.run as string], {
      env: { ...process.env, ...env, STATUS: 'succeeded' },
      encoding: 'utf8',
    })
    expect(failing.status).not.toBe(0)
    expect(failing.stdout).toContain("status is 'succeeded'")
  })
})
