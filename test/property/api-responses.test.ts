// Property: whatever the API answers — any field of any response the action reads replaced by a hostile
// value, error bodies, storage error XML, request-id headers — the bundled action keeps the invariants of
// invariants.ts. Two properties split the routes between them; their shards run side by side.
import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { runApiCase, startApiWorld } from './api-case.js'
import { type Route, apiCaseOf } from './arbitraries.js'
import { INVARIANTS, MIN_CASES, SEED, assertOptions, shardsOf, testTimeoutFor } from './config.js'
import { killRunning } from './sandbox.js'

const FLOW: Route[] = ['list', 'create', 'execution', 'cancel']
const FILES: Route[] = ['upload', 'file', 'hydrate', 'preview']
const PROPERTIES = [
  {
    title: 'executions list, create, execution and cancel responses',
    arbitrary: apiCaseOf(FLOW, false),
    shards: shardsOf(0.35, 2, 1),
  },
  {
    title: 'upload, file, hydrate and public-preview responses, storage errors, request ids',
    arbitrary: apiCaseOf(FILES, true),
    shards: shardsOf(0.3, 2, 2),
  },
]

describe.concurrent('property: hostile API responses', () => {
  const counts: number[] = []
  beforeAll(() => {
    const runs = PROPERTIES.flatMap((p) => p.shards.map((s) => s.runs))
    console.log(
      `property: hostile API responses, ${runs.reduce((a, b) => a + b)} cases (${runs.join(' + ')}), ${INVARIANTS} invariants, seed ${SEED} (VG_PROPERTY_SEED)`,
    )
  })
  afterAll(() => {
    killRunning()
    console.log(`property: hostile API responses ran ${counts.join(' + ')} cases (shrinking included)`)
  })

  for (const { title, arbitrary, shards } of PROPERTIES) {
    for (const shard of shards) {
      it(
        `${title} (shard ${shard.index}/${shard.count}): ${shard.runs} cases`,
        async () => {
          const world = await startApiWorld()
          try {
            await fc.assert(
              fc.asyncProperty(arbitrary, (c) => runApiCase(world, c)),
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
  }
})
