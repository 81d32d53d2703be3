// Shared pieces of the benchmark: result rows, statistics, formatting, and an API client without console noise.
import { decodeContextFor } from '../src/videogen/decode.js'
import { FilesApi } from '../src/videogen/files.js'
import { VideoGenHttp } from '../src/videogen/http.js'
import { ToolsApi } from '../src/videogen/tools.js'

/** One line of the results table: the action's number next to its baseline from the same run. */
export interface Row {
  /** Stable id (the smoke test checks that every id is present). */
  id: string
  scenario: string
  measure: string
  action: string
  baseline: string
  target: string
  /** undefined: no target for this row, or a smoke run (tiny sizes say nothing about the targets). */
  met?: boolean
}

export interface ScenarioResult {
  rows: Row[]
  /** Raw samples, written to the JSON file for later comparison. */
  raw: Record<string, unknown>
  notes?: string[]
}

export interface BenchContext {
  smoke: boolean
  /** Directory with the action bundle (index.js and its chunks). */
  distDir: string
  log: (message: string) => void
}

export const API_KEY = 'vg_key_bench'

export function median(values: readonly number[]): number {
  return percentile(values, 50)
}

/** Nearest-rank percentile (p50 of 5 samples is the 3rd smallest). */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return NaN
  const sorted = [...values].sort((a, b) => a - b)
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length))
  return sorted[rank - 1] as number
}

export const max = (values: readonly number[]): number => Math.max(...values)

export const ms = (value: number): string => `${Math.round(value)} ms`
export const s = (valueMs: number): string => `${(valueMs / 1000).toFixed(2)} s`
export const mib = (bytes: number): string => `${(bytes / 1024 / 1024).toFixed(bytes < 10 * 1024 * 1024 ? 1 : 0)} MiB`
export const mibps = (bytes: number, durationMs: number): string =>
  `${(bytes / 1024 / 1024 / (durationMs / 1000)).toFixed(0)} MiB/s`

/** A client on the action's own transport and API classes, without the @actions/core logging. */
export function benchClient(baseUrl: string): {
  http: VideoGenHttp
  tools: ToolsApi
  files: FilesApi
  close(): Promise<void>
} {
  const http = new VideoGenHttp({ baseUrl, apiKey: API_KEY })
  return {
    http,
    tools: new ToolsApi(http, decodeContextFor(baseUrl)),
    files: new FilesApi(http, decodeContextFor(baseUrl)),
    close: () => http.dispatcher.destroy().catch(() => undefined),
  }
}

export function markdownTable(rows: readonly Row[], smoke: boolean): string {
  const header = ['Scenario', 'Measure', 'Action', 'Baseline', 'Target', 'Met']
  const lines = [header, header.map(() => '---')]
  for (const r of rows)
    lines.push([
      r.scenario,
      r.measure,
      r.action,
      r.baseline,
      r.target,
      smoke || r.met === undefined ? '–' : r.met ? 'yes' : '**no**',
    ])
  return lines.map((cells) => `| ${cells.join(' | ')} |`).join('\n')
}
