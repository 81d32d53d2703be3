// The world of a pull-request comment test: an emulator, the GitHub REST stand-in (repository octo/demo),
// and the bundled action run on a pull_request event for PR #7 by workflow "Preview", job "clip".
import { writeFileSync } from 'node:fs'
import path from 'node:path'
import { afterEach, beforeEach } from 'vitest'
import { type Emulator, startEmulator } from '../emulator/index.js'
import type { EmulatorOptions } from '../emulator/types.js'
import { type RunOptions, type RunResult, newWorkspace, runAction } from '../runner/run-action.js'
import { type GitHubApi, startGitHubApi } from '../standins/github-api.js'

export const PR = 7
const KEY = 'sk_videogen_live_pr_world_key_000000001'

/** An event payload file, by default the pull_request event of PR #7. */
export function prEventFile(payload: unknown = { number: PR, pull_request: { number: PR } }): string {
  const file = path.join(newWorkspace('vg-event-'), 'event.json')
  writeFileSync(file, JSON.stringify(payload))
  return file
}

export interface PrRun {
  /** Another GitHub API address (a front that plays who the token is). */
  apiUrl?: string
  payload?: unknown
}

/** A fresh emulator and stand-in for each test; `options` and `run` start the action in that world. */
export function usePrWorld(emulatorOptions: EmulatorOptions = {}) {
  const world = {} as { emulator: Emulator; gh: GitHubApi }
  beforeEach(async () => {
    world.emulator = await startEmulator({ apiKeys: [KEY], job: { queuedMs: 20, durationMs: 300 }, ...emulatorOptions })
    world.gh = await startGitHubApi({ owner: 'octo', repo: 'demo' })
  })
  afterEach(async () => {
    await Promise.all([world.gh?.close(), world.emulator?.close()])
  })
  const options = (inputs: Record<string, string>, run: PrRun = {}): RunOptions => ({
    inputs: { 'base-url': world.emulator.url, 'pr-comment': 'true', ...inputs },
    env: {
      VIDEOGEN_API_KEY: KEY,
      GITHUB_API_URL: run.apiUrl ?? world.gh.url,
      GITHUB_EVENT_NAME: 'pull_request',
      GITHUB_EVENT_PATH: prEventFile(run.payload),
      GITHUB_WORKFLOW: 'Preview',
      GITHUB_JOB: 'clip',
    },
    githubToken: world.gh.token,
  })
  return {
    world,
    options,
    run: (inputs: Record<string, string>, run?: PrRun): Promise<RunResult> => runAction(options(inputs, run)),
  }
}
