// Delivery of one finished execution's clips, the same for a fresh run and a cache hit, for a single clip
// and for each item of a batch: links that work now, public previews if asked, the files on disk, and
// the cache entry. Each part that fails is a warning or the returned failure, never a lost result: the
// clips are paid for.
import * as core from '@actions/core'
import type { CacheStore } from '../cache.js'
import type { Clip } from '../clip.js'
import type { ClipRequest } from '../inputs/settings.js'
import { errorText } from '../videogen/errors.js'
import type { FilesApi } from '../videogen/files.js'
import type { Execution } from '../videogen/types.js'
import { downloadClips } from './download.js'
import { renewLinks } from './links.js'
import { withPublicPreviews } from './public-preview.js'

export interface ClipDelivery {
  files: FilesApi
  root: string
  /** Where this execution's files go (download-dir, or download-dir/<item id> in a batch). */
  dir: string
  download: boolean
  publicPreview: boolean
  deadline: number
  signal: AbortSignal
  /** Prefix of log lines, e.g. "[intro] " in a batch. */
  label?: string
  /** Save a fresh run here (the store, the entry key and the request it is for). */
  cache?: { store: CacheStore; key: string; request: ClipRequest }
}

export interface Delivered {
  clips: Clip[]
  /** What went wrong, if anything did; the clips hold everything that was delivered. */
  failure?: unknown
}

export async function deliverClips(
  execution: Execution,
  clips: Clip[],
  cacheHit: boolean,
  d: ClipDelivery,
): Promise<Delivered> {
  const label = d.label ?? ''
  let current = await renewLinks(d.files, clips, d.signal).catch((error: unknown) => {
    core.warning(
      `${label}Could not get fresh links for the clips (${errorText(error)}): the url outputs may have expired; the files in download-dir are complete`,
    )
    return clips
  })
  if (d.publicPreview) {
    const before = current
    current = await withPublicPreviews(d.files, current).catch((error: unknown) => {
      // On a cache hit this must not fail the step: every later run would hit the same entry and fail again.
      core.warning(
        `${label}Public preview${cacheHit ? ' of the cached clips' : ''}: ${errorText(error)}; the summary uses the signed links, which expire`,
      )
      return before
    })
  } else {
    // Outputs as a run with these inputs would set them: no public links unless asked for.
    current = current.map(({ publicUrl: _p, ...clip }) => clip)
  }
  if (cacheHit || !d.download || current.length === 0) return { clips: current }
  try {
    current = await downloadClips(d.files, current, {
      root: d.root,
      dir: d.dir,
      executionId: execution.toolExecutionId,
      deadline: d.deadline,
      signal: d.signal,
      log: (m) => core.info(`${label}${m}`),
    })
  } catch (error) {
    return { clips: current, failure: error }
  }
  for (const clip of current) core.info(`${label}Downloaded clip ${clip.index} → ${clip.path} (${clip.bytes} bytes)`)
  if (d.cache) await d.cache.store.save(d.cache.key, d.cache.request, execution, current)
  return { clips: current }
}
