// Stand-in for the GitHub Actions results service (artifacts + cache v2) with bytes in Azurite.
import { startAzurite } from './azurite.js'
import { type ArtifactRecord, artifactHandlers } from './artifact-service.js'
import type { BlobStore } from './blob-store.js'
import { type CacheEntryRecord, cacheHandlers } from './cache-service.js'
import { listen } from './http-util.js'
import { startMemoryBlobStore } from './memory-blob.js'
import { type TwirpBody, type TwirpCode, type TwirpServices, TwirpError, twirpListener } from './twirp.js'

export { DUPLICATE_ARTIFACT_MSG } from './artifact-service.js'
export type { ArtifactRecord, CacheEntryRecord, TwirpCode }

export interface ResultsService {
  url: string
  runtimeToken: string
  env(): Record<string, string>
  artifacts: ArtifactRecord[]
  cacheEntries: CacheEntryRecord[]
  calls: Array<{ service: string; method: string; body: unknown }>
  /** The next `times` (default 1) calls of `method` (e.g. 'CreateArtifact') answer this Twirp error instead. */
  failCalls(method: string, code: TwirpCode, msg: string, times?: number): void
  blobBytes(blobName: string): Promise<Buffer>
  /** 'azurite' unless started with { azurite: false } (in-process blob stand-in). */
  blobKind: BlobStore['kind']
  close(): Promise<void>
}

export const RUN_BACKEND_ID = 'run1'
export const JOB_BACKEND_ID = 'job1'

/**
 * @actions/artifact only base64url-decodes the JWT payload (no signature check) and reads the
 * `Actions.Results:<run>:<job>` scope; the header `e30` is `{}`.
 */
export function makeRuntimeToken(runId = RUN_BACKEND_ID, jobId = JOB_BACKEND_ID): string {
  const payload = Buffer.from(JSON.stringify({ scp: `Actions.Results:${runId}:${jobId}` })).toString('base64url')
  return `e30.${payload}.x`
}

export async function startResultsService(opts: { azurite?: boolean } = {}): Promise<ResultsService> {
  const blobs = opts.azurite === false ? await startMemoryBlobStore() : await startAzurite()
  const runtimeToken = makeRuntimeToken()
  const artifacts: ArtifactRecord[] = []
  const cacheEntries: CacheEntryRecord[] = []
  const calls: ResultsService['calls'] = []
  let lastId = 0
  const nextId = (): string => String(++lastId)
  const faults: Array<{ method: string; code: TwirpCode; msg: string; left: number }> = []
  // Each handler answers a pending fault of its method first (after the token check, as a real error would).
  const withFaults = (handlers: TwirpServices[string]): TwirpServices[string] =>
    Object.fromEntries(
      Object.entries(handlers).map(([method, handle]) => [
        method,
        (body: TwirpBody) => {
          const fault = faults.find((f) => f.method === method && f.left > 0)
          if (!fault) return handle(body)
          fault.left--
          throw new TwirpError(fault.code, fault.msg)
        },
      ]),
    )

  let http
  try {
    http = await listen(
      twirpListener({
        token: runtimeToken,
        services: {
          ArtifactService: withFaults(artifactHandlers(artifacts, blobs, nextId)),
          CacheService: withFaults(cacheHandlers(cacheEntries, blobs, nextId)),
        },
        onCall: (service, method, body) => calls.push({ service, method, body }),
      }),
    )
  } catch (err) {
    await blobs.close()
    throw err
  }
  const url = http.origin

  return {
    url,
    runtimeToken,
    env: () => ({
      ACTIONS_RESULTS_URL: `${url}/`, // the runner's value ends in '/'; both libraries use only the origin
      ACTIONS_RUNTIME_TOKEN: runtimeToken,
      ACTIONS_CACHE_SERVICE_V2: 'true', // any non-empty value selects cache service v2 (Twirp)
    }),
    artifacts,
    cacheEntries,
    calls,
    failCalls: (method, code, msg, times = 1) => void faults.push({ method, code, msg, left: times }),
    blobBytes: (blobName) => blobs.read(blobName),
    blobKind: blobs.kind,
    close: async () => {
      await http.close()
      await blobs.close()
    },
  }
}
