// The validator against VideoGen's OpenAPI document: paths, strictness, operations, declared properties.
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import {
  API_DOCUMENT,
  declaredProperties,
  describeIssue,
  isUndeclared,
  matchOperation,
  operationSchemas,
  validateSchema,
} from '../../src/videogen/openapi.js'

const document = JSON.parse(
  readFileSync(new URL(`../../openapi/videogen-openapi-${API_DOCUMENT}.excerpt.json`, import.meta.url), 'utf8'),
) as { paths: Record<string, Record<string, unknown>>; components: { schemas: Record<string, unknown> } }

const valid = {
  prompt: 'A lighthouse at dusk',
  imageFileIds: ['vg_file_a', 'vg_file_b'],
  videoFileIds: ['vg_file_c'],
  audioFileIds: ['vg_file_d'],
  startFrameFileId: 'vg_file_e',
  durationSeconds: null,
  aspectRatio: { width: 16, height: 9 },
  quality: 'HIGH',
  watermarkMode: 'AUTO',
  numResults: 2,
  contentPolicyConfig: { maxPromptRewrites: 2 },
  isOutputTemporary: true,
}

const paths = (name: string, value: unknown, strict = true) =>
  validateSchema(name, value, { strict }).map((i) => i.path)

describe('validateSchema', () => {
  it('passes a valid generate body, strictly and not', () => {
    expect(validateSchema('GenerateVideoClipRequest', valid, { strict: true })).toEqual([])
    expect(validateSchema('GenerateVideoClipRequest', valid)).toEqual([])
  })

  it('fails the singular videoFileId strictly and lets it pass otherwise', () => {
    const body = { prompt: 'x', videoFileId: 'vg_file_c' }
    const issues = validateSchema('GenerateVideoClipRequest', body, { strict: true })
    expect(issues).toEqual([
      {
        path: 'videoFileId',
        message: 'is not a property declared by the API document',
        keyword: 'unevaluatedProperties',
        schema: 'GenerateVideoClipRequest',
      },
    ])
    expect(isUndeclared(issues[0]!)).toBe(true)
    expect(describeIssue(issues[0]!)).toBe('videoFileId: is not a property declared by the API document')
    expect(validateSchema('GenerateVideoClipRequest', body)).toEqual([])
  })

  it('names the field of a value out of range or of the wrong kind', () => {
    expect(validateSchema('GenerateVideoClipRequest', { prompt: 'x', durationSeconds: 31 })).toEqual([
      { path: 'durationSeconds', message: 'must be <= 30', keyword: 'maximum', schema: 'GenerateVideoClipRequest' },
    ])
    const quality = validateSchema('GenerateVideoClipRequest', { prompt: 'x', quality: 'ULTRA' })
    expect(quality).toHaveLength(1)
    expect(quality[0]).toMatchObject({ path: 'quality', keyword: 'enum', schema: 'ModelQuality' })
    expect(quality[0]!.message).toBe('must be one of "LOW", "STANDARD", "HIGH", "MAX"')
    expect(paths('GenerateVideoClipRequest', { prompt: 'x', durationSeconds: 2.5 })).toEqual(['durationSeconds'])
    expect(validateSchema('GenerateVideoClipRequest', { prompt: 7 })[0]!.message).toBe('must be a string')
  })

  it('gives nested and indexed paths', () => {
    expect(
      validateSchema('GenerateVideoClipRequest', { aspectRatio: { width: 0 }, imageFileIds: ['a', 'b', 3] }),
    ).toEqual([
      { path: 'imageFileIds[2]', message: 'must be a string', keyword: 'type', schema: 'GenerateVideoClipRequest' },
      { path: 'aspectRatio.height', message: 'is required', keyword: 'required', schema: 'AspectRatio' },
      { path: 'aspectRatio.width', message: 'must be >= 1', keyword: 'minimum', schema: 'AspectRatio' },
    ])
    expect(paths('GenerateVideoClipRequest', { prompt: 'x', contentPolicyConfig: { maxPromptRewrites: 5 } })).toEqual([
      'contentPolicyConfig.maxPromptRewrites',
    ])
    expect(paths('GenerateVideoClipRequest', { imageFileIds: ['a', 'b', 'c', 'd', 'e'] })).toEqual(['imageFileIds'])
    // Undeclared properties deep inside, with names that are not identifiers quoted.
    expect(
      paths('GenerateVideoClipRequest', { prompt: 'x', aspectRatio: { width: 1, height: 1, 'de\npth': 1 } }),
    ).toEqual(['aspectRatio["de\\npth"]'])
    expect(
      paths('GenerateVideoClipRequest', { prompt: 'x', aspectRatio: { width: 1, height: 1, x: 1 } }, false),
    ).toEqual([])
  })

  it('reports a wrong root and a nullable reference once', () => {
    expect(validateSchema('GenerateVideoClipRequest', [])).toEqual([
      { path: '', message: 'must be an object', keyword: 'type', schema: 'GenerateVideoClipRequest' },
    ])
    expect(describeIssue(validateSchema('ApiError', 'oops')[0]!)).toBe('must be an object')
    const base = {
      toolExecutionId: 'vg_tool_x',
      status: 'failed',
      toolType: 'GENERATE_VIDEO_CLIP',
      progressPercentage: 40,
      attemptIndex: 0,
      results: [],
    }
    expect(validateSchema('ExecutedTool', { ...base, error: { message: 'no', code: null } }, { strict: true })).toEqual(
      [],
    )
    expect(validateSchema('ExecutedTool', { ...base, error: 5 })).toEqual([
      { path: 'error', message: 'must be an object or null', keyword: 'type', schema: 'ApiError' },
    ])
    expect(validateSchema('ExecutedTool', { ...base, error: { code: 3 } })).toEqual([
      { path: 'error.message', message: 'is required', keyword: 'required', schema: 'ApiError' },
      { path: 'error.code', message: 'must be a string or null', keyword: 'type', schema: 'ApiError' },
    ])
    expect(paths('ExecutedTool', { ...base, status: 'done', error: null })).toEqual(['status'])
  })

  it('checks formats and closes nested objects of responses', () => {
    const file = { fileId: 'vg_file_x', scope: 'GLOBAL', downloadUrl: 'not a url', downloadSource: { status: 'ready' } }
    expect(paths('FileInfo', file)).toEqual(['downloadUrl'])
    expect(
      paths('FileInfo', { ...file, downloadUrl: null, descriptions: null, downloadSource: { status: 'ready', x: 1 } }),
    ).toEqual(['downloadSource.x', 'descriptions'])
  })

  it('throws for a schema the document does not have', () => {
    expect(() => validateSchema('NoSuchSchema', {})).toThrow(/no component schema "NoSuchSchema"/)
    expect(() => declaredProperties('constructor')).toThrow(/no component schema/)
  })
})

describe('operations and declared properties', () => {
  it('reads request and response schemas from the paths', () => {
    expect(operationSchemas('POST', '/v1/tools/generate-video-clip')).toEqual({
      request: 'GenerateVideoClipRequest',
      responses: { '202': 'StartToolExecutionResponse', default: 'ApiError' },
    })
    expect(operationSchemas('get', '/v1/tools/executions/{toolExecutionId}')).toEqual({
      responses: { '200': 'ExecutedTool', default: 'ApiError' },
    })
    expect(operationSchemas('POST', '/v1/files/upload').request).toBe('CreateFileUploadRequest')
    expect(() => operationSchemas('DELETE', '/v1/files/{fileId}')).toThrow(/no operation DELETE/)
  })

  it('names every response schema of every operation as a component that compiles', () => {
    let operations = 0
    for (const [template, methods] of Object.entries(document.paths)) {
      for (const method of Object.keys(methods)) {
        const { request, responses } = operationSchemas(method, template)
        expect(responses.default).toBe('ApiError')
        for (const name of [request, ...Object.values(responses)].filter((n) => n !== undefined))
          expect(Array.isArray(validateSchema(name, {}, { strict: true }))).toBe(true)
        operations++
      }
    }
    expect(operations).toBe(12)
  })

  it('matches concrete paths to templates, literal segments first', () => {
    expect(matchOperation('POST', '/v1/files/upload')).toBe('/v1/files/upload')
    expect(matchOperation('POST', '/v1/files/vg_file_x/hydrate')).toBe('/v1/files/{fileId}/hydrate')
    expect(matchOperation('GET', '/v1/tools/executions')).toBe('/v1/tools/executions')
    expect(matchOperation('GET', '/v1/tools/executions/vg_tool_x')).toBe('/v1/tools/executions/{toolExecutionId}')
    expect(matchOperation('POST', '/v1/tools/executions/vg_tool_x/cancel')).toBe(
      '/v1/tools/executions/{toolExecutionId}/cancel',
    )
    expect(matchOperation('GET', '/v1/files/')).toBeUndefined()
    expect(matchOperation('DELETE', '/v1/me')).toBeUndefined()
  })

  it('lists the declared properties of a schema in document order', () => {
    const declared = declaredProperties('GenerateVideoClipRequest')
    expect(declared).toEqual(
      Object.keys((document.components.schemas.GenerateVideoClipRequest as { properties: object }).properties),
    )
    expect(declared).toContain('videoFileIds')
    expect(declared).not.toContain('videoFileId')
    expect(declaredProperties('AspectRatio')).toEqual(['width', 'height'])
    expect(declaredProperties('FileType')).toEqual([])
  })
})
