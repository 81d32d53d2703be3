// action.yml as the runner sees it: the declared inputs and the defaults it fills in.
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { parse } from 'yaml'

export interface ActionInput {
  description: string
  required?: boolean
  default?: string
}
export interface ActionYml {
  name: string
  description: string
  inputs: Record<string, ActionInput>
  outputs: Record<string, { description: string }>
  runs: { using: string; main: string; post?: string; 'post-if'?: string }
}

export const ROOT = fileURLToPath(new URL('../../', import.meta.url))

export function readActionYml(): ActionYml {
  return parse(readFileSync(new URL('../../action.yml', import.meta.url), 'utf8')) as ActionYml
}

/** The env the runner builds: INPUT_<NAME> upper-cased, hyphens kept, for defaults and given values. */
export function inputEnv(
  given: Record<string, string>,
  context: { githubToken?: string } = {},
): Record<string, string> {
  const { inputs } = readActionYml()
  const env: Record<string, string> = {}
  for (const [name, spec] of Object.entries(inputs)) {
    if (spec.default === undefined) continue
    // The runner evaluates expressions in defaults; the only one used is the job token.
    const value = spec.default === '${{ github.token }}' ? (context.githubToken ?? '') : String(spec.default)
    env[`INPUT_${name.toUpperCase()}`] = value
  }
  for (const [name, value] of Object.entries(given)) {
    if (!(name in inputs)) throw new Error(`test uses input '${name}', which action.yml does not declare`)
    env[`INPUT_${name.toUpperCase()}`] = value
  }
  return env
}
