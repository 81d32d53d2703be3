// When the next create of a batch may go: never more than `maxRunning` executions at once, and never
// faster than the key's tools budget (the API reports what is left of the hour on every create).
import type { RateBudget } from '../videogen/retry.js'

export class CreatePacer {
  private budget: RateBudget | undefined

  constructor(readonly maxRunning: number) {}

  observe(budget: RateBudget): void {
    this.budget = budget
  }

  /** Milliseconds to wait before a create, given how many run now: 0 to go, Infinity while the slots are full. */
  delay(running: number, now = Date.now()): number {
    if (running >= this.maxRunning) return Infinity
    const b = this.budget
    if (!b || b.remaining === undefined || b.remaining > 0 || b.resetAt <= now) return 0
    return b.resetAt - now
  }

  /** The budget as last reported, for messages. */
  get lastBudget(): RateBudget | undefined {
    return this.budget
  }
}
