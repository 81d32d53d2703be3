// The runner cancels the step while the clips download, through the bundled action: the execution has
// ended (and is paid for), so nothing is cancelled; the step stops at once and says so, and the post step
// has nothing to do.
import { describe, expect, it } from 'vitest'
import { actionEnv, errorsOf, inputsFor, withEmulator, workspaceWith } from '../faults/harness.js'
import { runAction, startAction } from '../runner/run-action.js'

describe('SIGINT during the download', () => {
  it('stops without cancelling the ended execution; the post step makes no request', async () => {
    await withEmulator({}, async (e) => {
      // The clip arrives slowly (about 7 s), so the signal lands mid-download.
      e.inject({ server: 'storage', method: 'GET', path: /\.mp4$/, kind: 'drip', bytesPerSecond: 500 })
      const running = startAction({
        inputs: inputsFor(e),
        env: actionEnv(),
        workspace: workspaceWith(),
        timeoutMs: 30_000,
      })
      const id = /^Execution (\S+) succeeded after/.exec(await running.waitFor(/^Execution \S+ succeeded after/))?.[1]
      running.child.kill('SIGINT')
      const main = await running.result
      expect(main.code).toBe(1)
      expect(main.durationMs).toBeLessThan(6000)
      expect(errorsOf(main.stdout)).toEqual([
        `Stopped: the workflow was cancelled (SIGINT). Execution ${id} had already ended.`,
      ])
      expect(e.cancelCalls()).toEqual([])
      expect(main.outputs).toMatchObject({ 'execution-id': id, status: 'succeeded' })
      expect(main.state).toMatchObject({ executionId: id, disposition: 'terminal' })

      const requests = e.requests.length
      const post = await runAction({
        inputs: inputsFor(e),
        env: actionEnv(),
        workspace: main.workspace,
        stage: 'post',
        state: main.state,
      })
      expect(post.code).toBe(0)
      expect(e.requests.length).toBe(requests)
    })
  })
})
