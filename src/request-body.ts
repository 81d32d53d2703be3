// The generate-video-clip request body: params first, typed inputs over them, file ids last.
import type { ClipRequest } from './inputs/settings.js'

/** The file ids of one request, in input order (uploads done, or placeholders for a dry run or a cache key). */
export interface RequestFileIds {
  images: string[]
  videos: string[]
  audio: string[]
  startFrame?: string
}

export interface RequestBody {
  body: Record<string, unknown>
  /** params keys that a typed input overrode. */
  overridden: string[]
}

export function buildRequestBody(clip: Pick<ClipRequest, 'request' | 'params'>, ids: RequestFileIds): RequestBody {
  const typed: Record<string, unknown> = {
    ...clip.request,
    ...(ids.images.length > 0 && { imageFileIds: ids.images }),
    ...(ids.videos.length > 0 && { videoFileIds: ids.videos }),
    ...(ids.audio.length > 0 && { audioFileIds: ids.audio }),
    ...(ids.startFrame !== undefined && { startFrameFileId: ids.startFrame }),
  }
  const overridden = Object.keys(clip.params).filter((k) => k in typed)
  return { body: { ...clip.params, ...typed }, overridden }
}

/** Maps every file reference of a request (images, videos, audio, start frame) through `id`, keeping the shape. */
export async function mapRequestFiles<T extends { fileId: string } | { file: unknown }>(
  files: { images: T[]; videos: T[]; audio: T[]; startFrame?: T },
  id: (ref: T) => Promise<string>,
): Promise<RequestFileIds> {
  const all = (refs: T[]) => Promise.all(refs.map(id))
  const [images, videos, audio] = await Promise.all([all(files.images), all(files.videos), all(files.audio)])
  return { images, videos, audio, ...(files.startFrame && { startFrame: await id(files.startFrame) }) }
}
