// Cache of finished clips and of uploads (issue 5), on the Actions cache service (@actions/cache).
//
// Entries are immutable and keyed by content:
// - `videogen-clip-v1-<sha256>`: the clips and the execution record of one request (see cache-key.ts);
// - `videogen-upload-v1-<sha256>-<file id>`: "this content was uploaded as <file id>" (non-temporary
//   uploads only). The id is in the key, so a lookup needs no download; a newer upload of the same
//   content adds a newer entry instead of overwriting one, so concurrent jobs cannot clobber each other.
//
// @actions/cache versions an entry by the path strings it was saved with, so entries are staged under
// a fixed workspace-relative directory (`.videogen-cache/…`) rather than download-dir, whose file names
// depend on the execution id that a restore does not know yet.
import * as core from '@actions/core'
import type * as CacheLib from '@actions/cache'
import { copyFile, link, mkdir, readFile, realpath, rename, rm, rmdir, stat, writeFile } from 'node:fs/promises'
import path from 'node:path'
import type { LocalFile } from './assets.js'
import { CACHE_FORMAT, ContentHashes, clipCacheKey, uploadKeyPrefix } from './cache-key.js'
import { mapLimit } from './concurrency.js'
import { type Clip, clipFromResult } from './deliver/clip.js'
import { clipFileName } from './deliver/download.js'
import { enablePublicPreviews } from './deliver/public-preview.js'
import { sha256File } from './hash.js'
import { EXECUTION_ID, FILE_ID } from './parse.js'
import type { Settings } from './settings.js'
import type { VideoGenClient } from './videogen/client.js'
import { VideoGenApiError, errorText } from './videogen/errors.js'
import { readiness } from './videogen/files.js'
import type { Execution } from './videogen/types.js'

export interface CachedRun {
  execution: Execution
  clips: Clip[]
}

export interface CacheSession {
  /** Set on a hit: the cached execution and its clips, restored into download-dir (path, absPath, bytes set). */
  restored?: CachedRun
  reuseUpload(file: LocalFile): Promise<string | undefined>
  rememberUpload(file: LocalFile, fileId: string): void
  save(execution: Execution, clips: Clip[]): Promise<void>
}

type Lib = typeof CacheLib

const STAGING_ROOT = '.videogen-cache'
const UPLOADS_DIR = `${STAGING_ROOT}/uploads`
const RECORD = 'record.json'
/** A remembered upload still processing (another job just made it) is waited for this long at most. */
const REUSE_READY_MS = 60_000

/** A clip as stored in the record; its file is `clip-<index>.mp4` next to the record. */
type CachedClip = Omit<Clip, 'path' | 'absPath' | 'bytes' | 'releaseAssetUrl'> & { bytes: number; sha256: string }

interface CacheRecord {
  format: string
  key: string
  execution: Execution
  clips: CachedClip[]
}

const stagedClipName = (index: number) => `clip-${index}.mp4`

const disabled: CacheSession = {
  reuseUpload: async () => undefined,
  rememberUpload: () => undefined,
  save: async () => undefined,
}

export async function openCache(settings: Settings, client: VideoGenClient): Promise<CacheSession> {
  // Loaded here, not at the top: runs without `cache` do not pay for loading it.
  const lib = await import('@actions/cache')
  if (!lib.isFeatureAvailable()) {
    core.warning(
      'cache: true, but the Actions cache service is not available here (no ACTIONS_RESULTS_URL / ACTIONS_CACHE_URL, e.g. GitHub Enterprise Server without it): running without the cache',
    )
    return disabled
  }
  // The library resolves paths against the current directory but archives relative to GITHUB_WORKSPACE.
  const cwd = await realpath(process.cwd())
  if (cwd !== settings.workspace.root) {
    core.warning(
      `cache: the current directory (${cwd}) is not the workspace (${settings.workspace.root}), where the Actions cache stores and restores files: running without the cache`,
    )
    return disabled
  }
  const hashes = new ContentHashes()
  const key = await clipCacheKey(settings, hashes)
  core.info(`Cache key: ${key}`)
  const session = new Session(lib, settings, client, hashes, key)
  await session.restore()
  return session
}

class Session implements CacheSession {
  restored?: CachedRun
  /** Upload entries are saved one at a time (they share a staging directory), in the background. */
  private uploadSaves: Promise<void> = Promise.resolve()
  private readonly rememberUploads: boolean

  constructor(
    private readonly lib: Lib,
    private readonly settings: Settings,
    private readonly client: VideoGenClient,
    private readonly hashes: ContentHashes,
    private readonly key: string,
  ) {
    // Temporary uploads expire after about a day: not worth remembering.
    this.rememberUploads = !settings.temporaryUploads
  }

  private staging(rel: string): string {
    return path.join(this.settings.workspace.root, ...rel.split('/'))
  }

  private async cleanUp(rel: string): Promise<void> {
    await rm(this.staging(rel), { recursive: true, force: true })
    await rmdir(this.staging(STAGING_ROOT)).catch(() => undefined) // only when empty
  }

  async restore(): Promise<void> {
    const rel = `${STAGING_ROOT}/${this.key}`
    await this.cleanUp(rel)
    let restored: CachedRun
    try {
      const matched = await this.lib.restoreCache([rel], this.key)
      if (matched !== this.key) {
        core.info('Cache miss: generating, and saving the clips for the next run with the same inputs')
        return
      }
      restored = await this.unpack(this.staging(rel))
    } catch (error) {
      core.warning(`Cache entry ${this.key} could not be used (${errorText(error)}): generating anew`)
      return
    } finally {
      await this.cleanUp(rel)
    }
    await this.refreshUrls(restored.clips)
    if (this.settings.publicPreview) {
      const missing = restored.clips.filter((c) => !c.publicUrl)
      // A failure here must not fail the step: every later run would hit the same entry and fail again.
      if (missing.length > 0)
        await enablePublicPreviews(this.client.files, missing).catch((error: unknown) =>
          core.warning(`Public preview of the cached clips: ${errorText(error)}; the signed links are used`),
        )
    } else {
      // Outputs as a normal run with these inputs would set them: no public links unless asked for.
      for (const clip of restored.clips) delete clip.publicUrl
    }
    this.restored = restored
  }

  /** Record and clips from the extracted entry → download-dir, each clip checked against its SHA-256. */
  private async unpack(dir: string): Promise<CachedRun> {
    const record = JSON.parse(await readFile(path.join(dir, RECORD), 'utf8')) as CacheRecord
    const executionId = record.execution?.toolExecutionId
    if (
      record.format !== CACHE_FORMAT ||
      record.key !== this.key ||
      !EXECUTION_ID.test(executionId ?? '') ||
      !Array.isArray(record.clips)
    ) {
      throw new Error('its record is not one this version of the action wrote')
    }
    const { downloadDir, workspace } = this.settings
    await mkdir(downloadDir, { recursive: true })
    const clips: Clip[] = []
    for (const { sha256, bytes: _bytes, ...cached } of record.clips) {
      if (!Number.isInteger(cached.index) || cached.index < 1)
        throw new Error(`its record has a clip with index ${String(cached.index)}`)
      const staged = path.join(dir, stagedClipName(cached.index))
      if ((await sha256File(staged)) !== sha256)
        throw new Error(`clip ${cached.index} does not match the SHA-256 in its record`)
      const dest = path.join(downloadDir, clipFileName(executionId, cached.index))
      await moveFile(staged, dest)
      const bytes = (await stat(dest)).size
      clips.push({ ...cached, absPath: dest, path: workspace.relative(dest), bytes })
      core.info(`Restored clip ${cached.index} → ${workspace.relative(dest)} (${bytes} bytes)`)
    }
    return { execution: record.execution, clips }
  }

  /** Signed URLs of the cached run have probably expired: ask for fresh ones, keep the old ones if that fails. */
  private async refreshUrls(clips: Clip[]): Promise<void> {
    try {
      await mapLimit(clips, 4, async (clip) => {
        const fresh = clipFromResult(
          { fileId: clip.fileId, file: await this.client.files.hydrate(clip.fileId) },
          clip.index,
        )
        for (const field of ['url', 'urlExpiresAt', 'thumbnailUrl', 'thumbnailUrlExpiresAt'] as const) {
          if (fresh[field] !== undefined) (clip as Record<typeof field, unknown>)[field] = fresh[field]
        }
      })
      if (clips.length > 0) core.info('Fresh signed URLs obtained for the cached clips')
    } catch (error) {
      core.warning(
        `Could not get fresh URLs for the cached clips (${errorText(error)}): the url outputs are those of the cached run and may have expired; the restored files in download-dir are complete`,
      )
    }
  }

  async reuseUpload(file: LocalFile): Promise<string | undefined> {
    if (!this.rememberUploads) return undefined
    const prefix = uploadKeyPrefix(this.settings.baseUrl, await this.hashes.of(file))
    let matched: string | undefined
    try {
      // The newest entry whose key starts with the prefix; lookupOnly: the key alone carries the id.
      matched = await this.lib.restoreCache([UPLOADS_DIR], prefix, [prefix], { lookupOnly: true })
    } catch (error) {
      core.info(`Could not look up an earlier upload of ${file.relPath}: ${errorText(error)}`)
      return undefined
    }
    const fileId = matched?.startsWith(prefix) ? matched.slice(prefix.length) : undefined
    if (!fileId || !FILE_ID.test(fileId)) return undefined
    return (await this.stillUsable(fileId, file)) ? fileId : undefined
  }

  /** A remembered file may have been deleted (or belong to another account): check before reusing it. */
  private async stillUsable(fileId: string, file: LocalFile): Promise<boolean> {
    try {
      const info = await this.client.files.get(fileId)
      const state = readiness(info)
      if (state === 'ready') return true
      if (state === 'pending') {
        await this.client.files.waitReady(fileId, file.relPath, { deadline: Date.now() + REUSE_READY_MS })
        return true
      }
      core.info(`Earlier upload ${fileId} of ${file.relPath} failed processing: uploading again`)
    } catch (error) {
      const gone = error instanceof VideoGenApiError && (error.status === 404 || error.status === 410)
      core.info(
        `Earlier upload ${fileId} of ${file.relPath} ${gone ? 'no longer exists' : `cannot be reused (${errorText(error)})`}: uploading again`,
      )
    }
    return false
  }

  rememberUpload(file: LocalFile, fileId: string): void {
    if (!this.rememberUploads) return
    this.uploadSaves = this.uploadSaves.then(() => this.saveUpload(file, fileId))
  }

  private async saveUpload(file: LocalFile, fileId: string): Promise<void> {
    try {
      const sha256 = await this.hashes.of(file)
      const key = uploadKeyPrefix(this.settings.baseUrl, sha256) + fileId
      await mkdir(this.staging(UPLOADS_DIR), { recursive: true })
      await writeFile(
        path.join(this.staging(UPLOADS_DIR), 'upload.json'),
        `${JSON.stringify({ format: CACHE_FORMAT, fileId, sha256 })}\n`,
      )
      const id = await this.lib.saveCache([UPLOADS_DIR], key)
      if (id === -1) core.info(`Upload ${fileId} of ${file.relPath} was not remembered in the cache (see above)`)
      else core.info(`Remembered upload ${fileId} of ${file.relPath} in the cache (entry ${id})`)
    } catch (error) {
      core.info(`Upload ${fileId} of ${file.relPath} was not remembered in the cache: ${errorText(error)}`)
    } finally {
      await this.cleanUp(UPLOADS_DIR).catch(() => undefined)
    }
  }

  async save(execution: Execution, clips: Clip[]): Promise<void> {
    await this.uploadSaves
    if (this.restored) return
    if (clips.length < this.settings.request.numResults) {
      core.warning(
        `Not saved to the cache: ${clips.length} of ${this.settings.request.numResults} results came back, and a cached short result would be served to every later run`,
      )
      return
    }
    const notDownloaded = clips.filter((c) => !c.absPath)
    if (notDownloaded.length > 0) {
      core.warning(`Not saved to the cache: clip ${notDownloaded.map((c) => c.index).join(', ')} was not downloaded`)
      return
    }
    const rel = `${STAGING_ROOT}/${this.key}`
    const dir = this.staging(rel)
    try {
      await this.cleanUp(rel)
      await mkdir(dir, { recursive: true })
      const cached: CachedClip[] = []
      for (const { path: _path, absPath, bytes, releaseAssetUrl: _release, ...clip } of clips) {
        const staged = path.join(dir, stagedClipName(clip.index))
        await linkOrCopy(absPath as string, staged)
        cached.push({ ...clip, bytes: bytes ?? (await stat(staged)).size, sha256: await sha256File(staged) })
      }
      const record: CacheRecord = { format: CACHE_FORMAT, key: this.key, execution, clips: cached }
      await writeFile(path.join(dir, RECORD), `${JSON.stringify(record, null, 2)}\n`)
      const id = await this.lib.saveCache([rel], this.key)
      if (id === -1)
        core.warning(
          `The clips were not saved to the cache (see the message above; another job with the same inputs may have saved this key already)`,
        )
      else core.info(`Saved the clips to the cache (entry ${id}, key ${this.key})`)
    } catch (error) {
      core.warning(`The clips were not saved to the cache: ${errorText(error)}`)
    } finally {
      await this.cleanUp(rel).catch(() => undefined)
    }
  }
}

async function moveFile(from: string, to: string): Promise<void> {
  try {
    await rename(from, to)
  } catch {
    await copyFile(from, to)
    await rm(from, { force: true })
  }
}

/** A hard link costs no copy; across devices (or where links are refused) copy instead. */
async function linkOrCopy(from: string, to: string): Promise<void> {
  try {
    await link(from, to)
  } catch {
    await copyFile(from, to)
  }
}
