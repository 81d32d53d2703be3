// Permanent public links: signed URLs expire, public previews do not.
import { mapLimit } from '../concurrency.js'
import type { FilesApi } from '../videogen/files.js'
import type { Clip } from '../clip.js'

/** When retries stop (the delivery's deadline), and the run's cancel signal. */
export interface Limits {
  deadline: number
  signal?: AbortSignal
}

/** The clips with `publicUrl` set; those that have one already are left as they are. */
export async function withPublicPreviews(files: FilesApi, clips: Clip[], limits: Limits): Promise<Clip[]> {
  return mapLimit(
    clips,
    4,
    async (clip, _i, signal) => {
      if (clip.publicUrl) return clip
      const file = await files.enablePublicPreview(clip.fileId, { deadline: limits.deadline, signal })
      const url = file.staticPublicPreviewSource?.url ?? file.publicHlsUrl
      if (!url) throw new Error(`Public preview of ${clip.fileId} was enabled but VideoGen returned no public URL`)
      return { ...clip, publicUrl: url }
    },
    limits.signal,
  )
}
