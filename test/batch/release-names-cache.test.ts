// A batch's release name check covers its cached clips too: one whose name the release already has, with
// other content, would refuse the whole publishing after the new clips were paid for.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type Emulator, startEmulator } from '../emulator/index.js'
import { errorsOf } from '../faults/harness.js'
import { newWorkspace, runAction } from '../runner/run-action.js'
import { type GitHubApi, startGitHubApi } from '../standins/github-api.js'
import { type ResultsService, startResultsService } from '../standins/results-service.js'

let emulator: Emulator
let gh: GitHubApi
let results: ResultsService

beforeAll(async () => {
  ;[emulator, gh, results] = await Promise.all([
    startEmulator({ job: { queuedMs: 20, durationMs: 300 }, fileReadyDelayMs: 50 }),
    startGitHubApi({ owner: 'octo', repo: 'demo' }),
    startResultsService(),
  ])
})
afterAll(async () => {
  await Promise.all([emulator?.close(), gh?.close(), results?.close()])
})

const run = (requests: object[], extra: Record<string, string> = {}) =>
  runAction({
    workspace: newWorkspace('vg-release-cache-'),
    inputs: { 'base-url': emulator.url, cache: 'true', requests: JSON.stringify(requests), ...extra },
    env: { VIDEOGEN_API_KEY: emulator.key, GITHUB_API_URL: gh.url, ...results.env() },
    githubToken: gh.token,
  })

describe('batch release names and the cache', () => {
  it('a cached clip whose asset name is taken by another file: refused before the new clip is created', async () => {
    const first = await run([{ id: 'intro', prompt: 'the intro' }])
    expect(first.code, first.stdout).toBe(0)

    gh.addRelease('v9.0.0')
    const release = gh.releases.find((r) => r.tag_name === 'v9.0.0')
    release?.assets.push({
      id: 9901,
      name: 'intro-1.mp4',
      content_type: 'video/mp4',
      size: 3,
      sha256: 'another clip',
      browser_download_url: `${gh.url}/octo/demo/releases/download/v9.0.0/intro-1.mp4`,
    })
    const creates = emulator.createCount()
    const second = await run(
      [
        { id: 'intro', prompt: 'the intro' },
        { id: 'outro', prompt: 'the outro' },
      ],
      { 'release-tag': 'v9.0.0' },
    )
    const paid = emulator.createCount() - creates
    const assets = (release?.assets ?? []).map((a) => a.name)
    expect(second.stdout).toContain('cache hit')
    expect(paid === 0 || assets.includes('outro-1.mp4'), second.stdout).toBe(true)
    expect(second.code).toBe(1)
    expect(paid).toBe(0)
    expect(assets).toEqual(['intro-1.mp4'])
    expect(errorsOf(second.stdout).join('\n')).toContain(
      "Input 'release-overwrite': release v9.0.0 already has intro-1.mp4, the names of this step's clips",
    )
  })
})
