// Cache of finished clips and of uploads (issue 5). Interface used by main.ts.
import type { LocalFile } from './assets.js'
import type { Clip } from './deliver/clip.js'
import type { Settings } from './settings.js'
import type { VideoGenClient } from './videogen/client.js'
import type { Execution } from './videogen/types.js'

export interface CacheSession {
  hit: boolean
  restored?: { execution: Execution; clips: Clip[] }
  reuseUpload(file: LocalFile): Promise<string | undefined>
  rememberUpload(file: LocalFile, fileId: string): void
  save(execution: Execution, clips: Clip[]): Promise<void>
}

export async function openCache(_settings: Settings, _client: VideoGenClient): Promise<CacheSession> {
  throw new Error('cache: not implemented yet')
}
