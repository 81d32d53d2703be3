// Step outputs: the one place that sets them. Arrays are JSON; every output stays far below the runner's
// 1 MB per job.
import * as core from '@actions/core'
import type { Clip } from '../clip.js'

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

export function setOutput(name: Name, value: string): void {
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

/** Outputs are capped at 1 MB per job; past this, the signed URLs (the bulk) are left to the results file. */
const RESULTS_OUTPUT_BYTES = 768 * 1024

/** The `results` output of a batch: item id → execution id, status, file ids, urls, paths. Returns whether URLs were left out. */
export function setBatchOutputs(results: Record<string, ItemResult>): boolean {
  let text = JSON.stringify(results)
  let trimmed = false
  if (Buffer.byteLength(text) > RESULTS_OUTPUT_BYTES) {
    const lean = Object.fromEntries(Object.entries(results).map(([id, { urls: _u, ...rest }]) => [id, rest]))
    text = JSON.stringify(lean)
    trimmed = true
  }
  setOutput(OUTPUTS.results, text)
  return trimmed
}
