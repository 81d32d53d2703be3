// A vitest reporter that measures src/ through the bundle: it has the action's processes write raw V8 coverage
// (test/runner/run-action.ts passes VG_BUNDLE_COVERAGE on as NODE_V8_COVERAGE), keeps vitest's own coverage of the
// test processes, then prints the report of scripts/coverage-report.ts at the end of the run and fails a run of the
// whole suite that covers too few lines. VG_COVERAGE=0 turns it off (and vitest's coverage, see vitest.config.ts).
import { spawnSync } from 'node:child_process'
import { mkdirSync, rmSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import type { Reporter, TestSpecification, Vitest } from 'vitest/node'
import { IN_PROCESS_FILE, RAW_DIR, ROOT } from './coverage-bundle.js'

export interface BundleCoverageOptions {
  /** The percentage of the lines of src/ that a run of the whole suite must cover. */
  minLines: number
}

export default class BundleCoverageReporter implements Reporter {
  private vitest: Vitest | undefined
  private enabled = false
  private wholeSuite = false

  constructor(private readonly options: BundleCoverageOptions) {}

  onInit(vitest: Vitest): void {
    this.vitest = vitest
    this.enabled = process.env.VG_COVERAGE !== '0' && !vitest.config.watch
    if (!this.enabled) return
    rmSync(RAW_DIR, { recursive: true, force: true })
    rmSync(IN_PROCESS_FILE, { force: true })
    mkdirSync(RAW_DIR, { recursive: true })
    // Set before the test workers start, so that they and the runner stand-in in them inherit it.
    process.env.VG_BUNDLE_COVERAGE = RAW_DIR
  }

  async onTestRunStart(specifications: ReadonlyArray<TestSpecification>): Promise<void> {
    if (!this.enabled || !this.vitest) return
    // The minimum is for the whole suite: a run of one file or one test name covers less by design.
    const all = await this.vitest.globTestSpecifications()
    this.wholeSuite = specifications.length === all.length && !this.vitest.config.testNamePattern
  }

  // Vitest writes its own reports only after the run's end; its coverage map is handed to reporters before.
  onCoverage(coverage: unknown): void {
    if (this.enabled) writeFileSync(IN_PROCESS_FILE, JSON.stringify(coverage))
  }

  // Synchronous on purpose: vitest runs the reporters' hooks side by side, and the plain summary line that follows
  // must stay the last line of the output.
  onTestRunEnd(_modules: unknown, _errors: unknown, reason: 'passed' | 'failed' | 'interrupted'): void {
    if (!this.enabled || reason === 'interrupted') return
    const args = [
      '--import',
      'tsx',
      path.join(ROOT, 'scripts', 'coverage-report.ts'),
      `--raw=${RAW_DIR}`,
      `--in-process=${IN_PROCESS_FILE}`,
    ]
    if (this.wholeSuite) args.push(`--min-lines=${this.options.minLines}`)
    const report = spawnSync(process.execPath, args, { cwd: ROOT, stdio: 'inherit' })
    if (report.status !== 0) process.exitCode = 1
  }
}
