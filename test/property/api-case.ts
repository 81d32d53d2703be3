// One case of the hostile-API property: a fresh emulator state and sandbox, the case's mutations installed,
// one run of the bundled action, and every invariant checked on what it did.
import path from 'node:path'
import fc from 'fast-check'
import { type Emulator, startEmulator } from '../emulator/index.js'
import { closedPort } from '../faults/harness.js'
import type { ApiCase } from './arbitraries.js'
import {
  assertHolds,
  checkCreates,
  checkOutcome,
  checkStdout,
  checkSummary,
  checkTree,
  snapshotTree,
} from './invariants.js'
import { installMutations } from './mutations.js'
import { disposeRunnerFiles, newSandbox, plantEntry, runTimed } from './sandbox.js'

const JOB = { queuedMs: 20, durationMs: 100 }
/**
 * A run is killed (and fails the outcome invariant) past this: with timeout 3s the action's own bounds
 * (the wait, downloads of at least min(timeout, 10 min), a 6 s cancel) end a run well within it.
 */
const CASE_BOUND_MS = 30_000
/** Results a hostile execution can list (a results array of up to 3, or an added second entry). */
const MAX_RESULTS = 4

export interface ApiWorld {
  emulator: Emulator
  closed: number
  cases: number
}

export async function startApiWorld(): Promise<ApiWorld> {
  return { emulator: await startEmulator({ job: JOB, fileReadyDelayMs: 20 }), closed: await closedPort(), cases: 0 }
}

/** One case: a fresh emulator state and sandbox, the mutations, one run, every invariant. */
export async function runApiCase(world: ApiWorld, c: ApiCase): Promise<void> {
  const { emulator } = world
  world.cases++
  emulator.reset()
  emulator.configure({ job: c.fails ? { ...JOB, outcome: 'failed', error: c.fails } : JOB })
  const sandbox = newSandbox()
  try {
    if (c.image) plantEntry(sandbox, path.join(sandbox.workspace, 'refs', 'ref.png'), 'png')
    const injected = new Set<string>()
    installMutations(emulator, c.mutations, { emulator, closedPort: world.closed, injected })
    const before = snapshotTree(sandbox.root)
    const run = await runTimed({
      inputs: {
        'api-key': emulator.key,
        'base-url': emulator.url,
        prompt: 'a fox in the snow',
        // Short: a mutation that keeps the status unknown ends in a timeout, not a long wait.
        timeout: '3s',
        'num-results': String(c.numResults),
        'public-preview': String(c.publicPreview),
        ...(c.image && { images: 'refs/ref.png' }),
      },
      env: { VIDEOGEN_REQUEST_TIMEOUT_MS: '1500', ...(c.debug && { RUNNER_DEBUG: '1' }) },
      workspace: sandbox.workspace,
      timeoutMs: CASE_BOUND_MS,
    })
    const { result } = run
    if (process.env.VG_PROPERTY_LOG)
      console.log(`case ${world.cases}: ${result.durationMs} ms, exit ${result.code}: ${fc.stringify(c).slice(0, 300)}`)
    disposeRunnerFiles(result)
    const after = snapshotTree(sandbox.root)
    const executionId = [...emulator.executions.keys()][0]
    const downloadDir = path.join(sandbox.workspace, 'videogen-output')
    const violations = [
      ...checkTree(before, after, path.relative(sandbox.root, downloadDir)),
      ...checkStdout(result.stdout, emulator.key),
      ...checkSummary(
        result.summary,
        [new URL(emulator.url).origin, new URL(emulator.storageUrl).origin],
        injected,
        MAX_RESULTS,
      ),
      ...checkOutcome({
        ...run,
        emulatorStatus: executionId ? emulator.executions.get(executionId)?.status : undefined,
        downloadDir,
        workspace: sandbox.workspace,
        quietExitMs: 3000,
      }),
      ...checkCreates(emulator, 0),
    ]
    assertHolds(violations, result, fc.stringify(c))
  } finally {
    sandbox.dispose()
  }
}
