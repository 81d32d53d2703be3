// How many cases, from which seed, within how long: fixed by default so CI runs are reproducible, and
// overridable to run longer (VG_PROPERTY_RUNS, VG_PROPERTY_SEED, VG_PROPERTY_TIME_LIMIT_MS).
import fc from 'fast-check'

const positive = (raw: string | undefined): number | undefined => {
  const n = Number(raw)
  return raw !== undefined && raw !== '' && Number.isFinite(n) && n > 0 ? Math.floor(n) : undefined
}

/** The invariants checked on every case (invariants.ts): files, log commands, summary, outcome, creates, exit time. */
export const INVARIANTS = 6

/** A shard that the time limit stops early must still have run this many cases. */
export const MIN_CASES = 5

/** Cases across all properties (each case is one run of the bundled action, one to two seconds). */
export const TOTAL_RUNS = positive(process.env.VG_PROPERTY_RUNS) ?? 200

export const SEED = process.env.VG_PROPERTY_SEED ? Number(process.env.VG_PROPERTY_SEED) | 0 : 20_261_127

/**
 * A property's cases run in shards side by side, each its own fast-check run (own seed, own emulator):
 * a case mostly waits (process start, the first poll a second after the create), so shards overlap well
 * on two cores.
 */
export interface Shard {
  /** 1-based, for the test title. */
  index: number
  count: number
  runs: number
  seed: number
}

/** `share` of the total cases, split into `count` shards; `salt` keeps properties' seeds apart. */
export function shardsOf(share: number, count: number, salt: number): Shard[] {
  const runs = Math.max(count, Math.round(TOTAL_RUNS * share))
  return Array.from({ length: count }, (_, i) => ({
    index: i + 1,
    count,
    runs: Math.floor(runs / count) + (i < runs % count ? 1 : 0),
    seed: SEED + salt * 100 + i,
  }))
}

/**
 * Wall-clock budget of one shard, shrinking included: at the limit fast-check stops, reporting the smallest
 * counterexample found so far if a case failed. On a loaded machine a shard may stop before its case count
 * (the log says how many ran): the suite's time stays bounded rather than its case count.
 */
export const timeLimitFor = (runs: number) =>
  positive(process.env.VG_PROPERTY_TIME_LIMIT_MS) ?? Math.max(100_000, runs * 2_500)

/** The vitest timeout of a shard: its budget plus the case in flight at the limit and the emulator's start. */
export const testTimeoutFor = (runs: number) => timeLimitFor(runs) + 90_000

/** fast-check options of one shard; `examples` run first (kept reproductions of defects found). */
export function assertOptions<T>(shard: Shard, examples: T[] = []): fc.Parameters<[T]> {
  return {
    numRuns: shard.runs,
    seed: shard.seed,
    examples: examples.map((e) => [e] as [T]),
    plugins: [fc.interruptAfterTimeLimit(timeLimitFor(shard.runs))],
  }
}
