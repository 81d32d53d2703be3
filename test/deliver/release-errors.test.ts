// release-upload when GitHub's API refuses, through the bundled action against the GitHub REST stand-in:
// a refusal of the pre-flight lookup fails before any execution is created and names the token permission;
// a refusal after the clips are paid for (list, upload) fails with the advice to resume, and resuming
// attaches the clip without a second execution.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Emulator } from '../emulator/index.js'
import { actionEnv, errorsOf, inputsFor, withEmulator, workspaceWith } from '../faults/harness.js'
import { type RunResult, runAction } from '../runner/run-action.js'
import { type GitHubApi, startGitHubApi } from '../standins/github-api.js'

let gh: GitHubApi

beforeAll(async () => {
  gh = await startGitHubApi({ owner: 'octo', repo: 'demo' })
})
afterAll(async () => {
  await gh?.close()
})

const PERMISSION_HINT = 'The token needs `permissions: contents: write` (github-token defaults to the job token).'
const INVALID_TOKEN_HINT = 'The token is invalid or expired (github-token defaults to the job token).'
const resumeAdvice = (id: string) =>
  `To deliver it without paying again, run the step with execution-id: ${id} (not a plain re-run).`

const run = (e: Emulator, inputs: Record<string, string>, token = gh.token): Promise<RunResult> =>
  runAction({
    inputs: inputsFor(e, inputs),
    env: actionEnv({ GITHUB_API_URL: gh.url }),
    workspace: workspaceWith(),
    githubToken: token,
  })

const resume = (e: Emulator, id: string, tag: string): Promise<RunResult> =>
  runAction({
    inputs: { 'api-key': e.key, 'base-url': e.url, 'execution-id': id, 'release-tag': tag, timeout: '30s' },
    env: actionEnv({ GITHUB_API_URL: gh.url }),
    githubToken: gh.token,
  })

const assetsOf = (tag: string) => gh.releases.find((r) => r.tag_name === tag)?.assets ?? []

describe.concurrent(
  'release pre-flight refused: fails before any execution, saying what is wrong with the token',
  () => {
    it.each([
      ['401, a token GitHub does not accept', 'v-pre-401', 401],
      ['403, a token without contents: write', 'v-pre-403', 403],
    ])('%s', async (_name, tag, status) => {
      await withEmulator({}, async (e) => {
        gh.addRelease(tag)
        if (status === 403) gh.fail({ path: new RegExp(`/releases/tags/${tag}$`), status })
        const r = await run(e, { 'release-tag': tag }, status === 401 ? 'ghs_not_a_valid_token_000' : gh.token)
        expect(r.code).toBe(1)
        expect(errorsOf(r.stdout)).toEqual([
          expect.stringMatching(
            new RegExp(`^Looking up release ${tag} failed: .*${status === 401 ? 'Bad credentials' : 'not accessible'}`),
          ),
        ])
        expect(errorsOf(r.stdout)[0]).toContain(status === 401 ? INVALID_TOKEN_HINT : PERMISSION_HINT)
        expect(e.requests).toEqual([]) // not even a key check: nothing was created or billed
        expect(e.createCount()).toBe(0)
      })
    })
  },
)

describe.concurrent('release refused after the execution succeeded: resume advice, billed once', () => {
  it('the upload answers 422 (validation failed): names the file and release; resuming attaches it', async () => {
    await withEmulator({}, async (e) => {
      const tag = 'v-upload-422'
      const { id: releaseId } = gh.addRelease(tag)
      gh.fail({
        method: 'POST',
        path: new RegExp(`/releases/${releaseId}/assets\\?`),
        status: 422,
        errors: [{ resource: 'ReleaseAsset', code: 'custom', field: 'name', message: 'name is not allowed' }],
      })
      const r = await run(e, { 'release-tag': tag })
      expect(r.code).toBe(1)
      const id = r.outputs['execution-id'] as string
      const [error] = errorsOf(r.stdout)
      expect(error).toMatch(
        new RegExp(
          `^The execution succeeded, but delivery failed: Uploading ${id}-1\\.mp4 to release ${tag} failed: .*Validation Failed`,
        ),
      )
      expect(error).toContain(resumeAdvice(id))
      expect(r.outputs.path).toBe(`videogen-output/${id}-1.mp4`)
      expect(assetsOf(tag)).toEqual([])

      const resumed = await resume(e, id, tag)
      expect(resumed.code, resumed.stdout + resumed.stderr).toBe(0)
      expect(assetsOf(tag).map((a) => a.name)).toEqual([`${id}-1.mp4`])
      expect(e.createCount()).toBe(1)
    })
  })

  it('the upload answers 422 already_exists (attached by someone else since the check): asks for release-overwrite', async () => {
    await withEmulator({}, async (e) => {
      const tag = 'v-upload-race'
      const { id: releaseId } = gh.addRelease(tag)
      gh.fail({
        method: 'POST',
        path: new RegExp(`/releases/${releaseId}/assets\\?`),
        status: 422,
        errors: [{ resource: 'ReleaseAsset', code: 'already_exists', field: 'name' }],
      })
      const r = await run(e, { 'release-tag': tag })
      expect(r.code).toBe(1)
      const id = r.outputs['execution-id'] as string
      const [error] = errorsOf(r.stdout)
      expect(error).toMatch(
        new RegExp(
          `^The execution succeeded, but delivery failed: Release ${tag} already has an asset named ${id}-1\\.mp4\\. Set release-overwrite: true to replace it, or delete the asset first\\.`,
        ),
      )
      expect(error).toContain(resumeAdvice(id))
      expect(e.createCount()).toBe(1)
    })
  })

  it('the upload host answers 403: names the token permission', async () => {
    await withEmulator({}, async (e) => {
      const tag = 'v-upload-403'
      const { id: releaseId } = gh.addRelease(tag)
      gh.fail({ method: 'POST', path: new RegExp(`/releases/${releaseId}/assets\\?`), status: 403 })
      const r = await run(e, { 'release-tag': tag })
      expect(r.code).toBe(1)
      const id = r.outputs['execution-id'] as string
      const [error] = errorsOf(r.stdout)
      expect(error).toMatch(new RegExp(`Uploading ${id}-1\\.mp4 to release ${tag} failed: .*not accessible`))
      expect(error).toContain(PERMISSION_HINT)
      expect(error).toContain(resumeAdvice(id))
    })
  })

  it('release-overwrite, and deleting the old asset answers 403: names the token permission, uploads nothing', async () => {
    await withEmulator({}, async (e) => {
      // An execution from an earlier step, whose clip's name is already taken on the release by another file.
      const created = await fetch(`${e.url}/v1/tools/generate-video-clip`, {
        method: 'POST',
        headers: { authorization: `Bearer ${e.key}`, 'content-type': 'application/json' },
        body: JSON.stringify({ prompt: 'a release trailer' }),
      })
      const { toolExecutionId: id } = (await created.json()) as { toolExecutionId: string }
      const tag = 'v-delete-403'
      gh.addRelease(tag)
      const name = `${id}-1.mp4`
      assetsOf(tag).push({
        id: 7777,
        name,
        content_type: 'video/mp4',
        size: 3,
        sha256: 'old',
        browser_download_url: `${gh.url}/octo/demo/releases/download/${tag}/${name}`,
      })
      gh.fail({ method: 'DELETE', path: /\/releases\/assets\/7777$/, status: 403 })
      const r = await runAction({
        inputs: {
          'api-key': e.key,
          'base-url': e.url,
          'execution-id': id,
          'release-tag': tag,
          'release-overwrite': 'true',
          timeout: '30s',
        },
        env: actionEnv({ GITHUB_API_URL: gh.url }),
        githubToken: gh.token,
      })
      expect(r.code).toBe(1)
      const [error] = errorsOf(r.stdout)
      expect(error).toMatch(new RegExp(`Deleting the old asset ${name} of release ${tag} failed: .*not accessible`))
      expect(error).toContain(PERMISSION_HINT)
      expect(assetsOf(tag).map((a) => a.id)).toEqual([7777])
      expect(gh.requests.filter((q) => q.method === 'POST' && q.path.includes(name))).toEqual([])
      expect(e.createCount()).toBe(1)
    })
  })

  it('listing the assets answers 401: says the token is not accepted, and names the release', async () => {
    await withEmulator({}, async (e) => {
      const tag = 'v-list-401'
      const { id: releaseId } = gh.addRelease(tag)
      gh.fail({ method: 'GET', path: new RegExp(`/releases/${releaseId}/assets`), status: 401 })
      const r = await run(e, { 'release-tag': tag })
      expect(r.code).toBe(1)
      const id = r.outputs['execution-id'] as string
      const [error] = errorsOf(r.stdout)
      expect(error).toMatch(new RegExp(`Listing the assets of release ${tag} failed: .*Bad credentials`))
      expect(error).toContain(INVALID_TOKEN_HINT)
      expect(error).toContain(resumeAdvice(id))
      expect(e.createCount()).toBe(1)
    })
  })

  it('the release is gone by the time of the upload (404): names the tag', async () => {
    await withEmulator({}, async (e) => {
      const tag = 'v-deleted-meanwhile'
      gh.addRelease(tag)
      // The pre-flight lookup finds it; the lookup before the upload does not.
      gh.fail({ method: 'GET', path: new RegExp(`/releases/tags/${tag}$`), status: 404, after: 1 })
      const r = await run(e, { 'release-tag': tag })
      expect(r.code).toBe(1)
      const id = r.outputs['execution-id'] as string
      expect(errorsOf(r.stdout)).toEqual([
        `The execution succeeded, but delivery failed: Input 'release-tag': no published release with tag '${tag}' in octo/demo (draft releases cannot be found by tag); create the release first. ${resumeAdvice(id)}`,
      ])
      expect(e.createCount()).toBe(1)
    })
  })

  // Every message of a delivery step ends with a period; the resume advice is appended after one more.
  it('the failure and the resume advice are joined by one period, not two', async () => {
    await withEmulator({}, async (e) => {
      const tag = 'v-list-403-wording'
      const { id: releaseId } = gh.addRelease(tag)
      gh.fail({ method: 'GET', path: new RegExp(`/releases/${releaseId}/assets`), status: 403 })
      const r = await run(e, { 'release-tag': tag })
      const [error] = errorsOf(r.stdout)
      expect(error).toContain(`${PERMISSION_HINT} To deliver it without paying again`)
      expect(error).not.toContain('..')
    })
  })
})

describe.concurrent("the release's URLs are GitHub's, or not used", () => {
  it.each([
    ['on another https host', 'v-upload-elsewhere', 'https://evil.example/upload{?name,label}'],
    ['over plain http to a host that is not this machine', 'v-upload-http', 'http://10.1.2.3/upload{?name,label}'],
    ['with credentials in it', 'v-upload-userinfo', 'http://user:pass@127.0.0.1:9/upload{?name,label}'],
  ])('an upload URL %s: fails before any execution, and the token goes nowhere', async (_n, tag, uploadUrl) => {
    await withEmulator({}, async (e) => {
      const { id } = gh.addRelease(tag)
      const release = gh.releases.find((r) => r.id === id)
      if (release) release.upload_url = uploadUrl
      const r = await run(e, { 'release-tag': tag })
      expect(r.code).toBe(1)
      expect(errorsOf(r.stdout)).toEqual([
        `Looking up release ${tag} failed: its upload URL (${uploadUrl}) is not on GitHub's upload host (127.0.0.1), so the token was not sent to it.`,
      ])
      expect(e.createCount()).toBe(0)
    })
  })

  it("an asset whose download URL is not GitHub's: the release download URL it stands for is output instead", async () => {
    await withEmulator({}, async (e) => {
      const tag = 'v-foreign-link'
      gh.addRelease(tag)
      const first = await run(e, { 'release-tag': tag })
      expect(first.code, first.stdout).toBe(0)
      const id = first.outputs['execution-id'] as string
      const [asset] = assetsOf(tag)
      if (!asset) throw new Error('no asset attached')
      asset.browser_download_url = 'https://evil.example/clip.mp4'

      // A resume finds its own asset (same name and size) and links it without uploading again.
      const resumed = await resume(e, id, tag)
      expect(resumed.code, resumed.stdout).toBe(0)
      const canonical = `https://github.com/octo/demo/releases/download/${tag}/${id}-1.mp4`
      expect(JSON.parse(resumed.outputs['release-asset-urls'] as string)).toEqual([canonical])
      expect(resumed.stdout).not.toContain('](https://evil.example')
      expect(JSON.stringify(resumed.outputs)).not.toContain('evil.example')
      expect(resumed.summary).not.toContain('evil.example/clip')
    })
  })
})
