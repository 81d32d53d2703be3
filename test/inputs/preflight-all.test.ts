// The checks before anything is billed (pull request, artifact name, release) each run even after another
// failed: one run names every delivery input to fix, not the first only.
import { writeFileSync } from 'node:fs'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type Emulator, startEmulator } from '../emulator/index.js'
import { errorsOf } from '../faults/harness.js'
import { newWorkspace, runAction } from '../runner/run-action.js'
import { type GitHubApi, startGitHubApi } from '../standins/github-api.js'

const KEY = 'sk_videogen_live_preflight_test_key_0123'
let emulator: Emulator
let gh: GitHubApi
beforeAll(async () => {
  ;[emulator, gh] = await Promise.all([
    startEmulator({ apiKeys: [KEY], job: { queuedMs: 30, durationMs: 300 } }),
    startGitHubApi({ owner: 'octo', repo: 'demo' }),
  ])
})
afterAll(async () => {
  await Promise.all([emulator?.close(), gh?.close()])
})

describe('preflight', () => {
  it('a pull request the token cannot read and a release tag that does not exist: both named in one run', async () => {
    const event = path.join(newWorkspace('vg-event-'), 'event.json')
    writeFileSync(event, JSON.stringify({ pull_request: { number: 999, head: { repo: { full_name: 'octo/demo' } } } }))
    const r = await runAction({
      inputs: { 'base-url': emulator.url, prompt: 'a teaser', 'pr-comment': 'true', 'release-tag': 'v-missing' },
      env: {
        VIDEOGEN_API_KEY: KEY,
        GITHUB_API_URL: gh.url,
        GITHUB_REPOSITORY: 'octo/demo',
        GITHUB_EVENT_NAME: 'pull_request',
        GITHUB_EVENT_PATH: event,
      },
      githubToken: gh.token,
    })
    expect(r.code).toBe(1)
    expect(emulator.createCount()).toBe(0)
    const errors = errorsOf(r.stdout).join('\n')
    expect(errors).toMatch(/Input 'pr-comment': .*#999/)
    expect(errors).toMatch(/Input 'release-tag': no published release with tag 'v-missing'/)
  })

  it('two checks that fail without being input errors (no artifact runtime, a release token refused): both named', async () => {
    gh.addRelease('v-403')
    gh.fail({ path: /releases\/tags\/v-403$/, status: 403 })
    const r = await runAction({
      inputs: { 'base-url': emulator.url, prompt: 'a teaser', 'artifact-name': 'clips', 'release-tag': 'v-403' },
      env: { VIDEOGEN_API_KEY: KEY, GITHUB_API_URL: gh.url, GITHUB_REPOSITORY: 'octo/demo' },
      githubToken: gh.token,
    })
    expect(r.code).toBe(1)
    expect(emulator.createCount()).toBe(0)
    const errors = errorsOf(r.stdout).join('\n')
    expect(errors).toMatch(/artifact/i)
    expect(errors).toMatch(/Looking up release v-403 failed: .*contents: write/)
  })
})
