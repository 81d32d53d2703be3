// How the runner starts the action: `node <dist>/index.js` with INPUT_ variables (action.yml defaults filled
// in), file-command files and a workspace. Used by the scenarios that run the bundle itself.
import { mkdirSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import type { Emulator } from '../test/emulator/index.js'
import { inputEnv } from '../test/runner/action-yml.js'

/** Creates workspace/, temp/ and the file-command files under `root`; returns the step's environment. */
export function runnerEnv(
  emulator: Emulator,
  root: string,
  inputs: Record<string, string> = {},
): Record<string, string> {
  const workspace = path.join(root, 'workspace')
  const temp = path.join(root, 'temp')
  mkdirSync(workspace, { recursive: true })
  mkdirSync(temp, { recursive: true })
  const files = { GITHUB_OUTPUT: 'output', GITHUB_STATE: 'state', GITHUB_STEP_SUMMARY: 'summary.md' }
  for (const name of Object.values(files)) writeFileSync(path.join(root, name), '')
  const inherited = Object.fromEntries(
    Object.entries(process.env).filter(
      ([k, v]) =>
        v !== undefined &&
        !/^(INPUT_|STATE_|GITHUB_|RUNNER_|ACTIONS_|VIDEOGEN_|NODE_OPTIONS$)/.test(k) &&
        !/proxy$/i.test(k),
    ),
  ) as Record<string, string>
  return {
    ...inherited,
    GITHUB_ACTIONS: 'true',
    CI: 'true',
    GITHUB_WORKSPACE: workspace,
    ...Object.fromEntries(Object.entries(files).map(([k, v]) => [k, path.join(root, v)])),
    GITHUB_REPOSITORY: 'octo/bench',
    GITHUB_RUN_ID: '1',
    RUNNER_TEMP: temp,
    RUNNER_OS: 'Linux',
    ...inputEnv({
      'api-key': emulator.key,
      'base-url': emulator.url,
      prompt: 'A bench clip',
      download: 'false',
      summary: 'false',
      ...inputs,
    }),
  }
}

/** A data: URL for `node --import` (the code is an ES module). */
export function importUrl(code: string): string {
  return `data:text/javascript,${encodeURIComponent(code)}`
}
