// The scripted life of an execution as a pure function of elapsed wall-clock time:
// pending for queuedMs, then `attempts` attempts of durationMs each, then the outcome.
import type { JobScript } from './types.js'

export interface ResolvedScript {
  queuedMs: number
  durationMs: number
  progress: 'linear' | 'steps' | number[]
  outcome: 'succeeded' | 'failed'
  error: NonNullable<JobScript['error']>
  attempts: number
}

export interface JobState {
  status: 'pending' | 'running' | 'succeeded' | 'failed'
  progressPercentage: number
  attemptIndex: number
}

const DEFAULT_ERROR = {
  message: 'The video clip could not be generated.',
  code: 'generation_failed',
  requirement: null,
}

export function resolveScript(job: JobScript | undefined): ResolvedScript {
  const nonNegative = (n: number | undefined, d: number) => (n !== undefined && Number.isFinite(n) && n >= 0 ? n : d)
  return {
    queuedMs: nonNegative(job?.queuedMs, 100),
    durationMs: nonNegative(job?.durationMs, 1500),
    progress: Array.isArray(job?.progress) ? [...job.progress] : (job?.progress ?? 'linear'),
    outcome: job?.outcome ?? 'succeeded',
    error: job?.error ?? DEFAULT_ERROR,
    attempts: Math.max(1, Math.floor(job?.attempts ?? 1)),
  }
}

/** Progress `elapsedMs` into an attempt of `durationMs` (multiplying before dividing keeps 57/100 at 57%). */
export function progressAt(shape: ResolvedScript['progress'], elapsedMs: number, durationMs: number): number {
  const share = (parts: number) => (durationMs > 0 ? Math.floor((elapsedMs * parts) / durationMs) : parts)
  if (shape === 'linear') return Math.min(99, share(100))
  const steps = shape === 'steps' ? [0, 25, 50, 75] : shape
  if (steps.length === 0) return 0
  const value = steps[Math.min(steps.length - 1, share(steps.length))] ?? 0
  return Math.min(100, Math.max(0, value))
}

/** Elapsed time (ms since creation) at which the execution reaches its outcome. */
export function finishOffset(script: ResolvedScript): number {
  return script.queuedMs + script.attempts * script.durationMs
}

export function stateAt(script: ResolvedScript, elapsedMs: number): JobState {
  if (elapsedMs < script.queuedMs) return { status: 'pending', progressPercentage: 0, attemptIndex: 0 }
  const last = script.attempts - 1
  if (elapsedMs >= finishOffset(script)) {
    return script.outcome === 'succeeded'
      ? { status: 'succeeded', progressPercentage: 100, attemptIndex: last }
      : {
          status: 'failed',
          progressPercentage: progressAt(script.progress, script.durationMs, script.durationMs),
          attemptIndex: last,
        }
  }
  const running = elapsedMs - script.queuedMs
  const attemptIndex = Math.min(last, Math.floor(running / script.durationMs))
  return {
    status: 'running',
    progressPercentage: progressAt(script.progress, running - attemptIndex * script.durationMs, script.durationMs),
    attemptIndex,
  }
}
