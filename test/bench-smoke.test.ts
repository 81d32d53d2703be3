// Keeps the benchmark working: runs `bench/run.ts --smoke` (every scenario, tiny sizes) and checks that the
// JSON it writes has every row with real numbers. The targets are not judged here: a smoke run is too small
// to say anything about them, and CI machines are too noisy (`npm run bench` is the measurement).
import { spawnSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, describe, expect, it } from 'vitest'

const ROOT = fileURLToPath(new URL('../', import.meta.url))
const dir = mkdtempSync(path.join(tmpdir(), 'vg-bench-smoke-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

const ROW_IDS = [
  'poll.linear.polls',
  'poll.linear.lag',
  'poll.steps.polls',
  'poll.steps.lag',
  'upload.throughput',
  'upload.rss',
  'download.wall',
  'startup.first-request',
  'startup.heavy-modules',
  'batch.wall',
  'batch.gets',
  'batch.runner-time',
  'batch.uploads',
  'pacing.max-running',
  'pacing.creates',
]

interface Report {
  smoke: boolean
  rows: Array<{ id: string; action: string; baseline: string; target: string; met?: boolean }>
  raw: Record<string, Record<string, unknown>>
}

describe('bench --smoke', () => {
  it('runs every scenario and writes every row', { timeout: 120_000 }, () => {
    const out = path.join(dir, 'smoke.json')
    const run = spawnSync(process.execPath, ['--import', 'tsx', 'bench/run.ts', '--smoke', `--out=${out}`], {
      cwd: ROOT,
      encoding: 'utf8',
      timeout: 110_000,
    })
    expect(run.status, run.stderr).toBe(0)
    const report = JSON.parse(readFileSync(out, 'utf8')) as Report
    expect(report.smoke).toBe(true)
    expect(report.rows.map((r) => r.id).sort()).toEqual([...ROW_IDS].sort())
    for (const row of report.rows) {
      expect(row.action, row.id).toMatch(/\d|none/)
      expect(row.baseline, row.id).not.toBe('')
    }
    // The table printed on stdout is the same rows.
    for (const id of [
      'Completion, linear',
      'Upload',
      'Download',
      'Start-up',
      'Batch of 3 vs a matrix',
      'max-running 3',
    ])
      expect(run.stdout).toContain(id)

    const { polling, upload, download, startup, batch, pacing } = report.raw as Record<string, Record<string, unknown>>
    const samples = polling!.samples as Array<{ polls: number; lagMs: number }>
    expect(samples).toHaveLength(4)
    for (const s of samples) {
      expect(s.polls).toBeGreaterThan(0)
      expect(s.lagMs).toBeGreaterThanOrEqual(0)
    }
    for (const r of upload!.action as Array<{ putMs: number; maxRssKb: number }>) {
      expect(r.putMs).toBeGreaterThan(0)
      expect(r.maxRssKb).toBeGreaterThan(10_000)
    }
    expect((download!.parallelMs as number[]).every((x) => x > 0)).toBe(true)
    expect((startup!.actionMs as number[]).every((x) => x > 0)).toBe(true)
    expect(startup!.loaded as string[]).toContain('index.js')

    // The batch, the matrix and the lone clip each ran and were counted on their own emulator.
    type Phase = { wallMs: number; processMs: number[]; executionGets: number; uploads: number; creates: number }
    const { lone, batch: one, matrix } = batch as { lone: Phase; batch: Phase; matrix: Phase }
    expect(lone.processMs).toHaveLength(1)
    expect(one.processMs).toHaveLength(1)
    expect(matrix.processMs).toHaveLength(batch!.n as number)
    expect([lone.creates, one.creates, matrix.creates]).toEqual([1, batch!.n, batch!.n])
    // Each single-clip run polls its execution; a per-item upload is one per image per item, shared in the batch.
    expect(matrix.executionGets).toBeGreaterThanOrEqual(batch!.n as number)
    expect(matrix.uploads).toBe(2 * (batch!.n as number))
    expect(one.uploads).toBe(3)
    expect(pacing!.creates).toBe(pacing!.n)
    expect(pacing!.peak).toBeGreaterThan(0)
    expect(pacing!.peak).toBeLessThanOrEqual(pacing!.maxRunning as number)
  })
})
