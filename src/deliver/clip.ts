// What the action knows about one generated clip, as it moves through delivery.
import type { Execution, ToolResult } from '../videogen/types.js'

export interface Clip {
  /** 1-based position in the execution's results. */
  index: number
  fileId: string
  url?: string
  urlExpiresAt?: number
  thumbnailUrl?: string
  thumbnailUrlExpiresAt?: number
  durationSeconds?: number
  /** Permanent public preview URL (public-preview). */
  publicUrl?: string
  /** Downloaded file, workspace-relative with forward slashes. */
  path?: string
  absPath?: string
  bytes?: number
  releaseAssetUrl?: string
}

function pick<T>(...values: Array<T | null | undefined>): T | undefined {
  return values.find((v): v is T => v !== null && v !== undefined)
}

export function clipFromResult(result: ToolResult, index: number): Clip {
  const file = result.file ?? undefined
  const url = pick(result.downloadUrl, file?.downloadUrl, file?.downloadSource?.url || undefined)
  const urlExpiresAt = pick(result.downloadUrlExpiresAt, file?.downloadUrlExpiresAt, file?.downloadSource?.expiresAt)
  const thumbnailUrl = pick(result.thumbnailUrl, file?.thumbnailUrl, file?.thumbnailSource?.url || undefined)
  const thumbnailUrlExpiresAt = pick(
    result.thumbnailUrlExpiresAt,
    file?.thumbnailUrlExpiresAt,
    file?.thumbnailSource?.expiresAt,
  )
  const durationSeconds = pick(file?.durationSeconds)
  return {
    index,
    fileId: result.fileId,
    ...(url && { url }),
    ...(urlExpiresAt && { urlExpiresAt }),
    ...(thumbnailUrl && { thumbnailUrl }),
    ...(thumbnailUrlExpiresAt && { thumbnailUrlExpiresAt }),
    ...(durationSeconds !== undefined && { durationSeconds }),
  }
}

export function clipsOf(execution: Execution): Clip[] {
  return (execution.results ?? []).map((r, i) => clipFromResult(r, i + 1))
}
