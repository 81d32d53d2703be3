// Creating executions, once each. The create is not idempotent, so before each one the newest execution
// id is noted and every create in flight is saved in the state: if this step is killed before an answer
// arrives, the post step can find what appeared above the mark and cancel it.
import { log } from './log.js'
import { executionsSince } from './cancel.js'
import type { Mark, MainState } from './state.js'
import { AmbiguousCreateError, NetworkError, errorText } from './videogen/errors.js'
import type { RateBudget } from './videogen/retry.js'
import type { ToolsApi } from './videogen/tools.js'

/** Listing the newest execution before a create is a courtesy to the post step: never worth a long wait. */
const MARK_BUDGET_MS = 10_000
/** After a list that could not be read, the next creates ask again, but only briefly. */
const MARK_RETRY_BUDGET_MS = 2_000

/** Creating an execution with less time than this (or a quarter of timeout) left would only pay for one to cancel at once. */
const MIN_TIME_TO_CREATE_MS = 10_000

/** Whether too little of the timeout is left to create an execution worth waiting for. */
export function tooLateToCreate(deadline: number, timeoutMs: number, now = Date.now()): boolean {
  return deadline - now < Math.min(MIN_TIME_TO_CREATE_MS, timeoutMs / 4)
}

export class CreateFailure extends Error {
  override readonly name = 'CreateFailure'
}

export class Creator {
  /** What the list showed before the latest create (undefined until then). */
  private mark: Mark | undefined
  /** Shortened after a list that could not be read: an outage should not hold every create of a batch for long. */
  private markBudgetMs = MARK_BUDGET_MS
  private inFlight = 0

  constructor(
    private readonly tools: ToolsApi,
    private readonly state: MainState,
    private readonly signal: () => AbortSignal,
  ) {}

  /** Whether a create request is out and unanswered (a signal now cannot withdraw it). */
  get creating(): boolean {
    return this.inFlight > 0
  }

  /**
   * Sends one create. Resolves to the new execution's id, already tracked in the state. An ambiguous
   * failure names the executions that appeared since it was sent, the user's best lead.
   */
  async create(
    body: Record<string, unknown>,
    options: { deadline: number; onBudget?: (budget: RateBudget) => void },
  ): Promise<string> {
    const signal = this.signal()
    signal.throwIfAborted()
    // Taken afresh for each create (a batch sends many, minutes apart): a mark from before an earlier one
    // would take in the executions other jobs on the key started since, and the post step could cancel
    // one of theirs, or find too many to cancel its own. With a create still in flight its older mark stands.
    if (this.inFlight === 0 || this.mark === undefined) this.mark = await this.newestExecution(signal)
    this.state.beginCreate(this.mark)
    this.inFlight++
    let id: string
    try {
      // The request itself is deliberately not abortable (once sent, the only safe way out is to learn the
      // id and cancel it); the signal only ends waits between attempts that the server refused.
      id = await this.tools.generateVideoClip(body, {
        deadline: options.deadline,
        signal,
        ...(options.onBudget && { onBudget: options.onBudget }),
      })
    } catch (error) {
      this.inFlight--
      // Cancelled while an ambiguous create was in flight: leave it to the post step to find and cancel.
      if (error instanceof AmbiguousCreateError && signal.aborted) throw error
      this.state.endCreate()
      if (error instanceof AmbiguousCreateError) throw await this.withCandidates(error)
      throw error
    }
    this.inFlight--
    this.state.track(id)
    this.state.endCreate()
    return id
  }

  private async newestExecution(signal: AbortSignal): Promise<Mark> {
    try {
      const page = await this.tools.listExecutions({ limit: 1, deadline: Date.now() + this.markBudgetMs, signal })
      this.markBudgetMs = MARK_BUDGET_MS
      return { known: true, newest: page.executions[0]?.toolExecutionId ?? null }
    } catch (error) {
      // A certificate, proxy or DNS problem would refuse the create just the same: say so now.
      if (signal.aborted || (error instanceof NetworkError && !error.transient)) throw error
      log.debug(`Could not list the newest execution before creating: ${errorText(error)}`)
      this.markBudgetMs = MARK_RETRY_BUDGET_MS
      return { known: false, newest: null }
    }
  }

  private async withCandidates(error: AmbiguousCreateError): Promise<Error> {
    // Without a readable list before, what is in it now cannot be told apart from what was there already.
    if (!this.mark?.known) return error
    try {
      // Finished ones too: one that already succeeded is just what to resume.
      const found = await executionsSince(
        this.tools,
        this.mark.newest,
        this.state.known(),
        Date.now() + MARK_BUDGET_MS,
        {
          runningOnly: false,
        },
      )
      if (found.length === 0) return error
      const ids = found.map((e) => `${e.toolExecutionId} (${e.status})`).join(', ')
      return new CreateFailure(`${error.message} Executions that appeared since it was sent: ${ids}.`)
    } catch {
      return error
    }
  }
}
