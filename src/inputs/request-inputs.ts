// The inputs that make one generate-video-clip request: the step's own, or one item of a batch (whose
// fields override the step's). Each is checked before any request; problems are collected, not thrown
// one at a time.
import type { AssetRef, Workspace } from '../workspace.js'
import type { MediaKind } from '../media.js'
import { splitPathList } from '../workspace.js'
import type { Problems } from './input-error.js'
import { checkParams } from './params.js'
import { InputError } from './input-error.js'
import {
  type AspectRatio,
  parseAspectRatio,
  parseBoolean,
  parseEnum,
  parseIntegerInRange,
  parseObject,
  parseSeconds,
  parseText,
} from './parse.js'

export const WATERMARK_MODES = ['AUTO', 'VIDEO_GEN', 'NONE'] as const
export type WatermarkMode = (typeof WATERMARK_MODES)[number]
export const QUALITIES = ['LOW', 'STANDARD', 'HIGH', 'MAX'] as const
export type Quality = (typeof QUALITIES)[number]
/** The API takes at most this many ids in each of imageFileIds, videoFileIds and audioFileIds. */
export const MAX_FILES = 4
export const MAX_PROMPT_FILE_BYTES = 1024 * 1024

/** Fields of the request that typed inputs set; `params` may not override them. */
export interface TypedRequest {
  prompt?: string
  aspectRatio?: AspectRatio
  generateAudio: boolean
  watermarkMode: WatermarkMode
  numResults: number
  isOutputTemporary: boolean
  durationSeconds?: number
  quality?: Quality
  spokenDialogue?: string
  voiceDescription?: string
  suppressBackgroundMusic?: true
  hideFromUi?: true
  contentPolicyConfig?: { maxPromptRewrites: number }
}

export interface RequestFiles {
  images: AssetRef[]
  videos: AssetRef[]
  audio: AssetRef[]
  startFrame?: AssetRef
}

/** Everything one request is made of. */
export interface ClipRequest {
  /** The batch item's id; undefined for a single clip. */
  id?: string
  request: TypedRequest
  files: RequestFiles
  params: Record<string, unknown>
}

/**
 * The inputs read here, in the order action.yml lists them; `true` for those with a default in action.yml
 * (the runner always passes them, so "given" means nothing for them).
 */
const REQUEST_INPUT_DEFAULTS = {
  prompt: false,
  'prompt-file': false,
  images: false,
  videos: false,
  video: false,
  'start-frame': false,
  audio: false,
  'spoken-dialogue': false,
  'voice-description': false,
  'aspect-ratio': false,
  duration: true,
  quality: false,
  'generate-audio': true,
  'suppress-background-music': true,
  'watermark-mode': true,
  'num-results': true,
  'temporary-output': true,
  'hide-from-ui': true,
  'max-prompt-rewrites': false,
  params: false,
} as const

export const REQUEST_INPUTS = Object.keys(REQUEST_INPUT_DEFAULTS) as Array<keyof typeof REQUEST_INPUT_DEFAULTS>

export const DEFAULTED_INPUTS: ReadonlySet<string> = new Set(REQUEST_INPUTS.filter((k) => REQUEST_INPUT_DEFAULTS[k]))

/** Request fields that count as "something to generate from" when given through `params`. */
const INPUT_FIELDS = ['prompt', 'startFrameFileId', 'imageFileIds', 'videoFileIds', 'audioFileIds', 'spokenDialogue']

/** A blank text or an empty list in params gives the API nothing to generate from, and it refuses the create. */
const givesInput = (value: unknown) =>
  value !== undefined &&
  value !== null &&
  !(typeof value === 'string' && value.trim() === '') &&
  !(Array.isArray(value) && value.length === 0)

/** Where the values come from, and how a problem names the input (`images`, `requests[intro].images`). */
export interface InputSource {
  value(name: string): string
  label(name: string): string
}

async function readPromptFile(workspace: Workspace, input: string, given: string): Promise<string> {
  const { absPath, size } = await workspace.regularFile(input, given)
  if (size > MAX_PROMPT_FILE_BYTES)
    throw new InputError(input, `'${given}' is ${size} bytes; a prompt file may hold at most 1 MiB`)
  const { readFile } = await import('node:fs/promises')
  const text = (await readFile(absPath, 'utf8')).trim()
  if (text === '') throw new InputError(input, `'${given}' is empty`)
  return text
}

/**
 * Reads one request. Returns undefined when an input was invalid (the problems say which); `resuming`
 * (execution-id given) requires none of them.
 */
export async function readClipRequest(
  src: InputSource,
  workspace: Workspace,
  problems: Problems,
  options: { resuming: boolean; id?: string; warnings: string[] },
): Promise<ClipRequest | undefined> {
  const before = problems.errors.length
  const name = (input: string) => src.label(input)
  const raw = (input: string) => src.value(input)
  const bool = (input: string) => problems.take(() => parseBoolean(name(input), raw(input), false))

  // The prompt is sent as written (a prompt-file is trimmed: its last line break is not part of it).
  const promptInput = raw('prompt') || undefined
  const promptFile = parseText(raw('prompt-file'))
  if (promptInput && promptFile) problems.add(name('prompt-file'), 'cannot be combined with prompt; give one of them')
  const prompt = promptFile
    ? await problems.take(() => readPromptFile(workspace, name('prompt-file'), promptFile))
    : promptInput

  const list = async (input: string, kind: MediaKind, max: number, plural: string) =>
    (await problems.take(async () => {
      const entries = await splitPathList(raw(input), (entry) => workspace.has(entry))
      const refs = await workspace.assets(name(input), entries, kind)
      if (refs.length > max)
        throw new InputError(name(input), `${refs.length} ${plural} given; the API accepts at most ${max}`)
      return refs
    })) ?? []
  const images = await list('images', 'IMAGE', MAX_FILES, 'images')
  const videos = await list('videos', 'VIDEO', MAX_FILES, 'videos')
  const legacyVideo = await list('video', 'VIDEO', 1, 'videos')
  if (raw('video').trim() !== '') {
    options.warnings.push(
      `Input '${name('video')}' is deprecated: use '${name('videos')}' (up to ${MAX_FILES} reference videos, sent as videoFileIds)`,
    )
    if (videos.length + legacyVideo.length > MAX_FILES) {
      problems.add(
        name('videos'),
        `with video, ${videos.length + legacyVideo.length} videos are given; the API accepts at most ${MAX_FILES}`,
      )
    }
  }
  const audio = await list('audio', 'AUDIO', MAX_FILES, 'audio files')
  const [startFrame] = await list('start-frame', 'IMAGE', 1, 'images')

  const spokenDialogue = parseText(raw('spoken-dialogue'))
  const voiceDescription = parseText(raw('voice-description'))
  if (voiceDescription && !spokenDialogue) {
    problems.add(name('voice-description'), 'describes the voice of spoken-dialogue; give spoken-dialogue too')
  }
  const aspectRatio = await problems.take(() => parseAspectRatio(name('aspect-ratio'), raw('aspect-ratio')))
  const durationSeconds = await problems.take(() => parseSeconds(name('duration'), raw('duration'), 1, 30))
  const quality = await problems.take(() =>
    raw('quality').trim() === '' ? undefined : parseEnum(name('quality'), raw('quality'), QUALITIES, 'STANDARD'),
  )
  const watermarkMode = await problems.take(() =>
    parseEnum(name('watermark-mode'), raw('watermark-mode'), WATERMARK_MODES, 'AUTO'),
  )
  const numResults = await problems.take(() =>
    parseIntegerInRange(name('num-results'), raw('num-results') || '1', 1, 100),
  )
  const rewrites = await problems.take(() =>
    raw('max-prompt-rewrites').trim() === ''
      ? undefined
      : parseIntegerInRange(name('max-prompt-rewrites'), raw('max-prompt-rewrites'), 0, 4),
  )
  const generateAudio = await bool('generate-audio')
  const isOutputTemporary = await bool('temporary-output')
  const suppressBackgroundMusic = await bool('suppress-background-music')
  const hideFromUi = await bool('hide-from-ui')
  const params = (await problems.take(() => parseObject(name('params'), raw('params')))) ?? {}
  await checkParams(params, name('params'), problems, options.warnings)

  const files: RequestFiles = { images, videos: [...legacyVideo, ...videos], audio, ...(startFrame && { startFrame }) }
  const hasInput =
    !!prompt ||
    !!spokenDialogue ||
    images.length + files.videos.length + audio.length > 0 ||
    !!startFrame ||
    INPUT_FIELDS.some((f) => givesInput(params[f]))
  if (!options.resuming && !hasInput && problems.errors.length === before) {
    problems.add(
      name('prompt'),
      'nothing to generate from: give prompt, prompt-file, images, videos, start-frame, audio or spoken-dialogue (or execution-id to resume)',
    )
  }
  if (problems.errors.length > before) return undefined
  const request: TypedRequest = {
    ...(prompt !== undefined && { prompt }),
    ...(aspectRatio && { aspectRatio }),
    generateAudio: generateAudio as boolean,
    watermarkMode: watermarkMode as WatermarkMode,
    numResults: numResults as number,
    isOutputTemporary: isOutputTemporary as boolean,
    ...(durationSeconds !== undefined && { durationSeconds }),
    ...(quality !== undefined && { quality }),
    ...(spokenDialogue !== undefined && { spokenDialogue }),
    ...(voiceDescription !== undefined && { voiceDescription }),
    ...(suppressBackgroundMusic && { suppressBackgroundMusic: true as const }),
    ...(hideFromUi && { hideFromUi: true as const }),
    ...(rewrites !== undefined && { contentPolicyConfig: { maxPromptRewrites: rewrites } }),
  }
  return { ...(options.id !== undefined && { id: options.id }), request, files, params }
}
