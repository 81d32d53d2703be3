// JSON shapes the GitHub REST stand-in returns (the fields Octokit users read, as GitHub spells them).
export interface AssetRecord {
  id: number
  name: string
  label?: string
  content_type: string
  size: number
  sha256: string
  browser_download_url: string
}

export interface ReleaseRecord {
  id: number
  tag_name: string
  upload_url: string
  assets: AssetRecord[]
}

export interface RepoUrls {
  api: string // API origin
  owner: string
  repo: string
}

const STAMP = '2024-01-01T00:00:00Z'

export function assetJson(u: RepoUrls, a: AssetRecord) {
  return {
    url: `${u.api}/repos/${u.owner}/${u.repo}/releases/assets/${a.id}`,
    id: a.id,
    node_id: `RA_${a.id}`,
    name: a.name,
    label: a.label ?? null,
    uploader: null,
    content_type: a.content_type,
    state: 'uploaded',
    size: a.size,
    digest: `sha256:${a.sha256}`,
    download_count: 0,
    created_at: STAMP,
    updated_at: STAMP,
    browser_download_url: a.browser_download_url,
  }
}

export function releaseJson(u: RepoUrls, r: ReleaseRecord) {
  const base = `${u.api}/repos/${u.owner}/${u.repo}`
  return {
    url: `${base}/releases/${r.id}`,
    html_url: `${u.api}/${u.owner}/${u.repo}/releases/tag/${encodeURIComponent(r.tag_name)}`,
    assets_url: `${base}/releases/${r.id}/assets`,
    upload_url: r.upload_url,
    tarball_url: `${base}/tarball/${encodeURIComponent(r.tag_name)}`,
    zipball_url: `${base}/zipball/${encodeURIComponent(r.tag_name)}`,
    id: r.id,
    node_id: `RE_${r.id}`,
    tag_name: r.tag_name,
    target_commitish: 'main',
    name: r.tag_name,
    body: '',
    draft: false,
    prerelease: false,
    created_at: STAMP,
    published_at: STAMP,
    author: null,
    assets: r.assets.map((a) => assetJson(u, a)),
  }
}

/** GitHub's error body: `{ message, documentation_url, status }`, plus `errors` for 422s. */
export function errorJson(status: number, message: string, errors?: unknown[]) {
  return {
    message,
    ...(errors ? { errors } : {}),
    documentation_url: 'https://docs.github.com/rest',
    status: String(status),
  }
}

export interface PullRecord {
  number: number
  /** `owner/repo` of the head; another repository for a fork, null when the fork was deleted. */
  headRepo: string | null
  headSha: string
  title: string
}

export interface CommentRecord {
  id: number
  issue_number: number
  body: string
  user: { login: string; type: 'Bot' | 'User' }
  created_at: string
  updated_at: string
}

export function pullJson(u: RepoUrls, p: PullRecord) {
  const base = `${u.api}/repos/${u.owner}/${u.repo}`
  const repoJson = (fullName: string) => ({
    id: fullName.length,
    name: fullName.split('/')[1],
    full_name: fullName,
    fork: fullName.toLowerCase() !== `${u.owner}/${u.repo}`.toLowerCase(),
  })
  return {
    url: `${base}/pulls/${p.number}`,
    id: 900_000 + p.number,
    node_id: `PR_${p.number}`,
    html_url: `${u.api}/${u.owner}/${u.repo}/pull/${p.number}`,
    number: p.number,
    state: 'open',
    locked: false,
    title: p.title,
    user: { login: 'contributor', type: 'User' },
    body: null,
    created_at: STAMP,
    updated_at: STAMP,
    head: {
      label: `${p.headRepo?.split('/')[0] ?? 'unknown'}:feature`,
      ref: 'feature',
      sha: p.headSha,
      repo: p.headRepo === null ? null : repoJson(p.headRepo),
    },
    base: { label: `${u.owner}:main`, ref: 'main', sha: '0'.repeat(40), repo: repoJson(`${u.owner}/${u.repo}`) },
  }
}

export function commentJson(u: RepoUrls, c: CommentRecord, htmlOrigin = u.api) {
  return {
    url: `${u.api}/repos/${u.owner}/${u.repo}/issues/comments/${c.id}`,
    html_url: `${htmlOrigin}/${u.owner}/${u.repo}/pull/${c.issue_number}#issuecomment-${c.id}`,
    issue_url: `${u.api}/repos/${u.owner}/${u.repo}/issues/${c.issue_number}`,
    id: c.id,
    node_id: `IC_${c.id}`,
    user: { login: c.user.login, id: c.user.login.length, type: c.user.type },
    created_at: c.created_at,
    updated_at: c.updated_at,
    author_association: c.user.type === 'Bot' ? 'NONE' : 'CONTRIBUTOR',
    body: c.body,
    performed_via_github_app: null,
  }
}
