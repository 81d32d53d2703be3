// Scenario 6: a long batch through few slots. N items of 1–2 s jobs with max-running M, through the bundled
// action, on an emulator whose tools budget (creates per hour) is exactly N. From the emulator's own records:
// how many executions were running at once at most (an execution runs from its creation to its scripted end
// or its cancel), how many creates were made and whether any was refused with 429.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { type ExecutionRecord, startEmulator } from '../test/emulator/index.js'
import { runnerEnv } from './action-env.js'
import { isExecutionGet, isListCall } from './batch.js'
import { type BenchContext, type ScenarioResult, s } from './lib.js'
import { runBundle } from './process.js'

const endOf = (r: ExecutionRecord) =>
  r.cancelledAt ?? r.createdAt + r.script.queuedMs + r.script.durationMs * r.script.attempts

/** The most executions running at one instant, and the share of the slots used from first create to last end. */
export function concurrency(records: readonly ExecutionRecord[], slots: number): { peak: number; utilization: number } {
  // At the same instant an end comes before a start: a slot freed at t may be taken at t.
  const events = records.flatMap((r) => [
    { at: r.createdAt, delta: 1 },
    { at: endOf(r), delta: -1 },
  ])
  events.sort((a, b) => a.at - b.at || a.delta - b.delta)
  let running = 0
  let peak = 0
  for (const e of events) peak = Math.max(peak, (running += e.delta))
  const busy = records.reduce((sum, r) => sum + (endOf(r) - r.createdAt), 0)
  const span = Math.max(...records.map(endOf)) - Math.min(...records.map((r) => r.createdAt))
  return { peak, utilization: span > 0 ? busy / (slots * span) : 0 }
}

export async function pacingScenario(ctx: BenchContext): Promise<ScenarioResult> {
  const n = ctx.smoke ? 9 : 200
  const maxRunning = ctx.smoke ? 3 : 10
  const [minMs, spanMs] = ctx.smoke ? [200, 200] : [1000, 1000]
  const budget = n
  // Durations spread over [min, min + span) by item, so the slots free up at different moments.
  const emulator = await startEmulator({
    job: { queuedMs: 50, durationMs: minMs, progress: 'linear' },
    jobFor: (body) => {
      const i = Number(/^Item (\d+)$/.exec(String(body.prompt))?.[1] ?? 0)
      return { queuedMs: 50, durationMs: minMs + ((i * 397) % spanMs), progress: 'linear' }
    },
    rateLimits: { 'tools-post': budget },
  })
  const root = mkdtempSync(path.join(tmpdir(), 'vg-bench-pacing-'))
  let wallMs: number
  try {
    const requests = Array.from({ length: n }, (_, i) => ({ id: `item-${i}`, prompt: `Item ${i}` }))
    ctx.log(`pacing: ${n} items, max-running ${maxRunning}`)
    const run = await runBundle(
      ctx,
      runnerEnv(emulator, root, { requests: JSON.stringify(requests), 'max-running': String(maxRunning) }),
    )
    if (run.outputs.status !== 'succeeded') throw new Error(`the batch ended ${run.outputs.status}`)
    wallMs = run.ms
  } finally {
    await emulator.close()
    rmSync(root, { recursive: true, force: true })
  }
  const records = [...emulator.executions.values()]
  const { peak, utilization } = concurrency(records, maxRunning)
  const createPosts = emulator.requests.filter((r) => r.method === 'POST' && r.path === '/v1/tools/generate-video-clip')
  const refused = createPosts.filter((r) => r.status === 429).length
  const creates = emulator.createCount()
  const gets = emulator.requests.filter(isExecutionGet).length
  const lists = emulator.requests.filter(isListCall).length
  const name = `Batch of ${n}, max-running ${maxRunning} (${s(minMs)}–${s(minMs + spanMs)} jobs)`
  return {
    rows: [
      {
        id: 'pacing.max-running',
        scenario: name,
        measure: 'most running at once (emulator records)',
        action: `${peak} (slots ${(100 * utilization).toFixed(0)}% busy)`,
        baseline: '–',
        target: `≤ ${maxRunning}`,
        met: peak <= maxRunning,
      },
      {
        id: 'pacing.creates',
        scenario: name,
        measure: 'creates; answers 429',
        action: `${creates}; ${refused}`,
        baseline: `budget ${budget} creates an hour (X-RateLimit-Limit)`,
        target: `${n} ≤ budget; no 429`,
        met: creates === n && creates <= budget && refused === 0,
      },
    ],
    raw: { n, maxRunning, minMs, spanMs, budget, wallMs, peak, utilization, creates, refused, gets, lists },
    notes: [
      `Pacing: ${n} items in ${s(wallMs)} (${lists} list calls, ${gets} execution GETs); the slots were busy ` +
        `${(100 * utilization).toFixed(0)}% of the time from the first create to the last end.`,
    ],
  }
}
