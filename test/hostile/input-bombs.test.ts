// Inputs from a careless user or a hostile repository: a requests file outside the workspace, YAML bombs,
// and a dry run whose request bodies are larger than the runner's output and summary limits.
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { actionEnv, errorsOf, withEmulator } from '../faults/harness.js'
import { sandbox } from './harness.js'
import { runAction } from '../runner/run-action.js'

/** Nine levels of nine aliases each: 9^9 strings once expanded, from a few hundred bytes. */
function billionLaughs(indent: string): string {
  const names = 'abcdefghi'.split('')
  const lines = [`${indent}a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]`]
  for (let i = 1; i < names.length; i++) {
    const prev = names[i - 1] as string
    lines.push(`${indent}${names[i]}: &${names[i]} [${Array(9).fill(`*${prev}`).join(',')}]`)
  }
  return lines.join('\n')
}

describe.concurrent('hostile: inputs', () => {
  it.each([
    [
      'a path that leaves the workspace',
      (box: ReturnType<typeof sandbox>) => path.relative(box.workspace, path.join(box.outside, 'reqs.yml')),
    ],
    [
      'a symlink in the workspace to a file outside',
      (box: ReturnType<typeof sandbox>) => {
        symlinkSync(path.join(box.outside, 'reqs.yml'), path.join(box.workspace, 'reqs.yml'))
        return 'reqs.yml'
      },
    ],
  ])('a requests file through %s is refused before any request', async (_name, place) => {
    await withEmulator({}, async (e) => {
      const box = sandbox()
      writeFileSync(path.join(box.outside, 'reqs.yml'), '- id: a\n  prompt: from outside\n')
      const r = await runAction({
        workspace: box.workspace,
        inputs: { 'api-key': e.key, 'base-url': e.url, requests: place(box) },
        env: actionEnv(),
      })
      expect(r.code).toBe(1)
      expect(errorsOf(r.stdout)[0]).toMatch(/^Input 'requests': .*outside the workspace/)
      expect(e.requests).toEqual([])
    })
  })

  it.each([
    ['requests', { requests: `- id: bomb\n  prompt: x\n  params:\n${billionLaughs('    ')}\n` }],
    ['params', { prompt: 'x', params: `${billionLaughs('')}\n` }],
  ])('a billion-laughs YAML in %s is an input error, at once, before any request', async (_name, inputs) => {
    await withEmulator({}, async (e) => {
      const r = await runAction({
        workspace: sandbox().workspace,
        inputs: { 'api-key': e.key, 'base-url': e.url, ...inputs },
        env: actionEnv(),
        timeoutMs: 60_000,
      })
      expect(r.signal).toBeNull()
      expect(r.code).toBe(1)
      expect(errorsOf(r.stdout).join('\n')).toMatch(/Input '(requests|params)'/)
      expect(e.requests).toEqual([])
      expect(r.durationMs).toBeLessThan(20_000)
    })
  })

  it('a dry run of 500 requests with a 3 KB prompt each: the request-body output and the summary stay under the limits', async () => {
    const box = sandbox()
    mkdirSync(path.join(box.workspace, 'prompts'))
    writeFileSync(
      path.join(box.workspace, 'prompts', 'detailed.txt'),
      `${'A detailed shot description. '.repeat(100)}\n`,
    )
    const items = Array.from({ length: 500 }, (_, i) => `- id: shot-${i}\n  prompt-file: prompts/detailed.txt\n`)
    writeFileSync(path.join(box.workspace, 'shots.yml'), items.join(''))
    const r = await runAction({
      workspace: box.workspace,
      inputs: { 'dry-run': 'true', requests: 'shots.yml' },
      timeoutMs: 120_000,
    })
    expect(r.code, r.stdout.slice(-2000)).toBe(0)
    // 1.5 MB of bodies do not fit the runner's outputs: the output is left empty and says so; the log has them.
    expect(Buffer.byteLength(r.outputs['request-body'] as string)).toBeLessThan(1024 * 1024)
    if (r.outputs['request-body'] === '') expect(r.stdout).toMatch(/::warning::Output request-body .* is left empty/)
    expect(r.stdout).toContain('Request shot-499:')
    expect(Buffer.byteLength(r.summary)).toBeLessThan(1024 * 1024)
  }, 180_000)
})
