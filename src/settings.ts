// Every input → one typed, validated Settings object. The only module that reads inputs.
import * as core from '@actions/core'
import { readFile, stat } from 'node:fs/promises'
import { isIP } from 'node:net'
import { InputError } from './input-error.js'
import { readAndMaskApiKey } from './secrets.js'
import { type AssetRef, Workspace } from './assets.js'
import {
  type AspectRatio,
  EXECUTION_ID,
  parseAspectRatio,
  parseBoolean,
  parseDuration,
  parseEnum,
  parseIntegerInRange,
  parseList,
  parseObject,
} from './parse.js'

export const DEFAULT_BASE_URL = 'https://api.videogen.io'
export const MAX_IMAGES = 4
export const WATERMARK_MODES = ['AUTO', 'VIDEO_GEN', 'NONE'] as const
export type WatermarkMode = (typeof WATERMARK_MODES)[number]

/** Fields of the request that typed inputs set; `params` may not override them. */
export interface TypedRequest {
  prompt?: string
  aspectRatio?: AspectRatio
  generateAudio: boolean
  watermarkMode: WatermarkMode
  numResults: number
  isOutputTemporary: boolean
}

export interface Settings {
  apiKey: string
  baseUrl: string
  workspace: Workspace
  request: TypedRequest
  images: AssetRef[]
  video?: AssetRef
  params: Record<string, unknown>
  temporaryUploads: boolean
  /** Resume this execution instead of creating one. */
  executionId?: string
  wait: boolean
  timeoutMs: number
  cancelOnTimeout: boolean
  download: boolean
  downloadDir: string
  summary: boolean
  publicPreview: boolean
  artifact?: { name: string; retentionDays?: number }
  release?: { tag?: string; overwrite: boolean; token: string }
  cache: boolean
  dryRun: boolean
}

type Read = (name: string) => string

/** Request fields that count as "something to generate from" when given through `params`. */
const INPUT_FIELDS = [
  'prompt',
  'imageFileIds',
  'videoFileId',
  'videoFileIds',
  'audioFileIds',
  'startFrameFileId',
  'spokenDialogue',
]

const LOOPBACK_NAMES = new Set(['localhost', '127.0.0.1', '[::1]', '::1'])

function isLoopback(hostname: string): boolean {
  if (LOOPBACK_NAMES.has(hostname) || hostname.endsWith('.localhost')) return true
  return isIP(hostname) === 4 && hostname.startsWith('127.')
}

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

function noApiKeyError(): InputError {
  return new InputError(
    'api-key',
    'no VideoGen API key. Set `api-key: ${{ secrets.VIDEOGEN_API_KEY }}` or the VIDEOGEN_API_KEY environment variable. ' +
      'If the secret exists and this run is a pull request from a fork, GitHub does not pass secrets to it: ' +
      'run the step only for branches of this repository (e.g. `if: github.event.pull_request.head.repo.full_name == github.repository`), ' +
      'or use `dry-run: true` there.',
  )
}

async function readPromptFile(workspace: Workspace, given: string): Promise<string> {
  const abs = await workspace.resolve('prompt-file', given)
  if (!(await stat(abs)).isFile()) throw new InputError('prompt-file', `'${given}' is a directory, not a file`)
  const text = (await readFile(abs, 'utf8')).trim()
  if (text === '') throw new InputError('prompt-file', `'${given}' is empty`)
  return text
}

function requireUnset(read: Read, inputs: string[], because: string): void {
  for (const name of inputs) {
    if (read(name) !== '') throw new InputError(name, `cannot be combined with ${because}`)
  }
}

export async function loadSettings(read: Read = core.getInput, apiKey = readAndMaskApiKey(read)): Promise<Settings> {
  const bool = (name: string, fallback: boolean) => parseBoolean(name, read(name), fallback)
  const dryRun = bool('dry-run', false)
  const baseUrl = parseBaseUrl(read('base-url') || process.env.VIDEOGEN_BASE_URL?.trim() || DEFAULT_BASE_URL)
  const workspace = await Workspace.open(process.env.GITHUB_WORKSPACE || process.cwd())

  const executionIdRaw = read('execution-id')
  if (executionIdRaw && !EXECUTION_ID.test(executionIdRaw)) {
    throw new InputError(
      'execution-id',
      `'${executionIdRaw}' is not an execution id; give the execution-id output of an earlier step (vg_tool_… or vg_exec_…)`,
    )
  }
  const executionId = executionIdRaw || undefined
  if (executionId) {
    requireUnset(
      read,
      ['prompt', 'prompt-file', 'images', 'video', 'params', 'aspect-ratio'],
      'execution-id (which resumes an existing execution)',
    )
  }

  const promptInput = read('prompt')
  const promptFile = read('prompt-file')
  if (promptInput && promptFile) throw new InputError('prompt-file', 'cannot be combined with prompt; give one of them')
  const prompt = promptFile ? await readPromptFile(workspace, promptFile) : promptInput || undefined

  const aspectRatio = parseAspectRatio('aspect-ratio', read('aspect-ratio'))
  const request: TypedRequest = {
    ...(prompt !== undefined && { prompt }),
    ...(aspectRatio && { aspectRatio }),
    generateAudio: bool('generate-audio', false),
    watermarkMode: parseEnum('watermark-mode', read('watermark-mode'), WATERMARK_MODES, 'AUTO'),
    numResults: parseIntegerInRange('num-results', read('num-results') || '1', 1, 100),
    isOutputTemporary: bool('temporary-output', false),
  }
  const params = await parseObject('params', read('params'))

  const images = await workspace.assets('images', parseList(read('images')), 'IMAGE')
  if (images.length > MAX_IMAGES) {
    throw new InputError('images', `${images.length} images given; the API accepts at most ${MAX_IMAGES}`)
  }
  const videoEntries = parseList(read('video'))
  if (videoEntries.length > 1) throw new InputError('video', `takes one path or file id, got ${videoEntries.length}`)
  const [video] = await workspace.assets('video', videoEntries, 'VIDEO')

  if (!executionId && !prompt && images.length === 0 && !video && !INPUT_FIELDS.some((f) => params[f] !== undefined)) {
    throw new InputError(
      'prompt',
      'nothing to generate from: give prompt, prompt-file, images or video (or execution-id to resume)',
    )
  }

  const wait = bool('wait', true)
  const download = bool('download', true)
  const cache = bool('cache', false)
  if (cache && executionId) throw new InputError('cache', 'cannot be combined with execution-id')

  const artifactName = read('artifact-name')
  const retentionRaw = read('artifact-retention-days')
  if (artifactName && /[":<>|*?\\/\r\n]/.test(artifactName)) {
    throw new InputError(
      'artifact-name',
      `'${artifactName}' contains a character artifacts do not allow (" : < > | * ? \\ / or a newline)`,
    )
  }
  if (retentionRaw && !artifactName) throw new InputError('artifact-retention-days', 'needs artifact-name')
  const artifact = artifactName
    ? {
        name: artifactName,
        ...(retentionRaw && { retentionDays: parseIntegerInRange('artifact-retention-days', retentionRaw, 1, 90) }),
      }
    : undefined

  const releaseTag = read('release-tag')
  const releaseOverwrite = bool('release-overwrite', false)
  const releaseUpload = bool('release-upload', false) || releaseTag !== ''
  if (releaseUpload && !releaseTag && process.env.GITHUB_EVENT_NAME !== 'release') {
    throw new InputError(
      'release-tag',
      `is empty and this run is a '${process.env.GITHUB_EVENT_NAME || 'unknown'}' event, not a release event: set release-tag to the tag of the release to attach the clips to`,
    )
  }
  const githubToken = read('github-token')
  if (githubToken) core.setSecret(githubToken)
  if (releaseUpload && !githubToken)
    throw new InputError('github-token', 'is empty; release-upload needs a token with contents: write')
  const release = releaseUpload
    ? { ...(releaseTag && { tag: releaseTag }), overwrite: releaseOverwrite, token: githubToken }
    : undefined

  for (const [name, on] of [
    ['artifact-name', !!artifact],
    ['release-upload', !!release],
  ] as const) {
    if (on && !download) throw new InputError(name, 'needs download: true (it delivers the downloaded clips)')
    if (on && !wait) throw new InputError(name, 'has nothing to deliver with wait: false')
  }
  if (cache && !wait) throw new InputError('cache', 'needs wait: true (only finished clips can be cached)')
  if (cache && !download)
    throw new InputError('cache', 'needs download: true (a cache entry holds the downloaded clips)')
  if (dryRun && executionId)
    throw new InputError('dry-run', 'validates a new request; it cannot be combined with execution-id')
  if (!dryRun && !apiKey) throw noApiKeyError()

  return {
    apiKey,
    baseUrl,
    workspace,
    request,
    images,
    ...(video && { video }),
    params,
    temporaryUploads: bool('temporary-uploads', true),
    ...(executionId && { executionId }),
    wait,
    timeoutMs: parseDuration('timeout', read('timeout') || '30m'),
    cancelOnTimeout: bool('cancel-on-timeout', true),
    download,
    downloadDir: await workspace.outputDir('download-dir', read('download-dir') || 'videogen-output'),
    summary: bool('summary', true),
    publicPreview: bool('public-preview', false),
    ...(artifact && { artifact }),
    ...(release && { release }),
    cache,
    dryRun,
  }
}
