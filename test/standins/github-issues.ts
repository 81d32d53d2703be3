// Pull requests and their issue comments for the GitHub REST stand-in: what pr-comment reads and writes,
// with GitHub's answers for a token without the permission (403 "Resource not accessible by integration"),
// its body limit (422 above 65,536 characters) and Link-header pagination.
import type http from 'node:http'
import { type CommentRecord, type PullRecord, type RepoUrls, commentJson, errorJson, pullJson } from './github-json.js'
import { sendJson } from './http-util.js'

/** The job token's `pull-requests` permission: `read` is what a fork's pull_request run gets. */
export type PullRequestsPermission = 'write' | 'read' | 'none'

export const COMMENT_BODY_LIMIT = 65_536

export class IssuesState {
  readonly pulls: PullRecord[] = []
  readonly comments: CommentRecord[] = []
  permission: PullRequestsPermission = 'write'
  /** Another origin for the comments' html_url (GitHub's answers are outside input). */
  htmlOrigin: string | undefined
  private nextCommentId = 7_000_001
  private clock = Date.UTC(2024, 0, 1)

  /** A new comment, in creation order (the order GitHub lists them in). */
  addComment(issue: number, body: string, user: CommentRecord['user']): CommentRecord {
    const stamp = this.tick()
    const comment = { id: this.nextCommentId++, issue_number: issue, body, user, created_at: stamp, updated_at: stamp }
    this.comments.push(comment)
    return comment
  }

  tick(): string {
    this.clock += 1000
    return new Date(this.clock).toISOString().replace(/\.\d{3}Z$/, 'Z')
  }
}

/** The bot the job token writes as. */
export const ACTIONS_BOT = { login: 'github-actions[bot]', type: 'Bot' } as const

const fail = (res: http.ServerResponse, status: number, message: string, errors?: unknown[]): void =>
  sendJson(res, status, errorJson(status, message, errors))

const forbidden = (res: http.ServerResponse) => fail(res, 403, 'Resource not accessible by integration')

/** One page of `items` with GitHub's Link header (`per_page` 1–100, default 30). */
export function sendPage(res: http.ServerResponse, url: URL, origin: string, items: unknown[]): void {
  const perPage = Math.min(Math.max(Number(url.searchParams.get('per_page')) || 30, 1), 100)
  const page = Math.max(Number(url.searchParams.get('page')) || 1, 1)
  const last = Math.max(Math.ceil(items.length / perPage), 1)
  const link = (p: number, rel: string): string =>
    `<${origin}${url.pathname}?per_page=${perPage}&page=${p}>; rel="${rel}"`
  const links = [
    ...(page > 1 ? [link(page - 1, 'prev'), link(1, 'first')] : []),
    ...(page < last ? [link(page + 1, 'next'), link(last, 'last')] : []),
  ]
  sendJson(res, 200, items.slice((page - 1) * perPage, page * perPage), links.length ? { link: links.join(', ') } : {})
}

/** The comment text of a POST or PATCH, or a GitHub error already sent. */
function commentBody(res: http.ServerResponse, raw: Buffer): string | undefined {
  let parsed: unknown
  try {
    parsed = JSON.parse(raw.toString('utf8'))
  } catch {
    fail(res, 400, 'Problems parsing JSON')
    return undefined
  }
  const body = (parsed as { body?: unknown } | null)?.body
  if (typeof body !== 'string' || body === '') {
    fail(res, 422, 'Validation Failed', [{ resource: 'IssueComment', code: 'missing_field', field: 'body' }])
    return undefined
  }
  if ([...body].length > COMMENT_BODY_LIMIT) {
    fail(res, 422, 'Validation Failed', [
      {
        resource: 'IssueComment',
        code: 'custom',
        field: 'body',
        message: `body is too long (maximum is ${COMMENT_BODY_LIMIT} characters)`,
      },
    ])
    return undefined
  }
  return body
}

/** Answers a pull or issue-comment route of the repository (`rest` is the path after /repos/{owner}/{repo}); false for any other. */
export function handleIssues(
  state: IssuesState,
  u: RepoUrls,
  req: http.IncomingMessage,
  res: http.ServerResponse,
  rest: string,
  raw: Buffer,
): boolean {
  const method = req.method ?? ''
  let m: RegExpExecArray | null
  if (method === 'GET' && (m = /^\/pulls\/(\d+)$/.exec(rest))) getPull(state, u, res, Number(m[1]))
  else if ((m = /^\/issues\/(\d+)\/comments$/.exec(rest)) && (method === 'GET' || method === 'POST'))
    issueComments(state, u, req, res, Number(m[1]), raw)
  else if ((m = /^\/issues\/comments\/(\d+)$/.exec(rest)) && ['GET', 'PATCH', 'DELETE'].includes(method))
    oneComment(state, u, req, res, Number(m[1]), raw)
  else return false
  return true
}

function getPull(state: IssuesState, u: RepoUrls, res: http.ServerResponse, number: number): void {
  const pull = state.pulls.find((p) => p.number === number)
  if (state.permission === 'none') forbidden(res)
  else if (!pull) fail(res, 404, 'Not Found')
  else sendJson(res, 200, pullJson(u, pull))
}

function issueComments(
  state: IssuesState,
  u: RepoUrls,
  req: http.IncomingMessage,
  res: http.ServerResponse,
  issue: number,
  raw: Buffer,
): void {
  if (state.permission === 'none') return forbidden(res)
  if (!state.pulls.some((p) => p.number === issue)) return fail(res, 404, 'Not Found')
  if (req.method === 'GET') {
    const items = state.comments.filter((c) => c.issue_number === issue).map((c) => commentJson(u, c))
    return sendPage(res, new URL(req.url ?? '/', 'http://x'), u.api, items)
  }
  if (state.permission !== 'write') return forbidden(res)
  const body = commentBody(res, raw)
  if (body === undefined) return
  const json = commentJson(u, state.addComment(issue, body, ACTIONS_BOT), state.htmlOrigin)
  sendJson(res, 201, json, { location: json.url })
}

function oneComment(
  state: IssuesState,
  u: RepoUrls,
  req: http.IncomingMessage,
  res: http.ServerResponse,
  id: number,
  raw: Buffer,
): void {
  const comment = state.comments.find((c) => c.id === id)
  if (state.permission === 'none') return forbidden(res)
  if (!comment) return fail(res, 404, 'Not Found')
  if (req.method === 'GET') return sendJson(res, 200, commentJson(u, comment))
  if (state.permission !== 'write') return forbidden(res)
  if (req.method === 'DELETE') {
    state.comments.splice(state.comments.indexOf(comment), 1)
    res.writeHead(204)
    return void res.end()
  }
  const body = commentBody(res, raw)
  if (body === undefined) return
  comment.body = body
  comment.updated_at = state.tick()
  sendJson(res, 200, commentJson(u, comment, state.htmlOrigin))
}
