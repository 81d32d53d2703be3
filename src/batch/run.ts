// A batch, top-down: preflight → cache (per item) → uploads (each distinct content once) → run (creates
// paced by max-running and the tools budget, every running execution followed by one list call per tick)
// → delivery (per item, then one artifact, release assets, the gallery and the results output).
// The guarantees of a single clip hold for each item: created once, cancelled on a signal or a timeout,
// known to the post step the moment it exists.
import { log } from '../log.js'
import * as core from '@actions/core'
import path from 'node:path'
import { CANCEL_BUDGET_MS, cancelAndConfirm, cancelOutcome, signalBudget } from '../cancel.js'
import { type Clip, clipsOf } from '../clip.js'
import { ContentHashes } from '../cache-key.js'
import { mapLimit } from '../concurrency.js'
import { CreateFailure, tooLateToCreate } from '../create.js'
import { deliverClips } from '../deliver/deliver-clips.js'
import { downloadDeadline } from '../deliver/download.js'
import { type GalleryItem, renderGallery } from '../deliver/gallery.js'
import { OUTPUTS, type ItemResult, itemResult, setBatchOutputs, setClipOutputs, setOutput } from '../deliver/outputs.js'
import { publish } from '../deliver/publish.js'
import { resultsRecord, writeResultsFile } from '../deliver/results-file.js'
import { writeSummary } from '../deliver/summary.js'
import { formatDuration } from '../format.js'
import type { ClipRequest, Settings } from '../inputs/settings.js'
import { InputError } from '../inputs/input-error.js'
import { preflight } from '../preflight.js'
import { buildRequestBody, mapRequestFiles } from '../request-body.js'
import { clean, sentence } from '../sanitize.js'
import type { MainState } from '../state.js'
import { CancelledByRunner, signalArrival } from '../signals.js'
import { uploadAll } from '../uploads.js'
import type { VideoGenClient } from '../videogen/client.js'
import { AmbiguousCreateError, VideoGenApiError, describeRequirement, errorText } from '../videogen/errors.js'
import { sleep } from '../videogen/retry.js'
import type { Execution } from '../videogen/types.js'
import { isTerminal } from '../videogen/types.js'
import { CreatePacer } from './pacer.js'
import { ManyWatch } from './watch.js'
import { StepRun } from '../step-run.js'
import { HEARTBEAT_MS } from '../wait.js'

/** Items restored from the cache and delivered at once. */
const ITEM_CONCURRENCY = 4

type Phase = 'waiting' | 'running' | 'ended' | 'cached' | 'not-created' | 'left-running'

interface Item {
  key: string
  request?: ClipRequest
  phase: Phase
  cacheKey?: string
  body?: Record<string, unknown>
  executionId?: string
  createdAt?: number
  execution?: Execution
  clips: Clip[]
  /** succeeded, failed, cancelled, timed-out, error, not-created, pending/running (wait: false). */
  status: string
  error?: string
}

export class BatchFailure extends Error {
  override readonly name = 'BatchFailure'
}

export class BatchRun extends StepRun {
  private readonly items: Item[]
  private readonly watch: ManyWatch
  private readonly pacer: CreatePacer
  private stopCreating: string | undefined
  /** The cancels started when the signal arrived. */
  private cancelling: Promise<void> = Promise.resolve()
  private artifact: { name: string; url: string } | undefined

  constructor(settings: Settings, client: VideoGenClient, state: MainState, started: number) {
    super(settings, client, state, started)
    this.watch = new ManyWatch(client.tools)
    this.pacer = new CreatePacer(settings.batch?.maxRunning ?? 10)
    this.items = settings.resume
      ? [...settings.resume].map(([key, executionId]) => ({
          key,
          executionId,
          phase: 'waiting',
          clips: [],
          status: 'pending',
        }))
      : settings.requests.map((request) => ({
          key: request.id as string,
          request,
          phase: 'waiting',
          clips: [],
          status: 'pending',
        }))
  }

  onSignal(name: string): string {
    const running = this.items.filter((i) => i.phase === 'running').length
    const inFlight = this.creator.creating
      ? '; a create request in flight cannot be withdrawn, its execution is cancelled when its id arrives (or by the post step)'
      : ''
    return `Received ${name}: stopping; cancelling ${running} running execution${running === 1 ? '' : 's'}${inFlight}`
  }

  protected async commentOnPr(error?: unknown, cancelled?: { budgetMs: number }): Promise<void> {
    if (!this.prComment) return
    const { postPrComment } = await import('../deliver/pr-comment.js')
    await postPrComment(
      this.prComment,
      {
        status: this.batchStatus(),
        clips: [],
        items: this.items.map((i) => ({
          id: i.key,
          status: i.status,
          clips: i.clips,
          ...(i.phase === 'cached' && { cacheHit: true }),
          ...(i.error && { error: i.error }),
        })),
        ...(this.artifact && { artifact: this.artifact }),
        ...(error !== undefined &&
          (cancelled !== undefined || !(error instanceof BatchFailure)) && { error: errorText(error) }),
      },
      cancelled?.budgetMs,
    )
  }

  protected async run(): Promise<void> {
    this.cancelOnSignal()
    await preflight(this.settings, (target) => (this.prComment = target))
    if (this.settings.resume) {
      for (const item of this.items) this.adopt(item, item.executionId as string, Date.now())
      log.info(`Resuming ${this.items.length} executions`)
    } else {
      await this.restoreFromCache()
      await this.checkReleaseNames()
      await core.group('Uploads', () => this.upload())
    }
    if (!this.settings.wait) return core.group('Create', () => this.createAll())
    await core.group(`Running ${this.items.length} requests (at most ${this.pacer.maxRunning} at once)`, () =>
      this.runAll(),
    )
    await core.group('Delivery', () => this.deliver())
  }

  /**
   * Without release-overwrite, an asset the release already has under a clip's name refuses the whole
   * publishing, after new clips were paid for: said now, before anything is created. A clip from the cache
   * that is the same file as the asset is kept as it is, so only a different one counts.
   */
  private async checkReleaseNames(): Promise<void> {
    const release = this.settings.release
    // With nothing to create, nothing is paid for here: publishing itself says what it refuses.
    if (!release || release.overwrite || !this.items.some((i) => i.phase === 'waiting')) return
    const planned = this.items.flatMap((i) =>
      i.phase === 'cached'
        ? i.clips.map((clip) => ({ name: `${i.key}-${clip.index}.mp4`, file: clip.absPath }))
        : i.phase === 'waiting'
          ? Array.from({ length: i.request?.request.numResults ?? 1 }, (_, n) => ({ name: `${i.key}-${n + 1}.mp4` }))
          : [],
    )
    const { refusedAssetNames } = await import('../deliver/release.js')
    const { tag, taken } = await refusedAssetNames(release, planned)
    if (taken.length === 0) return
    const shown = taken.slice(0, 5).join(', ') + (taken.length > 5 ? ` and ${taken.length - 5} more` : '')
    throw new InputError(
      'release-overwrite',
      `release ${tag} already has ${shown}, the names of this step's clips: they could not be attached. Set release-overwrite: true to replace them, or delete those assets. Nothing was created.`,
    )
  }

  private dirOf(item: Item): string {
    return path.join(this.settings.downloadDir, item.key)
  }

  private async restoreFromCache(): Promise<void> {
    const s = this.settings
    if (!s.cache) return
    await core.group('Cache', async () => {
      const cache = await this.openCache()
      if (!cache) return
      await mapLimit(this.items, ITEM_CONCURRENCY, async (item) => {
        const request = item.request as ClipRequest
        item.cacheKey = await cache.keyOf(request)
        const restored = await cache.restore(item.cacheKey, request, this.dirOf(item))
        if (!restored) return
        item.phase = 'cached'
        item.execution = restored.execution
        item.executionId = restored.execution.toolExecutionId
        item.clips = restored.clips
        item.status = 'succeeded'
        log.info(`[${item.key}] cache hit: reused execution ${item.executionId}; no new execution`)
      })
    })
  }

  /** Every distinct local file of the items still to create, once (by content), then each item's body. */
  private async upload(): Promise<void> {
    const todo = this.items.filter((i) => i.phase === 'waiting')
    const refs = todo.flatMap(({ request }) => {
      const f = (request as ClipRequest).files
      return [...f.images, ...f.videos, ...f.audio, ...(f.startFrame ? [f.startFrame] : [])]
    })
    const cache = this.cache
    const hashes = new ContentHashes()
    const idOf = await uploadAll(this.client.files, refs, {
      isTemporary: this.settings.temporaryUploads,
      deadline: this.deadline,
      signal: this.signal,
      log: log.info,
      contentKey: (file) => (cache ? cache.contentKey(file) : hashes.of(file)),
      ...(cache && { reuse: (f) => cache.reuseUpload(f), uploaded: (f, id) => cache.rememberUpload(f, id) }),
    })
    if (refs.length === 0) log.info('Nothing to upload')
    for (const item of todo) {
      const request = item.request as ClipRequest
      const { body, overridden } = buildRequestBody(request, await mapRequestFiles(request.files, idOf))
      for (const key of overridden) log.warning(`[${item.key}] params.${key} is ignored: a typed input sets ${key}`)
      item.body = body
    }
  }

  private adopt(item: Item, id: string, createdAt: number): void {
    item.executionId = id
    item.createdAt = createdAt
    item.phase = 'running'
    item.status = 'running'
    this.state.track(id)
    this.watch.add(id, createdAt)
  }

  /** Creates the item's execution, or says why it was not created. */
  private async createOne(item: Item): Promise<void> {
    const left = this.deadline - Date.now()
    if (tooLateToCreate(this.deadline, this.settings.timeoutMs)) {
      return this.notCreated(item, `not created: only ${formatDuration(Math.max(0, left))} of the timeout was left`)
    }
    try {
      const id = await this.creator.create(item.body as Record<string, unknown>, {
        deadline: this.deadline,
        onBudget: (budget) => this.pacer.observe(budget),
      })
      this.adopt(item, id, Date.now())
      log.info(`[${item.key}] created execution ${id}`)
    } catch (error) {
      if (this.signal.aborted) throw error
      if (error instanceof AmbiguousCreateError || error instanceof CreateFailure) {
        // It may exist and bill: never reported as "not created".
        item.phase = 'ended'
        item.status = 'error'
        item.error = errorText(error)
        log.warning(`[${item.key}] ${item.error}`)
      } else this.notCreated(item, errorText(error))
      if (this.settings.batch?.failFast && !this.stopCreating) {
        this.stopCreating = `fail-fast: ${item.key} could not be created`
        await this.cancelRunning(CANCEL_BUDGET_MS, this.stopCreating)
      }
    }
  }

  private notCreated(item: Item, reason: string): void {
    item.phase = 'not-created'
    item.status = 'not-created'
    item.error = reason
    log.warning(`[${item.key}] ${reason}`)
  }

  /** wait: false: every execution created (max-running is at least the count, see the inputs), none followed. */
  private async createAll(): Promise<void> {
    for (const item of this.items.filter((i) => i.phase === 'waiting')) {
      if (this.stopCreating) this.notCreated(item, `not created (${this.stopCreating})`)
      else await this.createOne(item)
    }
    // A signal during the last create: its execution is cancelled with the others, not left running.
    this.signal.throwIfAborted()
    for (const item of this.items.filter((i) => i.phase === 'running')) {
      this.state.settle(item.executionId as string, 'detached')
      item.phase = 'left-running'
      item.status = 'pending'
    }
    this.reportOutputs()
    log.info(`Not waiting (wait: false). Resume in a later step with execution-id set to this step's results output`)
    // An item whose create failed ambiguously (status error) may exist and bill: that fails the step as well.
    if (this.failedItems().length > 0) throw new BatchFailure(this.failureMessage())
  }

  /** Creates as slots and the budget allow, follows what runs, until every item has ended or the time is up. */
  private async runAll(): Promise<void> {
    let lastLine = ''
    let lastLineAt = 0
    let listFailures = 0
    for (;;) {
      await this.fillSlots()
      const running = this.items.filter((i) => i.phase === 'running')
      const waiting = this.items.filter((i) => i.phase === 'waiting')
      if (running.length === 0 && (waiting.length === 0 || this.stopCreating)) break
      const now = Date.now()
      if (now >= this.deadline) return this.timeOut()
      if (running.length > 0) {
        const { seen, failed, listError } = await this.watch.tick({ deadline: this.deadline, signal: this.signal })
        if (listError === undefined) listFailures = 0
        else if (++listFailures === 1) {
          log.info(`Could not read the executions list (${errorText(listError)}); following each execution on its own`)
        }
        for (const execution of seen) await this.observe(execution)
        for (const { id, error } of failed) this.unreadable(id, error)
      }
      const line = this.progressLine()
      if (line !== lastLine || Date.now() - lastLineAt >= HEARTBEAT_MS) {
        log.info(line)
        lastLine = line
        lastLineAt = Date.now()
      }
      if (this.items.every((i) => i.phase !== 'running' && (i.phase !== 'waiting' || this.stopCreating))) break
      const until = Math.min(
        this.watch.size > 0 ? this.watch.nextDelay(Date.now()) : Infinity,
        this.nextCreateDelay(),
        Math.max(0, this.deadline - Date.now()),
      )
      await sleep(Number.isFinite(until) ? until : 1000, this.signal)
    }
    for (const item of this.items.filter((i) => i.phase === 'waiting'))
      this.notCreated(item, `not created (${this.stopCreating})`)
  }

  /**
   * An execution whose GET failed. Only the API's own 404 for a resumed id means it does not exist (a
   * tampered resume); one this step created exists whatever a gateway says, so that and anything else is
   * read again next tick, and a timeout still cancels it.
   */
  private unreadable(id: string, error: unknown): void {
    const item = this.items.find((i) => i.executionId === id && i.phase === 'running')
    if (!item) return
    if (this.settings.resume && error instanceof VideoGenApiError && error.status === 404 && error.fromApi) {
      this.watch.remove(id)
      this.state.settle(id, 'terminal')
      item.phase = 'ended'
      item.status = 'error'
      item.error = `execution ${id} does not exist: ${errorText(error)}`
      log.warning(`[${item.key}] ${item.error}`)
    } else log.info(`[${item.key}] could not read execution ${id} (${errorText(error)}); trying again`)
  }

  private nextCreateDelay(): number {
    if (this.stopCreating || !this.items.some((i) => i.phase === 'waiting')) return Infinity
    return this.pacer.delay(this.items.filter((i) => i.phase === 'running').length)
  }

  private async fillSlots(): Promise<void> {
    for (const item of this.items) {
      if (item.phase !== 'waiting' || this.stopCreating) continue
      const delay = this.pacer.delay(this.items.filter((i) => i.phase === 'running').length)
      if (delay > 0) return
      this.signal.throwIfAborted()
      await this.createOne(item)
    }
  }

  private async observe(execution: Execution): Promise<void> {
    const item = this.items.find((i) => i.executionId === execution.toolExecutionId && i.phase === 'running')
    if (!item || !isTerminal(execution.status)) return
    this.watch.remove(execution.toolExecutionId)
    this.state.settle(execution.toolExecutionId, 'terminal')
    item.phase = 'ended'
    item.execution = execution
    item.status = execution.status
    if (execution.status === 'succeeded') {
      item.clips = clipsOf(execution)
      log.info(
        `[${item.key}] ${execution.toolExecutionId} succeeded (${item.clips.length} clip${item.clips.length === 1 ? '' : 's'})`,
      )
      return
    }
    const e = execution.error ?? {}
    item.error =
      execution.status === 'failed'
        ? `${e.message ?? 'no message'}${e.code ? ` (code ${e.code})` : ''}.${describeRequirement(e.requirement)}`
        : 'cancelled by someone else (a user, another job or VideoGen), not by this action'
    log.warning(`[${item.key}] ${execution.toolExecutionId} ${execution.status}: ${item.error}`)
    if (this.settings.batch?.failFast && !this.stopCreating) {
      this.stopCreating = `fail-fast: ${item.key} ${execution.status}`
      await this.cancelRunning(CANCEL_BUDGET_MS, this.stopCreating)
    }
  }

  private progressLine(): string {
    const count = (phase: Phase) => this.items.filter((i) => i.phase === phase).length
    const done = this.items.filter((i) => i.phase === 'ended' || i.phase === 'cached')
    const ok = done.filter((i) => i.status === 'succeeded').length
    const parts = [
      `${count('running')} running`,
      `${count('waiting')} waiting`,
      `${ok} succeeded`,
      ...(done.length > ok ? [`${done.length - ok} failed`] : []),
      ...(count('not-created') ? [`${count('not-created')} not created`] : []),
    ]
    return `Batch: ${parts.join(', ')} · ${Math.round((Date.now() - this.started) / 1000)} s elapsed`
  }

  /** Cancels (and confirms) every running execution at once; each settles as it can. */
  private async cancelRunning(budgetMs: number, why: string): Promise<void> {
    const running = this.items.filter((i) => i.phase === 'running')
    await Promise.all(
      running.map(async (item) => {
        const id = item.executionId as string
        const status = await cancelAndConfirm(this.client.tools, id, budgetMs, log)
        if (status !== undefined && isTerminal(status)) this.state.settle(id, 'terminal')
        this.watch.remove(id)
        item.phase = 'ended'
        item.status = status === 'succeeded' ? 'succeeded' : 'cancelled'
        item.error = `${why}: execution ${id} ${cancelOutcome(status)}`
        if (status === 'succeeded') item.execution = await this.client.tools.getExecution(id).catch(() => undefined)
        if (item.execution?.status === 'succeeded') item.clips = clipsOf(item.execution)
      }),
    )
  }

  private async timeOut(): Promise<void> {
    const why = `timed out after ${formatDuration(Date.now() - this.started)} (timeout ${formatDuration(this.settings.timeoutMs)})`
    for (const item of this.items.filter((i) => i.phase === 'waiting')) this.notCreated(item, `not created: ${why}`)
    if (this.settings.cancelOnTimeout) {
      await this.cancelRunning(CANCEL_BUDGET_MS, why)
      for (const item of this.items.filter((i) => i.status === 'cancelled')) item.status = 'timed-out'
      return
    }
    for (const item of this.items.filter((i) => i.phase === 'running')) {
      this.state.settle(item.executionId as string, 'detached')
      item.phase = 'left-running'
      item.status = 'timed-out'
      item.error = `${why}; still running (cancel-on-timeout: false): resume it with execution-id`
    }
  }

  /**
   * At the signal itself, not when the work in hand gives way: a create in flight cannot be withdrawn and may
   * take longer than the runner's window, while the running executions can be cancelled at once.
   */
  private cancelOnSignal(): void {
    this.signal.addEventListener(
      'abort',
      () => {
        const reason = this.signal.reason instanceof CancelledByRunner ? this.signal.reason : undefined
        this.cancelling = this.cancelRunning(
          signalBudget(reason?.at ?? Date.now()),
          `stopped: ${reason?.message ?? 'cancelled'}`,
        )
      },
      { once: true },
    )
  }

  protected async onCancelled(): Promise<Error> {
    const reason = this.signal.reason instanceof CancelledByRunner ? this.signal.reason.message : 'cancelled'
    const arrived = signalArrival(this.signal)
    await this.cancelling
    // A create that answered since the signal: its execution is running, and cancelled now.
    await this.cancelRunning(signalBudget(arrived), `stopped: ${reason}`)
    this.reportOutputs()
    const cancelled = this.items.filter((i) => i.error?.startsWith('stopped')).length
    const inFlight =
      this.state.createsInFlight() > 0
        ? ' A create request was still unanswered: an execution may have been created; the post step looks for it and cancels it.'
        : ' Nothing new was created.'
    return new BatchFailure(
      `Stopped: ${reason}. ${cancelled} running execution${cancelled === 1 ? ' was' : 's were'} asked to cancel.${inFlight}`,
    )
  }

  /** Per item (the paid clips first), then the artifact and release assets of all, then the report. */
  private async deliver(): Promise<void> {
    const s = this.settings
    const deadline = downloadDeadline(this.deadline, s.timeoutMs)
    const ready = this.items.filter((i) => i.status === 'succeeded' && i.execution)
    await mapLimit(ready, ITEM_CONCURRENCY, async (item) => {
      const cacheHit = item.phase === 'cached'
      const delivered = await deliverClips(item.execution as Execution, item.clips, cacheHit, {
        files: this.client.files,
        root: s.workspace.root,
        dir: this.dirOf(item),
        download: s.download,
        publicPreview: s.publicPreview,
        deadline,
        signal: this.signal,
        label: `[${item.key}] `,
        ...(item.request && { expected: item.request.request.numResults }),
        ...(this.cache &&
          item.cacheKey &&
          item.request && { cache: { store: this.cache, key: item.cacheKey, request: item.request } }),
      })
      item.clips = delivered.clips
      if (delivered.failure !== undefined) {
        item.status = 'error'
        item.error = `succeeded, but delivery failed: ${errorText(delivered.failure)}`
      }
    })
    let artifact: { name: string; url: string } | undefined
    let publishFailure: string | undefined
    try {
      // Release assets are named after the item, not the execution: `<id>-<n>.mp4`.
      const owner = new Map(this.items.flatMap((i) => i.clips.map((c) => [c.absPath, i.key] as const)))
      const published = await publish(
        s,
        this.items.flatMap((i) => i.clips),
        (clip) => `${owner.get(clip.absPath)}-${clip.index}.mp4`,
      )
      let at = 0
      for (const item of this.items) {
        item.clips = published.clips.slice(at, at + item.clips.length)
        at += item.clips.length
      }
      artifact = published.artifact
      this.artifact = artifact
    } catch (error) {
      publishFailure = errorText(error)
    }
    const resultsFile = await this.reportOutputs()
    await this.summarize(artifact, resultsFile)
    const failed = this.items.filter((i) => i.status !== 'succeeded')
    if (failed.length > 0) {
      throw new BatchFailure(
        `${this.failureMessage()}${publishFailure ? ` Publishing failed: ${sentence(publishFailure)}` : ''}`,
      )
    }
    if (publishFailure) {
      throw new BatchFailure(
        `All ${this.items.length} requests succeeded, but publishing failed: ${sentence(publishFailure)} To publish them without paying again, run the step with execution-id set to its results output.`,
      )
    }
  }

  /** Items that neither succeeded nor were left running on purpose (wait: false). */
  private failedItems(): Item[] {
    return this.items.filter((i) => !['succeeded', 'pending'].includes(i.status))
  }

  private failureMessage(): string {
    const failed = this.failedItems()
    const list = failed.map((i) => `${i.key} (${i.status}${i.error ? `: ${clean(i.error, 1000)}` : ''})`).join('; ')
    const paid = this.items.filter((i) => i.executionId && i.status !== 'not-created').map((i) => i.key)
    const resume =
      paid.length > 0
        ? ' To deliver the paid ones without paying again, run the step with execution-id set to its results output.'
        : ''
    return `${failed.length} of ${this.items.length} requests did not succeed: ${list}.${resume}`
  }

  private batchStatus(): string {
    if (this.items.every((i) => i.status === 'succeeded')) return 'succeeded'
    if (this.items.every((i) => i.status === 'pending')) return 'pending'
    if (this.items.some((i) => i.status === 'timed-out')) return 'timed-out'
    if (this.signal.aborted) return 'cancelled'
    return 'failed'
  }

  /** The results output (and single-clip outputs for a one-item batch) and the results file. */
  private async reportOutputs(): Promise<string | undefined> {
    // fromEntries, not assignment: an item id like "__proto__" must be a key like any other.
    const results: Record<string, ItemResult> = Object.fromEntries(
      this.items.map((item) => [
        item.key,
        itemResult(item.clips, item.status, {
          ...(item.executionId && { executionId: item.executionId }),
          ...(item.phase === 'cached' && { cacheHit: true }),
          ...(item.error && { error: clean(item.error, 500) }),
        }),
      ]),
    )
    if (setBatchOutputs(results))
      log.warning(
        'The results output leaves out what does not fit under the runner output limit (URLs first, then the file lists); the results file has everything',
      )
    setOutput(OUTPUTS.status, this.batchStatus())
    if (this.items.length === 1) {
      const [only] = this.items as [Item]
      if (only.executionId) setOutput(OUTPUTS.executionId, only.executionId)
      setClipOutputs(only.clips)
    }
    if (this.settings.cache) setOutput(OUTPUTS.cacheHit, String(this.items.every((i) => i.phase === 'cached')))
    try {
      const s = this.settings
      const content = {
        items: Object.fromEntries(
          this.items.map((i) => [
            i.key,
            {
              status: i.status,
              ...(i.error && { error: i.error }),
              ...(i.execution ? resultsRecord(i.execution, i.clips) : { executionId: i.executionId }),
            },
          ]),
        ),
      }
      const file = await writeResultsFile(s.workspace.root, s.downloadDir, 'results.json', content)
      setOutput(OUTPUTS.resultsFile, file)
      return file
    } catch (error) {
      log.warning(`Could not write the results file: ${errorText(error)}`)
      return undefined
    }
  }

  private async summarize(
    artifact: { name: string; url: string } | undefined,
    resultsFile: string | undefined,
  ): Promise<void> {
    if (!this.settings.summary) return
    try {
      const items: GalleryItem[] = this.items.map((i) => ({
        id: i.key,
        status: i.status,
        clips: i.clips,
        ...(i.executionId && { executionId: i.executionId }),
        ...(i.phase === 'cached' && { cacheHit: true }),
        ...(i.error && { error: i.error }),
      }))
      await writeSummary(
        renderGallery({
          status: this.batchStatus(),
          elapsedMs: Date.now() - this.started,
          items,
          ...(artifact && { artifact }),
          ...(resultsFile && { resultsFile }),
        }),
      )
    } catch (error) {
      log.warning(`Could not write the job summary: ${errorText(error)}`)
    }
  }
}
