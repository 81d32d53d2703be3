// pr-comment through the bundled action against the emulator and the GitHub REST stand-in: one comment per
// key on the pull request of the event, created once and updated by every later run, failures included.
import { writeFileSync } from 'node:fs'
import path from 'node:path'
import { marked } from 'marked'
import { type HTMLElement, parse } from 'node-html-parser'
import { afterEach, beforeAll, afterAll, beforeEach, describe, expect, it } from 'vitest'
import { commentMarker } from '../../src/deliver/pr-comment-body.js'
import { type Emulator, startEmulator } from '../emulator/index.js'
import { type RunResult, newWorkspace, runAction } from '../runner/run-action.js'
import { type GitHubApi, startGitHubApi } from '../standins/github-api.js'
import { ACTIONS_BOT } from '../standins/github-issues.js'

const KEY = 'sk_videogen_live_pr_comment_test_key_01'
const PR = 7
const WORKFLOW = 'Preview'
const JOB = 'clip'
const JOB_SCRIPT = { queuedMs: 30, durationMs: 300 }

let emulator: Emulator
let gh: GitHubApi

beforeAll(async () => {
  emulator = await startEmulator({ apiKeys: [KEY], job: JOB_SCRIPT })
})
afterAll(async () => {
  await emulator?.close()
})
beforeEach(async () => {
  emulator.reset()
  emulator.configure({ job: JOB_SCRIPT })
  gh = await startGitHubApi({ owner: 'octo', repo: 'demo' })
})
afterEach(async () => {
  await gh?.close()
})

type Event = { name: string; payload: unknown }

const pullRequestEvent = (number = PR, headRepo = 'octo/demo'): Event => ({
  name: 'pull_request',
  payload: { action: 'synchronize', number, pull_request: { number, head: { repo: { full_name: headRepo } } } },
})

function eventFile(event: Event): string {
  const file = path.join(newWorkspace('vg-event-'), 'event.json')
  writeFileSync(file, JSON.stringify(event.payload))
  return file
}

const run = (inputs: Record<string, string>, opts: { event?: Event; env?: Record<string, string> } = {}) => {
  const event = opts.event ?? pullRequestEvent()
  return runAction({
    inputs: { 'base-url': emulator.url, 'pr-comment': 'true', ...inputs },
    env: {
      VIDEOGEN_API_KEY: KEY,
      GITHUB_API_URL: gh.url,
      GITHUB_EVENT_NAME: event.name,
      GITHUB_EVENT_PATH: eventFile(event),
      GITHUB_WORKFLOW: WORKFLOW,
      GITHUB_JOB: JOB,
      GITHUB_RUN_ID: '4242',
      GITHUB_RUN_ATTEMPT: '1',
      ...opts.env,
    },
    githubToken: gh.token,
  })
}

const RUN_URL = 'https://github.com/octo/demo/actions/runs/4242/attempts/1'
const commentsOn = (number = PR) => gh.issues.comments.filter((c) => c.issue_number === number)
const apiCalls = () => gh.requests.map((q) => `${q.method} ${q.path.replace(/\?.*$/, '')}`)
const annotations = (r: RunResult, kind: 'notice' | 'warning' | 'error') =>
  r.stdout.split('\n').filter((l) => l.startsWith(`::${kind}`))
const html = (markdown: string): HTMLElement => parse(marked.parse(markdown, { async: false, gfm: true }))
/** What a reader sees of a comment (ids are escaped in the Markdown, so the raw body does not hold them as written). */
const seen = (body: string | undefined): string => html(body ?? '').text
/** Every signed link the run handed out: the comment must show none of them. */
const signedUrls = (r: RunResult): string[] => [
  ...(JSON.parse(r.outputs.urls ?? '[]') as string[]),
  ...(r.outputs['thumbnail-url'] ? [r.outputs['thumbnail-url']] : []),
]

describe('pr-comment', () => {
  it('creates one comment on the first run and updates that same comment on a re-run', async () => {
    gh.addPullRequest(PR)
    const first = await run({ prompt: 'a paper boat in the rain', 'num-results': '2' })
    expect(first.code, first.stdout + first.stderr).toBe(0)
    expect(commentsOn()).toHaveLength(1)
    const comment = commentsOn()[0]
    expect(first.outputs['pr-comment-url']).toBe(`${gh.url}/octo/demo/pull/${PR}#issuecomment-${comment?.id}`)
    expect(comment?.user).toEqual(ACTIONS_BOT)
    expect(comment?.body.startsWith(`${commentMarker(`${WORKFLOW}/${JOB}`)}\n`)).toBe(true)
    // Read-only check before the execution, then list and create at the end.
    expect(apiCalls()).toEqual([
      `GET /repos/octo/demo/pulls/${PR}`,
      `GET /repos/octo/demo/issues/${PR}/comments`,
      `POST /repos/octo/demo/issues/${PR}/comments`,
    ])
    const preflight = gh.requests[0]
    expect(first.stdout.indexOf('pr-comment: pull request #7 of octo/demo')).toBeLessThan(
      first.stdout.indexOf('Created execution'),
    )
    expect(preflight?.headers.authorization).toBe(`token ${gh.token}`)

    const doc = html(comment?.body ?? '')
    expect(doc.querySelector('h3')?.text).toBe('✅ VideoGen clip: succeeded (2 clips)')
    const rows = doc.querySelectorAll('table')[1]?.querySelectorAll('tr').slice(1) ?? []
    expect(rows).toHaveLength(2)
    // Without public-preview or an artifact every clip links the run; the signed links are nowhere.
    expect(rows.map((r) => r.querySelector('a')?.getAttribute('href'))).toEqual([RUN_URL, RUN_URL])
    for (const row of rows) {
      const [, , duration, size] = row.querySelectorAll('td').map((td) => td.text)
      expect(duration).toMatch(/^\d+(\.\d+)? s$/)
      expect(size).toMatch(/^\d+(\.\d)? (B|KiB|MiB)$/)
    }
    for (const url of signedUrls(first)) expect(comment?.body).not.toContain(url)
    expect(comment?.body).not.toContain(emulator.storageUrl)
    expect(doc.text).toContain(`Execution ${first.outputs['execution-id']}, new`)

    // The same job again: the comment is found among the pull request's comments and edited in place.
    gh.requests.length = 0
    const again = await run({ prompt: 'a paper boat in the rain, again', 'num-results': '2' })
    expect(again.code, again.stdout + again.stderr).toBe(0)
    expect(commentsOn()).toHaveLength(1)
    expect(commentsOn()[0]?.id).toBe(comment?.id)
    expect(seen(commentsOn()[0]?.body)).toContain(again.outputs['execution-id'])
    expect(seen(commentsOn()[0]?.body)).not.toContain(first.outputs['execution-id'])
    // With a marked comment found, who the token writes as (the job token cannot say: github-actions[bot]).
    expect(apiCalls()).toEqual([
      `GET /repos/octo/demo/pulls/${PR}`,
      `GET /repos/octo/demo/issues/${PR}/comments`,
      'GET /user',
      `PATCH /repos/octo/demo/issues/comments/${comment?.id}`,
    ])
    expect(again.outputs['pr-comment-url']).toBe(first.outputs['pr-comment-url'])
    expect(again.stdout).toContain(`Updated the comment on pull request #${PR} → ${first.outputs['pr-comment-url']}`)
  })

  it('a batch comments one row per request, a failed one with its reason, and no signed link', async () => {
    gh.addPullRequest(PR)
    emulator.configure({
      jobFor: (body) =>
        body.prompt === 'the failing one' ? { outcome: 'failed', error: { message: 'moderation' } } : undefined,
    })
    try {
      const requests = JSON.stringify([
        { id: 'intro', prompt: 'an intro' },
        { id: 'broken', prompt: 'the failing one' },
        { id: 'outro', prompt: 'an outro', 'num-results': 2 },
      ])
      const r = await run({ requests })
      expect(r.code).toBe(1)
      expect(commentsOn()).toHaveLength(1)
      const body = commentsOn()[0]?.body ?? ''
      const doc = html(body)
      expect(doc.querySelector('h3')?.text).toBe('❌ VideoGen batch: failed (2 of 3 succeeded)')
      const rows = doc.querySelectorAll('table').at(-1)?.querySelectorAll('tr').slice(1) ?? []
      expect(rows.map((row) => row.querySelector('code')?.text)).toEqual(['intro', 'broken', 'outro'])
      expect(rows[1]?.querySelectorAll('td')[3]?.text).toContain('moderation')
      expect(rows[2]?.querySelectorAll('a').map((a) => a.getAttribute('href'))).toEqual([RUN_URL, RUN_URL])
      const results = JSON.parse(r.outputs.results as string) as Record<string, { urls: string[] }>
      for (const url of Object.values(results).flatMap((i) => i.urls)) expect(body).not.toContain(url)
      expect(body).not.toContain(emulator.storageUrl)
    } finally {
      emulator.configure({ jobFor: undefined })
    }
  })

  it('finds its comment on a later page of a long conversation, and prefers its own over a pasted marker', async () => {
    gh.addPullRequest(PR)
    const marker = commentMarker(`${WORKFLOW}/${JOB}`)
    // Someone quotes the marker at the start of their own comment, before the action's comment exists.
    const pasted = gh.issues.addComment(PR, `${marker}\nnot the action's`, { login: 'mallory', type: 'User' })
    for (let i = 0; i < 120; i++) gh.issues.addComment(PR, `comment ${i}`, { login: 'reviewer', type: 'User' })
    const own = gh.issues.addComment(PR, `${marker}\nan earlier run's comment`, ACTIONS_BOT)

    const r = await run({ prompt: 'a kite over the dunes' })
    expect(r.code, r.stdout + r.stderr).toBe(0)
    expect(seen(own.body)).toContain(r.outputs['execution-id'])
    expect(pasted.body).toBe(`${marker}\nnot the action's`)
    expect(commentsOn()).toHaveLength(122)
    // 121 comments before it: two pages of 100, both read.
    expect(gh.requests.filter((q) => q.method === 'GET' && q.path.includes('/comments')).map((q) => q.path)).toEqual([
      `/repos/octo/demo/issues/${PR}/comments?per_page=100`,
      `/repos/octo/demo/issues/${PR}/comments?per_page=100&page=2`,
    ])
    expect(r.outputs['pr-comment-url']).toBe(`${gh.url}/octo/demo/pull/${PR}#issuecomment-${own.id}`)
  })

  it('keeps one comment per key: two jobs, or two pr-comment-key values, make two comments', async () => {
    gh.addPullRequest(PR)
    const a = await run({ prompt: 'landscape' }, { env: { GITHUB_JOB: 'landscape' } })
    const b = await run({ prompt: 'portrait' }, { env: { GITHUB_JOB: 'portrait' } })
    expect([a.code, b.code]).toEqual([0, 0])
    expect(commentsOn()).toHaveLength(2)
    const wide = await run({ prompt: 'landscape', 'pr-comment-key': 'matrix-16:9' })
    const tall = await run({ prompt: 'portrait', 'pr-comment-key': 'matrix-9:16' })
    const tallAgain = await run({ prompt: 'portrait again', 'pr-comment-key': 'matrix-9:16' })
    expect([wide.code, tall.code, tallAgain.code]).toEqual([0, 0, 0])
    expect(commentsOn()).toHaveLength(4)
    expect(tallAgain.outputs['pr-comment-url']).toBe(tall.outputs['pr-comment-url'])
    const bodies = commentsOn().map((c) => seen(c.body))
    expect(bodies.filter((body) => body.includes(a.outputs['execution-id'] as string))).toHaveLength(1)
    expect(bodies.filter((body) => body.includes(b.outputs['execution-id'] as string))).toHaveLength(1)
    expect(bodies.filter((body) => body.includes(wide.outputs['execution-id'] as string))).toHaveLength(1)
    expect(bodies.filter((body) => body.includes(tallAgain.outputs['execution-id'] as string))).toHaveLength(1)
    expect(bodies.some((body) => body.includes(tall.outputs['execution-id'] as string))).toBe(false)
  })

  it('links the public previews with public-preview: true, never a signed link', async () => {
    gh.addPullRequest(PR)
    const r = await run({ prompt: 'a lighthouse at dawn', 'num-results': '2', 'public-preview': 'true' })
    expect(r.code, r.stdout + r.stderr).toBe(0)
    const body = commentsOn()[0]?.body ?? ''
    const publicUrls = JSON.parse(r.outputs['public-urls'] as string) as string[]
    expect(publicUrls).toHaveLength(2)
    const links = html(body)
      .querySelectorAll('table')[1]
      ?.querySelectorAll('a')
      .map((a) => a.getAttribute('href'))
    expect(links).toEqual(publicUrls)
    for (const url of signedUrls(r)) expect(body).not.toContain(url)
    expect(body).not.toMatch(/[?&]sig=/)
    expect(body).not.toContain('expire')
  })

  it('updates the comment when a later run fails, with the reason: no stale success stays', async () => {
    gh.addPullRequest(PR)
    const ok = await run({ prompt: 'a red balloon' })
    expect(ok.code).toBe(0)
    const id = commentsOn()[0]?.id

    emulator.configure({
      job: {
        ...JOB_SCRIPT,
        outcome: 'failed',
        error: { message: 'The prompt <b>broke</b> a | rule', code: 'content_policy' },
      },
    })
    const failed = await run({ prompt: 'a red balloon, take two' })
    expect(failed.code).toBe(1)
    expect(commentsOn()).toHaveLength(1)
    expect(commentsOn()[0]?.id).toBe(id)
    const doc = html(commentsOn()[0]?.body ?? '')
    expect(doc.querySelector('h3')?.text).toBe('❌ VideoGen clip: failed')
    const error = doc.querySelectorAll('tr').find((tr) => tr.querySelector('th')?.text === 'Error')
    expect(error?.querySelector('td')?.text).toBe(
      `Execution ${failed.outputs['execution-id']} failed: The prompt <b>broke</b> a | rule (code content_policy).`,
    )
    expect(doc.querySelectorAll('b')).toHaveLength(0)
    expect(seen(commentsOn()[0]?.body)).not.toContain(ok.outputs['execution-id'])

    // A timeout says so too.
    emulator.configure({ job: { queuedMs: 30, durationMs: 60_000 } })
    // 6 s: the pull-request check, the create (a quarter of the timeout still left) and a poll fit, loaded.
    const late = await run({ prompt: 'a red balloon, slowly', timeout: '6s' })
    expect(late.code).toBe(1)
    expect(late.outputs.status).toBe('timed-out')
    expect(commentsOn()).toHaveLength(1)
    const timedOut = html(commentsOn()[0]?.body ?? '')
    expect(timedOut.querySelector('h3')?.text).toBe('⏱️ VideoGen clip: timed out')
    expect(timedOut.text).toContain(`Timed out after`)
    expect(timedOut.text).toContain(late.outputs['execution-id'] as string)
  })

  it('reports a failure before any execution (out of credits) on the pull request too', async () => {
    gh.addPullRequest(PR)
    emulator.configure({ credits: 0 })
    try {
      const r = await run({ prompt: 'a red balloon' })
      expect(r.code).toBe(1)
      expect(emulator.createCount()).toBe(0)
      const doc = html(commentsOn()[0]?.body ?? '')
      expect(doc.querySelector('h3')?.text).toBe('⚠️ VideoGen clip: error')
      expect(doc.text).toMatch(/insufficient_credits/)
      expect(doc.text).toContain('No execution id')
    } finally {
      emulator.configure({ credits: Infinity })
    }
  })

  it('on a fork pull request whose token cannot write, warns how to fix it and succeeds', async () => {
    gh.addPullRequest(PR, { headRepo: 'forker/demo' })
    gh.issues.permission = 'read'
    const r = await run({ prompt: 'a fork contribution' }, { event: pullRequestEvent(PR, 'forker/demo') })
    expect(r.code, r.stdout + r.stderr).toBe(0)
    expect(r.outputs.status).toBe('succeeded')
    expect(r.outputs['pr-comment-url']).toBeUndefined()
    expect(commentsOn()).toHaveLength(0)
    const warnings = annotations(r, 'warning')
    expect(warnings).toHaveLength(1)
    expect(warnings[0]).toMatch(
      /^::warning::Could not comment on pull request #7: Resource not accessible by integration.*comes from a fork.*pull_request_target.*pull-requests: write.*never check out or run the fork's code/,
    )
    expect(r.stdout).toContain('pr-comment: pull request #7 of octo/demo (from a fork)')

    // The same refusal on a branch of this repository points at the job's permissions only; here an edit of
    // an earlier run's comment is what is refused.
    gh.issues.pulls.splice(0, 1)
    gh.addPullRequest(PR)
    const earlier = gh.issues.addComment(PR, `${commentMarker(`${WORKFLOW}/${JOB}`)}\nearlier`, ACTIONS_BOT)
    const own = await run({ prompt: 'a branch contribution' })
    expect(own.code).toBe(0)
    expect(apiCalls().at(-1)).toBe(`PATCH /repos/octo/demo/issues/comments/${earlier.id}`)
    expect(earlier.body).toMatch(/\nearlier$/)
    expect(annotations(own, 'warning')).toEqual([
      expect.stringMatching(
        /^::warning::Could not comment on pull request #7: Resource not accessible by integration.*The token cannot write to the pull request: give the job `permissions: pull-requests: write`/,
      ),
    ])
  })

  it('any other failure to write the comment is a warning, never a failed (paid) run', async () => {
    gh.addPullRequest(PR)
    gh.fail({ method: 'POST', path: /\/comments$/, status: 502, message: 'Server Error' })
    const r = await run({ prompt: 'a flaky day at GitHub' })
    expect(r.code, r.stdout + r.stderr).toBe(0)
    expect(annotations(r, 'warning')).toEqual([
      expect.stringMatching(
        /^::warning::Could not comment on pull request #7: Server Error\b.*The step does not fail for this; the next run updates the comment\.$/,
      ),
    ])
    expect(commentsOn()).toHaveLength(0)
  })

  it('a GitHub error on the read-only check only warns; a comment deleted since it was listed is written anew', async () => {
    gh.addPullRequest(PR)
    const first = await run({ prompt: 'first' })
    expect(first.code).toBe(0)
    const id = commentsOn()[0]?.id

    gh.fail({ method: 'GET', path: /\/pulls\/7$/, status: 503, message: 'Service Unavailable' })
    // As if someone deleted the comment between the listing and the edit.
    gh.fail({ method: 'PATCH', path: new RegExp(`/issues/comments/${id}$`), status: 404, message: 'Not Found' })
    const r = await run({ prompt: 'second' })
    expect(r.code, r.stdout + r.stderr).toBe(0)
    expect(annotations(r, 'warning')).toEqual([
      expect.stringMatching(
        /^::warning::pr-comment: could not check pull request #7 \(Service Unavailable.*\); the comment is tried when the run ends$/,
      ),
    ])
    expect(emulator.createCount()).toBe(2)
    expect(apiCalls().slice(-2)).toEqual([
      `PATCH /repos/octo/demo/issues/comments/${id}`,
      `POST /repos/octo/demo/issues/${PR}/comments`,
    ])
    expect(r.outputs['pr-comment-url']).toBe(`${gh.url}/octo/demo/pull/${PR}#issuecomment-${commentsOn()[1]?.id}`)
  })

  it('fails before anything is created or billed when the token cannot read the pull request', async () => {
    gh.addPullRequest(PR)
    gh.issues.permission = 'none'
    const r = await run({ prompt: 'never generated' })
    expect(r.code).toBe(1)
    expect(annotations(r, 'error')).toEqual([
      expect.stringMatching(
        /^::error::Input 'pr-comment': the token cannot read pull request #7 of octo\/demo \(Resource not accessible by integration.*permissions: pull-requests: write.*Nothing was created or billed\./,
      ),
    ])
    expect(emulator.requests).toHaveLength(0)
    expect(apiCalls()).toEqual([`GET /repos/octo/demo/pulls/${PR}`])

    // A pull request the token cannot see (or that does not exist) is the same.
    const missing = await run({ prompt: 'never generated' }, { event: pullRequestEvent(99) })
    expect(missing.code).toBe(1)
    expect(emulator.requests).toHaveLength(0)
  })

  it('outside a pull request is ignored with one notice and no GitHub request; a dry run comments nothing', async () => {
    const push = await run({ prompt: 'on push' }, { event: { name: 'push', payload: { ref: 'refs/heads/main' } } })
    expect(push.code, push.stdout + push.stderr).toBe(0)
    expect(annotations(push, 'notice')).toEqual([
      "::notice::pr-comment is ignored: this run is a 'push' event, not one of a pull request",
    ])
    expect(annotations(push, 'warning')).toEqual([])
    expect(gh.requests).toHaveLength(0)
    expect(push.outputs['pr-comment-url']).toBeUndefined()

    // A comment on a plain issue is not a pull request either.
    const issue = await run(
      { prompt: 'on an issue comment' },
      { event: { name: 'issue_comment', payload: { issue: { number: 3 }, comment: { body: '/clip' } } } },
    )
    expect(issue.code).toBe(0)
    expect(annotations(issue, 'notice')).toHaveLength(1)
    expect(gh.requests).toHaveLength(0)

    gh.addPullRequest(PR)
    const dry = await run({ prompt: 'only a plan', 'dry-run': 'true' }, { env: { VIDEOGEN_API_KEY: '' } })
    expect(dry.code, dry.stdout + dry.stderr).toBe(0)
    expect(dry.stdout).toContain('pr-comment: no comment in a dry run')
    expect(gh.requests).toHaveLength(0)
  })

  it('an event file it cannot read, or no owner/repo, leaves the comment out with a warning', async () => {
    gh.addPullRequest(PR)
    const event = eventFile(pullRequestEvent())
    writeFileSync(event, '{ not json')
    const broken = await run({ prompt: 'broken event' }, { env: { GITHUB_EVENT_PATH: event } })
    expect(broken.code, broken.stdout + broken.stderr).toBe(0)
    expect(annotations(broken, 'warning')).toEqual([
      expect.stringMatching(
        /^::warning::pr-comment: could not read the event of this run \(.*\); no comment is written$/,
      ),
    ])
    const noRepo = await run({ prompt: 'no repository' }, { env: { GITHUB_REPOSITORY: 'not a repository' } })
    expect(noRepo.code, noRepo.stdout + noRepo.stderr).toBe(0)
    expect(annotations(noRepo, 'warning')).toEqual([
      "::warning::pr-comment: GITHUB_REPOSITORY is not 'owner/repo'; no comment is written",
    ])
    expect(gh.requests).toHaveLength(0)
  })

  it('on an issue_comment of a pull request comments on that pull request', async () => {
    gh.addPullRequest(12)
    const r = await run(
      { prompt: 'asked for in a comment' },
      {
        event: {
          name: 'issue_comment',
          payload: { issue: { number: 12, pull_request: { url: 'https://api.github.com/repos/octo/demo/pulls/12' } } },
        },
      },
    )
    expect(r.code, r.stdout + r.stderr).toBe(0)
    expect(commentsOn(12)).toHaveLength(1)
    expect(r.outputs['pr-comment-url']).toContain('/pull/12#issuecomment-')
  })

  it('refuses a run started by its own comment (a token that triggers workflows would loop, paying every round)', async () => {
    gh.addPullRequest(PR)
    const r = await run(
      { prompt: 'never generated' },
      {
        event: {
          name: 'issue_comment',
          payload: {
            action: 'edited',
            issue: { number: PR, pull_request: { url: 'https://api.github.com/repos/octo/demo/pulls/7' } },
            comment: { body: `${commentMarker('another key')}\n\n<h3>✅ VideoGen clip: succeeded</h3>` },
          },
        },
      },
    )
    expect(r.code).toBe(1)
    expect(annotations(r, 'error')).toEqual([
      expect.stringMatching(
        /^::error::Input 'pr-comment': this run was started by a comment that this action wrote.*startsWith\(github\.event\.comment\.body, '<!-- videogen-action:pr-comment:'\).*Nothing was created or billed\.$/,
      ),
    ])
    expect(emulator.requests).toHaveLength(0)
    expect(gh.requests).toHaveLength(0)
  })

  it('shows a hostile prompt as text in the comment', async () => {
    gh.addPullRequest(PR)
    const prompt = 'x --> <script>alert(1)</script> **bold** | a | b\n\n# not a heading'
    const r = await run({ prompt })
    expect(r.code, r.stdout + r.stderr).toBe(0)
    const body = commentsOn()[0]?.body ?? ''
    expect(body).not.toContain('<script>')
    expect(body.match(/-->/g)).toHaveLength(1) // the marker's own end only
    const doc = html(body)
    expect(doc.querySelectorAll('script, strong, h1')).toHaveLength(0)
    const cell = doc
      .querySelectorAll('tr')
      .find((tr) => tr.querySelector('th')?.text === 'Prompt')
      ?.querySelector('td')
    const shown = parse((cell?.innerHTML ?? '').replace(/<br>/g, '\n')).textContent
    expect(shown.replace(/#\u200b/g, '#')).toBe(prompt) // a zero-width space keeps # from linking an issue
  })
})
