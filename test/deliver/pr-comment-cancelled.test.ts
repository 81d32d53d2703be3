// A run cancelled by the runner (SIGINT, SIGTERM 7.5 s later, the kill at 10 s) still updates the pull-request
// comment once its executions are cancelled, so an earlier run's success does not stay on the pull request.
import { beforeEach, describe, expect, it } from 'vitest'
import { runAction, startAction } from '../runner/run-action.js'
import { cancelLikeRunner, liveExecutions } from '../hostile/world.js'
import { PR, usePrWorld } from './pr-world.js'

const { world, options } = usePrWorld({
  jobFor: (body) => (String(body.prompt).includes('slow') ? { queuedMs: 20, durationMs: 60_000 } : undefined),
})
beforeEach(() => void world.gh.addPullRequest(PR))

describe('pr-comment on a cancelled run', () => {
  it.each([
    ['single clip', { prompt: 'a fast kite' }, { prompt: 'a slow kite' }],
    [
      'batch',
      { requests: JSON.stringify([{ id: 'intro', prompt: 'a fast kite' }]) },
      { requests: JSON.stringify([{ id: 'intro', prompt: 'a slow kite' }]) },
    ],
  ])(
    '%s: a cancelled re-run does not leave the earlier success on the pull request',
    async (_n, ok, slow) => {
      const first = await runAction(options(ok))
      expect(first.code, first.stdout).toBe(0)
      expect(world.gh.issues.comments).toHaveLength(1)
      const before = world.gh.issues.comments[0]?.body as string
      expect(before).toMatch(/succeeded/)
      const running = startAction(options(slow))
      await running.waitFor(/[Cc]reated execution/)
      const { result } = await cancelLikeRunner(running)
      expect(result.code).toBe(1)
      expect(world.gh.issues.comments).toHaveLength(1)
      const after = world.gh.issues.comments[0]?.body as string
      expect(after, 'comment not updated by the cancelled run').not.toBe(before)
      expect(after).toMatch(/cancelled/)
      expect(after).not.toMatch(/✅/)
      // The money first: the execution was cancelled before the comment was written.
      expect(liveExecutions(world.emulator)).toEqual([])
    },
    60_000,
  )
})
