// What a run of the main step is, for a single clip or a batch: its settings, API client and state, its
// deadline, and the creator that never creates twice. main.ts hands it the runner's cancel signal.
import type { CacheStore } from './cache.js'
import { beforeKill } from './cancel.js'
import { Creator } from './create.js'
import type { PrCommentTarget } from './deliver/pr-comment.js'
import type { Settings } from './inputs/settings.js'
import { CancelledByRunner, signalArrival } from './signals.js'
import type { MainState } from './state.js'
import type { VideoGenClient } from './videogen/client.js'

export abstract class StepRun {
  signal: AbortSignal = new AbortController().signal
  protected readonly deadline: number
  protected readonly creator: Creator
  protected cache: CacheStore | undefined
  protected prComment: PrCommentTarget | undefined

  constructor(
    protected readonly settings: Settings,
    protected readonly client: VideoGenClient,
    protected readonly state: MainState,
    protected readonly started: number,
  ) {
    this.deadline = started + settings.timeoutMs
    this.creator = new Creator(client.tools, state, () => this.signal)
  }

  /** The cache (cache: true), loaded only then; undefined where the service cannot be used (warned). */
  protected async openCache(): Promise<CacheStore | undefined> {
    const s = this.settings
    const { openCache } = await import('./cache.js')
    this.cache = await openCache({
      root: s.workspace.root,
      baseUrl: s.baseUrl,
      rememberUploads: !s.temporaryUploads,
      files: this.client.files,
    })
    return this.cache
  }

  /** The line to log when the runner's signal arrives: what happens next depends on where the run is. */
  abstract onSignal(name: string): string

  /**
   * The run, then the pull-request comment whatever the outcome, so that an earlier run's success never stays
   * on the pull request. After the runner's signal the executions are cancelled first, and the comment gets
   * what is left before the kill.
   */
  async execute(): Promise<void> {
    try {
      await this.run()
    } catch (error) {
      if (error instanceof CancelledByRunner || this.signal.aborted) {
        const failure = await this.onCancelled(error)
        await this.commentOnPr(failure, { budgetMs: beforeKill(signalArrival(this.signal)) })
        throw failure
      }
      await this.commentOnPr(error)
      throw error
    }
    await this.commentOnPr()
  }

  protected abstract run(): Promise<void>

  /** Cancels what runs after the runner's signal; the error to end the step with. */
  protected abstract onCancelled(error: unknown): Promise<Error>

  /** Writes the pull-request comment (pr-comment), `cancelled` after the runner's signal. Never throws. */
  protected abstract commentOnPr(error?: unknown, cancelled?: { budgetMs: number }): Promise<void>
}
