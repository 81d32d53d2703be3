import { defineConfig } from 'vitest/config'

// The percentage of the lines of src/ that the whole suite must cover, through the bundle and in-process together
// (see scripts/coverage-reporter.ts). The target is 90.
const MIN_SRC_LINES_COVERED = 90

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Generous: several tests wait out the post step's 20 s search by design, and a loaded machine stretches it.
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: 'forks',
    // Most tests wait on child processes and emulator timelines, not on a core: more files at once than cores.
    maxWorkers: 4,
    reporters: [
      'default',
      ['./scripts/coverage-reporter.ts', { minLines: MIN_SRC_LINES_COVERED }],
      './test/plain-summary-reporter.ts',
    ],
    coverage: {
      // The test processes' own coverage of src/; the reporter above merges it with the bundle's and prints both.
      enabled: process.env.VG_COVERAGE !== '0',
      provider: 'v8',
      include: ['src/**'],
      reporter: [],
      reportsDirectory: 'coverage/in-process',
    },
  },
})
