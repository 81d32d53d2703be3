// The main step, top-down: inputs → preflight → create (or resume, or a cache hit) → follow → deliver.
// Each stage shows as a group in the log and returns what the next one needs; the execution goes down
// through them and is written out once, by `report`, at the end.
import { log } from './log.js'
import * as core from '@actions/core'
import path from 'node:path'
import type { RestoredRun } from './cache.js'
import { CANCEL_BUDGET_MS, cancelAndConfirm, cancelOutcome, signalBudget } from './cancel.js'
import { type Clip, clipsOf } from './clip.js'
import { deliverClips } from './deliver/deliver-clips.js'
import { downloadDeadline } from './deliver/download.js'
import { OUTPUTS, setClipOutputs, setOutput } from './deliver/outputs.js'
import { publish } from './deliver/publish.js'
import { resultsRecord, writeResultsFile } from './deliver/results-file.js'
import { type SummaryInput, renderSummary, writeSummary } from './deliver/summary.js'
import { summarySettings } from './deliver/summary-settings.js'
import { formatDuration } from './format.js'
import { type ClipRequest, loadSettings } from './inputs/settings.js'
import { buildRequestBody, mapRequestFiles } from './request-body.js'
import { sentence } from './sanitize.js'
import { tooLateToCreate } from './create.js'
import { preflight } from './preflight.js'
import { MainState } from './state.js'
import { StepRun } from './step-run.js'
import { CancelledByRunner, listenForCancel, signalArrival } from './signals.js'
import { uploadAll } from './uploads.js'
import { createClient } from './videogen/client.js'
import { AmbiguousCreateError, VideoGenApiError, describeRequirement, errorText } from './videogen/errors.js'
import type { Execution } from './videogen/types.js'
import { isTerminal } from './videogen/types.js'
import { waitForExecution } from './wait.js'

export class ActionFailure extends Error {
  override readonly name = 'ActionFailure'
  constructor(
    message: string,
    readonly details: Pick<SummaryInput, 'requestId' | 'nextStep'> = {},
  ) {
    super(message)
  }
}

export async function main(apiKey: string): Promise<void> {
  const started = Date.now()
  const settings = await core.group('Inputs', async () => {
    const loaded = await loadSettings(core.getInput, apiKey)
    for (const warning of loaded.warnings) log.warning(warning)
    log.info(`API ${loaded.baseUrl}; timeout ${formatDuration(loaded.timeoutMs)}`)
    return loaded
  })
  if (settings.dryRun) {
    const { dryRun } = await import('./dry-run.js')
    return dryRun(settings)
  }
  const client = createClient(settings.baseUrl, settings.apiKey, { log: { debug: log.debug, info: log.info } })
  const state = new MainState(settings.batch !== undefined)
  state.rememberBaseUrl(settings.baseUrl)
  const run: StepRun = settings.batch
    ? new (await import('./batch/run.js')).BatchRun(settings, client, state, started)
    : new Run(settings, client, state, started)
  const cancel = listenForCancel((name) => log.info(run.onSignal(name)))
  run.signal = cancel.signal
  try {
    await run.execute()
  } finally {
    cancel.dispose()
    await client.close()
  }
}

type Start =
  | { kind: 'created' | 'resumed'; id: string; createdAt: number; cacheKey?: string }
  | { kind: 'cached'; restored: RestoredRun }

class Run extends StepRun {
  private executionId: string | undefined
  /** What the run last reported (summarize): the pull-request comment says the same. */
  private reported: Omit<SummaryInput, 'elapsedMs' | 'settings' | 'prompt'> | undefined
  private readonly request: ClipRequest | undefined = this.settings.requests[0]

  onSignal(name: string): string {
    if (this.creator.creating) {
      return `Received ${name} while the create request is in flight: it cannot be withdrawn, so its execution will be cancelled as soon as its id arrives (or by the post step, if this step is killed first)`
    }
    return `Received ${name}: stopping`
  }

  protected async commentOnPr(error?: unknown, cancelled?: { budgetMs: number }): Promise<void> {
    if (!this.prComment) return
    const prompt = this.request?.request.prompt
    const { postPrComment } = await import('./deliver/pr-comment.js')
    const report = this.reported ?? {
      status: cancelled ? 'cancelled' : 'error',
      clips: [],
      ...(this.executionId && { executionId: this.executionId }),
      error: errorText(error),
    }
    await postPrComment(this.prComment, { ...report, ...(prompt && { prompt }) }, cancelled?.budgetMs)
  }

  protected async run(): Promise<void> {
    await preflight(this.settings, (target) => (this.prComment = target))
    const start = await this.createOrResume()
    if (start.kind === 'cached') {
      return core.group('Delivery (from the cache)', () =>
        this.deliver(start.restored.execution, start.restored.clips, true),
      )
    }
    const id = start.id
    if (!this.settings.wait) return this.detach(id)
    const execution = await core.group(`Waiting for ${id}`, () => this.follow(id, start.createdAt))
    if (execution.status !== 'succeeded') return this.onUnsuccessful(execution)
    await core.group('Delivery', () => this.deliver(execution, clipsOf(execution), false, start.cacheKey))
  }

  private async createOrResume(): Promise<Start> {
    const s = this.settings
    if (s.executionId) {
      this.executionId = s.executionId
      this.state.track(s.executionId)
      setOutput(OUTPUTS.executionId, s.executionId)
      log.info(`Resuming execution ${s.executionId}`)
      return { kind: 'resumed', id: s.executionId, createdAt: Date.now() }
    }
    const request = this.request as ClipRequest
    let cacheKey: string | undefined
    if (s.cache) {
      const restored = await core.group('Cache', async () => {
        const cache = await this.openCache()
        if (!cache) return undefined
        cacheKey = await cache.keyOf(request)
        log.info(`Cache key: ${cacheKey}`)
        return cache.restore(cacheKey, request, s.downloadDir)
      })
      if (restored) {
        log.info(`Cache hit: reused execution ${restored.execution.toolExecutionId}; no new execution was created`)
        return { kind: 'cached', restored }
      }
    }
    const body = await core.group('Uploads', () => this.uploadAndBuild(request))
    const id = await core.group('Create', () => this.create(body))
    return { kind: 'created', id, createdAt: Date.now(), ...(cacheKey && { cacheKey }) }
  }

  private async uploadAndBuild(request: ClipRequest): Promise<Record<string, unknown>> {
    const { files } = request
    const refs = [...files.images, ...files.videos, ...files.audio, ...(files.startFrame ? [files.startFrame] : [])]
    const cache = this.cache
    const idOf = await uploadAll(this.client.files, refs, {
      isTemporary: this.settings.temporaryUploads,
      deadline: this.deadline,
      signal: this.signal,
      log: log.info,
      ...(cache && { reuse: (f) => cache.reuseUpload(f), uploaded: (f, id) => cache.rememberUpload(f, id) }),
    })
    if (refs.length === 0) log.info('Nothing to upload')
    const { body, overridden } = buildRequestBody(request, await mapRequestFiles(files, idOf))
    for (const key of overridden) log.warning(`params.${key} is ignored: a typed input sets ${key}`)
    return body
  }

  private async create(body: Record<string, unknown>): Promise<string> {
    this.signal.throwIfAborted()
    const left = this.deadline - Date.now()
    if (tooLateToCreate(this.deadline, this.settings.timeoutMs)) {
      throw new ActionFailure(
        `Timed out before creating the execution: the uploads took ${formatDuration(Date.now() - this.started)} of the ${formatDuration(this.settings.timeoutMs)} timeout, leaving ${formatDuration(Math.max(0, left))}. Nothing was created or billed; raise timeout.`,
      )
    }
    const id = await this.creator.create(body, { deadline: this.deadline })
    this.executionId = id
    setOutput(OUTPUTS.executionId, id)
    log.info(`Created execution ${id}`)
    this.signal.throwIfAborted()
    return id
  }

  private async detach(id: string): Promise<void> {
    let status = 'pending'
    try {
      status = (
        await this.client.tools.getExecution(id, {
          deadline: Math.min(this.deadline, Date.now() + 30_000),
          signal: this.signal,
        })
      ).status
    } catch (error) {
      if (this.signal.aborted) throw error
      // The execution exists and is paid for: failing here would invite a re-run that pays again.
      log.warning(
        `Created execution ${id}, but could not read its status (${errorText(error)}); reporting it as pending`,
      )
    }
    // Left running on purpose only if the workflow goes on: after a signal no later step would resume it.
    this.signal.throwIfAborted()
    this.state.settle(id, 'detached')
    setOutput(OUTPUTS.status, status)
    log.info(`Not waiting (wait: false). Resume in a later step with execution-id: ${id}`)
  }

  /** Polls until the execution ends. A timeout or a wait that cannot go on ends the step (abandonWait). */
  private async follow(id: string, createdAt: number): Promise<Execution> {
    let outcome: Awaited<ReturnType<typeof waitForExecution>>
    try {
      outcome = await waitForExecution(id, {
        createdAt,
        deadline: this.deadline,
        signal: this.signal,
        getExecution: (execId, options) => this.client.tools.getExecution(execId, options),
        log: log.info,
      })
    } catch (error) {
      if (this.signal.aborted) throw error
      // Polling failed for good (the API kept failing): the execution may be running and billing.
      return this.abandonWait(id, undefined, error)
    }
    if (outcome.kind === 'timeout') return this.abandonWait(id, outcome.last)
    this.state.settle(id, 'terminal')
    const execution = outcome.execution
    setOutput(OUTPUTS.status, execution.status)
    log.info(
      `Execution ${id} ${execution.status} after ${formatDuration(Date.now() - this.started)} (${outcome.polls} polls)`,
    )
    return execution
  }

  /**
   * The wait ended without a terminal status: timeout reached (`cause` undefined) or polling failed for
   * good. Either way the execution may still be running: cancel it, or leave it on purpose
   * (cancel-on-timeout: false) so that a later step can resume it.
   */
  private async abandonWait(id: string, last: Execution | undefined, cause?: unknown): Promise<never> {
    const elapsed = formatDuration(Date.now() - this.started)
    const seen = last ? ` (last seen ${last.status} ${Math.floor(last.progressPercentage ?? 0)}%)` : ''
    let what: string
    let nextStep: string | undefined
    if (this.settings.cancelOnTimeout) {
      const status = await this.cancel(id, CANCEL_BUDGET_MS)
      what = `Execution ${id} ${cancelOutcome(status)}.`
    } else {
      this.state.settle(id, 'detached')
      what = `It is still running (cancel-on-timeout: false): resume it in a later step with execution-id: ${id}`
      nextStep = `Resume it with execution-id: ${id}`
    }
    const status = cause === undefined ? 'timed-out' : 'error'
    setOutput(OUTPUTS.status, status)
    const headline =
      cause === undefined
        ? `Timed out after ${elapsed} (timeout ${formatDuration(this.settings.timeoutMs)}) waiting for execution ${id}${seen}`
        : `Could not follow execution ${id}: ${errorText(cause)} (after ${elapsed})`
    const failure = new ActionFailure(`${headline}. ${what}`, { ...requestIdOf(cause), ...(nextStep && { nextStep }) })
    await this.summarizeFailure(status, failure)
    throw failure
  }

  private async onUnsuccessful(execution: Execution): Promise<void> {
    const id = execution.toolExecutionId
    let message: string
    if (execution.status === 'failed') {
      const e = execution.error ?? {}
      message = `Execution ${id} failed: ${e.message ?? 'no message'}${e.code ? ` (code ${e.code})` : ''}.${describeRequirement(e.requirement)}`
    } else {
      message = `Execution ${id} was cancelled by someone else (a user, another job or VideoGen), not by this action.`
    }
    const failure = new ActionFailure(message)
    await this.summarizeFailure(execution.status, failure)
    throw failure
  }

  private async cancel(id: string, budgetMs: number): Promise<string | undefined> {
    const status = await cancelAndConfirm(this.client.tools, id, budgetMs, log)
    if (status !== undefined && isTerminal(status)) this.state.settle(id, 'terminal')
    return status
  }

  protected async onCancelled(error: unknown): Promise<Error> {
    const reason = this.signal.reason instanceof CancelledByRunner ? this.signal.reason.message : 'cancelled'
    const id = this.executionId
    // A create that failed ambiguously while the signal arrived may still have created (and billed) one: say so.
    if (!id && error instanceof AmbiguousCreateError) {
      return new ActionFailure(`Stopped: ${reason}. ${error.message} The post step looks for it and cancels it.`)
    }
    if (!id) return new ActionFailure(`Stopped: ${reason}. No execution had been created.`)
    const settled = this.state.settledAs(id)
    if (settled) {
      return new ActionFailure(
        `Stopped: ${reason}. Execution ${id} had already ${settled === 'terminal' ? 'ended' : 'been left running on purpose'}.`,
      )
    }
    const status = await this.cancel(id, signalBudget(signalArrival(this.signal)))
    setOutput(OUTPUTS.status, status ?? 'cancelling')
    return new ActionFailure(`Stopped: ${reason}. Execution ${id} ${cancelOutcome(status)}.`)
  }

  /**
   * The clips are paid for by now: whatever fails, every step of delivery that can still run does, and
   * the outputs, the results file and the summary are written with what was delivered.
   */
  private async deliver(execution: Execution, clips: Clip[], cacheHit: boolean, cacheKey?: string): Promise<void> {
    const s = this.settings
    const id = execution.toolExecutionId
    if (cacheHit) {
      setOutput(OUTPUTS.executionId, id)
      setOutput(OUTPUTS.status, execution.status)
    }
    if (s.cache) setOutput(OUTPUTS.cacheHit, String(cacheHit))
    const delivered = await deliverClips(execution, clips, cacheHit, {
      files: this.client.files,
      root: s.workspace.root,
      dir: s.downloadDir,
      download: s.download,
      publicPreview: s.publicPreview,
      deadline: downloadDeadline(this.deadline, s.timeoutMs),
      ...(this.request && { expected: this.request.request.numResults }),
      signal: this.signal,
      ...(this.cache &&
        cacheKey &&
        this.request && { cache: { store: this.cache, key: cacheKey, request: this.request } }),
    })
    let current = delivered.clips
    let failure = delivered.failure
    let artifact: { name: string; url: string } | undefined
    if (failure === undefined) {
      try {
        const published = await publish(s, current)
        current = published.clips
        artifact = published.artifact
      } catch (error) {
        failure = error
      }
    }
    const resultsFile = await this.report(execution, current)
    // After a fresh run a plain re-run would generate (and bill) again; resuming only delivers.
    const error =
      failure === undefined
        ? undefined
        : cacheHit
          ? errorText(failure)
          : `The execution succeeded, but delivery failed: ${sentence(errorText(failure))} To deliver it without paying again, run the step with execution-id: ${id} (not a plain re-run).`
    await this.summarize({
      status: execution.status,
      executionId: id,
      clips: current,
      ...(cacheHit && { cacheHit }),
      ...(artifact && { artifact }),
      ...(resultsFile && { resultsFile }),
      ...(error && { error }),
      ...(error && !cacheHit && { nextStep: `Resume with execution-id: ${id}` }),
    })
    if (error !== undefined) throw new ActionFailure(error)
  }

  /** The results file and the clip outputs, once, from what delivery returned. Returns the file's path. */
  private async report(execution: Execution, clips: Clip[]): Promise<string | undefined> {
    setClipOutputs(clips)
    try {
      const s = this.settings
      const file = await writeResultsFile(
        s.workspace.root,
        s.downloadDir,
        `${execution.toolExecutionId}.json`,
        resultsRecord(execution, clips),
      )
      setOutput(OUTPUTS.resultsFile, file)
      return file
    } catch (error) {
      // The clips are paid for and delivered: a results file that cannot be written is worth a warning only.
      log.warning(
        `Could not write the results file in ${path.basename(this.settings.downloadDir)}: ${errorText(error)}`,
      )
      return undefined
    }
  }

  private summarizeFailure(status: string, failure: ActionFailure): Promise<void> {
    return this.summarize({
      status,
      ...(this.executionId && { executionId: this.executionId }),
      clips: [],
      error: failure.message,
      ...failure.details,
    })
  }

  /** The job summary, if enabled. A summary that cannot be rendered or written is a warning, never a failed (paid) run. */
  private async summarize(part: Omit<SummaryInput, 'elapsedMs' | 'settings' | 'prompt'>): Promise<void> {
    this.reported = part
    if (!this.settings.summary) return
    try {
      const prompt = this.request?.request.prompt
      const markdown = renderSummary({
        ...part,
        elapsedMs: Date.now() - this.started,
        settings: summarySettings(this.request),
        ...(prompt && { prompt }),
      })
      await writeSummary(markdown)
    } catch (error) {
      log.warning(`Could not write the job summary: ${errorText(error)}`)
    }
  }
}

function requestIdOf(error: unknown): { requestId?: string } {
  return error instanceof VideoGenApiError && error.requestId ? { requestId: error.requestId } : {}
}
