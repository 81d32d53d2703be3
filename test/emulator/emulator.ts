// Wires the two servers (API and storage, on different origins) to shared state.
import { ApiHandler } from './api.js'
import { type ExecutionRecord, ExecutionStore } from './executions.js'
import { FaultQueue } from './faults.js'
import { type FileRecord, FileStore } from './files.js'
import { randomId } from './ids.js'
import { fixtures } from './media.js'
import { RateLimiter } from './rate-limit.js'
import { EmulatorServer } from './server.js'
import { Signer } from './signing.js'
import { StorageHandler } from './storage.js'
import { compileRequestSchemas } from './validate.js'
import type { EmulatorOptions, FaultRule, RecordedRequest } from './types.js'

export interface Emulator {
  /** API base URL, e.g. http://127.0.0.1:PORT (https:// with the tls option; no trailing slash). */
  url: string
  /** Origin of the storage server (a different port, so a different origin). */
  storageUrl: string
  /** A key the emulator accepts: apiKeys[0] or a generated vg_key_… one. */
  key: string
  /** Current options; configure() mutates this object. */
  options: EmulatorOptions
  configure(patch: Partial<EmulatorOptions>): void
  /** Faults are consumed in order of injection. */
  inject(rule: FaultRule): void
  clearFaults(): void
  /** Every request to both servers, in arrival order. */
  requests: RecordedRequest[]
  executions: Map<string, ExecutionRecord>
  files: Map<string, FileRecord>
  /** Executions actually created, including ones whose response was faulted. */
  createCount(): number
  /** Ids passed to POST /v1/tools/executions/{id}/cancel, in order. */
  cancelCalls(): string[]
  /** TCP connections accepted by one server, or both: counts attempts that never became a request (TLS failures). */
  connectionCount(server?: 'api' | 'storage'): number
  /** Clears executions, files, requests, faults and counters; options are kept. */
  reset(): void
  /** Closes both servers and destroys open sockets. */
  close(): Promise<void>
}

export async function startEmulator(options: EmulatorOptions = {}): Promise<Emulator> {
  compileRequestSchemas()
  const opts: EmulatorOptions = { ...options }
  const faults = new FaultQueue()
  const requests: RecordedRequest[] = []
  const cancelCalls: string[] = []
  const signer = new Signer()
  const limiter = new RateLimiter(() => opts.rateLimits)

  // The storage origin must be known before file URLs can be signed, so it starts first.
  const slot: { storage?: StorageHandler } = {}
  const storage = new EmulatorServer({
    name: 'storage',
    port: 0,
    faults,
    requests,
    requestIdHeader: 'x-amz-request-id',
    ...(opts.tls && { tls: opts.tls }),
    handler: {
      handle: (ctx) => slot.storage!.handle(ctx),
      faultReply: (...args) => slot.storage!.faultReply(...args),
    },
  })
  const storageUrl = await storage.listen()
  const files = new FileStore(() => opts, signer, storageUrl)
  const executions = new ExecutionStore(files, () => opts.resultBytes ?? fixtures().clip)
  slot.storage = new StorageHandler({ options: opts, files, signer })

  const api = new EmulatorServer({
    name: 'api',
    port: opts.port ?? 0,
    faults,
    requests,
    requestIdHeader: 'x-request-id',
    ...(opts.tls && { tls: opts.tls }),
    handler: new ApiHandler({ options: opts, files, executions, limiter, cancelCalls }),
  })
  let url: string
  try {
    url = await api.listen()
  } catch (error) {
    await storage.close()
    throw error
  }

  let closing: Promise<void> | undefined
  return {
    url,
    storageUrl,
    key: opts.apiKeys?.[0] ?? randomId('vg_key_'),
    options: opts,
    configure: (patch) => void Object.assign(opts, patch),
    inject: (rule) => faults.inject(rule),
    clearFaults: () => faults.clear(),
    requests,
    executions: executions.executions,
    files: files.files,
    createCount: () => executions.createdCount,
    cancelCalls: () => [...cancelCalls],
    connectionCount: (server) =>
      (server === 'storage' ? 0 : api.connections) + (server === 'api' ? 0 : storage.connections),
    reset() {
      executions.executions.clear()
      executions.createdCount = 0
      files.files.clear()
      requests.length = 0
      cancelCalls.length = 0
      faults.clear()
      limiter.reset()
      api.connections = 0
      storage.connections = 0
    },
    close: () => (closing ??= Promise.all([api.close(), storage.close()]).then(() => undefined)),
  }
}
