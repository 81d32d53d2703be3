// Every workflow of the repository and every YAML example of the README: valid YAML, accepted by
// actionlint, with no expression pasted into a run: script, and using this action only with inputs and
// outputs that action.yml declares (read at run time, so new inputs count as soon as they are added).
import { readFileSync, readdirSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { readActionYml } from '../runner/action-yml.js'
import { actionlint } from './actionlint.js'
import {
  type ActionSpec,
  asWorkflow,
  checkWorkflow,
  isThisAction,
  parseYaml,
  unpinnedUses,
  workflowText,
  yamlBlocks,
} from './workflow-check.js'

const ROOT = path.resolve(import.meta.dirname, '../..')
const WORKFLOWS = path.join(ROOT, '.github/workflows')
const readme = readFileSync(path.join(ROOT, 'README.md'), 'utf8')

function actionSpec(): ActionSpec {
  const yml = readActionYml() as { inputs: object; outputs?: object }
  return { inputs: new Set(Object.keys(yml.inputs)), outputs: new Set(Object.keys(yml.outputs ?? {})) }
}

const workflowFiles = readdirSync(WORKFLOWS).filter((f) => /\.ya?ml$/.test(f))
const blocks = yamlBlocks(readme)

describe('the checks themselves', () => {
  const spec: ActionSpec = { inputs: new Set(['prompt']), outputs: new Set(['url']) }
  const steps = (text: string) => checkWorkflow(asWorkflow(parseYaml(text)), spec)

  it('catch an unknown input, an unknown output, an unknown step and an expression in run:', () => {
    const problems = steps(`
- uses: videogen/videogen-action@v1
  id: clip
  with: { prompt: x, colour: red }
- env: { A: '\${{ steps.clip.outputs.url }}', B: '\${{ steps.clip.outputs.link }}' }
  run: echo "\${{ steps.other.outputs.x }}"
`)
    expect(problems).toEqual([
      "job 'example', step 'clip': with: 'colour' is not an input of action.yml",
      "job 'example', step 2: an expression in run: (pass it through env:)",
      "job 'example': steps.clip.outputs.link is not an output of action.yml",
      "job 'example': steps.other is not a step of this job",
    ])
  })

  it('leave other actions alone and accept a clean use', () => {
    expect(
      steps(`
- uses: actions/checkout@v5
  with: { fetch-depth: 0 }
- uses: ./
  id: clip
  with: { prompt: x }
- env: { URL: '\${{ steps.clip.outputs.url }}' }
  run: echo "$URL" > /dev/null
`),
    ).toEqual([])
  })

  it('find yaml blocks with their line, and reject invalid YAML', () => {
    expect(yamlBlocks('a\n```yaml\nx: 1\n```\n```sh\nls\n```\n```yml\n- y\n```\n')).toEqual([
      { line: 3, text: 'x: 1' },
      { line: 9, text: '- y' },
    ])
    expect(() => parseYaml('- run: echo "a: b"\n  run: again')).toThrow()
    expect(() => parseYaml('- run: echo a: b')).toThrow()
  })

  it('flag a third-party action not pinned to a commit with its version', () => {
    expect(
      unpinnedUses(
        [
          '      - uses: actions/checkout@v5',
          '      - uses: actions/checkout@08c6903cd8c0fde910a37f88322edcfb5dd907a8',
          '      - uses: actions/checkout@08c6903cd8c0fde910a37f88322edcfb5dd907a8 # v5.0.0',
          '      - uses: ./',
        ].join('\n'),
      ),
    ).toEqual([
      'line 1: - uses: actions/checkout@v5',
      'line 2: - uses: actions/checkout@08c6903cd8c0fde910a37f88322edcfb5dd907a8',
    ])
  })
})

describe.each(workflowFiles)('.github/workflows/%s', (file) => {
  const text = readFileSync(path.join(WORKFLOWS, file), 'utf8')

  it('uses this action with declared inputs and outputs only, and no expression in run:', () => {
    expect(checkWorkflow(asWorkflow(parseYaml(text)), actionSpec())).toEqual([])
  })

  it('pins every other action to a full commit SHA with a version comment', () => {
    expect(unpinnedUses(text)).toEqual([])
  })

  it('passes actionlint', async () => {
    expect(await actionlint(text, file)).toEqual([])
  })
})

describe('README examples', () => {
  it('are there, and some use this action', () => {
    expect(blocks.length).toBeGreaterThan(5)
    const uses = blocks.flatMap((b) => JSON.stringify(parseYaml(b.text)).match(/"uses":"[^"]*"/g) ?? [])
    expect(uses.filter((u) => isThisAction(JSON.parse(`{${u}}`).uses)).length).toBeGreaterThan(5)
  })

  describe.each(blocks.map((b) => [`README.md:${b.line}`, b] as const))('%s', (_, block) => {
    it('is valid YAML and uses this action with declared inputs and outputs only', () => {
      expect(checkWorkflow(asWorkflow(parseYaml(block.text)), actionSpec())).toEqual([])
    })

    it('passes actionlint (wrapped into a workflow when a fragment)', async () => {
      const findings = await actionlint(workflowText(asWorkflow(parseYaml(block.text))), `README.md:${block.line}`)
      expect(findings.map((f) => `${f.kind}: ${f.message}`)).toEqual([])
    })
  })
})
