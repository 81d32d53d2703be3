// Scenario 1: completion lag and polls. The action's adaptive poller (waitForExecution) against the official
// SDK's fixed 1.5 s poller, both over real HTTP to the emulator, on linear and on step-shaped progress.
import { type Emulator, startEmulator } from '../test/emulator/index.js'
import { sleep } from '../src/videogen/retry.js'
import type { Execution } from '../src/videogen/types.js'
import { isTerminal } from '../src/videogen/types.js'
import { waitForExecution } from '../src/wait.js'
import { type BenchContext, type Row, type ScenarioResult, benchClient, max, median, percentile, s } from './lib.js'

type Shape = 'linear' | 'steps'
type Poller = 'action' | 'sdk'

interface Sample {
  shape: Shape
  poller: Poller
  polls: number
  lagMs: number
}

/** The SDK's pollExecutedTool: GET, stop on a terminal status, else sleep 1.5 s; nothing else. */
async function sdkPoll(getExecution: (id: string) => Promise<Execution>, id: string): Promise<Execution> {
  for (;;) {
    const execution = await getExecution(id)
    if (isTerminal(execution.status)) return execution
    await sleep(1500)
  }
}

async function oneRun(emulator: Emulator, shape: Shape, poller: Poller): Promise<Sample> {
  const client = benchClient(emulator.url)
  try {
    const createdAt = Date.now()
    const id = await client.tools.generateVideoClip({ prompt: `bench ${shape} ${poller}`, isOutputTemporary: true })
    const getExecution = (execId: string, options: { signal?: AbortSignal; deadline?: number } = {}) =>
      client.tools.getExecution(execId, options)
    const execution =
      poller === 'sdk'
        ? await sdkPoll(getExecution, id)
        : await waitForExecution(id, { createdAt, deadline: createdAt + 5 * 60_000, getExecution }).then((o) => {
            if (o.kind !== 'terminal') throw new Error(`${id}: the action's poller timed out`)
            return o.execution
          })
    const returned = Date.now()
    if (execution.status !== 'succeeded') throw new Error(`${id} ended ${execution.status}`)
    // The emulator's own clock: the execution is succeeded from createdAt + queued + attempts × duration on.
    const record = emulator.executions.get(id)
    if (!record) throw new Error(`${id} is unknown to the emulator`)
    const completedAt = record.createdAt + record.script.queuedMs + record.script.attempts * record.script.durationMs
    const polls = emulator.requests.filter((r) => r.method === 'GET' && r.path === `/v1/tools/executions/${id}`).length
    return { shape, poller, polls, lagMs: returned - completedAt }
  } finally {
    await client.close()
  }
}

function summarize(samples: Sample[]) {
  const lags = samples.map((x) => x.lagMs)
  const polls = samples.map((x) => x.polls)
  return {
    lagP50: percentile(lags, 50),
    lagMax: max(lags),
    pollsMedian: median(polls),
    pollsMax: max(polls),
    pollsMin: Math.min(...polls),
  }
}

export async function pollingScenario(ctx: BenchContext): Promise<ScenarioResult> {
  const durationMs = ctx.smoke ? 1000 : 20_000
  const runs = ctx.smoke ? 1 : 5
  const shapes: Shape[] = ['linear', 'steps']
  const emulators = await Promise.all(
    shapes.map((progress) => startEmulator({ job: { queuedMs: 100, durationMs, progress } })),
  )
  let samples: Sample[]
  try {
    // Every run of both pollers and both shapes at once: the pollers sleep nearly all the time, so they do not
    // disturb one another, and the wall time is one job's instead of twenty.
    const jobs: Array<Promise<Sample>> = []
    shapes.forEach((shape, i) => {
      for (let run = 0; run < runs; run++)
        for (const poller of ['action', 'sdk'] as const) jobs.push(oneRun(emulators[i] as Emulator, shape, poller))
    })
    ctx.log(`polling: ${jobs.length} executions of ${s(durationMs)} running at once`)
    samples = await Promise.all(jobs)
  } finally {
    await Promise.all(emulators.map((e) => e.close()))
  }

  const rows: Row[] = []
  const stats: Record<string, ReturnType<typeof summarize>> = {}
  for (const shape of shapes) {
    const action = summarize(samples.filter((x) => x.shape === shape && x.poller === 'action'))
    const sdk = summarize(samples.filter((x) => x.shape === shape && x.poller === 'sdk'))
    stats[`${shape}.action`] = action
    stats[`${shape}.sdk`] = sdk
    const name = `Completion, ${shape} progress (${s(durationMs)} job, ${runs} runs)`
    const pollTarget = shape === 'linear' ? 7 : sdk.pollsMin
    const lagTarget = shape === 'linear' ? 1000 : 2000
    rows.push({
      id: `poll.${shape}.polls`,
      scenario: name,
      measure: 'polls, median (max)',
      action: `${action.pollsMedian} (${action.pollsMax})`,
      baseline: `${sdk.pollsMedian} (${sdk.pollsMax}) fixed 1.5 s`,
      target: shape === 'linear' ? '≤ 7' : '≤ baseline',
      met: action.pollsMax <= pollTarget,
    })
    rows.push({
      id: `poll.${shape}.lag`,
      scenario: name,
      measure: 'lag after completion, p50 / max',
      action: `${s(action.lagP50)} / ${s(action.lagMax)}`,
      baseline: `${s(sdk.lagP50)} / ${s(sdk.lagMax)}`,
      target: `p50 ≤ ${s(lagTarget)}`,
      met: action.lagP50 <= lagTarget,
    })
  }
  return { rows, raw: { durationMs, runs, samples, stats } }
}
