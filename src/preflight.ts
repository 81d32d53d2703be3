// Before anything is created or billed: a delivery that cannot work would only fail after the clips were
// paid for. Read-only checks of the pull request to comment on, the artifact name and the release target,
// each run even after another failed, so that one run names every input to fix.
import * as core from '@actions/core'
import type { PrCommentTarget } from './deliver/pr-comment.js'
import { Problems } from './inputs/input-error.js'
import type { Settings } from './inputs/settings.js'
import { log } from './log.js'
import { errorText } from './videogen/errors.js'

/** `found` receives the pull request to comment on as soon as it is known, so a later check that fails is reported there too. */
export async function preflight(
  settings: Pick<Settings, 'artifact' | 'release' | 'prComment'>,
  found?: (target: PrCommentTarget) => void,
): Promise<void> {
  const { artifact, release, prComment } = settings
  if (!artifact && !release && !prComment) return
  await core.group('Preflight', async () => {
    const problems = new Problems()
    const failures: unknown[] = []
    const check = async (work: () => Promise<void>): Promise<void> => {
      try {
        await problems.take(work)
      } catch (error) {
        failures.push(error)
      }
    }
    if (prComment) {
      await check(async () => {
        const target = await (await import('./deliver/pr-comment.js')).preparePrComment(prComment)
        if (target) found?.(target)
      })
    }
    if (artifact) await check(async () => (await import('./deliver/artifact.js')).checkArtifactNameFree(artifact.name))
    if (release) await check(async () => (await import('./deliver/release.js')).checkReleaseTarget(release))
    if (failures.length > 0) {
      // The first failure is the step's error; every other problem found meanwhile is named too.
      for (const problem of problems.errors) log.error(problem.message)
      for (const failure of failures.slice(1)) log.error(errorText(failure))
      throw failures[0]
    }
    problems.throwIfAny()
  })
}
