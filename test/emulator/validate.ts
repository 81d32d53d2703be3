// Request-body validation (contract §3.2, §3.6; unknown fields ignored per U2, null treated as omitted).
import { FILE_TYPES, type FileType } from './types.js'

export type Checked<T> = { ok: true; value: T } | { ok: false; message: string }

type Body = Record<string, unknown>

const present = (v: unknown) => v !== undefined && v !== null
const isInt = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v)

export interface UploadInput {
  displayName: string
  type: FileType | null
  isTemporary: boolean
  hideFromUi: boolean
}

export function validateUpload(body: Body): Checked<UploadInput> {
  const { displayName, type, isTemporary, hideFromUi } = body
  if (typeof displayName !== 'string' || displayName.trim() === '')
    return { ok: false, message: 'displayName is required and must be a non-empty string.' }
  if (present(type) && !FILE_TYPES.includes(type as FileType))
    return { ok: false, message: `type must be one of ${FILE_TYPES.join(', ')}.` }
  for (const [name, v] of Object.entries({ isTemporary, hideFromUi })) {
    if (present(v) && typeof v !== 'boolean') return { ok: false, message: `${name} must be a boolean.` }
  }
  return {
    ok: true,
    value: {
      displayName,
      type: present(type) ? (type as FileType) : null,
      isTemporary: isTemporary === true,
      hideFromUi: hideFromUi === true,
    },
  }
}

export interface FileRef {
  field: string
  id: string
}

export interface GenerateInput {
  numResults: number
  watermarkMode: 'AUTO' | 'VIDEO_GEN' | 'NONE'
  /** Every referenced file id with the field it came from, e.g. `imageFileIds[1]`. */
  fileRefs: FileRef[]
}

const WATERMARK_MODES = ['AUTO', 'VIDEO_GEN', 'NONE'] as const
const QUALITIES = ['LOW', 'STANDARD', 'HIGH', 'MAX']

function idList(body: Body, field: string, max: number, refs: FileRef[]): string | undefined {
  const v = body[field]
  if (!present(v)) return undefined
  if (!Array.isArray(v)) return `${field} must be an array of file ids.`
  if (v.length > max) return `${field} accepts at most ${max} file ids.`
  for (const [i, id] of v.entries()) {
    if (typeof id !== 'string' || id === '') return `${field}[${i}] must be a file id string.`
    refs.push({ field: `${field}[${i}]`, id })
  }
  return undefined
}

function singleId(body: Body, field: string, refs: FileRef[]): string | undefined {
  const v = body[field]
  if (!present(v)) return undefined
  if (typeof v !== 'string' || v === '') return `${field} must be a file id string.`
  refs.push({ field, id: v })
  return undefined
}

export function validateGenerate(body: Body): Checked<GenerateInput> {
  const refs: FileRef[] = []
  const fail = (message: string): Checked<GenerateInput> => ({ ok: false, message })

  for (const field of ['prompt', 'spokenDialogue', 'voiceDescription']) {
    if (present(body[field]) && typeof body[field] !== 'string') return fail(`${field} must be a string.`)
  }
  for (const field of ['generateAudio', 'isOutputTemporary', 'suppressBackgroundMusic', 'hideFromUi']) {
    if (present(body[field]) && typeof body[field] !== 'boolean') return fail(`${field} must be a boolean.`)
  }
  const listError =
    idList(body, 'imageFileIds', 4, refs) ??
    idList(body, 'videoFileIds', 4, refs) ??
    idList(body, 'audioFileIds', 4, refs) ??
    singleId(body, 'videoFileId', refs) ??
    singleId(body, 'startFrameFileId', refs)
  if (listError) return fail(listError)

  const text = (v: unknown) => typeof v === 'string' && v.trim() !== ''
  if (!text(body.prompt) && !text(body.spokenDialogue) && refs.length === 0) {
    return fail(
      'At least one input is required: prompt, imageFileIds, videoFileId, videoFileIds, audioFileIds, startFrameFileId or spokenDialogue.',
    )
  }

  const ar = body.aspectRatio
  if (present(ar)) {
    if (typeof ar !== 'object' || Array.isArray(ar)) return fail('aspectRatio must be an object { width, height }.')
    const { width, height } = ar as Body
    if (!isInt(width) || width < 1 || !isInt(height) || height < 1)
      return fail('aspectRatio.width and aspectRatio.height must be integers >= 1.')
  }
  const wm = body.watermarkMode
  if (present(wm) && !WATERMARK_MODES.includes(wm as never))
    return fail(`watermarkMode must be one of ${WATERMARK_MODES.join(', ')}.`)
  const n = body.numResults
  if (present(n) && (!isInt(n) || n < 1 || n > 100)) return fail('numResults must be an integer between 1 and 100.')
  const d = body.durationSeconds
  if (present(d) && (!isInt(d) || d < 1 || d > 30))
    return fail('durationSeconds must be an integer between 1 and 30, or null.')
  const q = body.quality
  if (present(q) && !QUALITIES.includes(q as string)) return fail(`quality must be one of ${QUALITIES.join(', ')}.`)
  const cp = body.contentPolicyConfig
  if (present(cp)) {
    if (typeof cp !== 'object' || Array.isArray(cp)) return fail('contentPolicyConfig must be an object.')
    const r = (cp as Body).maxPromptRewrites
    if (present(r) && (!isInt(r) || r < 0 || r > 4))
      return fail('contentPolicyConfig.maxPromptRewrites must be an integer between 0 and 4.')
  }
  return {
    ok: true,
    value: {
      numResults: isInt(n) ? n : 1,
      watermarkMode: (present(wm) ? wm : 'AUTO') as GenerateInput['watermarkMode'],
      fileRefs: refs,
    },
  }
}
