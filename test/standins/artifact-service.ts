// Twirp ArtifactService handlers (the subset @actions/artifact 2.x+ calls), backed by a BlobStore.
import { type BlobStore, safeBlobSegment } from './blob-store.js'
import { type TwirpBody, TwirpError, field, int, str } from './twirp.js'

export interface ArtifactRecord {
  id: string
  name: string
  size: number
  finalized: boolean
  blobName: string
  runId: string
  jobId: string
  digest?: string // `sha256:<hex>` as sent by FinalizeArtifact
  createdAt: string
}

// Text of the real service's answer to a duplicate name (HTTP 409, Twirp `already_exists`).
export const DUPLICATE_ARTIFACT_MSG = 'an artifact with this name already exists on the workflow run'

export function artifactHandlers(artifacts: ArtifactRecord[], blobs: BlobStore, nextId: () => string) {
  const scope = (body: TwirpBody): { runId: string; jobId: string } => {
    const runId = str(body, 'workflow_run_backend_id')
    const jobId = str(body, 'workflow_job_run_backend_id')
    if (!runId || !jobId) {
      throw new TwirpError('invalid_argument', 'workflow_run_backend_id and workflow_job_run_backend_id are required')
    }
    return { runId, jobId }
  }
  const requireName = (body: TwirpBody): string => {
    const name = str(body, 'name')
    if (!name) throw new TwirpError('invalid_argument', 'name is required')
    return name
  }
  const finalizedIn = (runId: string): ArtifactRecord[] => artifacts.filter((a) => a.finalized && a.runId === runId)

  return {
    CreateArtifact(body: TwirpBody) {
      const { runId, jobId } = scope(body)
      const name = requireName(body)
      if (finalizedIn(runId).some((a) => a.name === name)) {
        throw new TwirpError('already_exists', DUPLICATE_ARTIFACT_MSG)
      }
      // An unfinished upload of the same name (e.g. a retried step) is replaced.
      const stale = artifacts.findIndex((a) => !a.finalized && a.runId === runId && a.name === name)
      if (stale >= 0) artifacts.splice(stale, 1)
      const id = nextId()
      const blobName = `artifacts/${id}-${safeBlobSegment(name)}`
      artifacts.push({
        id,
        name,
        size: 0,
        finalized: false,
        blobName,
        runId,
        jobId,
        createdAt: new Date().toISOString(),
      })
      return { ok: true, signed_upload_url: blobs.uploadUrl(blobName) }
    },

    FinalizeArtifact(body: TwirpBody) {
      const { runId } = scope(body)
      const name = requireName(body)
      const artifact = artifacts.find((a) => !a.finalized && a.runId === runId && a.name === name)
      if (!artifact) throw new TwirpError('not_found', `no pending artifact named ${name}`)
      artifact.size = int(body, 'size')
      const hash = field(body, 'hash') // google.protobuf.StringValue: a bare string in JSON
      if (typeof hash === 'string') artifact.digest = hash
      artifact.finalized = true
      return { ok: true, artifact_id: artifact.id }
    },

    ListArtifacts(body: TwirpBody) {
      const { runId } = scope(body)
      const nameFilter = field(body, 'name_filter')
      const idFilter = field(body, 'id_filter')
      const list = finalizedIn(runId).filter(
        (a) =>
          (typeof nameFilter !== 'string' || a.name === nameFilter) &&
          (idFilter === undefined || idFilter === null || String(idFilter) === a.id),
      )
      return {
        artifacts: list.map((a) => ({
          workflow_run_backend_id: a.runId,
          workflow_job_run_backend_id: a.jobId,
          database_id: a.id,
          name: a.name,
          size: String(a.size),
          created_at: a.createdAt,
          ...(a.digest ? { digest: a.digest } : {}),
        })),
      }
    },

    GetSignedArtifactURL(body: TwirpBody) {
      const { runId } = scope(body)
      const name = requireName(body)
      const artifact = finalizedIn(runId).find((a) => a.name === name)
      if (!artifact) throw new TwirpError('not_found', `artifact ${name} not found`)
      return { signed_url: blobs.downloadUrl(artifact.blobName) }
    },

    DeleteArtifact(body: TwirpBody) {
      const { runId } = scope(body)
      const name = requireName(body)
      const artifact = finalizedIn(runId).find((a) => a.name === name)
      if (!artifact) throw new TwirpError('not_found', `artifact ${name} not found`)
      artifacts.splice(artifacts.indexOf(artifact), 1)
      return { ok: true, artifact_id: artifact.id }
    },
  }
}
