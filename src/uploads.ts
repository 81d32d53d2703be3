// Upload every local asset (bounded parallelism) and return file ids in input order.
import * as core from '@actions/core'
import type { AssetRef, LocalFile } from './assets.js'
import { mapLimit } from './concurrency.js'
import type { FilesApi } from './videogen/files.js'

export interface UploadPlan {
  isTemporary: boolean
  deadline: number
  signal?: AbortSignal
  /** Upload reuse (cache): a known file id for this local file, or undefined. */
  reuse?: (file: LocalFile) => Promise<string | undefined>
  /** Called after a fresh upload, e.g. to remember it. */
  uploaded?: (file: LocalFile, fileId: string) => void
}

const UPLOAD_CONCURRENCY = 3

export async function uploadAssets(files: FilesApi, refs: AssetRef[], plan: UploadPlan): Promise<string[]> {
  return mapLimit(refs, UPLOAD_CONCURRENCY, async (ref) => {
    if ('fileId' in ref) return ref.fileId
    const reused = await plan.reuse?.(ref.file)
    if (reused) {
      core.info(`Reusing ${ref.file.relPath} → ${reused} (same content uploaded before)`)
      return reused
    }
    const started = Date.now()
    const id = await files.upload(ref.file, {
      isTemporary: plan.isTemporary,
      deadline: plan.deadline,
      ...(plan.signal && { signal: plan.signal }),
      log: core.info,
    })
    core.info(
      `Uploaded ${ref.file.relPath} (${ref.file.size} bytes) → ${id} in ${((Date.now() - started) / 1000).toFixed(1)} s`,
    )
    plan.uploaded?.(ref.file, id)
    return id
  })
}
