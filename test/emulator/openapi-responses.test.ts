// Every API response body the emulator gives, for each operation the action uses and each state it can be
// in, is valid against the response schema of the API document for that status (`default` → ApiError),
// strictly: no property the document does not declare.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, expect, it } from 'vitest'
import {
  type SchemaIssue,
  describeIssue,
  matchOperation,
  operationSchemas,
  validateSchema,
} from '../../src/videogen/openapi.js'
import { type Emulator, type ExecutedTool, FIXTURES_DIR, startEmulator } from './index.js'
import { TestClient, waitFor } from './test-client.js'

let emu: Emulator
const client = new TestClient(() => emu)

interface Checked {
  operation: string
  status: number
  schema: string
  issues: SchemaIssue[]
}
const checked: Checked[] = []

/** An API call whose response body is validated against the document and recorded. */
async function call<T = Record<string, unknown>>(
  method: string,
  path: string,
  opts: { body?: unknown; key?: string | null } = {},
) {
  const res = await client.api<T>(method, path, opts)
  const template = matchOperation(method, path.split('?')[0]!)
  if (!template) throw new Error(`no operation in the document for ${method} ${path}`)
  const { responses } = operationSchemas(method, template)
  const schema = responses[String(res.status)] ?? responses.default!
  checked.push({
    operation: `${method} ${template}`,
    status: res.status,
    schema,
    issues: validateSchema(schema, res.body, { strict: true }),
  })
  return res
}

const execution = (id: string) => call<ExecutedTool>('GET', `/v1/tools/executions/${id}`)
const generate = (body: unknown) => call<{ toolExecutionId: string }>('POST', '/v1/tools/generate-video-clip', { body })

async function startWith(job: NonNullable<Parameters<Emulator['configure']>[0]['job']>): Promise<string> {
  emu.configure({ job })
  const created = await generate({ prompt: 'a lighthouse at dusk', numResults: 2, isOutputTemporary: true })
  expect(created.status).toBe(202)
  return created.body.toolExecutionId
}

beforeAll(async () => {
  emu = await startEmulator({ fileReadyDelayMs: 100, apiKeys: ['key-a', 'key-b'] })
})
afterAll(async () => {
  await emu.close()
  await client.close()
})

it('answers every operation the action uses with bodies valid against the API document', async () => {
  // Files: upload ticket, GET and hydrate while pending and when ready, for each kind of upload.
  for (const [name, type] of [
    ['ref.png', 'IMAGE'],
    ['clip.mp4', undefined],
    ['voice.wav', 'AUDIO'],
  ] as const) {
    const ticket = await call<{ fileId: string; uploadUrl: string }>('POST', '/v1/files/upload', {
      body: { displayName: name, ...(type && { type }), isTemporary: true },
    })
    expect(ticket.status).toBe(200)
    await call('GET', `/v1/files/${ticket.body.fileId}`)
    await call('POST', `/v1/files/${ticket.body.fileId}/hydrate`)
    await client.raw('PUT', ticket.body.uploadUrl, { body: readFileSync(join(FIXTURES_DIR, name)) })
    await waitFor(
      () => call<{ downloadSource: { status: string } }>('POST', `/v1/files/${ticket.body.fileId}/hydrate`),
      (r) => r.body.downloadSource.status === 'ready',
    )
    await call('GET', `/v1/files/${ticket.body.fileId}`)
    await call('POST', `/v1/files/${ticket.body.fileId}/enable-public-preview`)
    await call('POST', `/v1/files/${ticket.body.fileId}/disable-public-preview`)
  }
  // A failed upload.
  emu.configure({ fileOutcome: 'failed' })
  const failed = await client.upload(readFileSync(join(FIXTURES_DIR, 'ref.jpg')), { displayName: 'ref.jpg' })
  await waitFor(
    () => call<{ downloadSource: { status: string } }>('POST', `/v1/files/${failed.fileId}/hydrate`),
    (r) => r.body.downloadSource.status === 'failed',
  )
  emu.configure({ fileOutcome: undefined })
  await call('POST', `/v1/files/${failed.fileId}/archive`)
  await call('GET', '/v1/files?limit=2')

  // Executions in every state.
  const pending = await startWith({ queuedMs: 60_000 })
  const running = await startWith({ queuedMs: 0, durationMs: 60_000 })
  const succeeded = await startWith({ queuedMs: 0, durationMs: 0 })
  const failedRun = await startWith({
    queuedMs: 0,
    durationMs: 0,
    outcome: 'failed',
    error: {
      message: 'Needs the add-on.',
      code: 'not_authorized',
      requirement: { type: 'purchase_add_on', details: { addOn: 'production_api' } },
    },
  })
  const cancelled = await startWith({ queuedMs: 0, durationMs: 60_000 })
  expect((await call('POST', `/v1/tools/executions/${cancelled}/cancel`)).status).toBe(202)
  const states = []
  for (const id of [pending, running, succeeded, failedRun, cancelled]) states.push((await execution(id)).body.status)
  expect(states).toEqual(['pending', 'running', 'succeeded', 'failed', 'cancelled'])
  const done = await execution(succeeded)
  expect(done.body.results).toHaveLength(2)
  await call('POST', `/v1/files/${done.body.results[0]!.fileId}/enable-public-preview`)
  await call('GET', `/v1/files/${done.body.results[1]!.fileId}`)
  await call('GET', '/v1/tools/executions?limit=3')
  await call('GET', '/v1/tools/executions?selfOnly=true')
  await call('GET', '/v1/me')

  // Error answers: 400, 401, 403, 404, 429, and an injected 503.
  expect((await generate({ prompt: 'x', videoFileId: 'vg_file_x' })).status).toBe(400)
  expect((await call('POST', '/v1/files/upload', { body: { type: 'IMAGE' } })).status).toBe(400)
  expect((await call('GET', '/v1/tools/executions?limit=500')).status).toBe(400)
  expect((await call('GET', '/v1/tools/executions/exec_1')).status).toBe(400)
  expect((await call('GET', '/v1/me', { key: null })).status).toBe(401)
  expect((await call('GET', '/v1/me', { key: 'not-a-key' })).status).toBe(401)
  expect((await generate({ prompt: 'x', watermarkMode: 'NONE' })).status).toBe(403)
  expect((await call('GET', '/v1/files/vg_file_AAAAAAAAAAAAAAAAAAAAAA')).status).toBe(404)
  expect((await execution('vg_tool_AAAAAAAAAAAAAAAAAAAAAA')).status).toBe(404)
  expect((await call('POST', '/v1/tools/executions/vg_tool_AAAAAAAAAAAAAAAAAAAAAA/cancel')).status).toBe(404)
  emu.configure({ credits: 0 })
  expect((await generate({ prompt: 'x' })).status).toBe(429)
  emu.configure({ credits: undefined, rateLimits: { other: 1 } })
  await call('GET', '/v1/me', { key: 'key-b' })
  expect((await call('GET', '/v1/me', { key: 'key-b' })).status).toBe(429)
  emu.configure({ rateLimits: undefined })
  emu.inject({ path: '/v1/tools/executions/*', kind: 'status', status: 503 })
  expect((await execution(running)).status).toBe(503)

  const invalid = checked.filter((c) => c.issues.length > 0)
  expect(
    invalid.map((c) => `${c.operation} → ${c.status} (${c.schema}): ${c.issues.map(describeIssue).join('; ')}`),
  ).toEqual([])
  const operations = new Set(checked.map((c) => c.operation))
  const statuses = new Set(checked.map((c) => c.status))
  console.log(
    `openapi-responses: ${checked.length} response bodies of ${operations.size} operations valid (strict) against the document`,
  )
  expect(operations.size).toBe(12)
  expect([...statuses].sort()).toEqual([200, 202, 400, 401, 403, 404, 429, 503])
  // Pairs, not bodies: how many hydrate polls fit in a file's processing time depends on the machine's load.
  const pairs = new Set(checked.map((c) => `${c.operation} ${c.status}`))
  expect(pairs.size).toBe(24)
})

it('would notice a response body the document does not allow', async () => {
  emu.inject({ kind: 'rewrite', path: '/v1/me', rewrite: (body) => ({ ...(body as object), plan: 'pro', email: 7 }) })
  await call('GET', '/v1/me')
  expect(checked.at(-1)!.issues.map(describeIssue)).toEqual([
    'email: must be a string',
    'plan: is not a property declared by the API document',
  ])
})
