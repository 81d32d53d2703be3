// Artifact and release assets of the delivered clips: once per step, after a fresh run and a cache hit alike.
import type { Clip } from '../clip.js'
import type { Settings } from '../inputs/settings.js'
import { OUTPUTS, setOutput } from './outputs.js'

export interface Published {
  clips: Clip[]
  artifact?: { name: string; url: string }
}

/** `assetName` names a clip's release asset (default: its file name). */
export async function publish(
  settings: Pick<Settings, 'artifact' | 'release' | 'workspace'>,
  clips: Clip[],
  assetName?: (clip: Clip) => string,
): Promise<Published> {
  let artifact: Published['artifact']
  let current = clips
  if (settings.artifact) {
    const { uploadClipsArtifact } = await import('./artifact.js')
    const uploaded = await uploadClipsArtifact(settings.artifact, current, settings.workspace.root)
    if (uploaded) {
      setOutput(OUTPUTS.artifactId, String(uploaded.id))
      setOutput(OUTPUTS.artifactUrl, uploaded.url)
      artifact = { name: settings.artifact.name, url: uploaded.url }
    }
  }
  if (settings.release) {
    const { uploadReleaseAssets } = await import('./release.js')
    current = await uploadReleaseAssets(settings.release, current, assetName)
  }
  return { clips: current, ...(artifact && { artifact }) }
}
