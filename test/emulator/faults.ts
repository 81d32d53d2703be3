// Injected faults: an ordered queue of rules, each matched by server, method and pathname,
// skipping `after` matches and then applying `times` times.
import type { FaultRule } from './types.js'

interface Entry {
  rule: FaultRule
  skipped: number
  applied: number
}

function pathMatches(pattern: FaultRule['path'], path: string): boolean {
  if (pattern === undefined) return true
  if (pattern instanceof RegExp) {
    pattern.lastIndex = 0
    return pattern.test(path)
  }
  return pattern.endsWith('*') ? path.startsWith(pattern.slice(0, -1)) : path === pattern
}

export class FaultQueue {
  private entries: Entry[] = []

  inject(rule: FaultRule): void {
    this.entries.push({ rule, skipped: 0, applied: 0 })
  }

  clear(): void {
    this.entries = []
  }

  /**
   * The rule that applies to this request, consumed. Every matching rule still in its `after` phase counts
   * the request as skipped; the first matching rule past that phase applies. `rewrite` rules are not
   * considered: takeRewrite consumes them when a response is sent.
   */
  take(server: 'api' | 'storage', method: string, path: string): FaultRule | undefined {
    return this.consume(server, method, path, (rule) => rule.kind !== 'rewrite')
  }

  /** The `rewrite` rule for a response about to be sent (their server defaults to 'api'), consumed. */
  takeRewrite(
    server: 'api' | 'storage',
    method: string,
    path: string,
  ): Extract<FaultRule, { kind: 'rewrite' }> | undefined {
    const rule = this.consume(server, method, path, (r) => r.kind === 'rewrite' && (r.server ?? 'api') === server)
    return rule?.kind === 'rewrite' ? rule : undefined
  }

  private consume(
    server: 'api' | 'storage',
    method: string,
    path: string,
    eligible: (rule: FaultRule) => boolean,
  ): FaultRule | undefined {
    for (const entry of this.entries) {
      const { rule } = entry
      if (!eligible(rule)) continue
      if (rule.server && rule.server !== server) continue
      if (rule.method && rule.method.toUpperCase() !== method.toUpperCase()) continue
      if (!pathMatches(rule.path, path)) continue
      if (entry.skipped < (rule.after ?? 0)) {
        entry.skipped++
        continue
      }
      entry.applied++
      if (entry.applied >= (rule.times ?? 1)) this.entries = this.entries.filter((e) => e !== entry)
      return rule
    }
    return undefined
  }
}
