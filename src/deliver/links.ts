// Signed links that work now: a clip whose link is missing or about to expire gets a fresh one through
// hydrate. The same rule for a fresh run (whose links the execution GET has just signed, so usually
// nothing to do) and for a cache hit (whose entry keeps no links).
import { mapLimit } from '../concurrency.js'
import { type FilesApi, isFresh } from '../videogen/files.js'
import { type Clip, linksFromFile } from '../clip.js'
import type { Limits } from './public-preview.js'

export async function renewLinks(files: FilesApi, clips: Clip[], limits: Limits): Promise<Clip[]> {
  return mapLimit(
    clips,
    4,
    async (clip, _i, abort) => {
      const current = clip.url
        ? { url: clip.url, ...(clip.urlExpiresAt !== undefined && { expiresAt: clip.urlExpiresAt }) }
        : undefined
      if (isFresh(current)) return clip
      return linksFromFile(clip, await files.hydrate(clip.fileId, { deadline: limits.deadline, signal: abort }))
    },
    limits.signal,
  )
}
