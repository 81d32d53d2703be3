// The flow, top-down: settings → (cache) → uploads → create → wait → deliver.
import * as core from '@actions/core'
import { mkdir, writeFile } from 'node:fs/promises'
import path from 'node:path'
import type { AssetRef } from './assets.js'
import { type Clip, clipsOf } from './deliver/clip.js'
import { downloadClips } from './deliver/download.js'
import { setClipOutputs } from './deliver/outputs.js'
import { enablePublicPreviews } from './deliver/public-preview.js'
import { renderSummary, writeSummary } from './deliver/summary.js'
import { summarySettings } from './deliver/summary-settings.js'
import { formatDuration } from './format.js'
import { cancelAndConfirm, cancelOutcome, rememberExecution, settleExecution, settledAs } from './lifecycle.js'
import { buildRequestBody } from './request.js'
import { readAndMaskApiKey } from './secrets.js'
import { type Settings, loadSettings } from './settings.js'
import { CancelledByRunner, listenForCancel } from './signals.js'
import { uploadAssets } from './uploads.js'
import { type VideoGenClient, createClient } from './videogen/client.js'
import { describeRequirement } from './videogen/errors.js'
import type { Execution } from './videogen/types.js'
import { waitForExecution } from './wait.js'
import type { CacheSession } from './cache.js'

/** Time left for cancelling after SIGINT: the runner sends SIGTERM at 7.5 s and kills at 10 s. */
const CANCEL_BUDGET_MS = 6000

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
      if (error instanceof CancelledByRunner || this.signal.aborted) throw await this.onCancelled()
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
        if (cache.hit) return this.deliverFromCache(cache)
      }
      const imageIds = await this.upload(s.images, cache)
      const [videoId] = await this.upload(s.video ? [s.video] : [], cache)
      const { body, overridden } = buildRequestBody(s, imageIds, videoId)
      for (const key of overridden) core.warning(`params.${key} is ignored: a typed input sets ${key}`)
      this.signal.throwIfAborted()
      // The request itself is deliberately not abortable (once sent, the only safe way out is to learn the
      // id and cancel it); the signal only ends waits between attempts that the server refused.
      const id = await this.client.tools.generateVideoClip(body, { deadline: this.deadline, signal: this.signal })
      this.executionId = id
      rememberExecution(id)
      core.info(`Created execution ${id}`)
      this.signal.throwIfAborted()
    }
    const id = this.executionId as string
    if (!s.wait) return this.detach(id)

    const outcome = await waitForExecution(id, {
      createdAt: s.executionId ? Date.now() : this.started,
      deadline: this.deadline,
      signal: this.signal,
      getExecution: (execId, options) => this.client.tools.getExecution(execId, options),
      log: core.info,
    })
    if (outcome.kind === 'timeout') return this.onTimeout(id, outcome.last)
    settleExecution('terminal')
    const execution = outcome.execution
    core.setOutput('status', execution.status)
    core.info(`Execution ${id} ${execution.status} after ${formatDuration(Date.now() - this.started)} (${outcome.polls} polls)`)
    if (execution.status !== 'succeeded') return this.onUnsuccessful(execution)
    const clips = await this.deliver(execution)
    if (cache) await cache.save(execution, clips)
  }

  private async upload(refs: AssetRef[], cache: CacheSession | undefined): Promise<string[]> {
    if (refs.length === 0) return []
    return uploadAssets(this.client.files, refs, {
      isTemporary: this.settings.temporaryUploads,
      deadline: this.deadline,
      signal: this.signal,
      ...(cache && { reuse: (file) => cache.reuseUpload(file), uploaded: (file, fileId) => cache.rememberUpload(file, fileId) }),
    })
  }

  private async detach(id: string): Promise<void> {
    settleExecution('detached')
    const execution = await this.client.tools.getExecution(id, { deadline: this.deadline })
    core.setOutput('status', execution.status)
    core.info(`Not waiting (wait: false). Resume in a later step with execution-id: ${id}`)
  }

  private async onTimeout(id: string, last: Execution | undefined): Promise<void> {
    core.setOutput('status', 'timed-out')
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
    await this.summarizeFailure('timed-out', `Timed out after ${elapsed}${seen}. ${what}`)
    throw new ActionFailure(`Timed out after ${elapsed} (timeout ${formatDuration(this.settings.timeoutMs)}) waiting for execution ${id}${seen}. ${what}`)
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

  private async onCancelled(): Promise<Error> {
    const reason = this.signal.reason instanceof CancelledByRunner ? this.signal.reason.message : 'cancelled'
    const id = this.executionId
    if (!id) return new ActionFailure(`Stopped: ${reason}. No execution had been created.`)
    if (settledAs()) return new ActionFailure(`Stopped: ${reason}. Execution ${id} had already ${settledAs() === 'terminal' ? 'ended' : 'been left running on purpose'}.`)
    core.setOutput('status', 'cancelled')
    const status = await cancelAndConfirm(this.client.tools, id, CANCEL_BUDGET_MS)
    return new ActionFailure(`Stopped: ${reason}. Execution ${id} ${cancelOutcome(status)}.`)
  }

  private async deliver(execution: Execution): Promise<Clip[]> {
    const s = this.settings
    const clips = clipsOf(execution)
    if (s.publicPreview) await enablePublicPreviews(this.client.files, clips)
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
    const resultsFile = await this.writeResultsFile(execution, clips)
    const artifact = await this.publish(clips)
    setClipOutputs(clips)
    core.setOutput('results-file', resultsFile)
    if (s.cache) core.setOutput('cache-hit', 'false')
    if (s.summary) {
      await writeSummary(
        renderSummary({ status: execution.status, executionId: execution.toolExecutionId, elapsedMs: Date.now() - this.started, settings: summarySettings(s), ...(s.request.prompt && { prompt: s.request.prompt }), clips, ...(artifact && { artifact }), resultsFile }),
      )
    }
    return clips
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

  private async deliverFromCache(cache: CacheSession): Promise<void> {
    const restored = cache.restored
    if (!restored) return
    const { execution, clips } = restored
    settleExecution('terminal')
    core.setOutput('execution-id', execution.toolExecutionId)
    core.setOutput('status', execution.status)
    core.setOutput('cache-hit', 'true')
    setClipOutputs(clips)
    const resultsFile = await this.writeResultsFile(execution, clips)
    core.setOutput('results-file', resultsFile)
    core.info(`Cache hit: reused execution ${execution.toolExecutionId}; no new execution was created`)
    const artifact = await this.publish(clips)
    if (this.settings.summary) {
      await writeSummary(
        renderSummary({ status: execution.status, executionId: execution.toolExecutionId, elapsedMs: Date.now() - this.started, settings: summarySettings(this.settings), ...(this.settings.request.prompt && { prompt: this.settings.request.prompt }), clips, cacheHit: true, ...(artifact && { artifact }), resultsFile }),
      )
    }
  }

  private async writeResultsFile(execution: Execution, clips: Clip[]): Promise<string> {
    const s = this.settings
    await mkdir(s.downloadDir, { recursive: true })
    const file = path.join(s.downloadDir, `${execution.toolExecutionId}.json`)
    const record = { execution, clips: clips.map(({ absPath: _abs, ...clip }) => clip) }
    await writeFile(file, `${JSON.stringify(record, null, 2)}\n`)
    return s.workspace.relative(file)
  }

  private async summarizeFailure(status: string, error: string): Promise<void> {
    if (!this.settings.summary) return
    await writeSummary(
      renderSummary({ status, ...(this.executionId && { executionId: this.executionId }), elapsedMs: Date.now() - this.started, settings: summarySettings(this.settings), ...(this.settings.request.prompt && { prompt: this.settings.request.prompt }), clips: [], error }),
    ).catch((e: unknown) => core.warning(`Could not write the job summary: ${String(e)}`))
  }
}
