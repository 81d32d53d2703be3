// URLs from GitHub's answers (and from a `release` event payload), which are outside input too: a release's
// upload URL receives the token with the clip, and an asset's or a comment's link becomes an output.
import { isLoopback } from '../videogen/loopback.js'
import { clean } from '../sanitize.js'

export interface GitHubOrigins {
  /** GITHUB_API_URL (https://api.github.com, or https://<ghes>/api/v3). */
  api: URL
  /** GITHUB_SERVER_URL (https://github.com, or https://<ghes>). */
  server: URL
}

export function githubOrigins(env: NodeJS.ProcessEnv = process.env): GitHubOrigins {
  return {
    api: new URL(env.GITHUB_API_URL || 'https://api.github.com'),
    server: new URL(env.GITHUB_SERVER_URL || 'https://github.com'),
  }
}

/**
 * Whether `url` may be sent to, or linked as, GitHub's: https on one of `hosts`. Against a GitHub on this
 * machine (an http:// loopback API URL, as in a test) only loopback hosts, which are this machine too.
 */
function onGitHub(url: URL, hosts: string[], origins: GitHubOrigins): boolean {
  if (url.username || url.password) return false
  const local = origins.api.protocol === 'http:' && isLoopback(origins.api.hostname)
  if (local) return (url.protocol === 'http:' || url.protocol === 'https:') && isLoopback(url.hostname)
  return url.protocol === 'https:' && hosts.includes(url.hostname.toLowerCase())
}

/**
 * GitHub Enterprise Server answers its API under /api/v3 and takes uploads on the same host (/api/uploads);
 * github.com and GHE.com answer at the root of api.<x> and take uploads on uploads.<x>.
 */
function uploadHosts(origins: GitHubOrigins): string[] {
  const api = origins.api.hostname.toLowerCase()
  const cloud = !origins.api.pathname.replace(/\/+$/, '').startsWith('/api')
  return cloud && api.startsWith('api.') ? [`uploads.${api.slice('api.'.length)}`] : [api]
}

/** The release's upload URL (an RFC 6570 template), checked before the token is sent to it. */
export function checkedUploadUrl(raw: unknown, origins: GitHubOrigins): URL {
  let url: URL | undefined
  try {
    url = typeof raw === 'string' ? new URL(raw.replace(/\{[^}]*\}$/, '')) : undefined
  } catch {
    url = undefined
  }
  if (!url || !onGitHub(url, uploadHosts(origins), origins)) {
    throw new Error(
      `its upload URL (${clean(raw, 200)}) is not on GitHub's upload host (${uploadHosts(origins).join(', ')}), so the token was not sent to it`,
    )
  }
  return url
}

/** A page on GitHub's server: `parts` encoded, below GITHUB_SERVER_URL. */
export function serverLink(origins: GitHubOrigins, parts: string[], hash = ''): string {
  return `${origins.server.toString().replace(/\/+$/, '')}/${parts.map(encodeURIComponent).join('/')}${hash}`
}

/** `raw` as GitHub gave it if it is a link on GitHub (its server or API host), else `fallback`, the page it stands for. */
export function githubLink(raw: unknown, origins: GitHubOrigins, fallback: string): { url: string; replaced: boolean } {
  try {
    const url = typeof raw === 'string' ? new URL(raw) : undefined
    const hosts = [origins.server.hostname.toLowerCase(), origins.api.hostname.toLowerCase()]
    if (url && onGitHub(url, hosts, origins)) return { url: url.toString(), replaced: false }
  } catch {
    // replaced below
  }
  return { url: fallback, replaced: true }
}

/** The asset's download link as GitHub gave it, or the release download URL it stands for if that is not GitHub's. */
export function assetLink(
  raw: unknown,
  origins: GitHubOrigins,
  asset: { owner: string; repo: string; tag: string; name: string },
): { url: string; replaced: boolean } {
  const fallback = serverLink(origins, [asset.owner, asset.repo, 'releases', 'download', asset.tag, asset.name])
  return githubLink(raw, origins, fallback)
}
