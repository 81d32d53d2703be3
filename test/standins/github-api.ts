// Stand-in for the GitHub REST API calls the action makes (release assets; pull requests and their
// comments), on two loopback origins: the API and a separate upload origin (as api.github.com /
// uploads.github.com).
import { createHash } from 'node:crypto'
import type http from 'node:http'
import {
  type AssetRecord,
  type CommentRecord,
  type PullRecord,
  type ReleaseRecord,
  assetJson,
  errorJson,
  releaseJson,
} from './github-json.js'
import { IssuesState, handleIssues, sendPage } from './github-issues.js'
import { listen, sendJson } from './http-util.js'

export type { AssetRecord, CommentRecord, PullRecord, ReleaseRecord }
export type { PullRequestsPermission } from './github-issues.js'

/** An error answer in place of the real one, on either origin: GitHub's error body with this status. */
export interface GitHubFault {
  method?: string
  /** Matched against the request path, query included. */
  path: RegExp
  status: number
  /** Default: the text GitHub gives for the status. */
  message?: string
  errors?: unknown[]
  /** Let this many matching requests through first (default 0). */
  after?: number
  /** How many matching requests it answers (default 1). */
  times?: number
}

const STATUS_MESSAGE: Record<number, string> = {
  401: 'Bad credentials',
  403: 'Resource not accessible by integration',
  404: 'Not Found',
  422: 'Validation Failed',
}

export interface GitHubApi {
  url: string
  uploadUrl: string
  token: string
  releases: ReleaseRecord[]
  requests: Array<{
    method: string
    host: string
    path: string
    headers: Record<string, string | string[] | undefined>
    bodyBytes: number
  }>
  addRelease(tag: string): { id: number; upload_url: string }
  /** Pull requests, their comments and the token's `pull-requests` permission (default write). */
  issues: IssuesState
  /** A pull request; `headRepo` another `owner/repo` for a fork, null for a deleted fork. Default: a branch of this repository. */
  addPullRequest(number: number, opts?: { headRepo?: string | null; headSha?: string }): PullRecord
  /** Answers the next matching requests with an error (see GitHubFault). */
  fail(fault: GitHubFault): void
  close(): Promise<void>
}

export async function startGitHubApi(opts: { owner?: string; repo?: string } = {}): Promise<GitHubApi> {
  const owner = opts.owner ?? 'octo-org'
  const repo = opts.repo ?? 'octo-repo'
  const token = 'ghs_standin_token_0123456789'
  const releases: ReleaseRecord[] = []
  const requests: GitHubApi['requests'] = []
  const issues = new IssuesState()
  let nextReleaseId = 1001
  let nextAssetId = 5001 // a different range from release ids, so mixing them up shows

  // Drains (and hashes) the body before any answer: replying mid-upload makes clients see a reset.
  const drain = async (req: http.IncomingMessage, keep = false) => {
    const hash = createHash('sha256')
    const chunks: Buffer[] = []
    let bytes = 0
    for await (const chunk of req) {
      hash.update(chunk as Buffer)
      bytes += (chunk as Buffer).length
      if (keep) chunks.push(chunk as Buffer)
    }
    requests.push({
      method: req.method ?? '',
      host: req.headers.host ?? '',
      path: req.url ?? '',
      headers: { ...req.headers },
      bodyBytes: bytes,
    })
    return { bytes, sha256: hash.digest('hex'), raw: Buffer.concat(chunks) }
  }
  const authorized = (req: http.IncomingMessage): boolean => {
    const m = /^(?:token|bearer)\s+(\S+)$/i.exec(req.headers.authorization ?? '')
    return m?.[1] === token
  }
  const fail = (res: http.ServerResponse, status: number, message: string, errors?: unknown[]): void =>
    sendJson(res, status, errorJson(status, message, errors))
  // Matches /repos/{owner}/{repo}<rest> (case-insensitive, like GitHub) and returns <rest>.
  const repoPath = (pathname: string): string | undefined => {
    const m = /^\/repos\/([^/]+)\/([^/]+)(\/.*)$/.exec(pathname)
    if (!m || m[1]?.toLowerCase() !== owner.toLowerCase() || m[2]?.toLowerCase() !== repo.toLowerCase()) return
    return m[3]
  }
  const findRelease = (id: string | undefined) => releases.find((r) => String(r.id) === id)
  const faults: Array<Required<Pick<GitHubFault, 'after' | 'times'>> & GitHubFault> = []
  /** Answers with the first fault that matches `req`, if any (after its body was drained). */
  const faulted = (req: http.IncomingMessage, res: http.ServerResponse): boolean => {
    const fault = faults.find(
      (f) => f.times > 0 && (!f.method || f.method === req.method) && f.path.test(req.url ?? ''),
    )
    if (!fault) return false
    if (fault.after > 0) {
      fault.after--
      return false
    }
    fault.times--
    fail(res, fault.status, fault.message ?? STATUS_MESSAGE[fault.status] ?? 'Server Error', fault.errors)
    return true
  }

  const api = await listen(async (req, res) => {
    const { raw } = await drain(req, true)
    if (faulted(req, res)) return
    if (!authorized(req)) return fail(res, 401, 'Bad credentials')
    const url = new URL(req.url ?? '/', 'http://x')
    const rest = repoPath(url.pathname) ?? ''
    const u = { api: api.origin, owner, repo }
    if (handleIssues(issues, u, req, res, rest, raw)) return
    let m: RegExpExecArray | null
    if (req.method === 'GET' && (m = /^\/releases\/tags\/(.+)$/.exec(rest))) {
      const tag = decodeURIComponent(m[1] ?? '')
      const release = releases.find((r) => r.tag_name === tag)
      return release ? sendJson(res, 200, releaseJson(u, release)) : fail(res, 404, 'Not Found')
    }
    if (req.method === 'GET' && (m = /^\/releases\/(\d+)$/.exec(rest))) {
      const release = findRelease(m[1])
      return release ? sendJson(res, 200, releaseJson(u, release)) : fail(res, 404, 'Not Found')
    }
    if (req.method === 'GET' && (m = /^\/releases\/(\d+)\/assets$/.exec(rest))) {
      const release = findRelease(m[1])
      if (!release) return fail(res, 404, 'Not Found')
      return sendPage(
        res,
        url,
        api.origin,
        release.assets.map((a) => assetJson(u, a)),
      )
    }
    if ((m = /^\/releases\/assets\/(\d+)$/.exec(rest)) && (req.method === 'GET' || req.method === 'DELETE')) {
      const release = releases.find((r) => r.assets.some((a) => String(a.id) === m?.[1]))
      const asset = release?.assets.find((a) => String(a.id) === m?.[1])
      if (!release || !asset) return fail(res, 404, 'Not Found')
      if (req.method === 'GET') return sendJson(res, 200, assetJson(u, asset))
      release.assets.splice(release.assets.indexOf(asset), 1)
      res.writeHead(204)
      return void res.end()
    }
    fail(res, 404, 'Not Found')
  })

  const uploads = await listen(async (req, res) => {
    const { bytes, sha256 } = await drain(req)
    if (faulted(req, res)) return
    if (!authorized(req)) return fail(res, 401, 'Bad credentials')
    const url = new URL(req.url ?? '/', 'http://x')
    const m = /^\/releases\/(\d+)\/assets$/.exec(repoPath(url.pathname) ?? '')
    if (req.method !== 'POST' || !m) return fail(res, 404, 'Not Found')
    const release = findRelease(m[1])
    if (!release) return fail(res, 404, 'Not Found')
    const contentType = req.headers['content-type']
    if (!contentType) return fail(res, 400, 'Content-Type header is required')
    const declared = req.headers['content-length']
    // GitHub's upload endpoint wants the size up front; a chunked body (no Content-Length) is refused.
    if (declared === undefined) return fail(res, 411, 'Content-Length header is required')
    if (Number(declared) !== bytes) return fail(res, 400, `Content-Length ${declared} but ${bytes} bytes received`)
    const name = url.searchParams.get('name')
    if (!name) {
      return fail(res, 422, 'Validation Failed', [{ resource: 'ReleaseAsset', code: 'missing_field', field: 'name' }])
    }
    if (release.assets.some((a) => a.name === name)) {
      return fail(res, 422, 'Validation Failed', [{ resource: 'ReleaseAsset', code: 'already_exists', field: 'name' }])
    }
    const label = url.searchParams.get('label')
    const asset: AssetRecord = {
      id: nextAssetId++,
      name,
      ...(label ? { label } : {}),
      content_type: contentType,
      size: bytes,
      sha256,
      browser_download_url: `${api.origin}/${owner}/${repo}/releases/download/${encodeURIComponent(release.tag_name)}/${encodeURIComponent(name)}`,
    }
    release.assets.push(asset)
    sendJson(res, 201, assetJson({ api: api.origin, owner, repo }, asset))
  })

  return {
    url: api.origin,
    uploadUrl: uploads.origin,
    token,
    releases,
    requests,
    addRelease(tag) {
      if (releases.some((r) => r.tag_name === tag)) throw new Error(`release ${tag} already exists`)
      const id = nextReleaseId++
      // RFC 6570 template, as GitHub returns it (`…/assets{?name,label}`), on the upload origin.
      const upload_url = `${uploads.origin}/repos/${owner}/${repo}/releases/${id}/assets{?name,label}`
      releases.push({ id, tag_name: tag, upload_url, assets: [] })
      return { id, upload_url }
    },
    issues,
    addPullRequest(number, opts = {}) {
      if (issues.pulls.some((p) => p.number === number)) throw new Error(`pull request #${number} already exists`)
      const pull: PullRecord = {
        number,
        headRepo: opts.headRepo === undefined ? `${owner}/${repo}` : opts.headRepo,
        headSha: opts.headSha ?? createHash('sha1').update(`head-${number}`).digest('hex'),
        title: `Pull request ${number}`,
      }
      issues.pulls.push(pull)
      return pull
    },
    fail(fault) {
      faults.push({ ...fault, after: fault.after ?? 0, times: fault.times ?? 1 })
    },
    close: async () => {
      await Promise.all([api.close(), uploads.close()])
    },
  }
}
