// One comment per key, updated by every re-run, when the token is not the job's own token.
// GitHub answers GET /user with 403 "Resource not accessible by integration" for any GitHub App installation
// token (actions/create-github-app-token), and the comments such a token writes are authored by `<app>[bot]`.
// A personal token's GET /user answers its login; it can fail transiently like any call.
import http from 'node:http'
import { beforeEach, describe, expect, it } from 'vitest'
import { commentMarker } from '../../src/deliver/pr-comment-body.js'
import { PR, usePrWorld } from './pr-world.js'

const { world, run: runWith } = usePrWorld({ job: { queuedMs: 20, durationMs: 200 } })
beforeEach(() => void world.gh.addPullRequest(PR))

/**
 * A front for the stand-in that plays who the token is: GET /user answers `user` (or the status in
 * `userStatus`), and every comment the token POSTs is recorded as written by `login`, as GitHub does.
 */
async function identityFront(login: string, user: () => { status: number; body: unknown }) {
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = []
    req.on('data', (c: Buffer) => chunks.push(c))
    req.on('end', () => {
      if (req.method === 'GET' && (req.url ?? '').split('?')[0] === '/user') {
        const { status, body } = user()
        res.writeHead(status, { 'content-type': 'application/json' })
        return void res.end(JSON.stringify(body))
      }
      const target = new URL(req.url ?? '/', world.gh.url)
      const fwd = http.request(target, { method: req.method, headers: { ...req.headers, host: target.host } }, (up) => {
        const out: Buffer[] = []
        up.on('data', (c: Buffer) => out.push(c))
        up.on('end', () => {
          // The stand-in records every comment as the job token's bot: record the token's own login instead.
          for (const c of world.gh.issues.comments)
            if (c.user.login === 'github-actions[bot]')
              c.user = { login, type: login.endsWith('[bot]') ? 'Bot' : 'User' }
          let text = Buffer.concat(out).toString('utf8')
          text = text.split('github-actions[bot]').join(login)
          const headers = { ...up.headers }
          delete headers['content-length']
          res.writeHead(up.statusCode ?? 502, headers)
          res.end(text)
        })
      })
      fwd.end(Buffer.concat(chunks))
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as { port: number }
  return { url: `http://127.0.0.1:${port}`, close: () => new Promise<void>((r) => server.close(() => r())) }
}

const run = (apiUrl: string) => runWith({ prompt: 'a kite over the dunes' }, { apiUrl })

/** Two runs through `front`: the second updates the first one's comment, so one comment stays. */
async function rerunKeepsOneComment(front: { url: string; close(): Promise<void> }): Promise<void> {
  try {
    const first = await run(front.url)
    expect(first.code, first.stdout).toBe(0)
    expect(world.gh.issues.comments).toHaveLength(1)
    const second = await run(front.url)
    expect(second.code, second.stdout).toBe(0)
    expect(
      world.gh.issues.comments.map((c) => `${c.id} ${c.user.login}`),
      'comments on the pull request',
    ).toHaveLength(1)
  } finally {
    await front.close()
  }
}

describe('pr-comment: who the token writes as', () => {
  it('a GitHub App installation token (GET /user is 403): the second run updates the first comment, not a new one', async () => {
    const front = await identityFront('my-release-app[bot]', () => ({
      status: 403,
      body: { message: 'Resource not accessible by integration', documentation_url: 'https://docs.github.com' },
    }))
    await rerunKeepsOneComment(front)
  })

  it('a personal token whose GET /user fails once (502): the re-run still updates its own comment', async () => {
    // The first run finds no comment and asks nothing: the 502 meets the second run's GET /user.
    let calls = 0
    const front = await identityFront('alice', () =>
      ++calls === 1
        ? { status: 502, body: { message: 'Server Error' } }
        : { status: 200, body: { login: 'alice', id: 1 } },
    )
    await rerunKeepsOneComment(front)
  })

  it('two other bots quote the marker and the token cannot say which it is: neither is edited', async () => {
    const front = await identityFront('my-release-app[bot]', () => ({
      status: 403,
      body: { message: 'Resource not accessible by integration' },
    }))
    try {
      const marker = commentMarker('Preview/clip')
      const one = world.gh.issues.addComment(PR, `${marker}\nfirst app`, { login: 'first-app[bot]', type: 'Bot' })
      const two = world.gh.issues.addComment(PR, `${marker}\nsecond app`, { login: 'second-app[bot]', type: 'Bot' })
      const r = await run(front.url)
      expect(r.code, r.stdout).toBe(0)
      expect([one.body, two.body]).toEqual([`${marker}\nfirst app`, `${marker}\nsecond app`])
      expect(world.gh.issues.comments).toHaveLength(3)
    } finally {
      await front.close()
    }
  })

  it('the job token, a first run, and another app that quoted the marker: its comment is left alone', async () => {
    const marker = commentMarker('Preview/clip')
    const quoted = world.gh.issues.addComment(PR, `${marker}\n> quoting the preview bot`, {
      login: 'triage-helper[bot]',
      type: 'Bot',
    })
    const r = await run(world.gh.url)
    expect(r.code, r.stdout).toBe(0)
    expect(quoted.body).toBe(`${marker}\n> quoting the preview bot`)
    expect(world.gh.issues.comments).toHaveLength(2)
  })

  it('control: a personal token whose GET /user works: the re-run updates its comment', async () => {
    const front = await identityFront('alice', () => ({ status: 200, body: { login: 'alice', id: 1 } }))
    await rerunKeepsOneComment(front)
  })
})
