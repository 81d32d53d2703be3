// Workflow artifact of the downloaded clips (issue 4). Interface used by main.ts.
import type { Clip } from './clip.js'

export async function uploadClipsArtifact(_artifact: { name: string; retentionDays?: number }, _clips: Clip[], _root: string): Promise<{ id: number; url: string } | undefined> {
  throw new Error('artifact: not implemented yet')
}
