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
