// Scenario 5: one batch step against a matrix of single-clip steps. N items, each a linear job with two of
// three shared images: the bundled action once with `requests` (max-running N), against N single-clip runs
// of the bundle started at once (what a workflow matrix of N jobs runs), and one single-clip run alone (one
// clip's wall). The three go one after another, each on a fresh emulator, so each has the machine to itself
// and the emulator's counts are its own.
import { copyFileSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { type Emulator, FIXTURES_DIR, type RecordedRequest, startEmulator } from '../test/emulator/index.js'
import { runnerEnv } from './action-env.js'
import { type BenchContext, type ScenarioResult, s } from './lib.js'
import { type Finished, runBundle } from './process.js'

/** Three distinct contents under the workspace; item i uses two of them. */
const IMAGES: Record<string, string> = {
  'art/logo.png': 'ref.png',
  'art/hero.jpg': 'ref.jpg',
  'art/thumb.jpg': 'thumb.jpg',
}
const IMAGE_PATHS = Object.keys(IMAGES)
const imagesOf = (i: number) => [IMAGE_PATHS[i % 3], IMAGE_PATHS[(i + 1) % 3]] as string[]

export const isExecutionGet = (r: RecordedRequest) =>
  r.method === 'GET' && /^\/v1\/tools\/executions\/[^/]+$/.test(r.path)
export const isListCall = (r: RecordedRequest) => r.method === 'GET' && r.path === '/v1/tools/executions'
const isUpload = (r: RecordedRequest) => r.method === 'POST' && r.path === '/v1/files/upload'

/** A runner's step environment with the shared images checked out in its workspace. */
function stepEnv(emulator: Emulator, root: string, inputs: Record<string, string>): Record<string, string> {
  const env = runnerEnv(emulator, root, inputs)
  for (const [rel, fixture] of Object.entries(IMAGES)) {
    const abs = path.join(env.GITHUB_WORKSPACE as string, rel)
    mkdirSync(path.dirname(abs), { recursive: true })
    copyFileSync(path.join(FIXTURES_DIR, fixture), abs)
  }
  return env
}

interface Phase {
  /** First spawn → last exit. */
  wallMs: number
  /** Spawn → exit of each process. */
  processMs: number[]
  executionGets: number
  listCalls: number
  uploads: number
  creates: number
  /** First spawn → the last create's arrival at the emulator. */
  lastCreateMs: number
}

function phaseOf(emulator: Emulator, runs: Finished[]): Phase {
  const start = Math.min(...runs.map((r) => r.startedAt))
  const end = Math.max(...runs.map((r) => r.startedAt + r.ms))
  const count = (match: (r: RecordedRequest) => boolean) => emulator.requests.filter(match).length
  return {
    wallMs: end - start,
    processMs: runs.map((r) => r.ms),
    executionGets: count(isExecutionGet),
    listCalls: count(isListCall),
    uploads: count(isUpload),
    creates: emulator.createCount(),
    lastCreateMs: Math.max(...[...emulator.executions.values()].map((e) => e.createdAt)) - start,
  }
}

/** Runs `steps` step environments at once on a fresh emulator; every step must succeed. */
async function phase(
  ctx: BenchContext,
  durationMs: number,
  steps: (emulator: Emulator, root: string) => Array<Record<string, string>>,
  check: (outputs: Record<string, string>) => void,
): Promise<Phase> {
  const emulator = await startEmulator({ job: { queuedMs: 100, durationMs, progress: 'linear' } })
  const root = mkdtempSync(path.join(tmpdir(), 'vg-bench-batch-'))
  try {
    const runs = await Promise.all(
      steps(emulator, root).map(async (env) => {
        const run = await runBundle(ctx, env)
        check(run.outputs)
        return run
      }),
    )
    return phaseOf(emulator, runs)
  } finally {
    await emulator.close()
    rmSync(root, { recursive: true, force: true })
  }
}

const singleClip = (i: number) => ({ prompt: `Scene ${i}`, images: imagesOf(i).join('\n') })

export async function batchScenario(ctx: BenchContext): Promise<ScenarioResult> {
  const n = ctx.smoke ? 3 : 50
  const durationMs = ctx.smoke ? 500 : 20_000
  const succeeded = (outputs: Record<string, string>) => {
    if (outputs.status !== 'succeeded') throw new Error(`a run ended ${outputs.status}`)
  }

  ctx.log(`batch: one clip alone (${s(durationMs)} job)`)
  const lone = await phase(ctx, durationMs, (e, root) => [stepEnv(e, root, singleClip(0))], succeeded)

  ctx.log(`batch: ${n} items in one step`)
  const requests = Array.from({ length: n }, (_, i) => ({ id: `item-${i}`, ...singleClip(i), images: imagesOf(i) }))
  const batch = await phase(
    ctx,
    durationMs,
    (e, root) => [stepEnv(e, root, { requests: JSON.stringify(requests), 'max-running': String(n) })],
    (outputs) => {
      succeeded(outputs)
      const results = JSON.parse(outputs.results ?? '{}') as Record<string, { status: string }>
      if (Object.keys(results).length !== n) throw new Error(`the batch reported ${Object.keys(results).length} items`)
    },
  )

  ctx.log(`batch: a matrix of ${n} single-clip runs at once`)
  const matrix = await phase(
    ctx,
    durationMs,
    (e, root) => Array.from({ length: n }, (_, i) => stepEnv(e, path.join(root, `job-${i}`), singleClip(i))),
    succeeded,
  )

  const one = lone.wallMs
  const matrixRunnerMs = matrix.processMs.reduce((a, b) => a + b, 0)
  const name = `Batch of ${n} vs a matrix of ${n} (${s(durationMs)} linear jobs)`
  const perItem = n * 2
  return {
    rows: [
      {
        id: 'batch.wall',
        scenario: name,
        measure: 'wall time, spawn → exit',
        action: `${s(batch.wallMs)} (${(batch.wallMs / one).toFixed(2)}× one clip)`,
        baseline: `${s(one)} one clip alone; matrix ${s(matrix.wallMs)}`,
        target: '≤ 1.2× one clip',
        met: batch.wallMs <= 1.2 * one,
      },
      {
        id: 'batch.gets',
        scenario: name,
        measure: 'execution GETs (list calls)',
        action: `${batch.executionGets} (${batch.listCalls} list)`,
        baseline: `${matrix.executionGets} (${matrix.listCalls} list) matrix`,
        target: '≤ 1/10 of the matrix',
        met: batch.executionGets * 10 <= matrix.executionGets,
      },
      {
        id: 'batch.runner-time',
        scenario: name,
        measure: 'runner time: sum of the processes’ walls',
        action: `${s(batch.wallMs)} (1/${(matrixRunnerMs / batch.wallMs).toFixed(0)})`,
        baseline: `${s(matrixRunnerMs)} matrix, ${n} processes`,
        target: `≤ 1/${n} of the matrix`,
        met: batch.wallMs * n <= matrixRunnerMs,
      },
      {
        id: 'batch.uploads',
        scenario: `Batch of ${n} sharing 3 images (2 per item)`,
        measure: 'uploads (POST /v1/files/upload)',
        action: String(batch.uploads),
        baseline: `${matrix.uploads} matrix (${n} × 2 = ${perItem} per-item)`,
        target: '3, one per distinct image',
        met: batch.uploads === 3,
      },
    ],
    raw: { n, durationMs, lone, batch, matrix, matrixRunnerMs },
    notes: [
      `Batch: the matrix's last create reached the emulator ${s(matrix.lastCreateMs)} after its first spawn (${n} Node processes starting on ` +
        `the same cores), the batch's ${s(batch.lastCreateMs)} after its spawn; matrix processes took ` +
        `${s(Math.min(...matrix.processMs))}–${s(Math.max(...matrix.processMs))} each. With a runner per job, each ` +
        `would take about one clip's wall: ${n} × ${s(one)} = ${s(n * one)}, of which the batch is ` +
        `1/${((n * one) / batch.wallMs).toFixed(0)}.`,
    ],
  }
}
