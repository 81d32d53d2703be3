// Permanent public links: signed URLs expire, public previews do not.
import { mapLimit } from '../concurrency.js'
import type { FilesApi } from '../videogen/files.js'
import type { Clip } from './clip.js'

export async function enablePublicPreviews(files: Pick<FilesApi, 'enablePublicPreview'>, clips: Clip[]): Promise<void> {
  await mapLimit(clips, 4, async (clip) => {
    const file = await files.enablePublicPreview(clip.fileId)
    const url = file.staticPublicPreviewSource?.url ?? file.publicHlsUrl
    if (!url) throw new Error(`Public preview of ${clip.fileId} was enabled but VideoGen returned no public URL`)
    clip.publicUrl = url
  })
}
