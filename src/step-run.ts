// What a run of the main step is, for a single clip or a batch: its settings, API client and state, its
// deadline, and the creator that never creates twice. main.ts hands it the runner's cancel signal.
import type { CacheStore } from './cache.js'
import { Creator } from './create.js'
import type { PrCommentTarget } from './deliver/pr-comment.js'
import type { Settings } from './inputs/settings.js'
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

  abstract execute(): Promise<void>
}
