// release-upload through the bundled action against the GitHub REST stand-in (API and upload hosts on
// two origins, like api.github.com and uploads.github.com).
import { createHash } from 'node:crypto'
import { readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { type Emulator, startEmulator } from '../emulator/index.js'
import { newWorkspace, runAction } from '../runner/run-action.js'
import { type GitHubApi, startGitHubApi } from '../standins/github-api.js'

const KEY = 'sk_videogen_live_release_test_key_0123'
const sha256 = (buf: Buffer) => createHash('sha256').update(buf).digest('hex')

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
beforeEach(() => {
  emulator.reset()
  gh.requests.length = 0
})

const run = (inputs: Record<string, string>, env: Record<string, string> = {}) =>
  runAction({
    inputs: { 'base-url': emulator.url, ...inputs },
    env: { VIDEOGEN_API_KEY: KEY, GITHUB_API_URL: gh.url, ...env },
    githubToken: gh.token,
  })

const host = (origin: string) => new URL(origin).host
const uploads = () => gh.requests.filter((r) => r.host === host(gh.uploadUrl))

describe('release-upload', () => {
  it('on a release event attaches every clip to the event release, streamed to the upload host', async () => {
    const release = gh.addRelease('v1.0.0')
    const event = path.join(newWorkspace('vg-event-'), 'event.json')
    writeFileSync(
      event,
      JSON.stringify({
        action: 'published',
        release: { id: release.id, tag_name: 'v1.0.0', upload_url: release.upload_url, assets: [] },
      }),
    )
    const r = await run(
      { prompt: 'a product teaser', 'num-results': '2', 'release-upload': 'true' },
      { GITHUB_EVENT_NAME: 'release', GITHUB_EVENT_PATH: event },
    )
    expect(r.code, r.stdout + r.stderr).toBe(0)

    const id = r.outputs['execution-id'] as string
    const names = [`${id}-1.mp4`, `${id}-2.mp4`]
    expect(JSON.parse(r.outputs['release-asset-urls'] as string)).toEqual(
      names.map((n) => `${gh.url}/octo/demo/releases/download/v1.0.0/${n}`),
    )

    // Two uploads, to the upload origin (not the API), one per clip, with the type, length and bytes of the file.
    expect(uploads()).toHaveLength(2)
    const paths = JSON.parse(r.outputs.paths as string) as string[]
    for (const [i, name] of names.entries()) {
      const bytes = readFileSync(path.join(r.workspace, paths[i] as string))
      const req = uploads().find((u) => u.path === `/repos/octo/demo/releases/${release.id}/assets?name=${name}`)
      expect(req?.method).toBe('POST')
      expect(req?.headers['content-type']).toBe('video/mp4')
      expect(req?.headers['content-length']).toBe(String(bytes.length))
      expect(req?.bodyBytes).toBe(bytes.length)
      const asset = gh.releases.find((rel) => rel.id === release.id)?.assets.find((a) => a.name === name)
      expect(asset?.sha256).toBe(sha256(bytes))
      expect(asset?.content_type).toBe('video/mp4')
    }
    // The event's release is used as is: no lookup by tag; only the asset list is read from the API.
    expect(
      gh.requests.filter((q) => q.host === host(gh.url)).map((q) => `${q.method} ${q.path.split('?')[0]}`),
    ).toEqual([`GET /repos/octo/demo/releases/${release.id}/assets`])
    // The token is registered as a secret (the add-mask command) and printed nowhere else.
    expect(r.stdout).toContain(`::add-mask::${gh.token}`)
    expect(r.stdout.replaceAll(`::add-mask::${gh.token}`, '')).not.toContain(gh.token)
  })

  it('with release-tag refuses to replace an existing asset unless release-overwrite, then deletes and uploads', async () => {
    // An execution that exists before the step, so the clip's asset name is known and can already be on the release.
    const created = await fetch(`${emulator.url}/v1/tools/generate-video-clip`, {
      method: 'POST',
      headers: { authorization: `Bearer ${KEY}`, 'content-type': 'application/json' },
      body: JSON.stringify({ prompt: 'a release trailer', numResults: 1 }),
    })
    const { toolExecutionId: id } = (await created.json()) as { toolExecutionId: string }
    const name = `${id}-1.mp4`
    const release = gh.addRelease('v2.0.0')
    const record = gh.releases.find((rel) => rel.id === release.id)
    record?.assets.push({
      id: 9999,
      name,
      content_type: 'video/mp4',
      size: 3,
      sha256: 'old',
      browser_download_url: `${gh.url}/octo/demo/releases/download/v2.0.0/${name}`,
    })

    const refused = await run({ 'execution-id': id, 'release-tag': 'v2.0.0' })
    expect(refused.code).toBe(1)
    expect(refused.stdout).toMatch(
      new RegExp(
        `::error::The execution succeeded, but delivery failed: Release v2.0.0 already has an asset named ${name}\\. Set release-overwrite: true`,
      ),
    )
    expect(uploads()).toHaveLength(0)
    expect(gh.requests.some((q) => q.method === 'DELETE')).toBe(false)
    expect(record?.assets.map((a) => a.sha256)).toEqual(['old'])

    gh.requests.length = 0
    const replaced = await run({ 'execution-id': id, 'release-tag': 'v2.0.0', 'release-overwrite': 'true' })
    expect(replaced.code, replaced.stdout + replaced.stderr).toBe(0)
    const api = gh.requests.filter((q) => q.host === host(gh.url)).map((q) => `${q.method} ${q.path.split('?')[0]}`)
    // The tag is looked up once before waiting (pre-flight) and again before the upload.
    expect(api).toEqual([
      'GET /repos/octo/demo/releases/tags/v2.0.0',
      'GET /repos/octo/demo/releases/tags/v2.0.0',
      `GET /repos/octo/demo/releases/${release.id}/assets`,
      'DELETE /repos/octo/demo/releases/assets/9999',
    ])
    expect(uploads().map((u) => `${u.method} ${u.path}`)).toEqual([
      `POST /repos/octo/demo/releases/${release.id}/assets?name=${name}`,
    ])
    const bytes = readFileSync(path.join(replaced.workspace, replaced.outputs.path as string))
    expect(record?.assets).toHaveLength(1)
    expect(record?.assets[0]?.sha256).toBe(sha256(bytes))
    expect(record?.assets[0]?.id).not.toBe(9999)
    expect(JSON.parse(replaced.outputs['release-asset-urls'] as string)).toEqual([
      `${gh.url}/octo/demo/releases/download/v2.0.0/${name}`,
    ])
    expect(emulator.createCount()).toBe(1) // only the one made above: resuming creates nothing
  })

  it('a re-run finds its own asset (same name and size, same digest): kept, nothing deleted or uploaded; a different file is still refused', async () => {
    // As a re-run does (cache hit or resume): the same execution, so the same clip under the same name.
    const created = await fetch(`${emulator.url}/v1/tools/generate-video-clip`, {
      method: 'POST',
      headers: { authorization: `Bearer ${KEY}`, 'content-type': 'application/json' },
      body: JSON.stringify({ prompt: 'a release trailer, again', numResults: 1 }),
    })
    const { toolExecutionId: id } = (await created.json()) as { toolExecutionId: string }
    const name = `${id}-1.mp4`
    const release = gh.addRelease('v3.0.0')
    const record = gh.releases.find((rel) => rel.id === release.id)
    const assetUrl = `${gh.url}/octo/demo/releases/download/v3.0.0/${name}`
    const inputs = { 'execution-id': id, 'release-tag': 'v3.0.0' }

    const first = await run(inputs)
    expect(first.code, first.stdout + first.stderr).toBe(0)
    expect(uploads()).toHaveLength(1)
    const bytes = readFileSync(path.join(first.workspace, first.outputs.path as string))
    const attached = record?.assets[0]
    expect(attached?.sha256).toBe(sha256(bytes))

    // The same run again: the asset is recognised (size and digest match), and the step succeeds.
    gh.requests.length = 0
    const again = await run(inputs)
    expect(again.code, again.stdout + again.stderr).toBe(0)
    expect(uploads()).toHaveLength(0)
    expect(gh.requests.some((q) => q.method === 'DELETE')).toBe(false)
    expect(record?.assets).toEqual([attached])
    expect(JSON.parse(again.outputs['release-asset-urls'] as string)).toEqual([assetUrl])
    expect(again.stdout).toContain(
      `Release v3.0.0 already has ${name} with the same content (an earlier run attached it); not uploaded again → ${assetUrl}`,
    )

    // An asset without a usable digest (uploaded before GitHub computed them): the same size is taken as the same file.
    if (attached) attached.sha256 = ''
    gh.requests.length = 0
    const sizeOnly = await run(inputs)
    expect(sizeOnly.code, sizeOnly.stdout + sizeOnly.stderr).toBe(0)
    expect(uploads()).toHaveLength(0)
    expect(gh.requests.some((q) => q.method === 'DELETE')).toBe(false)
    expect(sizeOnly.stdout).toContain(`Release v3.0.0 already has ${name} with the same size`)

    // Same name and size but another digest: a different file, refused without release-overwrite.
    if (attached) attached.sha256 = 'f'.repeat(64)
    gh.requests.length = 0
    const other = await run(inputs)
    expect(other.code).toBe(1)
    expect(other.stdout).toMatch(
      new RegExp(
        `::error::The execution succeeded, but delivery failed: Release v3\\.0\\.0 already has an asset named ${name}\\. Set release-overwrite: true`,
      ),
    )
    expect(uploads()).toHaveLength(0)
    expect(gh.requests.some((q) => q.method === 'DELETE')).toBe(false)
    expect(record?.assets).toHaveLength(1)
    expect(emulator.createCount()).toBe(1)
  })

  it("a release event whose payload names an upload URL that is not GitHub's: fails before any execution", async () => {
    const release = gh.addRelease('v1.0.1')
    const event = path.join(newWorkspace('vg-event-'), 'event.json')
    writeFileSync(
      event,
      JSON.stringify({
        action: 'published',
        release: { id: release.id, tag_name: 'v1.0.1', upload_url: 'https://evil.example/assets{?name,label}' },
      }),
    )
    const creates = emulator.createCount()
    const r = await run(
      { prompt: 'a product teaser', 'release-upload': 'true' },
      { GITHUB_EVENT_NAME: 'release', GITHUB_EVENT_PATH: event },
    )
    expect(r.code).toBe(1)
    expect(r.stdout).toContain(
      "::error::Reading the release of this event failed: its upload URL (https://evil.example/assets{?name,label}) is not on GitHub's upload host (127.0.0.1), so the token was not sent to it.",
    )
    expect(emulator.createCount()).toBe(creates)
  })

  it('fails before any execution when release-upload has no tag outside a release event, or the tag does not exist', async () => {
    const noTag = await run({ prompt: 'x', 'release-upload': 'true' }, { GITHUB_EVENT_NAME: 'push' })
    expect(noTag.code).toBe(1)
    expect(noTag.stdout).toMatch(
      /::error::Input 'release-tag': is empty and this run is a 'push' event, not a release event/,
    )
    expect(emulator.requests).toHaveLength(0)
    expect(gh.requests).toHaveLength(0)

    const unknown = await run({ prompt: 'x', 'release-tag': 'v9.9.9' })
    expect(unknown.code).toBe(1)
    expect(unknown.stdout).toMatch(
      /::error::Input 'release-tag': no published release with tag 'v9\.9\.9' in octo\/demo/,
    )
    // Looked up before the execution is created: a wrong tag costs nothing.
    expect(emulator.requests).toHaveLength(0)
    expect(gh.requests.map((q) => `${q.method} ${q.path}`)).toEqual(['GET /repos/octo/demo/releases/tags/v9.9.9'])
  })
})
