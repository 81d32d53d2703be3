// Release assets (issue 4). Interface used by main.ts.
import type { Clip } from './clip.js'

export async function uploadReleaseAssets(_release: { tag?: string; overwrite: boolean; token: string }, _clips: Clip[]): Promise<string[] | undefined> {
  throw new Error('release: not implemented yet')
}
