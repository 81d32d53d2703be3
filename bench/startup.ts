// Scenario 4: start-up. `node <dist>/index.js`, spawned as the runner spawns it, to the moment the emulator
// receives its first request, against `node -e 0` from spawn to exit. Plus a check that the heavy modules
// (@actions/artifact, @actions/cache, @octokit) are neither in index.js nor loaded by a run that does not use them.
import { type ChildProcess, spawn } from 'node:child_process'
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { type Emulator, startEmulator } from '../test/emulator/index.js'
import { importUrl, runnerEnv } from './action-env.js'
import { type BenchContext, type ScenarioResult, median, ms } from './lib.js'

/** Strings that only the bundled code of each heavy package contains (their user-agent templates). */
const HEAVY: Record<string, string[]> = {
  '@actions/artifact': ['@actions/artifact-${'],
  '@actions/cache': ['@actions/cache-${'],
  '@octokit': ['octokit-core.js/${', 'octokit-endpoint.js/${'],
}

/** An --import that logs every file module the ESM loader loads (index.js and the chunks it imports) to a file. */
const LOAD_LOGGER = (() => {
  const hooks = `import { appendFileSync } from 'node:fs'; export async function load(url, context, next) { if (url.startsWith('file:')) appendFileSync(process.env.VG_BENCH_LOADED, url + '\\n'); return next(url, context) }`
  return importUrl(`import { register } from 'node:module'; register(${JSON.stringify(importUrl(hooks))})`)
})()

function heavyIn(file: string): string[] {
  const text = readFileSync(file, 'utf8')
  return Object.entries(HEAVY)
    .filter(([, markers]) => markers.some((m) => text.includes(m)))
    .map(([name]) => name)
}

function exited(child: ChildProcess): Promise<number | null> {
  return new Promise((resolve, reject) => {
    child.on('error', reject)
    child.on('exit', (code) => resolve(code))
  })
}

/** Spawn → exit of `node -e 0`. */
async function nodeBaseline(env: Record<string, string>): Promise<number> {
  const started = Date.now()
  const code = await exited(spawn(process.execPath, ['-e', '0'], { env, stdio: 'ignore' }))
  if (code !== 0) throw new Error(`node -e 0 exited ${code}`)
  return Date.now() - started
}

/** Spawn → first request recorded by the emulator (its clock is this process's clock); the child is then killed. */
async function actionToFirstRequest(
  emulator: Emulator,
  entry: string,
  env: Record<string, string>,
): Promise<{ ms: number; request: string }> {
  const seen = emulator.requests.length
  const started = Date.now()
  const child = spawn(process.execPath, [entry], {
    cwd: env.GITHUB_WORKSPACE,
    env,
    stdio: ['ignore', 'ignore', 'pipe'],
  })
  let stderr = ''
  child.stderr?.on('data', (c: Buffer) => (stderr += c.toString()))
  const exit = exited(child)
  try {
    // Polling only delays noticing the request; its arrival time is stamped by the emulator.
    for (let waited = 0; emulator.requests.length === seen; waited += 5) {
      if (waited > 30_000 || child.exitCode !== null)
        throw new Error(`the action made no request (exit ${child.exitCode}): ${stderr.trim()}`)
      await new Promise((r) => setTimeout(r, 5))
    }
    const first = emulator.requests[seen]!
    return { ms: first.at - started, request: `${first.method} ${first.path.replace(/\/vg_[a-z]+_[\w-]+/g, '/{id}')}` }
  } finally {
    child.kill('SIGKILL')
    await exit
  }
}

/** One complete run that uses none of the heavy features, logging the bundle files it loads. */
async function loadedByPlainRun(entry: string, env: Record<string, string>, root: string): Promise<string[]> {
  const log = path.join(root, 'loaded.txt')
  writeFileSync(log, '')
  const child = spawn(process.execPath, ['--import', LOAD_LOGGER, entry], {
    cwd: env.GITHUB_WORKSPACE,
    env: { ...env, VG_BENCH_LOADED: log },
    stdio: 'ignore',
  })
  const code = await exited(child)
  if (code !== 0) throw new Error(`the plain run exited ${code}`)
  return readFileSync(log, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((url) => path.basename(new URL(url).pathname))
}

export async function startupScenario(ctx: BenchContext): Promise<ScenarioResult> {
  const reps = ctx.smoke ? 2 : 10
  const entry = path.join(ctx.distDir, 'index.js')
  const emulator = await startEmulator({ job: { queuedMs: 0, durationMs: 50 } })
  const root = mkdtempSync(path.join(tmpdir(), 'vg-bench-startup-'))
  const action: number[] = []
  const baseline: number[] = []
  let firstRequest = ''
  let loaded: string[]
  try {
    const env = runnerEnv(emulator, root)
    // Warm the file cache for both, then alternate them so a slow moment of the machine hits both alike.
    await nodeBaseline(env)
    await actionToFirstRequest(emulator, entry, env)
    for (let i = 0; i < reps; i++) {
      baseline.push(await nodeBaseline(env))
      const sample = await actionToFirstRequest(emulator, entry, env)
      action.push(sample.ms)
      firstRequest = sample.request
    }
    loaded = await loadedByPlainRun(entry, env, root)
  } finally {
    await emulator.close()
    rmSync(root, { recursive: true, force: true })
  }

  const chunks = readdirSync(ctx.distDir).filter((f) => f.endsWith('.js'))
  const heavyByChunk = Object.fromEntries(
    chunks.map((f) => [f, heavyIn(path.join(ctx.distDir, f))]).filter(([, h]) => h!.length > 0),
  )
  const heavyLoaded = [...new Set(loaded.flatMap((f) => (heavyByChunk[f] as string[] | undefined) ?? []))]
  const heavyInIndex = (heavyByChunk['index.js'] as string[] | undefined) ?? []
  const where = Object.entries(heavyByChunk).map(([f, h]) => `${(h as string[]).join(', ')} in ${f}`)
  const a = median(action)
  const b = median(baseline)
  return {
    rows: [
      {
        id: 'startup.first-request',
        scenario: `Start-up (median of ${reps})`,
        measure: `spawn → first request (${firstRequest})`,
        action: `${ms(a)} (${(a / b).toFixed(1)}×)`,
        baseline: `${ms(b)} node -e 0`,
        target: '≤ 3× node -e 0',
        met: a <= 3 * b,
      },
      {
        id: 'startup.heavy-modules',
        scenario: 'Start-up: heavy modules',
        measure: 'artifact / cache / octokit code loaded by a run without those features',
        action: `${heavyLoaded.length ? heavyLoaded.join(', ') : 'none'} (loaded: ${loaded.join(', ')})`,
        baseline: where.length ? where.join('; ') : 'none in the bundle',
        target: 'none loaded, none in index.js',
        met: heavyLoaded.length === 0 && heavyInIndex.length === 0,
      },
    ],
    raw: { entry, actionMs: action, nodeMs: baseline, firstRequest, loaded, heavyByChunk },
  }
}
