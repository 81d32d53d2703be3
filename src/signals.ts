// Runner cancellation: SIGINT, then SIGTERM 7.5 s later, then SIGKILL 2.5 s after that.
// The first signal aborts the work; the handler stays installed so a second one does not kill the
// cleanup (cancelling the execution) that the first one started.

export class CancelledByRunner extends Error {
  override readonly name = 'CancelledByRunner'
  /** When the signal arrived: the runner's kill schedule counts from here. */
  readonly at = Date.now()
  constructor(readonly signal: string) {
    super(`the workflow was cancelled (${signal})`)
  }
}

/** When the runner's first signal arrived (now, for an abort of another kind): its kill schedule counts from there. */
export function signalArrival(signal: AbortSignal): number {
  return signal.reason instanceof CancelledByRunner ? signal.reason.at : Date.now()
}

export interface CancelSignal {
  signal: AbortSignal
  dispose(): void
}

export function listenForCancel(onSignal?: (name: string) => void): CancelSignal {
  const controller = new AbortController()
  const handler = (name: NodeJS.Signals) => {
    onSignal?.(name)
    if (!controller.signal.aborted) controller.abort(new CancelledByRunner(name))
  }
  process.on('SIGINT', handler)
  process.on('SIGTERM', handler)
  return {
    signal: controller.signal,
    dispose() {
      process.off('SIGINT', handler)
      process.off('SIGTERM', handler)
    },
  }
}
