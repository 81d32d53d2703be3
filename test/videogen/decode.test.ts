// Response decoding over hostile values: what a gateway, a proxy or a broken server may put in any field.
// A field that fails its check is dropped; a response whose essentials fail is refused.
import { describe, expect, it } from 'vitest'
import {
  UnexpectedResponseError,
  decodeApiError,
  decodeContextFor,
  decodeCreated,
  decodeExecution,
  decodeExecutionPage,
  decodeFile,
  decodeUploadTicket,
  isSafeUrl,
} from '../../src/videogen/decode.js'
import { sameExecution } from '../../src/videogen/ids.js'

const HTTPS = decodeContextFor('https://api.videogen.io')
const LOOPBACK = decodeContextFor('http://127.0.0.1:4010')
const ID = 'vg_tool_abc123'
const FILE = 'vg_file_xyz789'

describe('isSafeUrl', () => {
  it('takes https, and http to loopback only when the API itself is on plain http', () => {
    expect(isSafeUrl('https://cdn.example.com/a.mp4?sig=1', HTTPS)).toBe(true)
    expect(isSafeUrl('http://127.0.0.1:9000/a.mp4', HTTPS)).toBe(false)
    expect(isSafeUrl('http://127.0.0.1:9000/a.mp4', LOOPBACK)).toBe(true)
    expect(isSafeUrl('http://localhost/a', LOOPBACK)).toBe(true)
    expect(isSafeUrl('http://cdn.example.com/a.mp4', LOOPBACK)).toBe(false)
  })

  it.each([
    ['not a string', 42],
    ['not a URL', 'https//nope'],
    ['a relative path', '/files/a.mp4'],
    ['credentials in it', 'https://user:pass@cdn.example.com/a'],
    ['a line break', 'https://cdn.example.com/a\n::error::x'],
    ['a blank', 'https://cdn.example.com/a b'],
    ['another scheme', 'javascript:alert(1)'],
    ['a file URL', 'file:///etc/passwd'],
    ['too long', `https://cdn.example.com/${'a'.repeat(9000)}`],
  ])('refuses %s', (_what, value) => {
    expect(isSafeUrl(value, LOOPBACK)).toBe(false)
  })
})

describe('decodeExecution', () => {
  it('keeps what passes, drops what does not, and the id asked for wins over the one in the body', () => {
    const execution = decodeExecution(
      {
        toolExecutionId: '../../etc',
        status: 'running',
        toolType: 'generate video clip; rm -rf',
        progressPercentage: 140,
        attemptIndex: -1,
        results: [
          { fileId: FILE, downloadUrl: 'ftp://x/y', downloadUrlExpiresAt: 1.5, thumbnailUrl: 'https://t/1.jpg' },
          { fileId: 'vg_tool_not_a_file' },
          'nonsense',
          { fileId: 'vg_file_ok', file: { fileId: 7, durationSeconds: Infinity, type: 'VIDEO' } },
        ],
        error: 'a string, not an object',
      },
      HTTPS,
      ID,
    )
    expect(execution).toEqual({
      toolExecutionId: ID,
      status: 'running',
      results: [
        { fileId: FILE, thumbnailUrl: 'https://t/1.jpg' },
        { fileId: 'vg_file_ok', file: { fileId: 'vg_file_ok', type: 'VIDEO' } },
      ],
    })
  })

  it('reads the earliest era id field, and refuses a body without a usable id', () => {
    expect(decodeExecution({ executionId: 'vg_exec_old1', status: 'succeeded' }, HTTPS).toolExecutionId).toBe(
      'vg_exec_old1',
    )
    for (const raw of [null, [], 'text', 42]) expect(() => decodeExecution(raw, HTTPS)).toThrow(UnexpectedResponseError)
    expect(() => decodeExecution({ toolExecutionId: 'vg_file_x\n::error::' }, HTTPS)).toThrow(
      /the execution has no valid id \(vg_file_x\\u000a::error::\)/,
    )
  })

  it('keeps an undocumented status as unknown with its cleaned text; takes the US spelling of cancelled', () => {
    expect(decodeExecution({ status: 'canceled' }, HTTPS, ID).status).toBe('cancelled')
    expect(decodeExecution({ status: 'paused\r\n::warning::x' }, HTTPS, ID)).toMatchObject({
      status: 'unknown',
      statusText: 'paused\\u000d\\u000a::warning::x',
    })
    expect(decodeExecution({ status: { nested: true } }, HTTPS, ID)).toMatchObject({
      status: 'unknown',
      statusText: '(an object)', // described, never stringified (a deep enough value overflows the stack)
    })
    expect(decodeExecution({}, HTTPS, ID)).toMatchObject({ status: 'unknown', statusText: 'none' })
  })

  it('bounds the results it reads', () => {
    const results = Array.from({ length: 1500 }, (_, i) => ({ fileId: `vg_file_${i}` }))
    expect(decodeExecution({ status: 'succeeded', results }, HTTPS, ID).results).toHaveLength(1000)
  })
})

describe('decodeApiError', () => {
  it('cleans and bounds every text, drops a requirement without a type, caps its details', () => {
    const details = Object.fromEntries(Array.from({ length: 15 }, (_, i) => [`k${i}`, { n: i }]))
    const error = decodeApiError({
      message: `  ${'x'.repeat(600)}  `,
      code: 'rate\nlimited',
      internalErrorCode: '   ',
      requirement: { type: 'purchase_add_on', details },
    })
    expect(error.message).toHaveLength(501)
    expect(error.code).toBe('rate\\u000alimited')
    expect(error.internalErrorCode).toBeUndefined()
    expect(Object.keys(error.requirement?.details ?? {})).toHaveLength(10)
    expect(error.requirement?.details?.k3).toBe('(an object)')
    expect(decodeApiError({ requirement: { details: { a: 'b' } } })).toEqual({})
    expect(decodeApiError('<html>502</html>')).toEqual({})
  })
})

describe('decodeCreated, decodeUploadTicket, decodeFile', () => {
  it('a 202 without an id, or with a malformed one, is refused with what came', () => {
    expect(decodeCreated({ toolExecutionId: ID })).toBe(ID)
    expect(decodeCreated({ executionId: 'vg_exec_1' })).toBe('vg_exec_1')
    expect(() => decodeCreated({})).toThrow('the 202 response carried no toolExecutionId')
    expect(() => decodeCreated('ok')).toThrow('the 202 response carried no toolExecutionId')
    expect(() => decodeCreated({ toolExecutionId: '../x' })).toThrow(
      'the 202 response carried a malformed execution id (../x)',
    )
  })

  it('an upload ticket needs a file id and a safe URL', () => {
    expect(decodeUploadTicket({ fileId: FILE, uploadUrl: 'https://s3/put' }, HTTPS)).toEqual({
      fileId: FILE,
      uploadUrl: 'https://s3/put',
    })
    expect(() => decodeUploadTicket({ uploadUrl: 'https://s3/put' }, HTTPS)).toThrow(
      'the upload ticket has no valid file id',
    )
    expect(() => decodeUploadTicket({ fileId: FILE, uploadUrl: 'http://s3/put' }, HTTPS)).toThrow(
      `the upload URL of ${FILE} is not a valid https URL`,
    )
  })

  it('a file record: sources with an unknown status are dropped, sizes must be whole and not negative', () => {
    const file = decodeFile(
      {
        fileId: FILE,
        type: 'video',
        durationSeconds: 100_000,
        downloadSource: { status: 'ready', url: 'https://d/1', expiresAt: 1_900_000_000_000, fileBytes: -1 },
        previewSource: { status: 'exploded' },
        thumbnailSource: { status: 'ready', fileBytes: 12 },
        publicHlsUrl: 'https://p/1.m3u8',
      },
      HTTPS,
    )
    expect(file).toEqual({
      fileId: FILE,
      downloadSource: { status: 'ready', url: 'https://d/1' },
      thumbnailSource: { status: 'ready', fileBytes: 12 },
      publicHlsUrl: 'https://p/1.m3u8',
    })
    expect(() => decodeFile({ fileId: 'nope' }, HTTPS)).toThrow('the file record has no valid file id (nope)')
    expect(() => decodeFile(null, HTTPS)).toThrow('the file record is not a JSON object')
    expect(decodeFile({}, HTTPS, FILE).fileId).toBe(FILE)
  })
})

describe('decodeExecutionPage', () => {
  it('skips entries without a valid id, and follows a cursor only when hasMore says so', () => {
    const page = decodeExecutionPage(
      {
        toolExecutions: [{ toolExecutionId: ID, status: 'running' }, { toolExecutionId: 'x' }, null],
        hasMore: true,
        nextCursor: 'c1',
      },
      HTTPS,
    )
    expect(page).toEqual({ executions: [{ toolExecutionId: ID, status: 'running', results: [] }], nextCursor: 'c1' })
    expect(decodeExecutionPage({ toolExecutions: [], hasMore: false, nextCursor: 'c1' }, HTTPS)).toEqual({
      executions: [],
    })
    expect(decodeExecutionPage({ toolExecutions: [], hasMore: true, nextCursor: 'c'.repeat(3000) }, HTTPS)).toEqual({
      executions: [],
    })
    expect(decodeExecutionPage({ toolExecutions: [], hasMore: 'yes', nextCursor: 'c1' }, HTTPS)).toEqual({
      executions: [],
    })
    expect(() => decodeExecutionPage({ executions: [] }, HTTPS)).toThrow(
      'the execution list has no toolExecutions array',
    )
  })
})

describe('sameExecution', () => {
  it('matches an id under either prefix, and nothing else', () => {
    expect(sameExecution('vg_exec_abc', 'vg_tool_abc')).toBe(true)
    expect(sameExecution('vg_tool_abc', 'vg_tool_abc')).toBe(true)
    expect(sameExecution('vg_tool_abc', 'vg_tool_abd')).toBe(false)
    expect(sameExecution('vg_file_abc', 'vg_tool_abc')).toBe(false)
  })
})
