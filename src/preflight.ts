// Before anything is created or billed: a delivery that cannot work would only fail after the clips were
// paid for. Read-only checks of the artifact name and the release target.
import * as core from '@actions/core'
import type { Settings } from './inputs/settings.js'

export async function preflight(settings: Pick<Settings, 'artifact' | 'release'>): Promise<void> {
  const { artifact, release } = settings
  if (!artifact && !release) return
  await core.group('Preflight', async () => {
    if (artifact) await (await import('./deliver/artifact.js')).checkArtifactNameFree(artifact.name)
    if (release) await (await import('./deliver/release.js')).checkReleaseTarget(release)
  })
}
