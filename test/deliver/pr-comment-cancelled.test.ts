// A run cancelled by the runner (SIGINT, SIGTERM 7.5 s later, the kill at 10 s) still updates the pull-request
// comment once its executions are cancelled, so an earlier run's success does not stay on the pull request.
import { writeFileSync } from 'node:fs'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { type Emulator, startEmulator } from '../emulator/index.js'
import { newWorkspace, runAction, startAction } from '../runner/run-action.js'
import { type GitHubApi, startGitHubApi } from '../standins/github-api.js'
import { cancelLikeRunner, liveExecutions } from '../hostile/world.js'

const KEY = 'sk_videogen_live_cancel_key_0000000001'
const PR = 7
let emulator: Emulator
let gh: GitHubApi

beforeEach(async () => {
  emulator = await startEmulator({
    apiKeys: [KEY],
    job: { queuedMs: 20, durationMs: 300 },
    jobFor: (body) => (String(body.prompt).includes('slow') ? { queuedMs: 20, durationMs: 60_000 } : undefined),
  })
  gh = await startGitHubApi({ owner: 'octo', repo: 'demo' })
  gh.addPullRequest(PR)
})
afterEach(async () => {
  await Promise.all([gh?.close(), emulator?.close()])
})

function eventFile(): string {
  const file = path.join(newWorkspace('vg-event-'), 'event.json')
  writeFileSync(file, JSON.stringify({ number: PR, pull_request: { number: PR } }))
  return file
}
const options = (inputs: Record<string, string>) => ({
  inputs: { 'base-url': emulator.url, 'pr-comment': 'true', ...inputs },
  env: {
    VIDEOGEN_API_KEY: KEY,
    GITHUB_API_URL: gh.url,
    GITHUB_EVENT_NAME: 'pull_request',
    GITHUB_EVENT_PATH: eventFile(),
    GITHUB_WORKFLOW: 'Preview',
    GITHUB_JOB: 'clip',
  },
  githubToken: gh.token,
})

describe('pr-comment on a cancelled run', () => {
  it.each([
    ['single clip', { prompt: 'a fast kite' }, { prompt: 'a slow kite' }],
    [
      'batch',
      { requests: JSON.stringify([{ id: 'intro', prompt: 'a fast kite' }]) },
      { requests: JSON.stringify([{ id: 'intro', prompt: 'a slow kite' }]) },
    ],
  ])(
    '%s: a cancelled re-run does not leave the earlier success on the pull request',
    async (_n, ok, slow) => {
      const first = await runAction(options(ok))
      expect(first.code, first.stdout).toBe(0)
      expect(gh.issues.comments).toHaveLength(1)
      const before = gh.issues.comments[0]?.body as string
      expect(before).toMatch(/succeeded/)
      const running = startAction(options(slow))
      await running.waitFor(/[Cc]reated execution/)
      const { result } = await cancelLikeRunner(running)
      expect(result.code).toBe(1)
      expect(gh.issues.comments).toHaveLength(1)
      const after = gh.issues.comments[0]?.body as string
      expect(after, 'comment not updated by the cancelled run').not.toBe(before)
      expect(after).toMatch(/cancelled/)
      expect(after).not.toMatch(/✅/)
      // The money first: the execution was cancelled before the comment was written.
      expect(liveExecutions(emulator)).toEqual([])
    },
    60_000,
  )
})
