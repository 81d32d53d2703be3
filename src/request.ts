// The generate-video-clip request body: params first, typed inputs over them.
import type { Settings } from './settings.js'

export interface RequestBody {
  body: Record<string, unknown>
  /** params keys that a typed input overrode. */
  overridden: string[]
}

export function buildRequestBody(
  settings: Pick<Settings, 'request' | 'params'>,
  imageFileIds: string[],
  videoFileId: string | undefined,
): RequestBody {
  const typed: Record<string, unknown> = {
    ...settings.request,
    ...(imageFileIds.length > 0 && { imageFileIds }),
    ...(videoFileId && { videoFileId }),
  }
  const overridden = Object.keys(settings.params).filter((k) => k in typed)
  return { body: { ...settings.params, ...typed }, overridden }
}
