// The benchmark: every scenario measures the action's code against its baseline in the same run, prints one
// markdown table and writes the numbers to bench/results/<time>.json.
//   npm run bench                     full run (a few minutes)
//   npm run bench -- --smoke          every scenario tiny and fast, only to keep the bench working
//   npm run bench -- --only=upload    some scenarios (comma-separated: polling, upload, download, startup, batch,
//                                     pacing)
//   npm run bench -- --out=FILE       JSON to FILE instead of bench/results/
//   VG_DIST_DIR=DIR                   the bundle to start (default dist/)
import { mkdirSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'
import { batchScenario } from './batch.js'
import { downloadScenario } from './download.js'
import { type BenchContext, type Row, type ScenarioResult, markdownTable } from './lib.js'
import { pacingScenario } from './pacing.js'
import { pollingScenario } from './polling.js'
import { startupScenario } from './startup.js'
import { uploadScenario } from './upload.js'

const ROOT = fileURLToPath(new URL('../', import.meta.url))

const SCENARIOS: Record<string, (ctx: BenchContext) => Promise<ScenarioResult>> = {
  polling: pollingScenario,
  upload: uploadScenario,
  download: downloadScenario,
  startup: startupScenario,
  batch: batchScenario,
  pacing: pacingScenario,
}

const { values } = parseArgs({
  options: { smoke: { type: 'boolean', default: false }, only: { type: 'string' }, out: { type: 'string' } },
})
const smoke = values.smoke ?? false
const only = values.only ? values.only.split(',').map((x) => x.trim()) : Object.keys(SCENARIOS)
for (const name of only)
  if (!SCENARIOS[name]) throw new Error(`unknown scenario '${name}'; known: ${Object.keys(SCENARIOS).join(', ')}`)

const ctx: BenchContext = {
  smoke,
  distDir: path.resolve(process.env.VG_DIST_DIR ?? path.join(ROOT, 'dist')),
  log: (message) => console.error(`[bench] ${message}`),
}

const started = Date.now()
const loadAtStart = os.loadavg()[0] as number
const rows: Row[] = []
const raw: Record<string, unknown> = {}
const notes: string[] = []
// One after another: each scenario gets both cores, and no scenario's traffic skews another's timings.
for (const name of only) {
  const t = Date.now()
  const result = await (SCENARIOS[name] as (c: BenchContext) => Promise<ScenarioResult>)(ctx)
  rows.push(...result.rows)
  raw[name] = result.raw
  notes.push(...(result.notes ?? []))
  ctx.log(`${name}: ${((Date.now() - t) / 1000).toFixed(1)} s`)
}
const wallMs = Date.now() - started

const environment = {
  node: process.version,
  platform: `${os.platform()} ${os.arch()}`,
  cpus: os.cpus().length,
  cpu: os.cpus()[0]?.model ?? '?',
  memoryGiB: Math.round(os.totalmem() / 2 ** 30),
  loadAverage1m: { start: loadAtStart, end: os.loadavg()[0] as number },
}
console.log(
  `\nVideoGen action benchmark${smoke ? ' (smoke: tiny sizes, targets not judged)' : ''}; node ${environment.node}, ${environment.cpus} × ${environment.cpu}, ` +
    `load average ${loadAtStart.toFixed(1)} at start, ${environment.loadAverage1m.end.toFixed(1)} at end\n`,
)
console.log(markdownTable(rows, smoke))
if (notes.length > 0) console.log(`\n${notes.map((n) => `- ${n}`).join('\n')}`)
console.log(`\nWall time ${(wallMs / 1000).toFixed(1)} s`)

const out = values.out
  ? path.resolve(values.out)
  : path.join(
      ROOT,
      'bench/results',
      `${new Date(started).toISOString().replace(/[:.]/g, '-')}${smoke ? '-smoke' : ''}.json`,
    )
mkdirSync(path.dirname(out), { recursive: true })
writeFileSync(
  out,
  `${JSON.stringify({ startedAt: new Date(started).toISOString(), smoke, wallMs, environment, rows, notes, raw }, null, 2)}\n`,
)
console.log(`Results: ${path.relative(process.cwd(), out)}`)
if (!smoke && rows.some((r) => r.met === false)) process.exitCode = 1
