// Before anything is created or billed: a delivery that cannot work would only fail after the clips were
// paid for. Read-only checks of the pull request to comment on, the artifact name and the release target.
import * as core from '@actions/core'
import type { PrCommentTarget } from './deliver/pr-comment.js'
import type { Settings } from './inputs/settings.js'

/** `found` receives the pull request to comment on as soon as it is known, so a later check that fails is reported there too. */
export async function preflight(
  settings: Pick<Settings, 'artifact' | 'release' | 'prComment'>,
  found?: (target: PrCommentTarget) => void,
): Promise<void> {
  const { artifact, release, prComment } = settings
  if (!artifact && !release && !prComment) return
  await core.group('Preflight', async () => {
    if (prComment) {
      const target = await (await import('./deliver/pr-comment.js')).preparePrComment(prComment)
      if (target) found?.(target)
    }
    if (artifact) await (await import('./deliver/artifact.js')).checkArtifactNameFree(artifact.name)
    if (release) await (await import('./deliver/release.js')).checkReleaseTarget(release)
  })
}
