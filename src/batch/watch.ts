// Following many executions at the cost of one: each tick reads the key owner's executions list (newest
// first, up to 200) and takes every watched execution it holds from there; only an id that is not on that
// page (more than 200 newer executions) costs a GET of its own. The next tick comes when the soonest
// predicted end among the running executions is due.
import type { ToolsApi } from '../videogen/tools.js'
import { sameExecution } from '../videogen/ids.js'
import { type Execution, isTerminal } from '../videogen/types.js'
import { PollScheduler } from '../wait.js'

const PAGE = 200
const MIN_PAGE = 10

interface Watched {
  scheduler: PollScheduler
  last?: Execution
}

export interface TickResult {
  /** The latest view of every watched execution that answered this tick. */
  seen: Execution[]
  /** How many executions needed a GET of their own. */
  fallbacks: number
  /** Executions whose own GET failed this tick (a 404: it does not exist). */
  failed: Array<{ id: string; error: unknown }>
  /** Why the list could not be used this tick, if it could not. */
  listError?: unknown
}

/**
 * Whether a list entry that says the execution ended has what the document says such an execution always
 * has: results with their file and link when it succeeded, an error when it failed. The list is cheap and
 * trusted for progress; an ending it does not fully describe is confirmed with the execution's own GET.
 */
function completeEnding(execution: Execution): boolean {
  if (execution.status === 'succeeded') {
    return (
      execution.results.length > 0 &&
      execution.results.every((r) => r.file?.fileId === r.fileId && r.downloadUrl !== undefined)
    )
  }
  return execution.status !== 'failed' || execution.error !== undefined
}

export class ManyWatch {
  private readonly watched = new Map<string, Watched>()
  private pageSize = PAGE

  constructor(private readonly tools: ToolsApi) {}

  add(id: string, createdAt: number): void {
    this.watched.set(id, { scheduler: new PollScheduler(createdAt) })
  }

  remove(id: string): void {
    this.watched.delete(id)
  }

  get size(): number {
    return this.watched.size
  }

  ids(): string[] {
    return [...this.watched.keys()]
  }

  /** One list call (and a GET per execution the page does not hold). */
  async tick(options: { deadline: number; signal: AbortSignal }): Promise<TickResult> {
    if (this.watched.size === 0) return { seen: [], fallbacks: 0, failed: [] }
    const seen: Execution[] = []
    const missing: string[] = []
    const failed: TickResult['failed'] = []
    let listError: unknown
    let page: Execution[] | undefined
    try {
      page = (await this.tools.listExecutions({ limit: this.pageSize, ...options })).executions
    } catch (error) {
      if (options.signal.aborted) throw error
      // A page too large (other jobs' executions with many results) or a failing list: this tick follows each
      // execution on its own, and the next asks for a smaller page.
      listError = error
      this.pageSize = Math.max(MIN_PAGE, Math.floor(this.pageSize / 4))
    }
    for (const id of this.watched.keys()) {
      const found = page?.find((e) => sameExecution(e.toolExecutionId, id))
      if (found && (!isTerminal(found.status) || completeEnding(found))) seen.push({ ...found, toolExecutionId: id })
      else missing.push(id)
    }
    for (const id of missing) {
      try {
        seen.push(await this.tools.getExecution(id, options))
      } catch (error) {
        if (options.signal.aborted) throw error
        failed.push({ id, error })
      }
    }
    const now = Date.now()
    for (const execution of seen) {
      const watched = this.watched.get(execution.toolExecutionId)
      if (!watched) continue
      watched.scheduler.observe(now, execution)
      watched.last = execution
    }
    return { seen, fallbacks: missing.length, failed, ...(listError !== undefined && { listError }) }
  }

  /** Milliseconds until the next tick: the soonest any running execution wants a poll. */
  nextDelay(now: number): number {
    let soonest = Infinity
    for (const { scheduler } of this.watched.values()) soonest = Math.min(soonest, scheduler.nextDelay(now))
    return Number.isFinite(soonest) ? soonest : 1000
  }

  last(id: string): Execution | undefined {
    return this.watched.get(id)?.last
  }
}
