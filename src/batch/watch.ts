// Following many executions at the cost of one: each tick reads the key owner's executions list (newest
// first, up to 200) and takes every watched execution it holds from there; only an id that is not on that
// page (more than 200 newer executions) costs a GET of its own. The next tick comes when the soonest
// predicted end among the running executions is due.
import type { ToolsApi } from '../videogen/tools.js'
import { sameExecution } from '../videogen/ids.js'
import type { Execution } from '../videogen/types.js'
import { PollScheduler } from '../wait.js'

const PAGE = 200

interface Watched {
  scheduler: PollScheduler
  last?: Execution
}

export interface TickResult {
  /** The latest view of every watched execution that answered this tick. */
  seen: Execution[]
  /** How many executions needed a GET of their own. */
  fallbacks: number
}

export class ManyWatch {
  private readonly watched = new Map<string, Watched>()

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
    if (this.watched.size === 0) return { seen: [], fallbacks: 0 }
    const page = await this.tools.listExecutions({ limit: PAGE, ...options })
    const seen: Execution[] = []
    const missing: string[] = []
    for (const id of this.watched.keys()) {
      const found = page.executions.find((e) => sameExecution(e.toolExecutionId, id))
      if (found) seen.push({ ...found, toolExecutionId: id })
      else missing.push(id)
    }
    for (const id of missing) seen.push(await this.tools.getExecution(id, options))
    const now = Date.now()
    for (const execution of seen) {
      const watched = this.watched.get(execution.toolExecutionId)
      if (!watched) continue
      watched.scheduler.observe(now, execution)
      watched.last = execution
    }
    return { seen, fallbacks: missing.length }
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
