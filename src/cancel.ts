// Cancelling: best-effort on the API's side, so every cancel is confirmed with a GET, within a budget.
// Also the search for an execution whose create was in flight when main was killed.
import { errorText } from './videogen/errors.js'
import type { ToolsApi } from './videogen/tools.js'
import { type Execution, isTerminal } from './videogen/types.js'

/** Time for cancel + confirm on a timeout or a failed wait. */
export const CANCEL_BUDGET_MS = 6000
/** After SIGINT the runner sends SIGTERM at 7.5 s and kills at 10 s: finish cancelling by 7 s after it. */
const SIGNAL_WINDOW_MS = 7000

/** The runner kills the step this long after its first signal. */
const KILL_AFTER_MS = 10_000

/**
 * Time for a last report after the cancel (the pull-request comment): up to 2 s short of the kill, room for
 * the exit on a loaded runner, where the signal is also handled late.
 */
export function beforeKill(arrived: number, now = Date.now()): number {
  return arrived + KILL_AFTER_MS - 2000 - now
}

/** What is left of the runner's window after a signal that arrived at `arrived` (at least 1 s). */
export function signalBudget(arrived: number, now = Date.now()): number {
  return Math.max(1000, arrived + SIGNAL_WINDOW_MS - now)
}

export interface CancelLog {
  info(message: string): void
  warning(message: string): void
}

/**
 * What a cancel attempt achieved, as the end of a sentence: "cancelled" is only said when a GET confirmed
 * it; otherwise `next` says what happens now: in main, the post step (which sees no 'terminal' state) tries
 * again; the post step itself is the last try.
 */
export function cancelOutcome(status: string | undefined, next = 'the post step will try again'): string {
  if (status === 'cancelled') return 'was cancelled (status now cancelled)'
  if (status && isTerminal(status)) return `had already ended (${status}) before the cancel took effect`
  if (status) return `was asked to cancel but is still ${status}; ${next}`
  return `was asked to cancel, but that could not be confirmed; ${next}`
}

/** The post step's `next` for cancelOutcome: nothing runs after it. */
export const cancelByHand = (id: string) =>
  `nothing runs after this step: cancel it in the dashboard, or with POST /v1/tools/executions/${id}/cancel`

/** Cancel and confirm with a GET, within `budgetMs`. Returns the status seen last (or undefined). */
export async function cancelAndConfirm(
  tools: ToolsApi,
  id: string,
  budgetMs: number,
  log: CancelLog,
): Promise<string | undefined> {
  const deadline = Date.now() + budgetMs
  try {
    await tools.cancelExecution(id, {
      deadline,
      signal: AbortSignal.timeout(Math.round(Math.max(1000, budgetMs * 0.6))),
    })
  } catch (error) {
    log.warning(`Could not cancel execution ${id}: ${errorText(error)}`)
  }
  try {
    const execution = await tools.getExecution(id, {
      deadline,
      signal: AbortSignal.timeout(Math.round(Math.max(500, deadline - Date.now()))),
    })
    return execution.status
  } catch (error) {
    log.warning(`Could not confirm the cancellation of ${id}: ${errorText(error)}`)
    return undefined
  }
}

const GENERATE_VIDEO_CLIP = 'GENERATE_VIDEO_CLIP'
/** How far down the list to look for executions newer than the mark. */
const MAX_PAGES = 3

/**
 * Generate-video-clip executions that appeared since `mark` (newest first, the list has no creation time)
 * and are not already known: the candidates for creates whose answer never arrived. Only the running ones
 * when they are to be cancelled; any, to name them for a resume. Without a mark, only the first page counts.
 */
export async function executionsSince(
  tools: ToolsApi,
  mark: string | null,
  known: ReadonlySet<string>,
  deadline: number,
  { runningOnly = true }: { runningOnly?: boolean } = {},
): Promise<Execution[]> {
  const found: Execution[] = []
  // A list that repeats an entry must not make one execution look like two.
  const seen = new Set<string>()
  let cursor: string | undefined
  for (let page = 0; page < MAX_PAGES; page++) {
    const { executions, nextCursor } = await tools.listExecutions({
      limit: 50,
      deadline,
      ...(cursor !== undefined && { cursor }),
    })
    for (const execution of executions) {
      if (execution.toolExecutionId === mark) return found
      const isClip = execution.toolType === undefined || execution.toolType === GENERATE_VIDEO_CLIP
      const id = execution.toolExecutionId
      const wanted = !runningOnly || !isTerminal(execution.status)
      if (isClip && wanted && !known.has(id) && !seen.has(id)) found.push(execution)
      seen.add(id)
    }
    if (mark === null || nextCursor === undefined) return found
    cursor = nextCursor
  }
  return found
}
