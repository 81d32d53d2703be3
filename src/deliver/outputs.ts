// Step outputs: the one place that sets them. Arrays are JSON; every output stays far below the runner's
// 1 MB per job.
import * as core from '@actions/core'
import type { Clip } from '../clip.js'
import { log } from '../log.js'

/** Output names, as action.yml declares them. */
export const OUTPUTS = {
  executionId: 'execution-id',
  status: 'status',
  fileId: 'file-id',
  fileIds: 'file-ids',
  url: 'url',
  urls: 'urls',
  thumbnailUrl: 'thumbnail-url',
  path: 'path',
  paths: 'paths',
  resultsFile: 'results-file',
  publicUrl: 'public-url',
  publicUrls: 'public-urls',
  artifactId: 'artifact-id',
  artifactUrl: 'artifact-url',
  releaseAssetUrls: 'release-asset-urls',
  requestBody: 'request-body',
  cacheHit: 'cache-hit',
  results: 'results',
  prCommentUrl: 'pr-comment-url',
} as const

type Name = (typeof OUTPUTS)[keyof typeof OUTPUTS]

/**
 * The runner keeps at most 1 MB of outputs per job; past it the job's outputs are dropped. This step keeps
 * its own below this, leaving room for other steps: an output that would pass it is set empty, with a
 * warning that the results file has everything.
 */
export const OUTPUTS_BUDGET_BYTES = 768 * 1024
const sizes = new Map<string, number>()

export function setOutput(name: Name, value: string): void {
  const size = Buffer.byteLength(name) + Buffer.byteLength(value)
  const others = [...sizes.entries()].reduce((sum, [n, s]) => sum + (n === name ? 0 : s), 0)
  if (others + size > OUTPUTS_BUDGET_BYTES) {
    log.warning(
      `Output ${name} (${value.length} characters) is left empty: the outputs would pass the runner's limit of 1 MB per job. The results file has everything.`,
    )
    sizes.set(name, Buffer.byteLength(name))
    core.setOutput(name, '')
    return
  }
  sizes.set(name, size)
  core.setOutput(name, value)
}

/**
 * Arrays stay aligned with `file-ids` (null where a clip has no value), so `fromJSON(...)[i]` means the
 * same clip in every output; an array with no value at all is empty.
 */
function aligned<T>(values: Array<T | undefined>): Array<T | null> {
  return values.every((v) => v === undefined) ? [] : values.map((v) => v ?? null)
}

export function setClipOutputs(clips: Clip[]): void {
  const first = clips[0]
  setOutput(OUTPUTS.fileId, first?.fileId ?? '')
  setOutput(OUTPUTS.fileIds, JSON.stringify(clips.map((c) => c.fileId)))
  setOutput(OUTPUTS.url, first?.url ?? '')
  setOutput(OUTPUTS.urls, JSON.stringify(aligned(clips.map((c) => c.url))))
  setOutput(OUTPUTS.thumbnailUrl, first?.thumbnailUrl ?? '')
  setOutput(OUTPUTS.path, first?.path ?? '')
  setOutput(OUTPUTS.paths, JSON.stringify(aligned(clips.map((c) => c.path))))
  if (clips.some((c) => c.publicUrl)) {
    setOutput(OUTPUTS.publicUrl, first?.publicUrl ?? '')
    setOutput(OUTPUTS.publicUrls, JSON.stringify(aligned(clips.map((c) => c.publicUrl))))
  }
  const releaseUrls = clips.flatMap((c) => (c.releaseAssetUrl ? [c.releaseAssetUrl] : []))
  if (releaseUrls.length > 0) setOutput(OUTPUTS.releaseAssetUrls, JSON.stringify(releaseUrls))
}

/** One batch item in the `results` output. */
export interface ItemResult {
  executionId?: string
  status: string
  fileIds: string[]
  urls: Array<string | null>
  paths: Array<string | null>
  publicUrls?: Array<string | null>
  cacheHit?: boolean
  error?: string
}

export function itemResult(
  clips: Clip[],
  status: string,
  extra: Pick<ItemResult, 'executionId' | 'cacheHit' | 'error'>,
): ItemResult {
  const publicUrls = aligned(clips.map((c) => c.publicUrl))
  return {
    ...(extra.executionId && { executionId: extra.executionId }),
    status,
    fileIds: clips.map((c) => c.fileId),
    urls: aligned(clips.map((c) => c.url)),
    paths: aligned(clips.map((c) => c.path)),
    ...(publicUrls.length > 0 && { publicUrls }),
    ...(extra.cacheHit && { cacheHit: true }),
    ...(extra.error && { error: extra.error }),
  }
}

/** The share of the outputs' budget `results` may take: the signed URLs go first, then the file lists. */
const RESULTS_OUTPUT_BYTES = 512 * 1024

/**
 * The `results` output of a batch: item id → execution id, status, file ids, urls, paths. When that is too
 * large, the URLs are left to the results file, then the file ids and paths (execution id and status stay:
 * enough to resume). Returns whether anything was left out.
 */
export function setBatchOutputs(results: Record<string, ItemResult>): boolean {
  const fits = (text: string) => Buffer.byteLength(text) <= RESULTS_OUTPUT_BYTES
  const full = JSON.stringify(results)
  if (fits(full)) {
    setOutput(OUTPUTS.results, full)
    return false
  }
  const entries = Object.entries(results)
  const lean = JSON.stringify(
    Object.fromEntries(entries.map(([id, { urls: _u, publicUrls: _p, ...rest }]) => [id, rest])),
  )
  const least = JSON.stringify(
    Object.fromEntries(
      entries.map(([id, r]) => [
        id,
        {
          ...(r.executionId && { executionId: r.executionId }),
          status: r.status,
          ...(r.cacheHit && { cacheHit: true }),
        },
      ]),
    ),
  )
  setOutput(OUTPUTS.results, fits(lean) ? lean : least)
  return true
}
