// GitHub's answers are outside input too: a listing's Link header is never followed (octokit's paginate
// sent the token to whatever origin `next` named, and followed `next` for ever, holding a paid run), and a
// comment's html_url on another host does not become the pr-comment-url output.
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { type Emulator, startEmulator } from '../emulator/index.js'
import { runAction } from '../runner/run-action.js'
import { PR, usePrWorld } from './pr-world.js'

const KEY = 'sk_videogen_live_release_test_key_0123'
const TOKEN = 'ghs_secret_job_token_0123456789'

interface Seen {
  path: string
  auth: string | undefined
}

async function listen(handle: (req: http.IncomingMessage, res: http.ServerResponse) => void) {
  const server = http.createServer((req, res) => {
    req.resume()
    req.on('end', () => handle(req, res))
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}` }
}

const json = (res: http.ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) => {
  res.writeHead(status, { 'content-type': 'application/json', ...headers })
  res.end(JSON.stringify(body))
}

describe('release asset listings', () => {
  let emulator: Emulator
  let github: Awaited<ReturnType<typeof listen>>
  let elsewhere: Awaited<ReturnType<typeof listen>>
  const seen: Seen[] = []
  const stolen: Seen[] = []
  /** What an asset page answers: its items and its Link header. */
  let page: (n: number) => { items: unknown[]; link?: string }

  beforeAll(async () => {
    emulator = await startEmulator({ apiKeys: [KEY], job: { queuedMs: 20, durationMs: 200 } })
    elsewhere = await listen((req, res) => {
      stolen.push({ path: req.url ?? '', auth: req.headers.authorization })
      json(res, 200, [])
    })
    github = await listen((req, res) => {
      const url = new URL(req.url ?? '/', 'http://x')
      seen.push({ path: req.url ?? '', auth: req.headers.authorization })
      if (url.pathname === '/repos/octo/demo/releases/tags/v1') {
        return json(res, 200, { id: 7, tag_name: 'v1', upload_url: `${github.url}/upload/7/assets{?name,label}` })
      }
      if (url.pathname === '/repos/octo/demo/releases/7/assets') {
        const { items, link } = page(Number(url.searchParams.get('page') ?? '1'))
        return json(res, 200, items, link ? { link } : {})
      }
      if (url.pathname === '/upload/7/assets') {
        const name = url.searchParams.get('name') ?? ''
        return json(res, 201, { id: 1, name, size: 1, browser_download_url: `${github.url}/download/${name}` })
      }
      json(res, 404, { message: 'Not Found' })
    })
  })
  afterAll(async () => {
    github.server.closeAllConnections()
    elsewhere.server.closeAllConnections()
    await Promise.all([
      emulator?.close(),
      new Promise((resolve) => github.server.close(resolve)),
      new Promise((resolve) => elsewhere.server.close(resolve)),
    ])
  })
  beforeEach(() => {
    seen.length = 0
    stolen.length = 0
  })

  const run = () =>
    runAction({
      inputs: { 'base-url': emulator.url, prompt: 'a teaser', 'release-tag': 'v1', timeout: '1m' },
      env: { VIDEOGEN_API_KEY: KEY, GITHUB_API_URL: github.url, GITHUB_REPOSITORY: 'octo/demo' },
      githubToken: TOKEN,
      timeoutMs: 50_000,
    })
  const listings = () => seen.filter((s) => s.path.startsWith('/repos/octo/demo/releases/7/assets'))

  it('a Link header naming another origin: not followed, the token goes nowhere else, the clip is attached', async () => {
    page = () => ({ items: [], link: `<${elsewhere.url}/collect?page=2>; rel="next"` })
    const r = await run()
    expect(r.code, r.stdout).toBe(0)
    expect(stolen).toEqual([])
    expect(listings()).toHaveLength(1)
    expect(JSON.parse(r.outputs['release-asset-urls'] as string)).toHaveLength(1)
  })

  it('a Link header that always names a next page: the listing ends at a short page, not at the job timeout', async () => {
    page = (n) => ({
      items: [],
      link: `<${github.url}/repos/octo/demo/releases/7/assets?per_page=100&page=${n + 1}>; rel="next"`,
    })
    const r = await run()
    expect(r.code, r.stdout).toBe(0)
    expect(listings()).toHaveLength(1)
  })

  it('full pages for ever: at most the 10 pages a release can fill (1,000 assets) are read', async () => {
    page = (n) => ({
      items: Array.from({ length: 100 }, (_, i) => ({ id: n * 1000 + i, name: `other-${n}-${i}.mp4`, size: 1 })),
    })
    const r = await run()
    expect(r.code, r.stdout).toBe(0)
    expect(listings()).toHaveLength(10)
  })
})

describe('pr-comment-url', () => {
  const { world, run } = usePrWorld()
  beforeEach(() => void world.gh.addPullRequest(PR))

  it("a comment whose html_url is on another host: the output is the comment's page on GitHub", async () => {
    world.gh.issues.htmlOrigin = 'https://evil.example'
    const r = await run({ prompt: 'a kite' })
    expect(r.code, r.stdout).toBe(0)
    const [comment] = world.gh.issues.comments
    expect(r.outputs['pr-comment-url']).toBe(`https://github.com/octo/demo/pull/${PR}#issuecomment-${comment?.id}`)
    expect(JSON.stringify(r.outputs)).not.toContain('evil.example')
  })
})
