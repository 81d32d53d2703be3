// The pull-request comment on GitHub: which pull request (from the event), a read-only check before anything
// is billed, then one comment per key, created by the first run and updated by every later one. Writing it
// never fails the step: by then the clips are paid for.
import { setTimeout as delay } from 'node:timers/promises'
import { log } from '../log.js'
import { InputError } from '../inputs/input-error.js'
import type { PrCommentSettings } from '../inputs/settings.js'
import { clean } from '../sanitize.js'
import { errorText } from '../videogen/errors.js'
import { type Octokit, githubClient, listAll } from './github-client.js'
import { githubLink, githubOrigins, serverLink } from './github-urls.js'
import { OUTPUTS, setOutput } from './outputs.js'
import {
  AUTHOR_LINE_CHARS,
  MARKER_PREFIX,
  PR_COMMENT_LIMIT,
  type PrCommentInput,
  commentMarker,
  hasMarker,
  namesAuthor,
  renderPrComment,
  withAuthor,
} from './pr-comment-body.js'

/** Each GitHub call of the comment together: a hung API must not hold a finished (paid) run. */
const BUDGET_MS = 60_000
/** Less than this, and listing, asking and writing cannot all be done. */
const MIN_BUDGET_MS = 1500

/** Events whose payload carries the pull request itself (`issue_comment` carries it as an issue). */
const PR_EVENTS = new Set(['pull_request', 'pull_request_target', 'pull_request_review', 'pull_request_review_comment'])

export interface PrCommentTarget {
  owner: string
  repo: string
  number: number
  token: string
  marker: string
  /** The head is another repository: GitHub gives `pull_request` runs of forks a read-only token. */
  fork: boolean
  headSha?: string
}

/** What the run has to say: the comment's content but for what the target and the environment add. */
export type PrReport = Omit<PrCommentInput, 'marker' | 'runUrl' | 'commit'>

const record = (value: unknown): Record<string, unknown> | undefined =>
  value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined

const text = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined)

function statusOf(error: unknown): number | undefined {
  const status = record(error)?.status
  return typeof status === 'number' ? status : undefined
}

/** The pull request the event is about, or undefined for any other run. */
export function pullRequestNumber(eventName: string | undefined, payload: unknown): number | undefined {
  const event = record(payload)
  let number: unknown
  if (eventName !== undefined && PR_EVENTS.has(eventName)) number = record(event?.pull_request)?.number
  else if (eventName === 'issue_comment') {
    // A comment on a plain issue has no `issue.pull_request`: not a pull request.
    const issue = record(event?.issue)
    if (record(issue?.pull_request)) number = issue?.number
  }
  return typeof number === 'number' && Number.isSafeInteger(number) && number > 0 ? number : undefined
}

/** The run's page (its summary has every clip and link), for the attempt that wrote the comment. */
export function runUrl(env: NodeJS.ProcessEnv = process.env): string {
  const server = (env.GITHUB_SERVER_URL || 'https://github.com').replace(/\/+$/, '')
  const attempt = /^[1-9]\d{0,5}$/.test(env.GITHUB_RUN_ATTEMPT ?? '') ? `/attempts/${env.GITHUB_RUN_ATTEMPT}` : ''
  return `${server}/${env.GITHUB_REPOSITORY ?? ''}/actions/runs/${env.GITHUB_RUN_ID ?? ''}${attempt}`
}

function repository(): { owner: string; repo: string } | undefined {
  const m = /^([A-Za-z0-9_.-]+)\/([A-Za-z0-9_.-]+)$/.exec(process.env.GITHUB_REPOSITORY ?? '')
  return m ? { owner: m[1] as string, repo: m[2] as string } : undefined
}

/** The fork and head fields of a pull request (the API's answer, or the event's copy). */
function headOf(pull: unknown, base: string): { fork: boolean; headSha?: string } | undefined {
  const head = record(record(pull)?.head)
  if (!head) return undefined
  const name = text(record(head.repo)?.full_name)
  const sha = text(head.sha)
  // A deleted fork leaves `head.repo` null: still another repository.
  return {
    fork: name === undefined || name.toLowerCase() !== base.toLowerCase(),
    ...(sha && /^[0-9a-f]{40}$/i.test(sha) && { headSha: sha }),
  }
}

/**
 * Before anything is created or billed: the pull request of this run, and a token that can read it.
 * Returns undefined (after one notice) when the run is not about a pull request. Read-only: a fork's
 * token passes here and is only refused when writing, which warns.
 */
export async function preparePrComment(settings: PrCommentSettings): Promise<PrCommentTarget | undefined> {
  let context: (typeof import('@actions/github'))['context']
  try {
    ;({ context } = await import('@actions/github'))
  } catch (error) {
    // The library reads the event file when it loads; one that is not JSON leaves no pull request to find.
    log.warning(`pr-comment: could not read the event of this run (${errorText(error)}); no comment is written`)
    return undefined
  }
  const number = pullRequestNumber(context.eventName, context.payload)
  if (number === undefined) {
    log.notice(
      `pr-comment is ignored: this run is a '${clean(context.eventName || 'unknown', 100)}' event, not one of a pull request`,
    )
    return undefined
  }
  if (
    context.eventName === 'issue_comment' &&
    hasMarker(record(record(context.payload)?.comment)?.body, MARKER_PREFIX)
  ) {
    // With a token other than the job's, writing the comment starts the workflow again: a loop that pays every round.
    throw new InputError(
      'pr-comment',
      `this run was started by a comment that this action wrote, so commenting again would start the next run, and so on. Skip such runs: \`if: \${{ !startsWith(github.event.comment.body, '${MARKER_PREFIX}') }}\`. Nothing was created or billed.`,
    )
  }
  const repo = repository()
  if (!repo) {
    log.warning(`pr-comment: GITHUB_REPOSITORY is not 'owner/repo'; no comment is written`)
    return undefined
  }
  const base = `${repo.owner}/${repo.repo}`
  const target: PrCommentTarget = {
    ...repo,
    number,
    token: settings.token,
    marker: commentMarker(settings.key),
    ...(headOf(record(context.payload)?.pull_request, base) ?? { fork: false }),
  }
  const octokit = await githubClient(settings.token)
  let pull: unknown
  try {
    ;({ data: pull } = await octokit.request('GET /repos/{owner}/{repo}/pulls/{pull_number}', {
      ...repo,
      pull_number: number,
      request: { signal: AbortSignal.timeout(BUDGET_MS) },
    }))
  } catch (error) {
    const status = statusOf(error)
    if (status === 401 || status === 403 || status === 404) {
      throw new InputError(
        'pr-comment',
        `the token cannot read pull request #${number} of ${base} (${errorText(error)}). Give the job \`permissions: pull-requests: write\` (github-token defaults to the job's token), or pass a github-token that has it. Nothing was created or billed.`,
      )
    }
    log.warning(
      `pr-comment: could not check pull request #${number} (${errorText(error)}); the comment is tried when the run ends`,
    )
    return target
  }
  const checked = { ...target, ...headOf(pull, base) }
  log.info(
    `pr-comment: pull request #${number} of ${base}${checked.fork ? ' (from a fork)' : ''}; commented when the run ends`,
  )
  return checked
}

/**
 * Who the token writes as. A personal token answers `GET /user` with its login. Installation tokens (the job
 * token, a GitHub App's) may not ask (401/403), and write as some `<app>[bot]`: the comments of bots are then
 * its own. A failure that may pass (a 5xx, the network) is asked again, since a wrong answer means a second
 * comment on the pull request.
 */
async function whoWrites(octokit: Octokit, signal: AbortSignal): Promise<{ login: string } | 'a bot'> {
  for (let attempt = 1; ; attempt++) {
    try {
      const { data } = await octokit.request('GET /user', { request: { signal } })
      const login = text(record(data)?.login)
      return login ? { login } : 'a bot'
    } catch (error) {
      const status = statusOf(error)
      if (status === 401 || status === 403 || status === 404 || attempt === USER_ATTEMPTS || signal.aborted) {
        if (status === undefined || status >= 500)
          log.info(`pr-comment: could not ask GitHub who the token is: ${errorText(error)}`)
        return 'a bot'
      }
      await delay(500 * attempt, undefined, { signal }).catch(() => undefined)
    }
  }
}

const USER_ATTEMPTS = 3
const COMMENTS_PER_PAGE = 100
/** 10,000 comments: a pull request with more is not read to the end. */
const MAX_COMMENT_PAGES = 100

/**
 * The comment this action wrote under the target's marker, if any: the oldest one written by the token's own
 * user. The marker is in every comment the action writes, so anyone (a person, another bot) can quote it at
 * the start of theirs: a person's are never edited, unless the token is that person's.
 */
async function findComment(
  octokit: Octokit,
  t: PrCommentTarget,
  signal: AbortSignal,
): Promise<{ id: number; login: string | undefined } | undefined> {
  const found: Array<{ id: number; login: string | undefined; bot: boolean; signed: boolean }> = []
  const comments = await listAll(
    octokit,
    'GET /repos/{owner}/{repo}/issues/{issue_number}/comments',
    { owner: t.owner, repo: t.repo, issue_number: t.number },
    { signal, perPage: COMMENTS_PER_PAGE, maxPages: MAX_COMMENT_PAGES },
  )
  for (const item of comments) {
    const comment = record(item)
    const id = comment?.id
    if (typeof id !== 'number' || !Number.isSafeInteger(id) || !hasMarker(comment?.body, t.marker)) continue
    const user = record(comment?.user)
    const login = text(user?.login)
    const bot = user?.type === 'Bot' && login?.endsWith('[bot]') === true
    found.push({ id, login, bot, signed: bot && namesAuthor(comment?.body, t.marker, login as string) })
  }
  if (found.length === 0) return undefined
  const writer = await whoWrites(octokit, signal)
  if (writer !== 'a bot') return found.find((c) => c.login === writer.login)
  // Which bot is not known: the job token's, else one whose comment names it as its author (see withAuthor);
  // a bot that only quoted the marker is never edited.
  return found.find((c) => c.bot && c.login === JOB_TOKEN_LOGIN) ?? found.find((c) => c.signed)
}

/** The job token writes as this GitHub App. */
const JOB_TOKEN_LOGIN = 'github-actions[bot]'

async function upsert(
  t: PrCommentTarget,
  body: string,
  budgetMs: number,
): Promise<{ data: unknown; updated: boolean }> {
  const octokit = await githubClient(t.token)
  const signal = AbortSignal.timeout(budgetMs)
  const edit = (id: number, login: string) =>
    octokit.request('PATCH /repos/{owner}/{repo}/issues/comments/{comment_id}', {
      owner: t.owner,
      repo: t.repo,
      comment_id: id,
      body: withAuthor(body, t.marker, login),
      request: { signal },
    })
  const found = await findComment(octokit, t, signal)
  if (found !== undefined) {
    try {
      const { data } = await edit(found.id, found.login ?? '')
      return { data, updated: true }
    } catch (error) {
      // Deleted since it was listed: write a new one.
      if (statusOf(error) !== 404) throw error
    }
  }
  const { data } = await octokit.request('POST /repos/{owner}/{repo}/issues/{issue_number}/comments', {
    owner: t.owner,
    repo: t.repo,
    issue_number: t.number,
    body,
    request: { signal },
  })
  // Who wrote it is known now: an app's bot signs its comment, so that its next run finds it (the job token's
  // bot and a person are found by login).
  const created = record(data)
  const login = text(record(created?.user)?.login)
  const id = created?.id
  if (login?.endsWith('[bot]') && login !== JOB_TOKEN_LOGIN && typeof id === 'number') {
    try {
      return { data: (await edit(id, login)).data, updated: false }
    } catch (error) {
      log.info(`pr-comment: could not sign the new comment as ${clean(login)}: ${errorText(error)}`)
    }
  }
  return { data, updated: false }
}

/** The comment's page: GitHub's html_url if it is on GitHub, else the page it stands for; none without an id. */
function commentLink(t: PrCommentTarget, data: unknown): string | undefined {
  const comment = record(data)
  const id = comment?.id
  if (typeof id !== 'number' || !Number.isSafeInteger(id)) return undefined
  const origins = githubOrigins()
  const page = serverLink(origins, [t.owner, t.repo, 'pull', String(t.number)], `#issuecomment-${id}`)
  const { url, replaced } = githubLink(comment?.html_url, origins, page)
  if (replaced && comment?.html_url !== undefined) {
    log.warning(
      `GitHub gave the comment a link that is not GitHub's (${clean(comment.html_url, 200)}); linking ${url} instead`,
    )
  }
  return url
}

function explainFailure(t: PrCommentTarget, error: unknown): string {
  const what = `Could not comment on pull request #${t.number}: ${errorText(error)}.`
  const status = statusOf(error)
  const rateLimited = /rate limit/i.test(errorText(error))
  if ((status === 403 || status === 404) && !rateLimited && t.fork) {
    return `${what} This pull request comes from a fork, and GitHub gives its pull_request runs a read-only token. To comment on fork pull requests, run the job on pull_request_target with \`permissions: pull-requests: write\`; that run has a write token and your secrets, so never check out or run the fork's code in it. The step does not fail for this.`
  }
  if ((status === 401 || status === 403 || status === 404) && !rateLimited) {
    return `${what} The token cannot write to the pull request: give the job \`permissions: pull-requests: write\` (github-token defaults to the job's token). The step does not fail for this.`
  }
  return `${what} The step does not fail for this; the next run updates the comment.`
}

/**
 * Creates or updates the comment and sets `pr-comment-url`, within `budgetMs` (a cancelled step has only what
 * is left before the runner kills it). Any failure is a warning, never a failed step.
 */
export async function postPrComment(t: PrCommentTarget, report: PrReport, budgetMs = BUDGET_MS): Promise<void> {
  if (budgetMs < MIN_BUDGET_MS) {
    log.warning(
      `The comment on pull request #${t.number} was not updated: no time was left before the runner stops the step.`,
    )
    return
  }
  try {
    const body = renderPrComment(
      { ...report, marker: t.marker, runUrl: runUrl(), ...(t.headSha && { commit: t.headSha }) },
      PR_COMMENT_LIMIT - AUTHOR_LINE_CHARS,
    )
    const { data, updated } = await upsert(t, body, Math.min(budgetMs, BUDGET_MS))
    const link = commentLink(t, data)
    if (link) setOutput(OUTPUTS.prCommentUrl, link)
    log.info(
      `${updated ? 'Updated the' : 'Created a'} comment on pull request #${t.number}${link ? ` → ${clean(link)}` : ''}`,
    )
  } catch (error) {
    log.warning(explainFailure(t, error))
  }
}
