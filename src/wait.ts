// When to poll next, and the wait loop itself.
//
// The official SDK polls every 1.5 s. Here the end is predicted from progressPercentage and its rate:
// once two successive predictions agree, the next poll is placed just after the predicted end; while
// they disagree (step-shaped progress, a fresh attempt) polls stay short; with no progress information
// the interval grows. A floor and a ceiling bound every interval, to spare the key's shared budget of
// 5,000 execution GETs an hour.
import type { Execution } from './videogen/types.js'
import { isTerminal } from './videogen/types.js'
import { sleep } from './videogen/retry.js'
import { VideoGenApiError } from './videogen/errors.js'

export interface PollTuning {
  /** First poll after the execution was created. */
  initialMs: number
  /** Shortest interval. */
  floorMs: number
  /** Longest interval, whatever the prediction. */
  ceilingMs: number
  /** Longest interval while predictions disagree. */
  uncertainCeilingMs: number
  /** Longest interval with no progress information at all. */
  blindCeilingMs: number
  /** Poll this long after the predicted end. */
  marginMs: number
  /** Two predictions agree when they differ by less than this share of the time remaining (or 500 ms). */
  agreement: number
}

export const DEFAULT_TUNING: PollTuning = {
  initialMs: 1000,
  floorMs: 500,
  ceilingMs: 15_000,
  uncertainCeilingMs: 2000,
  blindCeilingMs: 5000,
  marginMs: 150,
  agreement: 0.08,
}

interface Point {
  t: number
  p: number
}

export class PollScheduler {
  private attempt = -1
  private points: Point[] = []
  private predictions: number[] = []
  private blindDelay: number
  private lastProgress = -1

  constructor(
    private readonly createdAt: number,
    private readonly tuning: PollTuning = DEFAULT_TUNING,
  ) {
    this.blindDelay = tuning.initialMs
  }

  /** Record what a poll returned at time `now`. */
  observe(now: number, execution: { status: string; progressPercentage?: number; attemptIndex?: number }): void {
    const attempt = execution.attemptIndex ?? 0
    if (attempt !== this.attempt) {
      // A new attempt restarts progress at 0: forget the old attempt's samples.
      const start = this.attempt === -1 ? this.createdAt : now
      this.attempt = attempt
      this.points = [{ t: start, p: 0 }]
      this.predictions = []
      this.lastProgress = -1
      this.blindDelay = this.tuning.initialMs
    }
    const p = execution.status === 'running' ? (execution.progressPercentage ?? 0) : 0
    if (p > this.lastProgress && p > 0 && p < 100) {
      const prev = this.points[this.points.length - 1] as Point
      const rate = (p - prev.p) / Math.max(1, now - prev.t)
      this.points.push({ t: now, p })
      this.predictions.push(now + (100 - p) / rate)
    }
    this.lastProgress = Math.max(this.lastProgress, p)
  }

  /** When the execution is predicted to end (epoch ms), once progress allows a prediction. */
  predictedEnd(): number | undefined {
    return this.predictions[this.predictions.length - 1]
  }

  /** Milliseconds to wait before the next poll. */
  nextDelay(now: number): number {
    const t = this.tuning
    const clamp = (ms: number, max: number) => Math.round(Math.min(max, Math.max(t.floorMs, ms)))
    const latest = this.predictions[this.predictions.length - 1]
    if (latest === undefined) {
      const delay = this.blindDelay
      this.blindDelay = Math.min(t.blindCeilingMs, this.blindDelay * 1.5)
      return clamp(delay, t.blindCeilingMs)
    }
    const remaining = latest - now
    // Past the predicted end without a result: the prediction is stale; poll at the SDK's pace.
    if (remaining <= 0) return clamp(t.uncertainCeilingMs * 0.75, t.uncertainCeilingMs)
    const previous = this.predictions[this.predictions.length - 2]
    const confident = previous !== undefined && Math.abs(latest - previous) < Math.max(500, t.agreement * remaining)
    // Aim just past the predicted end; while predictions disagree, never wait longer than the uncertain ceiling.
    return clamp(remaining + t.marginMs, confident ? t.ceilingMs : t.uncertainCeilingMs)
  }
}

export type WaitOutcome =
  | { kind: 'terminal'; execution: Execution; polls: number }
  | { kind: 'timeout'; last: Execution | undefined; polls: number }

export interface WaitOptions {
  createdAt: number
  deadline: number
  signal?: AbortSignal
  tuning?: PollTuning
  getExecution: (id: string, options: { signal?: AbortSignal; deadline?: number }) => Promise<Execution>
  log?: (message: string) => void
}

/** With nothing new to say, still say something this often, so a long wait does not look hung. */
export const HEARTBEAT_MS = 60_000

/** Poll until the execution ends or the deadline passes. Logs a line when the progress changes, and a heartbeat. */
export async function waitForExecution(id: string, options: WaitOptions): Promise<WaitOutcome> {
  const scheduler = new PollScheduler(options.createdAt, options.tuning)
  let last: Execution | undefined
  let polls = 0
  let logged = ''
  let loggedAt = 0
  for (;;) {
    let execution: Execution
    try {
      execution = await options.getExecution(id, {
        ...(options.signal && { signal: options.signal }),
        deadline: options.deadline,
      })
    } catch (error) {
      // The key's execution-GET budget is shared by every job: when it is spent, wait for it to refill
      // (up to the deadline) rather than give up on an execution that is running and billing.
      const waitMs = rateLimitWait(error)
      // No poll possible before the deadline: say so now rather than sleep until it.
      if (waitMs === undefined || Date.now() + waitMs >= options.deadline) throw error
      options.log?.(`Execution ${id}: rate limited; next poll in ${Math.ceil(waitMs / 1000)} s`)
      await sleep(waitMs, options.signal)
      continue
    }
    polls++
    last = execution
    const now = Date.now()
    scheduler.observe(now, execution)
    if (isTerminal(execution.status)) return { kind: 'terminal', execution, polls }
    const state = stateText(execution)
    if (state !== logged || now - loggedAt >= HEARTBEAT_MS) {
      options.log?.(progressLine(execution, state, now - options.createdAt, scheduler.predictedEnd(), now))
      logged = state
      loggedAt = now
    }
    const remaining = options.deadline - now
    if (remaining <= 0) return { kind: 'timeout', last, polls }
    await sleep(Math.min(scheduler.nextDelay(now), remaining), options.signal)
  }
}

function rateLimitWait(error: unknown): number | undefined {
  if (!(error instanceof VideoGenApiError) || error.status !== 429 || error.code === 'insufficient_credits')
    return undefined
  return Math.max(1000, error.retryAfterMs ?? 60_000)
}

/** What changed is worth a line: status, whole percent, attempt. */
function stateText(execution: Execution): string {
  const attempt = (execution.attemptIndex ?? 0) > 0 ? ` (attempt ${(execution.attemptIndex ?? 0) + 1})` : ''
  if (execution.status === 'pending') return `queued${attempt}`
  if (execution.status === 'unknown')
    return `status '${execution.statusText ?? ''}' (not one the API documents; still waiting)`
  return `${execution.status} ${Math.floor(execution.progressPercentage ?? 0)}%${attempt}`
}

const seconds = (ms: number) => `${Math.max(0, Math.round(ms / 1000))} s`

/** e.g. "Execution vg_tool_…: running 44% · 41 s elapsed · ~52 s left". */
function progressLine(
  execution: Execution,
  state: string,
  elapsedMs: number,
  predictedEnd: number | undefined,
  now: number,
): string {
  const left = predictedEnd !== undefined && predictedEnd > now ? ` · ~${seconds(predictedEnd - now)} left` : ''
  return `Execution ${execution.toolExecutionId}: ${state} · ${seconds(elapsedMs)} elapsed${left}`
}
