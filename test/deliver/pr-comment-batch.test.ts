// A batch on a fork's pull request with a read-only token; hostile API text in a batch's comment.
import { writeFileSync } from 'node:fs'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { type Emulator, startEmulator } from '../emulator/index.js'
import { newWorkspace, runAction } from '../runner/run-action.js'
import { type GitHubApi, startGitHubApi } from '../standins/github-api.js'
import { foreignCommands } from '../hostile/harness.js'

const KEY = 'sk_videogen_live_batch_pr_key_00000001'
const PR = 7
let emulator: Emulator
let gh: GitHubApi
beforeEach(async () => {
  emulator = await startEmulator({
    apiKeys: [KEY],
    job: { queuedMs: 20, durationMs: 300 },
    jobFor: (body) =>
      String(body.prompt).includes('fail') ? { queuedMs: 20, durationMs: 300, outcome: 'failed' } : undefined,
  })
  gh = await startGitHubApi({ owner: 'octo', repo: 'demo' })
})
afterEach(async () => {
  await Promise.all([gh?.close(), emulator?.close()])
})
const run = (requests: unknown) => {
  const file = path.join(newWorkspace('vg-event-'), 'event.json')
  writeFileSync(file, JSON.stringify({ number: PR, pull_request: { number: PR } }))
  return runAction({
    inputs: { 'base-url': emulator.url, 'pr-comment': 'true', requests: JSON.stringify(requests) },
    env: { VIDEOGEN_API_KEY: KEY, GITHUB_API_URL: gh.url, GITHUB_EVENT_NAME: 'pull_request', GITHUB_EVENT_PATH: file },
    githubToken: gh.token,
  })
}

describe('batch pr-comment', () => {
  it('fork with a read-only token: a warning, exit 0', async () => {
    gh.addPullRequest(PR, { headRepo: 'someone/demo' })
    gh.issues.permission = 'read'
    const r = await run([
      { id: 'a', prompt: 'x' },
      { id: 'b', prompt: 'y' },
    ])
    expect(r.code, r.stdout).toBe(0)
    expect(r.stdout).toMatch(/::warning::.*fork/)
    expect(gh.issues.comments).toEqual([])
  })

  it('API error text with markup and commands is escaped in the comment and the log', async () => {
    gh.addPullRequest(PR)
    emulator.inject({
      kind: 'rewrite',
      method: 'GET',
      path: /^\/v1\/tools\/executions/,
      times: Infinity,
      rewrite: (body) => {
        const fix = (x: Record<string, unknown>) =>
          x.status === 'failed'
            ? {
                ...x,
                error: {
                  code: 'x',
                  message: '<img src=x onerror=alert(1)> [a](javascript:alert(1)) @octo/team\n\n::set-output name=a::b',
                },
              }
            : x
        const b = body as Record<string, unknown>
        return Array.isArray(b.toolExecutions)
          ? { ...b, toolExecutions: (b.toolExecutions as Record<string, unknown>[]).map(fix) }
          : fix(b)
      },
    })
    const r = await run([
      { id: 'a', prompt: 'x' },
      { id: 'b', prompt: 'will fail' },
    ])
    expect(r.code).toBe(1)
    expect(foreignCommands(r.stdout)).toEqual([])
    const body = gh.issues.comments[0]?.body as string
    expect(body).not.toMatch(/<img src=x/)
    expect(body).not.toMatch(/\]\(javascript/)
    expect(body).not.toMatch(/@octo/) // no team is pinged by an API's text
  })
})
