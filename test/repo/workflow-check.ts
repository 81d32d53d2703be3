// Checks of workflows that use this action: the workflow files under .github/workflows/ and the YAML
// examples of the README (fragments are wrapped into a workflow first).
import { parse, stringify } from 'yaml'

export type Mapping = Record<string, unknown>

export interface ActionSpec {
  inputs: ReadonlySet<string>
  outputs: ReadonlySet<string>
}

export interface YamlBlock {
  /** 1-based line of the block's first YAML line in the Markdown. */
  line: number
  text: string
}

/** Every ```yaml (or ```yml) block of a Markdown document. */
export function yamlBlocks(markdown: string): YamlBlock[] {
  const blocks: YamlBlock[] = []
  const lines = markdown.split('\n')
  for (let i = 0; i < lines.length; i++) {
    if (!/^```ya?ml\s*$/.test(lines[i] ?? '')) continue
    const end = lines.findIndex((l, j) => j > i && /^```\s*$/.test(l))
    if (end < 0) throw new Error(`unclosed yaml block at line ${i + 1}`)
    blocks.push({ line: i + 2, text: lines.slice(i + 1, end).join('\n') })
    i = end
  }
  return blocks
}

/** Parses strictly (duplicate keys and syntax errors throw). */
export function parseYaml(text: string): unknown {
  return parse(text, { uniqueKeys: true, strict: true, prettyErrors: true })
}

function isMapping(value: unknown): value is Mapping {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/**
 * A whole workflow from a document: a workflow as is (with `on` added when only `jobs` is shown), a job
 * (it has `steps`) or a list of steps wrapped into one.
 */
export function asWorkflow(doc: unknown): Mapping {
  const job = (fields: Mapping): Mapping => ({ 'runs-on': 'ubuntu-latest', ...fields })
  if (Array.isArray(doc)) return { on: 'push', jobs: { example: job({ steps: doc }) } }
  if (isMapping(doc) && 'jobs' in doc) return 'on' in doc ? doc : { on: 'push', ...doc }
  if (isMapping(doc) && 'steps' in doc) return { on: 'push', jobs: { example: job(doc) } }
  throw new Error('not a workflow, a job or a list of steps')
}

export function workflowText(workflow: Mapping): string {
  return stringify(workflow, { lineWidth: 0 })
}

/** `uses:` of this action: the checkout itself (`./`) or the published repository at any ref. */
export function isThisAction(uses: unknown): boolean {
  return typeof uses === 'string' && (uses === './' || /^videogen\/videogen-action@\S+$/.test(uses))
}

function strings(value: unknown): string[] {
  if (typeof value === 'string') return [value]
  if (Array.isArray(value)) return value.flatMap(strings)
  if (isMapping(value)) return Object.values(value).flatMap(strings)
  return []
}

const STEP_OUTPUT = /\bsteps\.([A-Za-z_][\w-]*)\.outputs\.([A-Za-z_][\w-]*)/g

/** Problems with the uses of this action in a workflow, and with `${{ }}` pasted into `run:` scripts. */
export function checkWorkflow(workflow: Mapping, action: ActionSpec): string[] {
  const problems: string[] = []
  const jobs = isMapping(workflow.jobs) ? workflow.jobs : {}
  for (const [jobId, job] of Object.entries(jobs)) {
    if (!isMapping(job)) continue
    const steps = Array.isArray(job.steps) ? job.steps.filter(isMapping) : []
    const stepIds = new Set(steps.map((s) => s.id).filter((id): id is string => typeof id === 'string'))
    const ours = new Set<string>()
    steps.forEach((step, index) => {
      const where = `job '${jobId}', step ${typeof step.id === 'string' ? `'${step.id}'` : index + 1}`
      if (typeof step.run === 'string' && step.run.includes('${{'))
        problems.push(`${where}: an expression in run: (pass it through env:)`)
      if (!isThisAction(step.uses)) return
      if (typeof step.id === 'string') ours.add(step.id)
      const withKeys = isMapping(step.with) ? Object.keys(step.with) : []
      for (const key of withKeys) {
        if (!action.inputs.has(key)) problems.push(`${where}: with: '${key}' is not an input of action.yml`)
      }
    })
    for (const text of strings(job)) {
      for (const [, id, name] of text.matchAll(STEP_OUTPUT)) {
        if (!stepIds.has(id as string)) problems.push(`job '${jobId}': steps.${id} is not a step of this job`)
        else if (ours.has(id as string) && !action.outputs.has(name as string))
          problems.push(`job '${jobId}': steps.${id}.outputs.${name} is not an output of action.yml`)
      }
    }
  }
  return problems
}

/** `uses:` lines of a workflow file that are not pinned to a full commit SHA with a version comment. */
export function unpinnedUses(text: string): string[] {
  const unpinned: string[] = []
  for (const [i, line] of text.split('\n').entries()) {
    const m = /^\s*(?:-\s+)?uses:\s*(\S+)(.*)$/.exec(line)
    if (!m || (m[1] as string).startsWith('./') || (m[1] as string).startsWith('docker://')) continue
    if (!/@[0-9a-f]{40}$/.test(m[1] as string) || !/^\s+#\s*v\d/.test(m[2] as string))
      unpinned.push(`line ${i + 1}: ${line.trim()}`)
  }
  return unpinned
}
