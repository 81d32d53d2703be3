// Property: whatever the repository holds — file names with line breaks and workflow commands, symlinks
// out of the workspace (as inputs, as download-dir or a directory on its way, as the very names the action
// writes), FIFOs, sparse multi-GiB files, hostile prompt files — the bundled action keeps the invariants of
// invariants.ts: above all, it writes nothing outside download-dir and never blocks on a special file.
import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { repoCase } from './arbitraries.js'
import { INVARIANTS, MIN_CASES, SEED, assertOptions, shardsOf, testTimeoutFor } from './config.js'
import { runRepoCase, startRepoWorld } from './repo-case.js'
import { killRunning } from './sandbox.js'

const SHARDS = shardsOf(0.35, 2, 3)

describe.concurrent('property: hostile repository contents', () => {
  const counts: number[] = []
  beforeAll(() => {
    const runs = SHARDS.map((s) => s.runs)
    console.log(
      `property: hostile repository contents, ${runs.reduce((a, b) => a + b)} cases (${runs.join(' + ')}), ${INVARIANTS} invariants, seed ${SEED} (VG_PROPERTY_SEED)`,
    )
  })
  afterAll(() => {
    killRunning()
    console.log(`property: hostile repository contents ran ${counts.join(' + ')} cases (shrinking included)`)
  })

  for (const shard of SHARDS) {
    it(
      `file names, symlinks, FIFOs, sparse files, download-dir (shard ${shard.index}/${shard.count}): ${shard.runs} cases`,
      async () => {
        const world = await startRepoWorld()
        try {
          await fc.assert(
            fc.asyncProperty(repoCase, (c) => runRepoCase(world, c)),
            assertOptions(shard),
          )
        } finally {
          counts.push(world.cases)
          await world.emulator.close()
        }
        // Under a heavy load the time limit may stop a shard early (logged above), never at nothing.
        expect(world.cases).toBeGreaterThanOrEqual(Math.min(MIN_CASES, shard.runs))
      },
      testTimeoutFor(shard.runs),
    )
  }
})
