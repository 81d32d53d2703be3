// Prints one plain closing line, `Tests: N passed, N failed, N skipped`, that any CI log reader understands.
import type { Reporter, TestModule } from 'vitest/node'

export default class PlainSummaryReporter implements Reporter {
  onTestRunEnd(testModules: ReadonlyArray<TestModule>): void {
    let passed = 0
    let failed = 0
    let skipped = 0
    for (const module of testModules) {
      for (const test of module.children.allTests()) {
        const state = test.result().state
        if (state === 'passed') passed++
        else if (state === 'failed') failed++
        else skipped++
      }
      // A file that failed to load has no tests to count but must not pass silently.
      if (module.state() === 'failed' && [...module.children.allTests()].length === 0) failed++
    }
    console.log(`\nTests: ${passed} passed, ${failed} failed, ${skipped} skipped`)
  }
}
