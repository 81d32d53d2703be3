/**
 * Map with at most `limit` calls in flight; results keep the input order. The first failure rejects,
 * stops starting new calls and aborts the `signal` each running call was given, so siblings stop at once
 * instead of retrying on behind a failed step.
 */
export async function mapLimit<T, R>(
  items: readonly T[],
  limit: number,
  fn: (item: T, index: number, signal: AbortSignal) => Promise<R>,
  outer?: AbortSignal,
): Promise<R[]> {
  const results = new Array<R>(items.length)
  const failed = new AbortController()
  const signal = outer ? AbortSignal.any([outer, failed.signal]) : failed.signal
  let next = 0
  const worker = async () => {
    while (!signal.aborted && next < items.length) {
      const index = next++
      try {
        results[index] = await fn(items[index] as T, index, signal)
      } catch (error) {
        if (!failed.signal.aborted) failed.abort(error)
        throw error
      }
    }
  }
  const settled = await Promise.allSettled(Array.from({ length: Math.min(limit, items.length) }, worker))
  // The first failure is the cause; the siblings' aborts that followed it are not.
  if (failed.signal.aborted) throw failed.signal.reason
  const rejected = settled.find((s): s is PromiseRejectedResult => s.status === 'rejected')
  if (rejected) throw rejected.reason
  if (outer?.aborted) throw outer.reason
  return results
}
