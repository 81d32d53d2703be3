// Request-body rules: first the API document's schema (the validator the action uses too), then the
// service's own rules that no schema expresses.
import {
  type SchemaIssue,
  isUndeclared,
  matchOperation,
  operationSchemas,
  validateSchema,
} from '../../src/videogen/openapi.js'
import type { FileType } from './types.js'

export type Checked<T> = { ok: true; value: T } | { ok: false; message: string }

type Body = Record<string, unknown>

/** Issues beyond this many are counted, not listed. */
const MAX_LISTED = 5

function issueText(issue: SchemaIssue, schema: string): string {
  if (isUndeclared(issue))
    return `Unknown property ${issue.path}: the API document declares no such field of ${issue.schema ?? schema}`
  return issue.path === '' ? `Invalid request body: ${issue.message}` : `Invalid ${issue.path}: ${issue.message}`
}

/**
 * The 400 message for a body that does not match the component schema `schema`, or undefined when it does.
 * `strict`: a property the document does not declare is an error too.
 */
export function schemaProblem(schema: string, body: unknown, strict: boolean): string | undefined {
  const issues = validateSchema(schema, body, { strict })
  if (issues.length === 0) return undefined
  const listed = issues.slice(0, MAX_LISTED).map((i) => issueText(i, schema))
  const more = issues.length - listed.length
  return `${listed.join('; ')}${more > 0 ? `; and ${more} more` : ''}.`
}

export interface UploadInput {
  displayName: string
  type: FileType | null
  isTemporary: boolean
  hideFromUi: boolean
}

/** A body that already matches CreateFileUploadRequest. */
export function validateUpload(body: Body): Checked<UploadInput> {
  const { displayName, type, isTemporary, hideFromUi } = body
  if (typeof displayName !== 'string' || displayName.trim() === '')
    return { ok: false, message: 'displayName must be a non-empty string.' }
  return {
    ok: true,
    value: {
      displayName,
      type: (type as FileType | undefined) ?? null,
      isTemporary: isTemporary === true,
      hideFromUi: hideFromUi === true,
    },
  }
}

export interface FileRef {
  /** Where the id came from, e.g. `imageFileIds[1]`. */
  field: string
  id: string
  /** The kind of file the field takes. */
  kind: FileType
}

export interface GenerateInput {
  numResults: number
  watermarkMode: 'AUTO' | 'VIDEO_GEN' | 'NONE'
  fileRefs: FileRef[]
}

/** Fields that reference files, and the file kind each one takes. */
const FILE_FIELDS: ReadonlyArray<[field: string, kind: FileType, list: boolean]> = [
  ['startFrameFileId', 'IMAGE', false],
  ['imageFileIds', 'IMAGE', true],
  ['videoFileIds', 'VIDEO', true],
  ['audioFileIds', 'AUDIO', true],
]

/** A body that already matches GenerateVideoClipRequest: the rules the schema cannot state. */
export function validateGenerate(body: Body): Checked<GenerateInput> {
  const fileRefs: FileRef[] = []
  for (const [field, kind, list] of FILE_FIELDS) {
    const value = body[field]
    if (value === undefined) continue
    if (list) (value as string[]).forEach((id, i) => fileRefs.push({ field: `${field}[${i}]`, id, kind }))
    else fileRefs.push({ field, id: value as string, kind })
  }
  const text = (v: unknown) => typeof v === 'string' && v.trim() !== ''
  if (!text(body.prompt) && !text(body.spokenDialogue) && fileRefs.length === 0) {
    return {
      ok: false,
      message:
        'At least one of prompt, startFrameFileId, imageFileIds, videoFileIds, audioFileIds or spokenDialogue must be provided.',
    }
  }
  return {
    ok: true,
    value: {
      numResults: typeof body.numResults === 'number' ? body.numResults : 1,
      watermarkMode: (body.watermarkMode ?? 'AUTO') as GenerateInput['watermarkMode'],
      fileRefs,
    },
  }
}

/**
 * Compiles the request schemas before the emulator listens. Compiled on first use instead, inside the first
 * request, they block the process, and every emulator in it, for up to 2 s on a loaded machine: longer
 * than the tests' request timeout, so a create would be cut off and read as possibly billed.
 */
export function compileRequestSchemas(): void {
  for (const path of ['/v1/files/upload', '/v1/tools/generate-video-clip']) {
    const template = matchOperation('POST', path)
    const schema = template && operationSchemas('POST', template).request
    if (schema) for (const strict of [true, false]) schemaProblem(schema, {}, strict)
  }
}
