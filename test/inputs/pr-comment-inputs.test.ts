// What pr-comment reads: its inputs (through loadSettings) and the pull request of the event payload.
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { pullRequestNumber, runUrl } from '../../src/deliver/pr-comment.js'
import { loadSettings } from '../../src/inputs/settings.js'

const saved = { ...process.env }
beforeEach(() => {
  process.env.GITHUB_WORKSPACE = mkdtempSync(path.join(tmpdir(), 'vg-prc-'))
  process.env.GITHUB_WORKFLOW = 'Preview clips'
  process.env.GITHUB_JOB = 'clip'
})
afterEach(() => {
  process.env = { ...saved }
})

const load = (inputs: Record<string, string>) =>
  loadSettings((name) => ({ 'github-token': 'ghs_x', prompt: 'p', ...inputs })[name] ?? '', 'k')

describe('pr-comment inputs', () => {
  it('are off by default; on, the key defaults to the workflow and job, and an explicit key is trimmed', async () => {
    expect((await load({})).prComment).toBeUndefined()
    expect((await load({ 'pr-comment': 'true' })).prComment).toEqual({ key: 'Preview clips/clip', token: 'ghs_x' })
    expect((await load({ 'pr-comment': 'true', 'pr-comment-key': '  wide \n' })).prComment?.key).toBe('wide')
    // A key without pr-comment is not an error: a workflow may turn the comment on for some events only.
    expect((await load({ 'pr-comment-key': 'wide' })).prComment).toBeUndefined()
  })

  it('need a token and wait: true, reported with the other input problems', async () => {
    await expect(load({ 'pr-comment': 'true', 'github-token': '', wait: 'false', 'num-results': '0' })).rejects.toThrow(
      /Input 'github-token': is empty; pr-comment needs a token with pull-requests: write.*Input 'pr-comment': has nothing to report with wait: false/,
    )
    await expect(load({ 'pr-comment': 'yes please' })).rejects.toThrow(/Input 'pr-comment'/)
  })

  it('are taken with a batch, whose comment has a row per request', async () => {
    const requests = JSON.stringify([
      { id: 'a', prompt: 'a' },
      { id: 'b', prompt: 'b' },
    ])
    const settings = await load({ 'pr-comment': 'true', prompt: '', requests })
    expect(settings.batch).toBeDefined()
    expect(settings.prComment).toBeDefined()
  })
})

describe('pullRequestNumber', () => {
  it('reads the pull request of pull_request, pull_request_target and review events', () => {
    for (const event of ['pull_request', 'pull_request_target', 'pull_request_review', 'pull_request_review_comment'])
      expect(pullRequestNumber(event, { pull_request: { number: 7 } }), event).toBe(7)
  })

  it('reads an issue_comment only when the issue is a pull request', () => {
    expect(pullRequestNumber('issue_comment', { issue: { number: 3, pull_request: { url: 'u' } } })).toBe(3)
    expect(pullRequestNumber('issue_comment', { issue: { number: 3 } })).toBeUndefined()
    expect(pullRequestNumber('issue_comment', { issue: { number: 3, pull_request: null } })).toBeUndefined()
  })

  it('takes nothing else: other events, and numbers that are not positive integers', () => {
    expect(pullRequestNumber('push', { pull_request: { number: 7 } })).toBeUndefined()
    expect(pullRequestNumber(undefined, { pull_request: { number: 7 } })).toBeUndefined()
    for (const number of [0, -1, 1.5, '7', Number.NaN, 2 ** 60, null, { valueOf: () => 7 }])
      expect(pullRequestNumber('pull_request', { pull_request: { number } }), String(number)).toBeUndefined()
    for (const payload of [null, undefined, 'x', [], { pull_request: 'x' }, { pull_request: [7] }])
      expect(pullRequestNumber('pull_request', payload), JSON.stringify(payload)).toBeUndefined()
  })
})

describe('runUrl', () => {
  it('is the run page of this attempt on the server of the run', () => {
    const env = { GITHUB_SERVER_URL: 'https://ghe.example.com/', GITHUB_REPOSITORY: 'o/r', GITHUB_RUN_ID: '9' }
    expect(runUrl({ ...env, GITHUB_RUN_ATTEMPT: '3' })).toBe('https://ghe.example.com/o/r/actions/runs/9/attempts/3')
    expect(runUrl({ ...env, GITHUB_RUN_ATTEMPT: '0; x' })).toBe('https://ghe.example.com/o/r/actions/runs/9')
    expect(runUrl({ GITHUB_REPOSITORY: 'o/r', GITHUB_RUN_ID: '9' })).toBe('https://github.com/o/r/actions/runs/9')
  })
})
