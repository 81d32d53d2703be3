// The execution this run is responsible for: saved to state the moment it exists, so that the post
// step can cancel it if main dies; cancelled (and confirmed) on cancel or timeout.
import * as core from '@actions/core'
import { errorText } from './videogen/errors.js'
import type { ToolsApi } from './videogen/tools.js'
import { isTerminal } from './videogen/types.js'

export const STATE = {
  executionId: 'executionId',
  /** 'terminal' once known ended; 'detached' when left running on purpose (wait: false, no cancel-on-timeout). */
  disposition: 'disposition',
} as const

export type Disposition = 'terminal' | 'detached'

export function rememberExecution(id: string): void {
  core.saveState(STATE.executionId, id)
  core.setOutput('execution-id', id)
}

let settled: Disposition | undefined

export function settleExecution(disposition: Disposition): void {
  settled = disposition
  core.saveState(STATE.disposition, disposition)
}

/** How this process settled its execution, if it did (state written in this run is not readable back). */
export function settledAs(): Disposition | undefined {
  return settled
}

/**
 * What a cancel attempt achieved, as the end of a sentence: cancellation is best-effort, so "cancelled" is
 * only said when a GET confirmed it; otherwise the post step (which sees no 'terminal' state) tries again.
 */
export function cancelOutcome(status: string | undefined): string {
  if (status === 'cancelled' || status === 'canceled') return 'was cancelled (status now cancelled)'
  if (status && isTerminal(status)) return `had already ended (${status}) before the cancel took effect`
  if (status) return `was asked to cancel but is still ${status}; the post step will try again`
  return 'was asked to cancel, but that could not be confirmed; the post step will try again'
}

/** Cancel and confirm with a GET, within `budgetMs`. Returns the status seen last (or undefined). */
export async function cancelAndConfirm(tools: ToolsApi, id: string, budgetMs: number): Promise<string | undefined> {
  const deadline = Date.now() + budgetMs
  try {
    await tools.cancelExecution(id, {
      deadline,
      signal: AbortSignal.timeout(Math.round(Math.max(1000, budgetMs * 0.6))),
    })
  } catch (error) {
    core.warning(`Could not cancel execution ${id}: ${errorText(error)}`)
  }
  try {
    const execution = await tools.getExecution(id, {
      deadline,
      signal: AbortSignal.timeout(Math.round(Math.max(500, deadline - Date.now()))),
    })
    if (isTerminal(execution.status)) settleExecution('terminal')
    return execution.status
  } catch (error) {
    core.warning(`Could not confirm the cancellation of ${id}: ${errorText(error)}`)
    return undefined
  }
}
