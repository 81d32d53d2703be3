// A batch names its release assets before it creates anything (`<id>-<n>.mp4`): one the release already has
// (without release-overwrite) would refuse the new clip after it was paid for, so it is refused first.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type Emulator, startEmulator } from '../emulator/index.js'
import { errorsOf } from '../faults/harness.js'
import { runAction } from '../runner/run-action.js'
import { type GitHubApi, startGitHubApi } from '../standins/github-api.js'

const KEY = 'sk_videogen_live_batch_release_key_0001'
let emulator: Emulator
let gh: GitHubApi

beforeAll(async () => {
  ;[emulator, gh] = await Promise.all([
    startEmulator({ apiKeys: [KEY], job: { queuedMs: 20, durationMs: 300 } }),
    startGitHubApi({ owner: 'octo', repo: 'demo' }),
  ])
})
afterAll(async () => {
  await Promise.all([emulator?.close(), gh?.close()])
})

const run = (tag: string, extra: Record<string, string> = {}) =>
  runAction({
    inputs: {
      'base-url': emulator.url,
      'release-tag': tag,
      requests: JSON.stringify([
        { id: 'intro', prompt: 'the intro' },
        { id: 'outro', prompt: 'the outro' },
      ]),
      ...extra,
    },
    env: { VIDEOGEN_API_KEY: KEY, GITHUB_API_URL: gh.url },
    githubToken: gh.token,
  })

let nextAssetId = 7000
/** An asset of an earlier run, with an id of its own (the stand-in finds assets by id across releases). */
function plantAsset(tag: string, name: string): void {
  const release = gh.releases.find((r) => r.tag_name === tag)
  release?.assets.push({
    id: nextAssetId++,
    name,
    content_type: 'video/mp4',
    size: 3,
    sha256: 'an older clip',
    browser_download_url: `${gh.url}/octo/demo/releases/download/${tag}/${name}`,
  })
}

describe('batch release asset names', () => {
  it('an asset named like a new clip: refused before any create, naming release-overwrite', async () => {
    gh.addRelease('v3.0.0')
    plantAsset('v3.0.0', 'outro-1.mp4')
    const creates = emulator.createCount()
    const r = await run('v3.0.0')
    expect(r.code).toBe(1)
    expect(emulator.createCount()).toBe(creates)
    expect(errorsOf(r.stdout).join('\n')).toContain(
      "Input 'release-overwrite': release v3.0.0 already has outro-1.mp4, the names of this step's clips",
    )
  })

  it('with release-overwrite: true the batch runs and replaces the asset', async () => {
    gh.addRelease('v3.1.0')
    plantAsset('v3.1.0', 'outro-1.mp4')
    const r = await run('v3.1.0', { 'release-overwrite': 'true' })
    expect(r.code, r.stdout).toBe(0)
    const assets = gh.releases.find((x) => x.tag_name === 'v3.1.0')?.assets ?? []
    expect(assets.map((a) => a.name).sort()).toEqual(['intro-1.mp4', 'outro-1.mp4'])
    expect(assets.find((a) => a.name === 'outro-1.mp4')?.sha256).not.toBe('an older clip')
  })

  it('every clip made but the release refuses the upload: the failure says all succeeded and how to publish without paying again', async () => {
    gh.addRelease('v3.2.0')
    gh.fail({ method: 'POST', path: /\/releases\/\d+\/assets/, status: 422, message: 'Validation Failed', times: 10 })
    const r = await run('v3.2.0', { 'release-overwrite': 'true' })
    expect(r.code).toBe(1)
    const error = errorsOf(r.stdout).join('\n')
    expect(error).toMatch(/^All 2 requests succeeded, but publishing failed: /)
    expect(error).toContain('run the step with execution-id set to its results output')
    expect(error).not.toContain('did not succeed')
    expect(error).not.toContain('..')
  })
})
