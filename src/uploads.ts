// Local files → VideoGen file ids: each distinct file uploaded once (bounded parallelism), ids reused
// where the cache remembers the same content.
import { mapLimit } from './concurrency.js'
import type { FilesApi } from './videogen/files.js'
import type { AssetRef, LocalFile } from './workspace.js'

export interface UploadPlan {
  isTemporary: boolean
  deadline: number
  signal?: AbortSignal
  log: (message: string) => void
  /** Upload reuse (cache): a known file id for this local file, or undefined. */
  reuse?: (file: LocalFile) => Promise<string | undefined>
  /** Called after a fresh upload, e.g. to remember it. */
  uploaded?: (file: LocalFile, fileId: string) => void
  /** Identity of a file's content; files with the same key are uploaded once. Default: the real path. */
  contentKey?: (file: LocalFile) => Promise<string>
}

const UPLOAD_CONCURRENCY = 3

/** The id of every reference: given ids as they are, local files by the key their content has. */
export type FileIdLookup = (ref: AssetRef) => Promise<string>

export async function uploadAll(files: FilesApi, refs: AssetRef[], plan: UploadPlan): Promise<FileIdLookup> {
  const keyOf = plan.contentKey ?? (async (file: LocalFile) => file.absPath)
  const byKey = new Map<string, LocalFile>()
  for (const ref of refs) {
    if (!('file' in ref)) continue
    const key = await keyOf(ref.file)
    if (!byKey.has(key)) byKey.set(key, ref.file)
  }
  const unique = [...byKey.entries()]
  const ids = await mapLimit(
    unique,
    UPLOAD_CONCURRENCY,
    async ([, file], _i, signal) => {
      const reused = await plan.reuse?.(file)
      if (reused) {
        plan.log(`Reusing ${file.label} → ${reused} (same content uploaded before)`)
        return reused
      }
      const started = Date.now()
      const id = await files.upload(file, {
        isTemporary: plan.isTemporary,
        deadline: plan.deadline,
        signal,
        log: plan.log,
      })
      plan.log(`Uploaded ${file.label} (${file.size} bytes) → ${id} in ${((Date.now() - started) / 1000).toFixed(1)} s`)
      plan.uploaded?.(file, id)
      return id
    },
    plan.signal,
  )
  const idByKey = new Map(unique.map(([key], i) => [key, ids[i] as string]))
  return async (ref) => ('fileId' in ref ? ref.fileId : (idByKey.get(await keyOf(ref.file)) as string))
}
