// Reports the line coverage of src/: through the bundle, and with the in-process coverage of the tests that import
// src/ directly. A short table per folder, lcov and HTML under coverage/bundle, and exit 1 below --min-lines. The test
// run calls it at its end (scripts/coverage-reporter.ts); `npm run coverage` prints it again from what the last run
// left:  tsx scripts/coverage-report.ts [--raw DIR] [--dist DIR] [--in-process FILE] [--out DIR] [--min-lines N]
import { existsSync, readFileSync, rmSync } from 'node:fs'
import path from 'node:path'
import { parseArgs } from 'node:util'
import type { CoverageMap, CoverageMapData, CoverageSummary } from 'istanbul-lib-coverage'
import libCoverage from 'istanbul-lib-coverage'
import libReport from 'istanbul-lib-report'
import reports from 'istanbul-reports'
import { bundleCoverage, IN_PROCESS_FILE, RAW_DIR, REPORT_DIR, ROOT, SRC_DIR } from './coverage-bundle.js'

/** The line summary per folder of src/ (relative to the root, with a slash), then over all of src/ as 'total'. */
function linesByFolder(map: CoverageMap, root: string): Map<string, CoverageSummary> {
  const folders = new Map<string, CoverageSummary>()
  const total = libCoverage.createCoverageSummary()
  for (const file of map.files()) {
    const summary = map.fileCoverageFor(file).toSummary()
    const folder = `${path.relative(root, path.dirname(file)).split(path.sep).join('/')}/`
    folders.set(folder, (folders.get(folder) ?? libCoverage.createCoverageSummary()).merge(summary))
    total.merge(summary)
  }
  return new Map([...[...folders].sort(([a], [b]) => a.localeCompare(b)), ['total', total]])
}

const pct = (s: CoverageSummary | undefined) => (s?.lines.total ? s.lines.pct : 0)
const cell = (s: CoverageSummary | undefined) => `${(s?.lines.total ? s.lines.pct.toFixed(1) : '-').padStart(7)} %`
const tableRow = ([name, ...cells]: string[]) => `  ${name!.padEnd(16)}${cells.map((c) => c.padStart(11)).join('')}`

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      raw: { type: 'string', default: RAW_DIR },
      dist: { type: 'string', default: process.env.VG_DIST_DIR ?? path.join(ROOT, 'dist') },
      'in-process': { type: 'string', default: IN_PROCESS_FILE },
      out: { type: 'string', default: REPORT_DIR },
      'min-lines': { type: 'string' },
    },
  })
  const min = values['min-lines'] === undefined ? undefined : Number(values['min-lines'])
  if (min !== undefined && !(min >= 0 && min <= 100))
    throw new Error(`--min-lines takes a percentage, not '${values['min-lines']}'`)

  const bundle = await bundleCoverage({ rawDir: values.raw, distDir: path.resolve(values.dist), root: ROOT })
  // The tests that import src/ directly cover some lines no bundle run reaches; the union is what the suite covers.
  const all = libCoverage.createCoverageMap(JSON.parse(JSON.stringify(bundle)) as CoverageMapData)
  if (existsSync(values['in-process'])) {
    const inProcess = JSON.parse(readFileSync(values['in-process'], 'utf8')) as CoverageMapData
    all.merge(Object.fromEntries(Object.entries(inProcess).filter(([file]) => file.startsWith(SRC_DIR))))
  }
  rmSync(values.out, { recursive: true, force: true })
  const context = libReport.createContext({ dir: values.out, coverageMap: all, defaultSummarizer: 'nested' })
  for (const kind of ['lcovonly', 'html'] as const) reports.create(kind).execute(context)

  const bundleRows = linesByFolder(bundle, ROOT)
  const allRows = linesByFolder(all, ROOT)
  const lines = ['Lines of src/ covered:', tableRow(['', 'bundle', 'all tests', 'lines'])]
  for (const [name, row] of allRows) {
    lines.push(tableRow([name, cell(bundleRows.get(name)), cell(row), `${row.lines.covered}/${row.lines.total}`]))
  }
  lines.push(
    `  (bundle: the action's runs of dist/; all tests: with the tests that import src/; report in ${path.relative(process.cwd(), values.out) || '.'}/)`,
  )
  const total = pct(allRows.get('total'))
  if (min === undefined) lines.push('  (the minimum is checked on a run of the whole suite only)')
  else if (total < min)
    lines.push(`  FAIL: the tests cover ${total.toFixed(1)} % of the lines of src/, below the minimum of ${min} %`)
  else lines.push(`  minimum ${min} %: ok`)
  console.log(`\n${lines.join('\n')}`)
  return min !== undefined && total < min ? 1 : 0
}

process.exitCode = await main()
