// Proves the stand-ins against the real libraries: @actions/artifact, @actions/cache, and Octokit
// from @actions/github. Everything runs on 127.0.0.1.
import { createHash } from 'node:crypto'
import { createReadStream } from 'node:fs'
import { mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { DefaultArtifactClient, GHESNotSupportedError } from '@actions/artifact'
import * as cache from '@actions/cache'
import { getOctokit } from '@actions/github'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { setEnv } from './env.js'
import { type GitHubApi, startGitHubApi } from './github-api.js'
import { DUPLICATE_ARTIFACT_MSG, type ResultsService, startResultsService } from './results-service.js'

/** A results service with RUNNER_TEMP / GITHUB_WORKSPACE in a fresh temp dir, env set for the libraries. */
function useResultsService(opts: { azurite?: boolean }) {
  const ctx = {} as { svc: ResultsService; tmp: string; workspace: string }
  let restoreEnv: (() => void) | undefined
  beforeAll(async () => {
    ctx.svc = await startResultsService(opts)
    ctx.tmp = await mkdtemp(path.join(os.tmpdir(), 'standins-'))
    ctx.workspace = path.join(ctx.tmp, 'workspace')
    await mkdir(ctx.workspace)
    await mkdir(path.join(ctx.tmp, 'runner-temp'))
    restoreEnv = setEnv({
      ...ctx.svc.env(),
      RUNNER_TEMP: path.join(ctx.tmp, 'runner-temp'),
      GITHUB_WORKSPACE: ctx.workspace,
      GITHUB_SERVER_URL: undefined, // unset = github.com; anything else may look like GHES
    })
  })
  afterAll(async () => {
    restoreEnv?.()
    await ctx.svc?.close()
    if (ctx.tmp) await rm(ctx.tmp, { recursive: true, force: true })
  })
  return ctx
}

async function cacheRoundTrip(ctx: { svc: ResultsService; workspace: string }): Promise<void> {
  const dir = path.join(ctx.workspace, 'cached')
  const payload = Buffer.from(Array.from({ length: 5000 }, (_, i) => i % 251))
  await mkdir(dir, { recursive: true })
  await writeFile(path.join(dir, 'data.bin'), payload)

  const id = await cache.saveCache([dir], 'clips-linux-abc123')
  const entry = ctx.svc.cacheEntries.find((e) => e.key === 'clips-linux-abc123')
  expect(entry).toMatchObject({ finalized: true })
  expect(id).toBe(Number(entry?.id))
  expect(entry?.size).toBe((await ctx.svc.blobBytes(entry?.blobName ?? '')).length)

  expect(await cache.restoreCache([dir], 'no-such-key')).toBeUndefined()
  expect(await cache.restoreCache([dir], 'no-such-key', ['other-'])).toBeUndefined()

  await rm(dir, { recursive: true })
  expect(await cache.restoreCache([dir], 'clips-linux-def456', ['clips-linux-'])).toBe('clips-linux-abc123')
  expect(await readFile(path.join(dir, 'data.bin'))).toEqual(payload)

  await rm(dir, { recursive: true })
  expect(await cache.restoreCache([dir], 'clips-linux-abc123')).toBe('clips-linux-abc123')
  expect(await readFile(path.join(dir, 'data.bin'))).toEqual(payload)

  // Saving the same key again is refused by the service; the library only logs and returns -1.
  expect(await cache.saveCache([dir], 'clips-linux-abc123')).toBe(-1)
}

describe('results service stand-in with Azurite', () => {
  const ctx = useResultsService({})

  it('serves @actions/artifact: upload, list, get, download, duplicate name', async () => {
    expect(ctx.svc.blobKind).toBe('azurite')
    const src = path.join(ctx.tmp, 'src')
    await mkdir(src)
    await writeFile(path.join(src, 'clip-one.txt'), 'first file\n')
    await writeFile(path.join(src, 'clip-two.txt'), 'second file\n')
    const files = [path.join(src, 'clip-one.txt'), path.join(src, 'clip-two.txt')]
    const client = new DefaultArtifactClient()

    const up = await client.uploadArtifact('videos', files, src)
    const record = ctx.svc.artifacts.find((a) => a.name === 'videos')
    expect(record).toMatchObject({ finalized: true })
    expect(up.id).toBe(Number(record?.id))
    expect(up.size).toBe(record?.size)
    expect(up.digest).toMatch(/^[0-9a-f]{64}$/)

    // The bytes in Azurite are the zip the library streamed: local-file header + both names.
    const zip = await ctx.svc.blobBytes(record?.blobName ?? '')
    expect(zip.length).toBe(up.size)
    expect(zip.subarray(0, 4).toString('latin1')).toBe('PK\x03\x04')
    expect(zip.includes('clip-one.txt')).toBe(true)
    expect(zip.includes('clip-two.txt')).toBe(true)

    const { artifacts } = await client.listArtifacts()
    expect(artifacts.map((a) => [a.id, a.name, a.size])).toEqual([[up.id, 'videos', up.size]])
    const { artifact } = await client.getArtifact('videos')
    expect(artifact).toMatchObject({ id: up.id, name: 'videos', digest: `sha256:${up.digest}` })

    const out = path.join(ctx.tmp, 'download')
    const dl = await client.downloadArtifact(Number(up.id), { path: out })
    expect(dl.downloadPath).toBe(out)
    expect((await readdir(out)).sort()).toEqual(['clip-one.txt', 'clip-two.txt'])
    expect(await readFile(path.join(out, 'clip-two.txt'), 'utf8')).toBe('second file\n')

    // Names are immutable per run: the real service answers HTTP 409 / Twirp already_exists and the
    // library throws a plain Error carrying status and message in its text.
    const dup = await client.uploadArtifact('videos', files, src).catch((e: unknown) => e)
    expect(dup).toBeInstanceOf(Error)
    expect((dup as Error).message).toBe(
      `Failed to CreateArtifact: Received non-retryable error: Failed request: (409) Conflict: ${DUPLICATE_ARTIFACT_MSG}`,
    )
    expect(ctx.svc.artifacts.filter((a) => a.name === 'videos')).toHaveLength(1)
  })

  it('makes @actions/artifact throw GHESNotSupportedError for a non-github.com server URL', async () => {
    const restore = setEnv({ GITHUB_SERVER_URL: 'http://127.0.0.1:1234' })
    try {
      const calls = ctx.svc.calls.length
      const err = await new DefaultArtifactClient()
        .uploadArtifact('ghes', [path.join(ctx.tmp, 'src', 'clip-one.txt')], path.join(ctx.tmp, 'src'))
        .catch((e: unknown) => e)
      expect(err).toBeInstanceOf(GHESNotSupportedError)
      expect(ctx.svc.calls.length).toBe(calls) // decided before any request
    } finally {
      restore()
    }
  })

  it('serves @actions/cache v2: save, miss, restore-key prefix, exact hit', async () => {
    expect(cache.isFeatureAvailable()).toBe(true)
    await cacheRoundTrip(ctx)
    const methods = new Set(ctx.svc.calls.filter((c) => c.service === 'CacheService').map((c) => c.method))
    expect(methods).toEqual(new Set(['CreateCacheEntry', 'FinalizeCacheEntryUpload', 'GetCacheEntryDownloadURL']))
  })

  it('rejects a wrong bearer token with a Twirp error body', async () => {
    const res = await fetch(`${ctx.svc.url}/twirp/github.actions.results.api.v1.ArtifactService/ListArtifacts`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: 'Bearer nope' },
      body: '{}',
    })
    expect(res.status).toBe(401)
    expect(await res.json()).toEqual({ code: 'unauthenticated', msg: expect.any(String) })
  })
})

describe('results service stand-in with the in-process blob fallback', () => {
  const ctx = useResultsService({ azurite: false })

  it('round-trips an artifact and a cache entry', async () => {
    expect(ctx.svc.blobKind).toBe('memory')
    const file = path.join(ctx.tmp, 'one.txt')
    await writeFile(file, 'fallback\n')
    const up = await new DefaultArtifactClient().uploadArtifact('fallback', [file], ctx.tmp)
    const zip = await ctx.svc.blobBytes(ctx.svc.artifacts[0]?.blobName ?? '')
    expect(zip.length).toBe(up.size)
    expect(zip.includes('one.txt')).toBe(true)
    await cacheRoundTrip(ctx)
  })
})

describe('GitHub REST stand-in with Octokit from @actions/github', () => {
  let gh: GitHubApi
  let tmp: string
  const owner = 'octo-org'
  const repo = 'octo-repo'
  beforeAll(async () => {
    gh = await startGitHubApi({ owner, repo })
    tmp = await mkdtemp(path.join(os.tmpdir(), 'standins-gh-'))
  })
  afterAll(async () => {
    await gh?.close()
    if (tmp) await rm(tmp, { recursive: true, force: true })
  })

  it('gets releases, uploads (Buffer and stream), paginates and deletes assets', async () => {
    const octokit = getOctokit(gh.token, { baseUrl: gh.url })
    const { id, upload_url } = gh.addRelease('v1.0.0')
    expect(upload_url).toBe(`${gh.uploadUrl}/repos/${owner}/${repo}/releases/${id}/assets{?name,label}`)

    const release = await octokit.rest.repos.getReleaseByTag({ owner, repo, tag: 'v1.0.0' })
    expect(release.data).toMatchObject({ id, tag_name: 'v1.0.0', upload_url, assets: [] })
    expect((await octokit.rest.repos.getRelease({ owner, repo, release_id: id })).data.id).toBe(id)
    const missing = await octokit.rest.repos.getReleaseByTag({ owner, repo, tag: 'v9' }).catch((e: unknown) => e)
    expect(missing).toMatchObject({ status: 404, response: { data: { message: 'Not Found' } } })

    // Buffer body. `url` is the release's upload_url template: Octokit expands {?name,label} and the
    // request goes to the upload origin (without `url` it would go to https://uploads.github.com).
    const bytes = Buffer.from('not really an mp4\n')
    const uploaded = await octokit.rest.repos.uploadReleaseAsset({
      owner,
      repo,
      release_id: id,
      url: release.data.upload_url,
      name: 'clip 1.mp4',
      label: 'First clip',
      data: bytes as unknown as string, // typed as string; Octokit passes Buffer/Uint8Array to fetch as-is
      headers: { 'content-type': 'video/mp4', 'content-length': bytes.length },
    })
    expect(uploaded.status).toBe(201)
    expect(uploaded.data).toMatchObject({ name: 'clip 1.mp4', label: 'First clip', size: bytes.length })
    const post = gh.requests.find((r) => r.method === 'POST')
    expect(post?.host).toBe(new URL(gh.uploadUrl).host)
    expect(post?.path).toBe(`/repos/${owner}/${repo}/releases/${id}/assets?name=clip%201.mp4&label=First%20clip`)
    expect(post?.headers.authorization).toBe(`token ${gh.token}`)
    expect(gh.releases[0]?.assets[0]).toMatchObject({
      name: 'clip 1.mp4',
      content_type: 'video/mp4',
      size: bytes.length,
      sha256: createHash('sha256').update(bytes).digest('hex'),
    })

    // Same name again: GitHub's 422 with an `already_exists` validation error.
    const dup = await octokit.rest.repos
      .uploadReleaseAsset({
        owner,
        repo,
        release_id: id,
        url: upload_url,
        name: 'clip 1.mp4',
        data: bytes as unknown as string,
        headers: { 'content-type': 'video/mp4' },
      })
      .catch((e: unknown) => e)
    expect(dup).toMatchObject({
      status: 422,
      response: {
        data: {
          message: 'Validation Failed',
          errors: [{ resource: 'ReleaseAsset', code: 'already_exists', field: 'name' }],
        },
      },
    })

    // Stream body: needs an explicit content-length, or fetch sends it chunked and the upload is refused.
    const file = path.join(tmp, 'clip2.mp4')
    await writeFile(file, Buffer.alloc(70_000, 7))
    const streamed = await octokit.rest.repos.uploadReleaseAsset({
      owner,
      repo,
      release_id: id,
      url: upload_url,
      name: 'clip2.mp4',
      data: createReadStream(file) as unknown as string,
      headers: { 'content-type': 'video/mp4', 'content-length': 70_000 },
    })
    expect(streamed.data.size).toBe(70_000)
    const chunked = await octokit.rest.repos
      .uploadReleaseAsset({
        owner,
        repo,
        release_id: id,
        url: upload_url,
        name: 'clip3.mp4',
        data: createReadStream(file) as unknown as string,
        headers: { 'content-type': 'video/mp4' },
      })
      .catch((e: unknown) => e)
    expect(chunked).toMatchObject({ status: 411 })

    await octokit.rest.repos.uploadReleaseAsset({
      owner,
      repo,
      release_id: id,
      url: upload_url,
      name: 'notes.txt',
      data: 'hi',
      headers: { 'content-type': 'text/plain' },
    })

    const all = await octokit.paginate(octokit.rest.repos.listReleaseAssets, {
      owner,
      repo,
      release_id: id,
      per_page: 2,
    })
    expect(all.map((a) => a.name)).toEqual(['clip 1.mp4', 'clip2.mp4', 'notes.txt'])
    expect(gh.requests.filter((r) => r.path.includes('/assets?per_page=2'))).toHaveLength(2)

    const del = await octokit.rest.repos.deleteReleaseAsset({ owner, repo, asset_id: all[0]?.id ?? 0 })
    expect(del.status).toBe(204)
    const after = await octokit.rest.repos.listReleaseAssets({ owner, repo, release_id: id })
    expect(after.data.map((a) => a.name)).toEqual(['clip2.mp4', 'notes.txt'])
  })

  it('answers 401 to a wrong token on both origins', async () => {
    const { id, upload_url } = gh.addRelease('v2.0.0')
    const bad = getOctokit('wrong', { baseUrl: gh.url })
    await expect(bad.rest.repos.getReleaseByTag({ owner, repo, tag: 'v2.0.0' })).rejects.toMatchObject({ status: 401 })
    await expect(
      bad.rest.repos.uploadReleaseAsset({
        owner,
        repo,
        release_id: id,
        url: upload_url,
        name: 'x',
        data: 'x',
        headers: { 'content-type': 'text/plain' },
      }),
    ).rejects.toMatchObject({ status: 401, response: { data: { message: 'Bad credentials' } } })
  })

  it('serves pull requests and their comments: paginated list, create, update, the token permission, the body limit', async () => {
    const octokit = getOctokit(gh.token, { baseUrl: gh.url })
    const fork = gh.addPullRequest(5, { headRepo: 'forker/octo-repo' })
    const pull = await octokit.rest.pulls.get({ owner, repo, pull_number: 5 })
    expect(pull.data).toMatchObject({ number: 5, head: { sha: fork.headSha, repo: { full_name: 'forker/octo-repo' } } })
    await expect(octokit.rest.pulls.get({ owner, repo, pull_number: 6 })).rejects.toMatchObject({ status: 404 })

    for (let i = 0; i < 5; i++) await octokit.rest.issues.createComment({ owner, repo, issue_number: 5, body: `c${i}` })
    const created = await octokit.rest.issues.createComment({ owner, repo, issue_number: 5, body: 'last' })
    expect(created.status).toBe(201)
    expect(created.data).toMatchObject({ body: 'last', user: { login: 'github-actions[bot]', type: 'Bot' } })
    expect(created.data.html_url).toBe(`${gh.url}/${owner}/${repo}/pull/5#issuecomment-${created.data.id}`)
    const all = await octokit.paginate(octokit.rest.issues.listComments, { owner, repo, issue_number: 5, per_page: 2 })
    expect(all.map((c) => c.body)).toEqual(['c0', 'c1', 'c2', 'c3', 'c4', 'last'])
    expect(gh.requests.filter((r) => r.path.includes('/issues/5/comments?per_page=2'))).toHaveLength(3)

    const updated = await octokit.rest.issues.updateComment({
      owner,
      repo,
      comment_id: created.data.id,
      body: 'edited',
    })
    expect(updated.data).toMatchObject({ id: created.data.id, body: 'edited' })
    expect(updated.data.updated_at > created.data.updated_at).toBe(true)
    await expect(octokit.rest.issues.updateComment({ owner, repo, comment_id: 1, body: 'x' })).rejects.toMatchObject({
      status: 404,
    })
    // GitHub's limit on a comment body.
    await expect(
      octokit.rest.issues.createComment({ owner, repo, issue_number: 5, body: 'x'.repeat(65_537) }),
    ).rejects.toMatchObject({ status: 422 })
    await octokit.rest.issues.createComment({ owner, repo, issue_number: 5, body: 'x'.repeat(65_536) })

    // A read-only token (a fork's pull_request run) reads and cannot write; without the permission it cannot read.
    gh.issues.permission = 'read'
    try {
      expect((await octokit.rest.issues.listComments({ owner, repo, issue_number: 5 })).status).toBe(200)
      const refused = { status: 403, response: { data: { message: 'Resource not accessible by integration' } } }
      await expect(
        octokit.rest.issues.createComment({ owner, repo, issue_number: 5, body: 'x' }),
      ).rejects.toMatchObject(refused)
      await expect(
        octokit.rest.issues.updateComment({ owner, repo, comment_id: created.data.id, body: 'y' }),
      ).rejects.toMatchObject(refused)
      gh.issues.permission = 'none'
      await expect(octokit.rest.pulls.get({ owner, repo, pull_number: 5 })).rejects.toMatchObject(refused)
    } finally {
      gh.issues.permission = 'write'
    }

    // A one-off fault answers the next matching request only.
    gh.fail({ method: 'POST', path: /\/comments$/, status: 502, message: 'Server Error' })
    await expect(octokit.rest.issues.createComment({ owner, repo, issue_number: 5, body: 'x' })).rejects.toMatchObject({
      status: 502,
    })
    expect((await octokit.rest.issues.createComment({ owner, repo, issue_number: 5, body: 'x' })).status).toBe(201)
  })
})
