// Scenario 3: downloading many results that are each slow to start (time to first byte). The action's
// downloadClips (bounded parallelism, streamed to disk, sizes checked) against the same function one clip at a time.
import { randomBytes } from 'node:crypto'
import { mkdtempSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { type Clip, clipsOf } from '../src/clip.js'
import { downloadClips } from '../src/deliver/download.js'
import { sleep } from '../src/videogen/retry.js'
import { isTerminal } from '../src/videogen/types.js'
import { startEmulator } from '../test/emulator/index.js'
import { type BenchContext, type ScenarioResult, benchClient, median, mib, ms } from './lib.js'

export async function downloadScenario(ctx: BenchContext): Promise<ScenarioResult> {
  const results = ctx.smoke ? 4 : 20
  const ttfbMs = ctx.smoke ? 50 : 200
  const bytes = ctx.smoke ? 64 * 1024 : 2 * 1024 * 1024
  const reps = ctx.smoke ? 1 : 3
  const emulator = await startEmulator({
    job: { queuedMs: 0, durationMs: 10 },
    downloadTtfbMs: ttfbMs,
    resultBytes: randomBytes(bytes),
  })
  const client = benchClient(emulator.url)
  const dir = mkdtempSync(path.join(tmpdir(), 'vg-bench-download-'))
  const parallel: number[] = []
  const sequential: number[] = []
  try {
    const id = await client.tools.generateVideoClip({
      prompt: 'bench download',
      numResults: results,
      isOutputTemporary: true,
    })
    let execution = await client.tools.getExecution(id)
    while (!isTerminal(execution.status)) {
      await sleep(20)
      execution = await client.tools.getExecution(id)
    }
    const measure = async (concurrency: number | undefined, rep: number): Promise<number> => {
      const target = path.join(dir, `${concurrency ?? 'default'}-${rep}`)
      const started = performance.now()
      const clips: Clip[] = await downloadClips(client.files, clipsOf(execution), {
        dir: target,
        root: dir,
        executionId: id,
        deadline: Date.now() + 120_000,
        ...(concurrency && { concurrency }),
      })
      const elapsed = performance.now() - started
      for (const clip of clips)
        if (clip.bytes !== bytes || statSync(clip.absPath as string).size !== bytes)
          throw new Error(`clip ${clip.index}: ${clip.bytes} bytes, expected ${bytes}`)
      rmSync(target, { recursive: true })
      return elapsed
    }
    // Alternate the two, so a slow moment of the machine hits both alike.
    for (let rep = 0; rep < reps; rep++) {
      parallel.push(await measure(undefined, rep))
      sequential.push(await measure(1, rep))
    }
  } finally {
    await client.close()
    await emulator.close()
    rmSync(dir, { recursive: true, force: true })
  }
  const action = median(parallel)
  const baseline = median(sequential)
  return {
    rows: [
      {
        id: 'download.wall',
        scenario: `Download ${results} results × ${mib(bytes)}, ${ttfbMs} ms to first byte`,
        measure: `wall time, median of ${reps}`,
        action: `${ms(action)} (${(action / baseline).toFixed(2)}×)`,
        baseline: `${ms(baseline)} one at a time`,
        target: '≤ 1/3 of baseline',
        met: action <= baseline / 3,
      },
    ],
    raw: { results, ttfbMs, bytes, parallelMs: parallel, sequentialMs: sequential },
  }
}
