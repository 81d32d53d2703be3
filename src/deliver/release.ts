// Release assets: attach the downloaded clips to the release of a `release` event, or to `release-tag`.
// Names are checked against the existing assets before anything is uploaded or deleted, so a refused
// overwrite leaves the release untouched; an asset that already is the same file is kept as it is (re-runs).
import { log } from '../log.js'
import { createReadStream } from 'node:fs'
import { stat } from 'node:fs/promises'
import path from 'node:path'
import { InputError } from '../inputs/input-error.js'
import type { ReleaseSettings } from '../inputs/settings.js'
import { mapLimit } from '../concurrency.js'
import { clean, sentence } from '../sanitize.js'
import { errorText } from '../videogen/errors.js'
import { sha256File } from '../hash.js'
import type { Clip } from '../clip.js'
import { type Octokit, githubClient, listAll } from './github-client.js'
import { assetLink, checkedUploadUrl, githubOrigins } from './github-urls.js'

/** One GitHub call of the release: a GitHub that hangs must not hold a finished (paid) run to the job's timeout. */
const CALL_MS = 60_000
/** An upload may take longer, as slow as this: 100 MB in under 7 minutes. */
const UPLOAD_BYTES_PER_S = 256 * 1024
/** GitHub holds at most 1,000 assets in a release. */
const MAX_ASSET_PAGES = 10

const callSignal = () => AbortSignal.timeout(CALL_MS)

interface Target {
  owner: string
  repo: string
  id: number
  tag: string
  /** Checked to be on GitHub's upload host, template part removed. */
  uploadUrl: URL
}

interface Asset {
  id: number
  name: string
  size: number
  /** `sha256:<hex>`; GitHub computes it for assets uploaded since June 2025, older ones have null. */
  digest?: string | null
  browser_download_url: string
}

function statusOf(error: unknown): number | undefined {
  const status = (error as { status?: unknown }).status
  return typeof status === 'number' ? status : undefined
}

function explain(what: string, error: unknown): Error {
  const status = statusOf(error)
  const hint =
    status === 401
      ? ' The token is invalid or expired (github-token defaults to the job token).'
      : status === 403
        ? ' The token needs `permissions: contents: write` (github-token defaults to the job token).'
        : ''
  return new Error(`${what} failed: ${sentence(errorText(error))}${hint}`)
}

function overwriteRefused(name: string, tag: string): Error {
  return new Error(
    `Release ${tag} already has an asset named ${name}. Set release-overwrite: true to replace it, or delete the asset first.`,
  )
}

async function findRelease(
  octokit: Octokit,
  owner: string,
  repo: string,
  settings: ReleaseSettings,
  payload: Record<string, unknown>,
): Promise<Target> {
  if (settings.tag) {
    try {
      const { data } = await octokit.request('GET /repos/{owner}/{repo}/releases/tags/{tag}', {
        owner,
        repo,
        tag: settings.tag,
        request: { signal: callSignal() },
      })
      return {
        owner,
        repo,
        id: data.id,
        tag: clean(data.tag_name, 200),
        uploadUrl: checkedUploadUrl(data.upload_url, githubOrigins()),
      }
    } catch (error) {
      if (statusOf(error) === 404) {
        throw new InputError(
          'release-tag',
          `no published release with tag '${settings.tag}' in ${owner}/${repo} (draft releases cannot be found by tag); create the release first`,
        )
      }
      throw explain(`Looking up release ${settings.tag}`, error)
    }
  }
  const release = payload.release as { id?: number; tag_name?: string; upload_url?: string } | undefined
  if (!release?.id || !release.upload_url) {
    throw new InputError(
      'release-tag',
      'is empty and this run is not a release event: set release-tag to the tag of the release to attach the clips to',
    )
  }
  return {
    owner,
    repo,
    id: release.id,
    tag: clean(release.tag_name ?? String(release.id), 200),
    uploadUrl: eventUploadUrl(release.upload_url),
  }
}

/**
 * How an existing asset is known to be this file, if it is: same name (the caller's check) and same size, and the same
 * SHA-256 when GitHub reports a digest. A re-run (e.g. a cache hit restoring the same clip) then attaches
 * nothing instead of failing on its own earlier upload. Without a digest, size is the practical check: the API
 * has no other content hash, and downloading the asset to compare would cost as much as uploading it again.
 */
async function sameFileBy(asset: Asset, file: string): Promise<'size' | 'content' | undefined> {
  const { size } = await stat(file)
  if (asset.size !== size) return undefined
  const digest = /^sha256:([0-9a-f]{64})$/i.exec(asset.digest ?? '')?.[1]
  if (digest === undefined) return 'size'
  return digest.toLowerCase() === (await sha256File(file)) ? 'content' : undefined
}

async function uploadAsset(octokit: Octokit, target: Target, file: string, name: string): Promise<Asset> {
  const url = new URL(target.uploadUrl)
  url.searchParams.set('name', name)
  const { size } = await stat(file)
  const { data } = await octokit.request({
    method: 'POST',
    url: url.toString(),
    headers: { 'content-type': 'video/mp4', 'content-length': size },
    // Streamed from disk (clips can be large); GitHub requires the length up front, so no chunked body.
    data: createReadStream(file),
    request: { signal: AbortSignal.timeout(CALL_MS + Math.ceil((size / UPLOAD_BYTES_PER_S) * 1000)) },
  })
  return data as Asset
}

function eventUploadUrl(raw: unknown): URL {
  try {
    return checkedUploadUrl(raw, githubOrigins())
  } catch (error) {
    throw new Error(`Reading the release of this event failed: ${sentence(errorText(error))}`)
  }
}

/** The asset's download link for outputs and summaries: GitHub's, or the release download URL it stands for. */
function linkOf(asset: Asset, target: Target, name: string): string {
  const { url, replaced } = assetLink(asset.browser_download_url, githubOrigins(), { ...target, name })
  if (replaced) {
    log.warning(
      `GitHub gave asset ${name} a download URL that is not GitHub's (${clean(asset.browser_download_url, 200)}); linking ${url} instead`,
    )
  }
  return url
}

async function connect(settings: ReleaseSettings) {
  const github = await import('@actions/github')
  const { owner, repo } = github.context.repo
  const octokit = await githubClient(settings.token)
  return { octokit, owner, repo, payload: github.context.payload }
}

/** Pre-flight, before anything is created or billed: the release exists and the token can read it. */
export async function checkReleaseTarget(settings: ReleaseSettings): Promise<void> {
  const { octokit, owner, repo, payload } = await connect(settings)
  await findRelease(octokit, owner, repo, settings, payload)
}

async function listAssets(octokit: Octokit, owner: string, repo: string, target: Target): Promise<Asset[]> {
  try {
    return (
      await listAll(
        octokit,
        'GET /repos/{owner}/{repo}/releases/{release_id}/assets',
        { owner, repo, release_id: target.id },
        { signal: callSignal(), maxPages: MAX_ASSET_PAGES },
      )
    ).filter((a): a is Asset => typeof (a as Partial<Asset> | null)?.name === 'string')
  } catch (error) {
    throw explain(`Listing the assets of release ${target.tag}`, error)
  }
}

/**
 * The planned names that uploading would refuse (without release-overwrite): an asset by that name exists and
 * is not the planned `file` (a clip not made yet has none). A batch names its assets before it creates
 * anything (`<id>-<n>.mp4`), so this is known before clips are paid for that could not be attached.
 */
export async function refusedAssetNames(
  settings: ReleaseSettings,
  planned: Array<{ name: string; file?: string | undefined }>,
): Promise<{ tag: string; taken: string[] }> {
  const { octokit, owner, repo, payload } = await connect(settings)
  const target = await findRelease(octokit, owner, repo, settings, payload)
  const existing = await listAssets(octokit, owner, repo, target)
  const taken: string[] = []
  for (const { name, file } of planned) {
    const asset = existing.find((a) => a.name === name)
    if (asset && !(file && (await sameFileBy(asset, file)))) taken.push(name)
  }
  return { tag: target.tag, taken }
}

/** Attaches the downloaded clips; returns the clips with `releaseAssetUrl` set where attached. */
export async function uploadReleaseAssets(
  settings: ReleaseSettings,
  clips: Clip[],
  assetName: (clip: Clip) => string = (clip) => path.basename(clip.absPath as string),
): Promise<Clip[]> {
  const { octokit, owner, repo, payload } = await connect(settings)
  const target = await findRelease(octokit, owner, repo, settings, payload)

  const files = clips.flatMap((clip) => (clip.absPath ? [{ clip, file: clip.absPath, name: assetName(clip) }] : []))
  if (files.length === 0) {
    log.warning(`Nothing attached to release ${target.tag}: there are no downloaded clips`)
    return clips
  }
  const existing = await listAssets(octokit, owner, repo, target)
  const replace = new Map<string, Asset>()
  const attached = new Map<string, { asset: Asset; by: 'size' | 'content' }>()
  for (const { file, name } of files) {
    const asset = existing.find((a) => a.name === name)
    if (!asset) continue
    const by = await sameFileBy(asset, file)
    if (by) attached.set(name, { asset, by })
    else if (!settings.overwrite) throw overwriteRefused(name, target.tag)
    else replace.set(name, asset)
  }

  const urls = await mapLimit(files, 3, async ({ file, name }) => {
    const same = attached.get(name)
    if (same) {
      const url = linkOf(same.asset, target, name)
      log.info(
        `Release ${target.tag} already has ${name} with the same ${same.by} (an earlier run attached it); not uploaded again → ${clean(url)}`,
      )
      return url
    }
    const old = replace.get(name)
    if (old) {
      try {
        await octokit.request('DELETE /repos/{owner}/{repo}/releases/assets/{asset_id}', {
          owner,
          repo,
          asset_id: old.id,
          request: { signal: callSignal() },
        })
      } catch (error) {
        if (statusOf(error) !== 404) throw explain(`Deleting the old asset ${name} of release ${target.tag}`, error)
      }
      log.info(`Deleted the old release asset ${name} (release-overwrite: true)`)
    }
    let asset: Asset
    try {
      asset = await uploadAsset(octokit, target, file, name)
    } catch (error) {
      // 422 already_exists: someone else uploaded the same name since the check.
      if (
        statusOf(error) === 422 &&
        /already_exists/.test(JSON.stringify((error as { response?: { data?: unknown } }).response?.data ?? ''))
      ) {
        throw overwriteRefused(name, target.tag)
      }
      throw explain(`Uploading ${name} to release ${target.tag}`, error)
    }
    const url = linkOf(asset, target, name)
    log.info(`Attached ${name} to release ${target.tag} → ${clean(url)}`)
    return url
  })
  const byIndex = new Map(files.map(({ clip }, i) => [clip.index, urls[i]]))
  return clips.map((clip) =>
    byIndex.has(clip.index) ? { ...clip, releaseAssetUrl: byIndex.get(clip.index) as string } : clip,
  )
}
