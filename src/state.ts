// What main leaves for the post step (one helper for both, so the names cannot drift). Main saves each
// fact the moment it becomes true, because it may be killed at any moment after: the post step then
// reads them as STATE_<name> and cancels whatever main could not see end.
import * as core from '@actions/core'
import { isExecutionId } from './videogen/ids.js'

export const STATE = {
  isPost: 'isPost',
  /** The execution of a single-clip run. */
  executionId: 'executionId',
  /** 'terminal' once known ended; 'detached' when left running on purpose (wait: false, no cancel-on-timeout). */
  disposition: 'disposition',
  /** A batch: JSON object of execution id → disposition ('' while open). */
  executions: 'executions',
  /** JSON {mark, known, count}: creates sent and not yet answered, and the newest execution id seen before them. */
  createInFlight: 'createInFlight',
  /** The API base URL main resolved (post does not read inputs again). */
  baseUrl: 'baseUrl',
} as const

export type Disposition = 'terminal' | 'detached'

/** What the executions list showed just before a create: whether it could be read, and its newest id. */
export interface Mark {
  known: boolean
  /** The newest execution id; null when the list was empty (or could not be read). */
  newest: string | null
}

export function isPost(): boolean {
  return core.getState(STATE.isPost) === 'true'
}

/** First thing main does: whatever happens next, the post step must know it is the post step. */
export function markMainStarted(): void {
  core.saveState(STATE.isPost, 'true')
}

/** Main's side: records as it goes, and remembers what it recorded (state written here is not readable back). */
export class MainState {
  private readonly executions = new Map<string, Disposition | ''>()
  private inFlight = 0
  private mark: Mark = { known: false, newest: null }

  constructor(private readonly batch = false) {}

  rememberBaseUrl(url: string): void {
    core.saveState(STATE.baseUrl, url)
  }

  /** Before a create is sent, with what the list showed just before it (while others are in flight, the oldest mark stands). */
  beginCreate(mark: Mark): void {
    this.inFlight++
    if (this.inFlight === 1) this.mark = mark
    this.saveInFlight()
  }

  /** The create answered (with an id, or failed unambiguously). */
  endCreate(): void {
    this.inFlight = Math.max(0, this.inFlight - 1)
    this.saveInFlight()
  }

  track(id: string): void {
    this.executions.set(id, '')
    this.save(id)
  }

  settle(id: string, disposition: Disposition): void {
    this.executions.set(id, disposition)
    this.save(id)
  }

  /** Creates sent and not yet answered. */
  createsInFlight(): number {
    return this.inFlight
  }

  /** Every execution tracked so far. */
  known(): ReadonlySet<string> {
    return new Set(this.executions.keys())
  }

  settledAs(id: string): Disposition | undefined {
    return this.executions.get(id) || undefined
  }

  private save(id: string): void {
    if (this.batch) {
      core.saveState(STATE.executions, JSON.stringify(Object.fromEntries(this.executions)))
      return
    }
    core.saveState(STATE.executionId, id)
    const disposition = this.executions.get(id)
    if (disposition) core.saveState(STATE.disposition, disposition)
  }

  private saveInFlight(): void {
    core.saveState(
      STATE.createInFlight,
      this.inFlight > 0 ? JSON.stringify({ mark: this.mark.newest, known: this.mark.known, count: this.inFlight }) : '',
    )
  }
}

export interface PostState {
  baseUrl?: string
  /** Executions main created or resumed and did not see end (nor leave on purpose). */
  open: string[]
  /** Creates that were sent and never answered: main was killed while they were in flight. */
  createsInFlight?: { mark: Mark; count: number }
}

/** Post's side. State is outside input too (another step could write these names): ids are checked. */
export function readPostState(): PostState {
  const open: string[] = []
  const batch = core.getState(STATE.executions)
  if (batch) {
    try {
      const entries = Object.entries(JSON.parse(batch) as Record<string, unknown>)
      for (const [id, disposition] of entries) if (isExecutionId(id) && !disposition) open.push(id)
    } catch {
      // Unreadable: nothing to act on safely.
    }
  }
  const single = core.getState(STATE.executionId)
  if (isExecutionId(single) && !core.getState(STATE.disposition)) open.push(single)
  let createsInFlight: PostState['createsInFlight']
  try {
    const raw = JSON.parse(core.getState(STATE.createInFlight) || 'null') as {
      mark?: unknown
      known?: unknown
      count?: unknown
    } | null
    if (raw && Number.isInteger(raw.count) && (raw.count as number) > 0) {
      const newest = isExecutionId(raw.mark) ? raw.mark : null
      // An id as mark means the list was read; without one, only `known` says it was (and was empty).
      const known = newest !== null || (raw.known === true && raw.mark === null)
      createsInFlight = { mark: { known, newest }, count: raw.count as number }
    }
  } catch {
    createsInFlight = undefined
  }
  const baseUrl = core.getState(STATE.baseUrl)
  return { ...(baseUrl && { baseUrl }), open, ...(createsInFlight && { createsInFlight }) }
}
