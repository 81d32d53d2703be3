// Tool executions: creation, cancellation, result files, and the ExecutedTool view at a point in time.
import type { FileStore, SignMode } from './files.js'
import { randomId } from './ids.js'
import { type JobState, type ResolvedScript, finishOffset, stateAt } from './timeline.js'
import type { ApiError, ExecutedTool, ExecutionStatus, ToolSuccessResult } from './wire.js'

export type ExecutionPrefix = 'vg_tool_' | 'vg_exec_'
export const EXECUTION_PREFIXES: readonly ExecutionPrefix[] = ['vg_tool_', 'vg_exec_']

export interface ExecutionState extends Omit<JobState, 'status'> {
  status: ExecutionStatus
}

export class ExecutionRecord {
  cancelledAt?: number
  /** Ids of the result files, allocated at creation and materialised in the file store on success. */
  readonly resultFileIds: string[]
  resultsCreated = false

  constructor(
    private readonly store: ExecutionStore,
    readonly id: string,
    /** The parsed request body. */
    readonly body: Record<string, unknown>,
    readonly createdAt: number,
    readonly script: ResolvedScript,
    /** The API key that created it (lists with selfOnly=true show only the caller's). */
    readonly apiKey: string,
    /** Creation order, to keep a stable order among executions created in the same millisecond. */
    readonly seq: number,
  ) {
    const n = typeof body.numResults === 'number' ? body.numResults : 1
    this.resultFileIds = Array.from({ length: n }, () => randomId('vg_file_'))
  }

  state(now = Date.now()): ExecutionState {
    if (this.cancelledAt !== undefined)
      return { ...stateAt(this.script, this.cancelledAt - this.createdAt), status: 'cancelled' }
    return stateAt(this.script, now - this.createdAt)
  }

  /** The ExecutedTool as GET /v1/tools/executions/{id} would return it now. */
  view(now = Date.now()): ExecutedTool {
    return this.store.view(this, 'refresh', now)
  }

  get status(): ExecutionStatus {
    return this.state().status
  }
}

export class ExecutionStore {
  readonly executions = new Map<string, ExecutionRecord>()
  createdCount = 0
  private seq = 0

  constructor(
    private readonly files: FileStore,
    private readonly resultBytes: () => Buffer,
  ) {}

  create(
    prefix: ExecutionPrefix,
    body: Record<string, unknown>,
    script: ResolvedScript,
    now: number,
    apiKey: string,
  ): ExecutionRecord {
    const record = new ExecutionRecord(this, randomId(prefix), body, now, script, apiKey, this.seq++)
    this.executions.set(record.id, record)
    this.createdCount++
    return record
  }

  /** Looks an id up under either prefix: old `vg_exec_` ids stay valid after the switch to `vg_tool_`, as
   * the service is assumed to keep them. */
  find(id: string): ExecutionRecord | undefined {
    const exact = this.executions.get(id)
    if (exact) return exact
    const prefix = EXECUTION_PREFIXES.find((p) => id.startsWith(p))
    if (!prefix) return undefined
    const other = EXECUTION_PREFIXES.find((p) => p !== prefix)!
    return this.executions.get(other + id.slice(prefix.length))
  }

  /** Best effort, like the real service: only a non-terminal execution becomes cancelled. */
  cancel(record: ExecutionRecord, now: number): void {
    const { status } = record.state(now)
    if (status === 'pending' || status === 'running') record.cancelledAt = now
  }

  private ensureResults(record: ExecutionRecord): void {
    if (record.resultsCreated) return
    record.resultsCreated = true
    const prompt = typeof record.body.prompt === 'string' ? record.body.prompt.trim() : ''
    const base = prompt ? prompt.slice(0, 60) : 'Generated video clip'
    const n = record.resultFileIds.length
    record.resultFileIds.forEach((id, i) => {
      this.files.createResult(
        id,
        {
          displayName: n > 1 ? `${base} (${i + 1})` : base,
          isTemporary: record.body.isOutputTemporary === true,
          executionId: record.id,
          bytes: this.resultBytes(),
        },
        record.createdAt + finishOffset(record.script),
      )
    })
  }

  view(record: ExecutionRecord, sign: SignMode, now: number): ExecutedTool {
    const state = record.state(now)
    let results: ToolSuccessResult[] = []
    let error: ApiError | null = null
    if (state.status === 'succeeded') {
      this.ensureResults(record)
      results = record.resultFileIds.map((id) => {
        const file = this.files.view(this.files.get(id)!, sign, now, true)
        return {
          fileId: id,
          type: 'VIDEO',
          file,
          downloadUrl: file.downloadUrl,
          downloadUrlExpiresAt: file.downloadUrlExpiresAt,
          thumbnailUrl: file.thumbnailUrl,
          thumbnailUrlExpiresAt: file.thumbnailUrlExpiresAt,
        }
      })
    } else if (state.status === 'failed') {
      const e = record.script.error
      error = { message: e.message, code: e.code ?? null, requirement: e.requirement ?? null, internalErrorCode: null }
    }
    return {
      toolExecutionId: record.id,
      status: state.status,
      toolType: 'GENERATE_VIDEO_CLIP',
      progressPercentage: state.progressPercentage,
      attemptIndex: state.attemptIndex,
      results,
      error,
    }
  }

  /** Most recently created first; among equal creation times, the later created first. */
  newestFirst(apiKey?: string): ExecutionRecord[] {
    return [...this.executions.values()]
      .filter((r) => apiKey === undefined || r.apiKey === apiKey)
      .sort((a, b) => b.createdAt - a.createdAt || b.seq - a.seq)
  }
}
