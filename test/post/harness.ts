// Pieces of the post-step tests: the post step run with a saved state, and a main step stopped while its
// create hangs (the state then says a create was in flight).
import { expect } from 'vitest'
import type { Emulator } from '../emulator/index.js'
import { actionEnv, inputsFor, isGenerate, workspaceWith } from '../faults/harness.js'
import { type RunResult, type RunningAction, runAction, startAction } from '../runner/run-action.js'

/** The post step with `state` (main's saved state, or one written for the case). */
export const post = (e: Emulator, state: Record<string, string>, inputs: Record<string, string> = inputsFor(e)) =>
  runAction({ inputs, env: actionEnv(), workspace: workspaceWith(), stage: 'post', state })

/** Resolves once `e` has received a create after its `from`-th request (the fault keeps it hanging). */
export async function createArrived(e: Emulator, from: number): Promise<void> {
  const arrived = () => e.requests.slice(from).some(isGenerate)
  for (let i = 0; i < 400 && !arrived(); i++) await new Promise((r) => setTimeout(r, 25))
  expect(arrived()).toBe(true)
}

/** Main with the create hanging, stopped by `stop` once the create reached the API. */
export async function stoppedMidCreate(
  e: Emulator,
  stop: (running: RunningAction) => Promise<RunResult>,
): Promise<RunResult> {
  e.inject({ method: 'POST', path: '/v1/tools/generate-video-clip', kind: 'hang' })
  const from = e.requests.length
  // No short request timeout: the create must still be in flight when the step is stopped.
  const running = startAction({ inputs: inputsFor(e), workspace: workspaceWith(), timeoutMs: 30_000 })
  await createArrived(e, from)
  return stop(running)
}

/** Main killed (SIGKILL) mid-create, after `whileHanging` ran: state says the create was in flight. */
export async function killedMidCreate(
  e: Emulator,
  whileHanging: () => Promise<void> = async () => {},
): Promise<RunResult> {
  const main = await stoppedMidCreate(e, async (running) => {
    await whileHanging()
    running.child.kill('SIGKILL')
    return running.result
  })
  expect(main.signal).toBe('SIGKILL')
  return main
}
