// Every input → one typed, validated Settings object. The only module that reads inputs. Every input is
// checked before any request, and every problem is reported at once.
import * as core from '@actions/core'
import path from 'node:path'
import { isExecutionId } from '../videogen/ids.js'
import { isLoopback } from '../videogen/loopback.js'
import { Workspace } from '../workspace.js'
import { InputError, Problems } from './input-error.js'
import { parseBoolean, parseDuration, parseIntegerInRange } from './parse.js'
import { type ClipRequest, DEFAULTED_INPUTS, REQUEST_INPUTS, readClipRequest } from './request-inputs.js'
import { parseBatchResume, readBatch } from './requests.js'
import { checkApiKey } from './secrets.js'

export { type ClipRequest, type TypedRequest, type RequestFiles } from './request-inputs.js'

export const DEFAULT_BASE_URL = 'https://api.videogen.io'

export interface ArtifactSettings {
  name: string
  retentionDays?: number
}

export interface ReleaseSettings {
  tag?: string
  overwrite: boolean
  token: string
}

export interface PrCommentSettings {
  /** Identifies this step's comment among the pull request's comments (hashed into a hidden marker). */
  key: string
  token: string
}

export interface BatchSettings {
  maxRunning: number
  failFast: boolean
}

export interface Settings {
  apiKey: string
  baseUrl: string
  workspace: Workspace
  /** The requests to make: one for a single clip. */
  requests: ClipRequest[]
  temporaryUploads: boolean
  /** Resume this execution instead of creating one. */
  executionId?: string
  /** A batch (`requests`, or `execution-id` given a batch's results): how many run at once, and what a failure does. */
  batch?: BatchSettings
  /** Resume a batch: item id → execution id. */
  resume?: Map<string, string>
  wait: boolean
  timeoutMs: number
  cancelOnTimeout: boolean
  download: boolean
  downloadDir: string
  summary: boolean
  publicPreview: boolean
  artifact?: ArtifactSettings
  release?: ReleaseSettings
  prComment?: PrCommentSettings
  cache: boolean
  dryRun: boolean
  /** Things worth a warning that do not stop the run (a deprecated input, say). */
  warnings: string[]
}

type Read = (name: string) => string

export function parseBaseUrl(raw: string): string {
  const input = 'base-url'
  let url: URL
  try {
    url = new URL(raw)
  } catch {
    throw new InputError(input, `'${raw}' is not a URL; use e.g. ${DEFAULT_BASE_URL}`)
  }
  if (url.username || url.password) throw new InputError(input, 'must not contain credentials; pass the key in api-key')
  if (url.search || url.hash) throw new InputError(input, `'${raw}' must not have a query or fragment`)
  if (url.protocol === 'http:' && !isLoopback(url.hostname)) {
    throw new InputError(
      input,
      `'${raw}' uses http:// to a non-loopback host, which would send the key in clear text; use https:// (http:// is only allowed to 127.0.0.1 or localhost)`,
    )
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:')
    throw new InputError(input, `'${raw}' must be an https:// URL`)
  return url.toString().replace(/\/+$/, '')
}

/** The base URL from the input, else VIDEOGEN_BASE_URL, else the default. */
export function baseUrlFrom(read: Read): string {
  return parseBaseUrl(read('base-url') || process.env.VIDEOGEN_BASE_URL?.trim() || DEFAULT_BASE_URL)
}

function noApiKeyError(): InputError {
  return new InputError(
    'api-key',
    'no VideoGen API key. Set `api-key: ${{ secrets.VIDEOGEN_API_KEY }}` or the VIDEOGEN_API_KEY environment variable. ' +
      'If the secret exists and this run is a pull request from a fork, GitHub does not pass secrets to it: ' +
      'run the step only for branches of this repository (e.g. `if: github.event.pull_request.head.repo.full_name == github.repository`), ' +
      'or use `dry-run: true` there.',
  )
}

const ARTIFACT_FORBIDDEN = /[":<>|*?\\/\r\n]/

export async function loadSettings(read: Read, apiKey: string): Promise<Settings> {
  const problems = new Problems()
  const warnings: string[] = []
  const bool = async (name: string, fallback: boolean) =>
    (await problems.take(() => parseBoolean(name, read(name), fallback))) ?? fallback
  const dryRun = await bool('dry-run', false)
  const baseUrl = await problems.take(() => baseUrlFrom(read))
  const workspace = await Workspace.open(process.env.GITHUB_WORKSPACE || process.cwd())

  const executionIdRaw = read('execution-id').trim()
  const resume = executionIdRaw.startsWith('{')
    ? await problems.take(() => parseBatchResume(executionIdRaw, isExecutionId))
    : undefined
  if (executionIdRaw && !resume && !executionIdRaw.startsWith('{') && !isExecutionId(executionIdRaw)) {
    problems.add(
      'execution-id',
      `'${executionIdRaw}' is not an execution id; give the execution-id output of an earlier step (vg_tool_… or vg_exec_…)`,
    )
  }
  const executionId = executionIdRaw && !executionIdRaw.startsWith('{') ? executionIdRaw : undefined
  const resuming = executionIdRaw !== ''
  if (resuming) {
    for (const name of [...REQUEST_INPUTS, 'requests']) {
      if (read(name) !== '' && !DEFAULTED_INPUTS.has(name))
        problems.add(name, 'cannot be combined with execution-id (which resumes an existing execution)')
    }
  }
  const batchRaw = read('requests')
  let requests: ClipRequest[] = []
  if (!resuming && batchRaw.trim() !== '') {
    requests = (await readBatch(batchRaw, read, workspace, problems, warnings)) ?? []
  } else if (!resuming) {
    const step = { value: read, label: (name: string) => name }
    const request = await readClipRequest(step, workspace, problems, { resuming: false, warnings })
    if (request) requests = [request]
  }
  const isBatch = (!resuming && batchRaw.trim() !== '') || resume !== undefined
  const maxRunning =
    (await problems.take(() => parseIntegerInRange('max-running', read('max-running') || '10', 1, 100))) ?? 10
  const failFast = await bool('fail-fast', false)

  const wait = await bool('wait', true)
  const download = await bool('download', true)
  const cache = await bool('cache', false)
  if (cache && resuming) problems.add('cache', 'cannot be combined with execution-id')

  const artifactName = read('artifact-name')
  const retentionRaw = read('artifact-retention-days')
  if (artifactName && ARTIFACT_FORBIDDEN.test(artifactName)) {
    problems.add(
      'artifact-name',
      `'${artifactName}' contains a character artifacts do not allow (" : < > | * ? \\ / or a newline); e.g. for a matrix use \${{ strategy.job-index }} rather than a value like 16:9`,
    )
  }
  if (retentionRaw && !artifactName) problems.add('artifact-retention-days', 'needs artifact-name')
  const retentionDays = retentionRaw
    ? await problems.take(() => parseIntegerInRange('artifact-retention-days', retentionRaw, 1, 90))
    : undefined
  const artifact = artifactName
    ? { name: artifactName, ...(retentionDays !== undefined && { retentionDays }) }
    : undefined

  const releaseTag = read('release-tag')
  const releaseOverwrite = await bool('release-overwrite', false)
  const releaseUpload = (await bool('release-upload', false)) || releaseTag !== ''
  if (releaseUpload && !releaseTag && process.env.GITHUB_EVENT_NAME !== 'release') {
    problems.add(
      'release-tag',
      `is empty and this run is a '${process.env.GITHUB_EVENT_NAME || 'unknown'}' event, not a release event: set release-tag to the tag of the release to attach the clips to`,
    )
  }
  const githubToken = read('github-token')
  if (githubToken) core.setSecret(githubToken)
  if (releaseUpload && !githubToken)
    problems.add('github-token', 'is empty; release-upload needs a token with contents: write')
  const release = releaseUpload
    ? { ...(releaseTag && { tag: releaseTag }), overwrite: releaseOverwrite, token: githubToken }
    : undefined

  const prCommentOn = await bool('pr-comment', false)
  if (prCommentOn && !githubToken)
    problems.add('github-token', 'is empty; pr-comment needs a token with pull-requests: write')
  if (prCommentOn && !wait)
    problems.add(
      'pr-comment',
      'has nothing to report with wait: false; set it on the step that resumes with execution-id',
    )
  // Workflow and job by default, so each job keeps its own comment; matrix legs share a job id and need their own key.
  const prCommentKey =
    read('pr-comment-key').trim() || `${process.env.GITHUB_WORKFLOW ?? ''}/${process.env.GITHUB_JOB ?? ''}`
  const prComment = prCommentOn ? { key: prCommentKey, token: githubToken } : undefined

  for (const [name, on] of [
    ['artifact-name', !!artifact],
    ['release-upload', !!release],
  ] as const) {
    if (on && !download) problems.add(name, 'needs download: true (it delivers the downloaded clips)')
    if (on && !wait) problems.add(name, 'has nothing to deliver with wait: false')
  }
  if (cache && !wait) problems.add('cache', 'needs wait: true (only finished clips can be cached)')
  if (cache && !download) problems.add('cache', 'needs download: true (a cache entry holds the downloaded clips)')
  if (dryRun && resuming) problems.add('dry-run', 'validates a new request; it cannot be combined with execution-id')
  if (isBatch && !wait && requests.length > maxRunning) {
    problems.add(
      'max-running',
      `is ${maxRunning}, fewer than the ${requests.length} requests: with wait: false all of them start at once; raise max-running or wait`,
    )
  }
  if (!dryRun && !apiKey) problems.push(noApiKeyError())
  if (!dryRun && apiKey) await problems.take(() => checkApiKey(apiKey))

  const timeoutMs = await problems.take(() => parseDuration('timeout', read('timeout') || '30m'))
  const cancelOnTimeout = await bool('cancel-on-timeout', true)
  const downloadDir = await problems.take(() =>
    workspace.outputDir('download-dir', read('download-dir') || 'videogen-output'),
  )
  // A batch writes into download-dir/<id>/: a committed link there would only be refused after the clip is paid.
  if (downloadDir !== undefined && isBatch) {
    const ids = resume ? [...resume.keys()] : requests.map((r) => r.id as string)
    for (const id of ids) {
      await problems.take(() =>
        workspace.outputDir('download-dir', path.join(read('download-dir') || 'videogen-output', id)),
      )
    }
  }
  const summary = await bool('summary', true)
  const publicPreview = await bool('public-preview', false)
  const temporaryUploads = await bool('temporary-uploads', true)
  problems.throwIfAny()

  return {
    apiKey,
    baseUrl: baseUrl as string,
    workspace,
    requests,
    temporaryUploads,
    ...(executionId && { executionId }),
    ...(isBatch && { batch: { maxRunning, failFast } }),
    ...(resume && { resume }),
    wait,
    timeoutMs: timeoutMs as number,
    cancelOnTimeout,
    download,
    downloadDir: downloadDir as string,
    summary,
    publicPreview,
    ...(artifact && { artifact }),
    ...(release && { release }),
    ...(prComment && { prComment }),
    cache,
    dryRun,
    warnings,
  }
}
