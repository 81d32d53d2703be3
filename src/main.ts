// The flow, top-down: settings → (cache) → uploads → create → wait → deliver.
import * as core from '@actions/core'
import { mkdir, writeFile } from 'node:fs/promises'
import path from 'node:path'
import type { AssetRef } from './assets.js'
import { type Clip, clipsOf } from './deliver/clip.js'
import { downloadClips } from './deliver/download.js'
import { setClipOutputs } from './deliver/outputs.js'
import { enablePublicPreviews } from './deliver/public-preview.js'
import { type SummaryInput, renderSummary, writeSummary } from './deliver/summary.js'
import { summarySettings } from './deliver/summary-settings.js'
import { formatDuration } from './format.js'
import { cancelAndConfirm, cancelOutcome, rememberExecution, settleExecution, settledAs } from './lifecycle.js'
import { buildRequestBody } from './request.js'
import { readAndMaskApiKey } from './secrets.js'
import { type Settings, loadSettings } from './settings.js'
import { CancelledByRunner, listenForCancel } from './signals.js'
import { uploadAssets } from './uploads.js'
import { type VideoGenClient, createClient } from './videogen/client.js'
import { AmbiguousCreateError, describeRequirement, errorText } from './videogen/errors.js'
import type { Execution } from './videogen/types.js'
import { waitForExecution } from './wait.js'
import type { CacheSession, CachedRun } from './cache.js'

/** Time for cancel + confirm on a timeout or a failed wait. */
const CANCEL_BUDGET_MS = 6000
/** After SIGINT the runner sends SIGTERM at 7.5 s and kills at 10 s: finish cancelling by 7 s after it. */
const SIGNAL_WINDOW_MS = 7000
/** Creating an execution with less time than this (or a quarter of timeout) left would only pay for one to cancel at once. */
const MIN_TIME_TO_CREATE_MS = 10_000

export class ActionFailure extends Error {
  override readonly name = 'ActionFailure'
}

export async function main(): Promise<void> {
  const started = Date.now()
  const apiKey = readAndMaskApiKey()
  const settings = await loadSettings(core.getInput, apiKey)
  if (settings.dryRun) {
    const { dryRun } = await import('./dry-run.js')
    return dryRun(settings)
  }
  const client = createClient(settings.baseUrl, settings.apiKey)
  const cancel = listenForCancel((name) => core.info(`Received ${name}: stopping`))
  try {
    await new Run(settings, client, cancel.signal, started).execute()
  } finally {
    cancel.dispose()
    await client.close()
  }
}

class Run {
  private executionId: string | undefined
  /** When create answered: the start of the progress line the poll scheduler extrapolates (not the step start, which includes uploads). */
  private createdAt: number | undefined
  private readonly deadline: number

  constructor(
    private readonly settings: Settings,
    private readonly client: VideoGenClient,
    private readonly signal: AbortSignal,
    private readonly started: number,
  ) {
    this.deadline = started + settings.timeoutMs
  }

  async execute(): Promise<void> {
    try {
      await this.run()
    } catch (error) {
      if (error instanceof CancelledByRunner || this.signal.aborted) throw await this.onCancelled(error)
      throw error
    }
  }

  private async run(): Promise<void> {
    const s = this.settings
    let cache: CacheSession | undefined
    // Before anything is created or billed: a delivery that cannot work would only fail after the clips were paid for.
    if (s.artifact) await (await import('./deliver/artifact.js')).checkArtifactNameFree(s.artifact.name)
    if (s.release) await (await import('./deliver/release.js')).checkReleaseTarget(s.release)
    if (s.executionId) {
      this.executionId = s.executionId
      rememberExecution(s.executionId)
      core.info(`Resuming execution ${s.executionId}`)
    } else {
      if (s.cache) {
        const { openCache } = await import('./cache.js')
        cache = await openCache(s, this.client)
        if (cache.restored) return this.deliverFromCache(cache.restored)
      }
      const imageIds = await this.upload(s.images, cache)
      const [videoId] = await this.upload(s.video ? [s.video] : [], cache)
      const { body, overridden } = buildRequestBody(s, imageIds, videoId)
      for (const key of overridden) core.warning(`params.${key} is ignored: a typed input sets ${key}`)
      this.signal.throwIfAborted()
      const left = this.deadline - Date.now()
      if (left < Math.min(MIN_TIME_TO_CREATE_MS, s.timeoutMs / 4)) {
        throw new ActionFailure(
          `Timed out before creating the execution: the uploads took ${formatDuration(Date.now() - this.started)} of the ${formatDuration(s.timeoutMs)} timeout, leaving ${formatDuration(Math.max(0, left))}. Nothing was created or billed; raise timeout.`,
        )
      }
      // The request itself is deliberately not abortable (once sent, the only safe way out is to learn the
      // id and cancel it); the signal only ends waits between attempts that the server refused.
      const id = await this.client.tools.generateVideoClip(body, { deadline: this.deadline, signal: this.signal })
      this.executionId = id
      this.createdAt = Date.now()
      rememberExecution(id)
      core.info(`Created execution ${id}`)
      this.signal.throwIfAborted()
    }
    const id = this.executionId as string
    if (!s.wait) return this.detach(id)

    let outcome: Awaited<ReturnType<typeof waitForExecution>>
    try {
      outcome = await waitForExecution(id, {
        createdAt: this.createdAt ?? Date.now(),
        deadline: this.deadline,
        signal: this.signal,
        getExecution: (execId, options) => this.client.tools.getExecution(execId, options),
        log: core.info,
      })
    } catch (error) {
      if (this.signal.aborted) throw error
      // Polling failed for good (the API kept failing): the execution may be running and billing.
      return this.abandonWait(id, undefined, `Could not follow execution ${id}: ${errorText(error)}`)
    }
    if (outcome.kind === 'timeout') return this.abandonWait(id, outcome.last)
    settleExecution('terminal')
    const execution = outcome.execution
    core.setOutput('status', execution.status)
    core.info(
      `Execution ${id} ${execution.status} after ${formatDuration(Date.now() - this.started)} (${outcome.polls} polls)`,
    )
    if (execution.status !== 'succeeded') return this.onUnsuccessful(execution)
    await this.deliver(execution, cache)
  }

  private async upload(refs: AssetRef[], cache: CacheSession | undefined): Promise<string[]> {
    if (refs.length === 0) return []
    return uploadAssets(this.client.files, refs, {
      isTemporary: this.settings.temporaryUploads,
      deadline: this.deadline,
      signal: this.signal,
      ...(cache && {
        reuse: (file) => cache.reuseUpload(file),
        uploaded: (file, fileId) => cache.rememberUpload(file, fileId),
      }),
    })
  }

  private async detach(id: string): Promise<void> {
    settleExecution('detached')
    let status = 'pending'
    try {
      status = (await this.client.tools.getExecution(id, { deadline: Math.min(this.deadline, Date.now() + 30_000) }))
        .status
    } catch (error) {
      // The execution exists and is paid for: failing here would invite a re-run that pays again.
      core.warning(
        `Created execution ${id}, but could not read its status (${errorText(error)}); reporting it as pending`,
      )
    }
    core.setOutput('status', status)
    core.info(`Not waiting (wait: false). Resume in a later step with execution-id: ${id}`)
  }

  /**
   * The wait ended without a terminal status: timeout reached (`cause` undefined) or polling failed for
   * good. Either way the execution may still be running: cancel it, or leave it on purpose
   * (cancel-on-timeout: false) so that a later step can resume it.
   */
  private async abandonWait(id: string, last: Execution | undefined, cause?: string): Promise<void> {
    const elapsed = formatDuration(Date.now() - this.started)
    const seen = last ? ` (last seen ${last.status} ${Math.floor(last.progressPercentage ?? 0)}%)` : ''
    let what: string
    if (this.settings.cancelOnTimeout) {
      const status = await cancelAndConfirm(this.client.tools, id, CANCEL_BUDGET_MS)
      what = `Execution ${id} ${cancelOutcome(status)}.`
    } else {
      settleExecution('detached')
      what = `It is still running (cancel-on-timeout: false): resume it in a later step with execution-id: ${id}`
    }
    const status = cause ? 'error' : 'timed-out'
    core.setOutput('status', status)
    const headline = cause
      ? `${cause} (after ${elapsed})`
      : `Timed out after ${elapsed} (timeout ${formatDuration(this.settings.timeoutMs)}) waiting for execution ${id}${seen}`
    await this.summarizeFailure(status, `${headline}. ${what}`)
    throw new ActionFailure(`${headline}. ${what}`)
  }

  private async onUnsuccessful(execution: Execution): Promise<void> {
    const id = execution.toolExecutionId
    let message: string
    if (execution.status === 'failed') {
      const e = execution.error ?? {}
      message = `Execution ${id} failed: ${e.message?.trim() || 'no message'}${e.code ? ` (code ${e.code})` : ''}.${describeRequirement(e.requirement)}`
    } else {
      message = `Execution ${id} was cancelled by someone else (a user, another job or VideoGen), not by this action.`
    }
    await this.summarizeFailure(execution.status, message)
    throw new ActionFailure(message)
  }

  private async onCancelled(error: unknown): Promise<Error> {
    const reason = this.signal.reason instanceof CancelledByRunner ? this.signal.reason.message : 'cancelled'
    const id = this.executionId
    // A create that failed ambiguously while the signal arrived may still have created (and billed) one: say so.
    if (!id && error instanceof AmbiguousCreateError) return new ActionFailure(`Stopped: ${reason}. ${error.message}`)
    if (!id) return new ActionFailure(`Stopped: ${reason}. No execution had been created.`)
    if (settledAs())
      return new ActionFailure(
        `Stopped: ${reason}. Execution ${id} had already ${settledAs() === 'terminal' ? 'ended' : 'been left running on purpose'}.`,
      )
    const arrived = this.signal.reason instanceof CancelledByRunner ? this.signal.reason.at : Date.now()
    const status = await cancelAndConfirm(
      this.client.tools,
      id,
      Math.max(1000, arrived + SIGNAL_WINDOW_MS - Date.now()),
    )
    core.setOutput('status', status ?? 'cancelling')
    return new ActionFailure(`Stopped: ${reason}. Execution ${id} ${cancelOutcome(status)}.`)
  }

  /**
   * The clips are paid for by now: whatever fails later, the ids, URLs and results file are already
   * out, the cache is saved as soon as the files are on disk, and the summary is written with the error.
   */
  private async deliver(execution: Execution, cache: CacheSession | undefined): Promise<void> {
    const s = this.settings
    const clips = clipsOf(execution)
    await this.report(execution, clips)
    if (s.cache) core.setOutput('cache-hit', 'false')
    let artifact: { name: string; url: string } | undefined
    let failure: unknown
    try {
      if (s.publicPreview) {
        await enablePublicPreviews(this.client.files, clips).catch((error: unknown) =>
          core.warning(`Public preview: ${errorText(error)}; the summary uses the signed links, which expire`),
        )
      }
      if (s.download && clips.length > 0) {
        await downloadClips(clips, {
          dir: s.downloadDir,
          root: s.workspace.root,
          executionId: execution.toolExecutionId,
          dispatcher: this.client.http.dispatcher,
          files: this.client.files,
          signal: this.signal,
          log: core.info,
        })
        for (const clip of clips) core.info(`Downloaded clip ${clip.index} → ${clip.path} (${clip.bytes} bytes)`)
      }
      if (cache) await cache.save(execution, clips)
      artifact = await this.publish(clips)
    } catch (error) {
      failure = error
    }
    // Again with what delivery added (paths, sizes, public links).
    const resultsFile = await this.report(execution, clips)
    const id = execution.toolExecutionId
    // A plain re-run would generate (and bill) again; resuming only delivers.
    const error =
      failure === undefined
        ? undefined
        : `The execution succeeded, but delivery failed: ${errorText(failure)}. To deliver it without paying again, run the step with execution-id: ${id} (not a plain re-run).`
    await this.summarize({
      status: execution.status,
      executionId: id,
      clips,
      ...(artifact && { artifact }),
      resultsFile,
      ...(error && { error }),
    })
    if (error !== undefined) throw new ActionFailure(error)
  }

  /** Artifact and release assets: after a fresh run and after a cache hit alike. */
  private async publish(clips: Clip[]): Promise<{ name: string; url: string } | undefined> {
    const s = this.settings
    let artifact: { name: string; url: string } | undefined
    if (s.artifact) {
      const { uploadClipsArtifact } = await import('./deliver/artifact.js')
      const uploaded = await uploadClipsArtifact(s.artifact, clips, s.workspace.root)
      if (uploaded) {
        core.setOutput('artifact-id', String(uploaded.id))
        core.setOutput('artifact-url', uploaded.url)
        artifact = { name: s.artifact.name, url: uploaded.url }
      }
    }
    if (s.release) {
      const { uploadReleaseAssets } = await import('./deliver/release.js')
      const urls = await uploadReleaseAssets(s.release, clips)
      if (urls) core.setOutput('release-asset-urls', JSON.stringify(urls))
    }
    return artifact
  }

  private async deliverFromCache({ execution, clips }: CachedRun): Promise<void> {
    settleExecution('terminal')
    core.setOutput('execution-id', execution.toolExecutionId)
    core.setOutput('status', execution.status)
    core.setOutput('cache-hit', 'true')
    const resultsFile = await this.report(execution, clips)
    core.info(`Cache hit: reused execution ${execution.toolExecutionId}; no new execution was created`)
    const artifact = await this.publish(clips)
    await this.summarize({
      status: execution.status,
      executionId: execution.toolExecutionId,
      clips,
      cacheHit: true,
      ...(artifact && { artifact }),
      resultsFile,
    })
  }

  /** The results file and the clip outputs, from what is known of the clips so far. Returns the file's path. */
  private async report(execution: Execution, clips: Clip[]): Promise<string> {
    const s = this.settings
    await mkdir(s.downloadDir, { recursive: true })
    const file = path.join(s.downloadDir, `${execution.toolExecutionId}.json`)
    const record = { execution, clips: clips.map(({ absPath: _abs, ...clip }) => clip) }
    await writeFile(file, `${JSON.stringify(record, null, 2)}\n`)
    const resultsFile = s.workspace.relative(file)
    setClipOutputs(clips)
    core.setOutput('results-file', resultsFile)
    return resultsFile
  }

  private summarizeFailure(status: string, error: string): Promise<void> {
    return this.summarize({ status, ...(this.executionId && { executionId: this.executionId }), clips: [], error })
  }

  /** The job summary, if enabled. A summary that cannot be written is a warning, never a failed (paid) run. */
  private async summarize(part: Omit<SummaryInput, 'elapsedMs' | 'settings' | 'prompt'>): Promise<void> {
    if (!this.settings.summary) return
    const prompt = this.settings.request.prompt
    await writeSummary(
      renderSummary({
        ...part,
        elapsedMs: Date.now() - this.started,
        settings: summarySettings(this.settings),
        ...(prompt && { prompt }),
      }),
    ).catch((e: unknown) => core.warning(`Could not write the job summary: ${errorText(e)}`))
  }
}
