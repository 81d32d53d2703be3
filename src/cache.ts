// A store of finished clips and of uploads, on the Actions cache service (@actions/cache). It stores and
// restores; what a hit means for delivery (fresh links, public previews, outputs) is the caller's call.
//
// Entries are immutable and keyed by content:
// - `videogen-clip-v2-<sha256>`: the clips and the execution record of one request (see cache-key.ts);
// - `videogen-upload-v2-<sha256>-<file id>`: "this content was uploaded as <file id>" (non-temporary
//   uploads only). The id is in the key, so a lookup needs no download; a newer upload of the same
//   content adds a newer entry instead of overwriting one, so concurrent jobs cannot clobber each other.
//
// @actions/cache versions an entry by the path strings it was saved with, so entries are staged under a
// fixed workspace-relative directory (`.videogen-cache/…`) rather than download-dir, whose file names
// depend on the execution id that a restore does not know yet.
//
// A restored entry is outside input (anyone who can write the repository's cache scope can forge one):
// its record is decoded like an API answer, every clip must match the SHA-256 the record gives, and it
// holds no links at all: signed and public links are asked of the API again on a hit.
import { log } from './log.js'
import type * as CacheLib from '@actions/cache'
import { constants } from 'node:fs'
import { copyFile, link, lstat, readFile, realpath, rmdir, stat, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { CACHE_FORMAT, ContentHashes, clipCacheKey, uploadKeyPrefix } from './cache-key.js'
import { withConfinedTar } from './cache-tar.js'
import { withCleanOutput } from './library-output.js'
import { type Clip, clipFileName } from './clip.js'
import { ensureDir, moveInto, removeInside } from './fs-safe.js'
import { sha256File } from './hash.js'
import { clean } from './sanitize.js'
import type { ClipRequest } from './inputs/settings.js'
import { type DecodeContext, decodeContextFor, decodeExecution } from './videogen/decode.js'
import { VideoGenApiError, errorText } from './videogen/errors.js'
import { type FilesApi, readiness } from './videogen/files.js'
import { FILE_ID, isFileId } from './videogen/ids.js'
import type { Execution } from './videogen/types.js'
import type { LocalFile } from './workspace.js'

export interface RestoredRun {
  execution: Execution
  /** The clips, restored into the destination directory (path, absPath and bytes set; no signed links). */
  clips: Clip[]
}

export interface CacheContext {
  root: string
  baseUrl: string
  /** Remember non-temporary uploads (temporary ones expire after about a day). */
  rememberUploads: boolean
  files: FilesApi
}

type Lib = typeof CacheLib

const STAGING_ROOT = '.videogen-cache'
const UPLOADS_DIR = `${STAGING_ROOT}/uploads`
const RECORD = 'record.json'
/** A remembered upload still processing (another job just made it) is waited for this long at most. */
const REUSE_READY_MS = 60_000
const SHA256 = /^[0-9a-f]{64}$/

/** A clip as the record keeps it; its file is `clip-<index>.mp4` next to the record. */
interface CachedClip {
  index: number
  fileId: string
  durationSeconds?: number
  bytes: number
  sha256: string
}

interface CacheRecord {
  format: string
  key: string
  execution: Execution
  clips: CachedClip[]
}

const CACHED_CLIP_FIELDS: ReadonlySet<string> = new Set(['index', 'fileId', 'durationSeconds', 'bytes', 'sha256'])

const stagedClipName = (index: number) => `clip-${index}.mp4`

/** An extracted entry holds plain files in plain folders: a link in it could lead anywhere on the runner. */
async function plain(target: string, kind: 'file' | 'directory', what: string): Promise<void> {
  const info = await lstat(target)
  if (kind === 'file' ? info.isFile() : info.isDirectory()) return
  throw new Error(`${what} is ${info.isSymbolicLink() ? 'a symbolic link' : `not a ${kind}`}`)
}

/** The cache, or undefined (with a warning) where the Actions cache service cannot be used. */
export async function openCache(ctx: CacheContext): Promise<CacheStore | undefined> {
  if (process.platform === 'win32') {
    log.warning(
      'cache: true is not supported on Windows runners: the Actions cache extracts entries with their absolute and .. names there, so a forged entry could write outside the workspace: running without the cache',
    )
    return undefined
  }
  // Loaded here, not at the top: runs without `cache` do not pay for loading it.
  const lib = await import('@actions/cache')
  if (!lib.isFeatureAvailable()) {
    log.warning(
      'cache: true, but the Actions cache service is not available here (no ACTIONS_RESULTS_URL / ACTIONS_CACHE_URL, e.g. GitHub Enterprise Server without it): running without the cache',
    )
    return undefined
  }
  // The library resolves paths against the current directory but archives relative to GITHUB_WORKSPACE.
  const cwd = await realpath(process.cwd())
  if (cwd !== ctx.root) {
    log.warning(
      `cache: the current directory (${cwd}) is not the workspace (${ctx.root}), where the Actions cache stores and restores files: running without the cache`,
    )
    return undefined
  }
  try {
    await ensureDir(ctx.root, path.join(ctx.root, STAGING_ROOT))
    await rmdir(path.join(ctx.root, STAGING_ROOT)).catch(() => undefined)
  } catch (error) {
    log.warning(
      `cache: the staging directory ${STAGING_ROOT} cannot be used (${errorText(error)}): running without the cache`,
    )
    return undefined
  }
  return new CacheStore(lib, ctx)
}

export class CacheStore {
  private readonly hashes = new ContentHashes()
  private readonly decode: DecodeContext
  /**
   * Restores and saves take turns: they share the staging directory, which each one cleans up after itself
   * (a batch restores and saves several entries at once). Upload entries are saved in the background.
   */
  private turn: Promise<unknown> = Promise.resolve()

  constructor(
    private readonly lib: Lib,
    private readonly ctx: CacheContext,
  ) {
    this.decode = decodeContextFor(ctx.baseUrl)
  }

  keyOf(request: ClipRequest): Promise<string> {
    return clipCacheKey(this.ctx.baseUrl, request, this.hashes)
  }

  /** Content identity of a local file, for de-duplicating uploads. */
  contentKey(file: LocalFile): Promise<string> {
    return this.hashes.of(file)
  }

  private staging(rel: string): string {
    return path.join(this.ctx.root, ...rel.split('/'))
  }

  private inTurn<T>(work: () => Promise<T>): Promise<T> {
    const result = this.turn.then(work, work)
    this.turn = result.catch(() => undefined)
    return result
  }

  private async cleanUp(rel: string): Promise<void> {
    await removeInside(this.ctx.root, this.staging(rel))
    await rmdir(this.staging(STAGING_ROOT)).catch(() => undefined) // only when empty
  }

  /** The entry of `key`, checked and unpacked into `dir`; undefined on a miss or an unusable entry (warned). */
  restore(key: string, request: ClipRequest, dir: string): Promise<RestoredRun | undefined> {
    return this.inTurn(() => this.restoreNow(key, request, dir))
  }

  private async restoreNow(key: string, request: ClipRequest, dir: string): Promise<RestoredRun | undefined> {
    const rel = `${STAGING_ROOT}/${key}`
    try {
      await this.cleanUp(rel)
      const matched = await withConfinedTar(rel, () => withCleanOutput(() => this.lib.restoreCache([rel], key)))
      if (matched !== key) {
        log.info('Cache miss: generating, and saving the clips for the next run with the same inputs')
        return undefined
      }
      return await this.unpack(key, this.staging(rel), request, dir)
    } catch (error) {
      log.warning(`Cache entry ${key} could not be used (${errorText(error)}): generating anew`)
      return undefined
    } finally {
      await this.cleanUp(rel).catch(() => undefined)
    }
  }

  /** Record and clips of an extracted entry → `dir`, after checking every field and every clip's SHA-256. */
  private async unpack(key: string, staged: string, request: ClipRequest, dir: string): Promise<RestoredRun> {
    await plain(this.staging(STAGING_ROOT), 'directory', 'its folder')
    await plain(staged, 'directory', 'its folder')
    await plain(path.join(staged, RECORD), 'file', 'its record')
    const record = JSON.parse(await readFile(path.join(staged, RECORD), 'utf8')) as Partial<CacheRecord>
    if (record.format !== CACHE_FORMAT || record.key !== key)
      throw new Error('its record is not one this version of the action wrote')
    const execution = decodeExecution(record.execution, this.decode)
    if (execution.status !== 'succeeded') throw new Error(`its execution is ${execution.status}, not succeeded`)
    const cached = Array.isArray(record.clips) ? record.clips : []
    const n = request.request.numResults
    if (cached.length !== n || cached.some((c, i) => c?.index !== i + 1)) {
      throw new Error(`it does not hold clips 1 to ${n} in order`)
    }
    for (const c of cached) {
      // Only what save() writes: a field this version never stores (a link, say) marks a forged record.
      const extra = Object.keys(c).filter((k) => !CACHED_CLIP_FIELDS.has(k))
      if (extra.length > 0)
        throw new Error(`clip ${c.index} has fields this version never writes (${clean(extra.join(', '), 100)})`)
      if (!isFileId(c.fileId) || typeof c.sha256 !== 'string' || !SHA256.test(c.sha256))
        throw new Error(`clip ${c.index} has no valid file id or hash`)
      await plain(path.join(staged, stagedClipName(c.index)), 'file', `clip ${c.index}`)
      if ((await sha256File(path.join(staged, stagedClipName(c.index)))) !== c.sha256) {
        throw new Error(`clip ${c.index} does not match the SHA-256 in its record`)
      }
    }
    await ensureDir(this.ctx.root, dir)
    const clips: Clip[] = []
    for (const c of cached) {
      const name = clipFileName(execution.toolExecutionId, c.index)
      await moveInto(path.join(staged, stagedClipName(c.index)), dir, name)
      const absPath = path.join(dir, name)
      const bytes = (await stat(absPath)).size
      const relPath = path.relative(this.ctx.root, absPath).split(path.sep).join('/')
      const duration =
        typeof c.durationSeconds === 'number' && Number.isFinite(c.durationSeconds) ? c.durationSeconds : undefined
      clips.push({
        index: c.index,
        fileId: c.fileId,
        ...(duration !== undefined && { durationSeconds: duration }),
        absPath,
        path: relPath,
        bytes,
      })
      log.info(`Restored clip ${c.index} → ${relPath} (${bytes} bytes)`)
    }
    return { execution, clips }
  }

  async reuseUpload(file: LocalFile): Promise<string | undefined> {
    if (!this.ctx.rememberUploads) return undefined
    const prefix = uploadKeyPrefix(this.ctx.baseUrl, await this.hashes.of(file))
    let matched: string | undefined
    try {
      // The newest entry whose key starts with the prefix; lookupOnly: the key alone carries the id.
      // The library logs the key it matched, which whoever saved that entry chose: withCleanOutput.
      matched = await withCleanOutput(() =>
        this.lib.restoreCache([UPLOADS_DIR], prefix, [prefix], { lookupOnly: true }),
      )
    } catch (error) {
      log.info(`Could not look up an earlier upload of ${file.label}: ${errorText(error)}`)
      return undefined
    }
    const fileId = matched?.startsWith(prefix) ? matched.slice(prefix.length) : undefined
    if (!fileId || !FILE_ID.test(fileId)) return undefined
    return (await this.stillUsable(fileId, file)) ? fileId : undefined
  }

  /** A remembered file may have been deleted (or belong to another account): check before reusing it. */
  private async stillUsable(fileId: string, file: LocalFile): Promise<boolean> {
    try {
      const state = readiness(await this.ctx.files.get(fileId))
      if (state === 'ready') return true
      if (state === 'pending') {
        await this.ctx.files.waitReady(fileId, file.label, { deadline: Date.now() + REUSE_READY_MS })
        return true
      }
      log.info(`Earlier upload ${fileId} of ${file.label} failed processing: uploading again`)
    } catch (error) {
      const gone = error instanceof VideoGenApiError && (error.status === 404 || error.status === 410)
      log.info(
        `Earlier upload ${fileId} of ${file.label} ${gone ? 'no longer exists' : `cannot be reused (${errorText(error)})`}: uploading again`,
      )
    }
    return false
  }

  rememberUpload(file: LocalFile, fileId: string): void {
    if (!this.ctx.rememberUploads) return
    void this.inTurn(() => this.saveUpload(file, fileId))
  }

  private async saveUpload(file: LocalFile, fileId: string): Promise<void> {
    try {
      const sha256 = await this.hashes.of(file)
      const key = uploadKeyPrefix(this.ctx.baseUrl, sha256) + fileId
      await ensureDir(this.ctx.root, this.staging(UPLOADS_DIR))
      await writeFile(
        path.join(this.staging(UPLOADS_DIR), 'upload.json'),
        `${JSON.stringify({ format: CACHE_FORMAT, fileId, sha256 })}\n`,
        {
          flag: 'wx',
        },
      )
      const id = await withCleanOutput(() => this.lib.saveCache([UPLOADS_DIR], key))
      if (id === -1) log.info(`Upload ${fileId} of ${file.label} was not remembered in the cache (see above)`)
      else log.info(`Remembered upload ${fileId} of ${file.label} in the cache (entry ${id})`)
    } catch (error) {
      log.info(`Upload ${fileId} of ${file.label} was not remembered in the cache: ${errorText(error)}`)
    } finally {
      await this.cleanUp(UPLOADS_DIR).catch(() => undefined)
    }
  }

  /** Saves the clips of a finished run under `key` (all of them downloaded, or nothing is saved). */
  save(key: string, request: ClipRequest, execution: Execution, clips: Clip[]): Promise<void> {
    return this.inTurn(() => this.saveNow(key, request, execution, clips))
  }

  private async saveNow(key: string, request: ClipRequest, execution: Execution, clips: Clip[]): Promise<void> {
    const n = request.request.numResults
    if (clips.length < n) {
      log.warning(
        `Not saved to the cache: ${clips.length} of ${n} results came back, and a cached short result would be served to every later run`,
      )
      return
    }
    const notDownloaded = clips.filter((c) => !c.absPath)
    if (notDownloaded.length > 0) {
      log.warning(`Not saved to the cache: clip ${notDownloaded.map((c) => c.index).join(', ')} was not downloaded`)
      return
    }
    const rel = `${STAGING_ROOT}/${key}`
    const dir = this.staging(rel)
    try {
      await this.cleanUp(rel)
      await ensureDir(this.ctx.root, dir)
      const cached: CachedClip[] = []
      for (const clip of clips) {
        const staged = path.join(dir, stagedClipName(clip.index))
        await linkOrCopy(clip.absPath as string, staged)
        cached.push({
          index: clip.index,
          fileId: clip.fileId,
          ...(clip.durationSeconds !== undefined && { durationSeconds: clip.durationSeconds }),
          bytes: clip.bytes ?? (await stat(staged)).size,
          sha256: await sha256File(staged),
        })
      }
      const record: CacheRecord = { format: CACHE_FORMAT, key, execution: withoutLinks(execution), clips: cached }
      await writeFile(path.join(dir, RECORD), `${JSON.stringify(record, null, 2)}\n`, { flag: 'wx' })
      const id = await withCleanOutput(() => this.lib.saveCache([rel], key))
      if (id === -1)
        log.warning(
          `The clips were not saved to the cache (see the message above; another job with the same inputs may have saved this key already)`,
        )
      else log.info(`Saved the clips to the cache (entry ${id}, key ${key})`)
    } catch (error) {
      log.warning(`The clips were not saved to the cache: ${errorText(error)}`)
    } finally {
      await this.cleanUp(rel).catch(() => undefined)
    }
  }
}

/** A hard link costs no copy; across devices (or where links are refused) copy instead. */
async function linkOrCopy(from: string, to: string): Promise<void> {
  try {
    await link(from, to)
  } catch {
    await copyFile(from, to, constants.COPYFILE_EXCL)
  }
}

/** The execution without its signed links: they expire, and a cache entry is no place for credentials. */
function withoutLinks(execution: Execution): Execution {
  return {
    ...execution,
    results: execution.results.map(({ fileId, type, file }) => ({
      fileId,
      ...(type !== undefined && { type }),
      ...(file && {
        file: {
          fileId: file.fileId,
          ...(file.type !== undefined && { type: file.type }),
          ...(file.durationSeconds !== undefined && { durationSeconds: file.durationSeconds }),
        },
      }),
    })),
  }
}
