// Step outputs. Arrays are JSON; every output stays far below the runner's 1 MB per job.
import * as core from '@actions/core'
import type { Clip } from './clip.js'

export interface OutputSink {
  set(name: string, value: string): void
}

export const coreOutputs: OutputSink = { set: (name, value) => core.setOutput(name, value) }

/**
 * Arrays stay aligned with `file-ids` (null where a clip has no value), so `fromJSON(...)[i]` means the
 * same clip in every output; an array with no value at all is empty.
 */
function aligned<T>(values: Array<T | undefined>): Array<T | null> {
  return values.every((v) => v === undefined) ? [] : values.map((v) => v ?? null)
}

export function setClipOutputs(clips: Clip[], out: OutputSink = coreOutputs): void {
  const first = clips[0]
  out.set('file-id', first?.fileId ?? '')
  out.set('file-ids', JSON.stringify(clips.map((c) => c.fileId)))
  out.set('url', first?.url ?? '')
  out.set('urls', JSON.stringify(aligned(clips.map((c) => c.url))))
  out.set('thumbnail-url', first?.thumbnailUrl ?? '')
  out.set('path', first?.path ?? '')
  out.set('paths', JSON.stringify(aligned(clips.map((c) => c.path))))
  if (clips.some((c) => c.publicUrl)) {
    out.set('public-url', first?.publicUrl ?? '')
    out.set('public-urls', JSON.stringify(aligned(clips.map((c) => c.publicUrl))))
  }
}
