// The emulator's own contract, over real HTTP on 127.0.0.1.
import { createHash } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { request } from 'undici'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { type Emulator, type ExecutedTool, FIXTURES_DIR, type FileInfo, startEmulator } from './index.js'
import { TestClient, sleep, waitFor } from './test-client.js'
import { resolveScript, stateAt } from './timeline.js'

let emu: Emulator
const client = new TestClient(() => emu)
const api = client.api.bind(client)
const raw = client.raw.bind(client)
const agent = client.agent
const png = readFileSync(join(FIXTURES_DIR, 'ref.png'))

async function uploadPng(displayName = 'ref.png', type?: string) {
  const ticket = await api<{ fileId: string; uploadUrl: string }>('POST', '/v1/files/upload', {
    body: { displayName, ...(type && { type }) },
  })
  expect(ticket.status).toBe(200)
  const put = await raw('PUT', ticket.body.uploadUrl, { body: png, headers: { 'content-type': 'image/png' } })
  return { ...ticket.body, put }
}

const getExecution = (id: string) => api<ExecutedTool>('GET', `/v1/tools/executions/${id}`)
const generate = (body: unknown) =>
  api<{ toolExecutionId: string; message?: string; code?: string }>('POST', '/v1/tools/generate-video-clip', { body })

beforeAll(async () => {
  emu = await startEmulator({ job: { queuedMs: 50, durationMs: 300 }, fileReadyDelayMs: 50 })
})
afterEach(() => {
  emu.reset()
  emu.configure({
    job: { queuedMs: 50, durationMs: 300 },
    fileReadyDelayMs: 50,
    apiKeys: undefined,
    rateLimits: undefined,
    credits: undefined,
    uploadUrlTtlSeconds: undefined,
    fileOutcome: undefined,
    watermarkNoneAllowed: undefined,
  })
})
afterAll(async () => {
  await emu.close()
  await client.close()
})

describe('auth, request ids and rate limits', () => {
  it('rejects a missing key and an unaccepted key with 401', async () => {
    const missing = await api('GET', '/v1/me', { key: null })
    expect(missing.status).toBe(401)
    expect(missing.body).toMatchObject({ code: 'missing_api_key', message: expect.any(String) })
    expect(missing.headers['x-request-id']).toMatch(/^req_/)
    expect((await api('GET', '/v1/me', { key: '' })).body).toMatchObject({ code: 'missing_api_key' })

    emu.configure({ apiKeys: ['good'] })
    const bad = await api('GET', '/v1/me', { key: 'other' })
    expect(bad.status).toBe(401)
    expect(bad.body).toMatchObject({ code: 'invalid_api_key' })
    const good = await api('GET', '/v1/me', { key: 'good' })
    expect(good.status).toBe(200)
    expect(good.body).toMatchObject({
      apiKeyId: expect.stringMatching(/^vg_key_/),
      teamId: expect.any(String),
      email: expect.any(String),
    })
  })

  it('sends unique request ids and hourly rate-limit headers, then 429 rate_limited', async () => {
    emu.configure({ rateLimits: { 'executions-get': 2 } })
    const a = await api('GET', '/v1/tools/executions/vg_tool_AAAAAAAAAAAAAAAAAAAAAA')
    const b = await api('GET', '/v1/tools/executions/vg_tool_AAAAAAAAAAAAAAAAAAAAAA')
    expect(a.status).toBe(404)
    expect(a.headers['x-request-id']).not.toBe(b.headers['x-request-id'])
    expect(a.headers['x-ratelimit-limit']).toBe('2')
    expect(a.headers['x-ratelimit-remaining']).toBe('1')
    expect(b.headers['x-ratelimit-remaining']).toBe('0')
    const reset = Number(a.headers['x-ratelimit-reset'])
    expect(reset % 3600).toBe(0)
    expect(reset * 1000).toBeGreaterThan(Date.now())
    const c = await api('GET', '/v1/tools/executions/vg_tool_AAAAAAAAAAAAAAAAAAAAAA')
    expect(c.status).toBe(429)
    expect(c.body).toMatchObject({ code: 'rate_limited' })
    // Other groups have their own counters.
    expect((await api('GET', '/v1/me')).status).toBe(200)
  })

  it('requires JSON bodies on POST and answers unknown routes with 404', async () => {
    const noType = await api('POST', '/v1/files/upload', {
      body: '{"displayName":"x"}',
      headers: { 'content-type': 'text/plain' },
    })
    expect(noType.status).toBe(400)
    expect(noType.body).toMatchObject({ code: 'invalid_request' })
    const malformed = await api('POST', '/v1/files/upload', { body: '{"displayName":' })
    expect(malformed.status).toBe(400)
    expect((await api('GET', '/v1/nope')).body).toMatchObject({ code: 'not_found' })
    expect((await api('GET', '/v1/files/abc')).body).toMatchObject({ code: 'invalid_id' })
    expect((await api('GET', '/v1/files/vg_file_AAAAAAAAAAAAAAAAAAAAAA')).status).toBe(404)
  })
})

describe('uploads and storage', () => {
  it('upload → PUT → pending → ready after hydrate, with the bytes downloadable', async () => {
    const ticket = await api<{ fileId: string; uploadUrl: string }>('POST', '/v1/files/upload', {
      body: { displayName: 'ref.png', isTemporary: true },
    })
    expect(ticket.body.fileId).toMatch(/^vg_file_[A-Za-z0-9_-]{22}$/)
    const upload = new URL(ticket.body.uploadUrl)
    expect(upload.origin).toBe(emu.storageUrl)
    expect(upload.pathname).toBe(`/storage-files-prod/${ticket.body.fileId}/primary-source`)
    expect(upload.searchParams.get('X-Amz-Expires')).toBe('900')

    const before = await api<FileInfo>('POST', `/v1/files/${ticket.body.fileId}/hydrate`)
    expect(before.body.downloadSource?.status).toBe('pending')
    // Processing takes long enough that the GET below sees it pending on a loaded machine too.
    const readyDelay = emu.options.fileReadyDelayMs
    emu.configure({ fileReadyDelayMs: 1500 })

    const put = await raw('PUT', ticket.body.uploadUrl, { body: png, headers: { 'content-type': 'image/png' } })
    expect(put.status).toBe(200)
    expect(put.headers.etag).toBeTruthy()
    const record = emu.files.get(ticket.body.fileId)!
    expect(record).toMatchObject({
      uploadedBytes: png.length,
      contentType: 'image/png',
      sha256: createHash('sha256').update(png).digest('hex'),
      isTemporary: true,
    })

    const got = await api<FileInfo>('GET', `/v1/files/${ticket.body.fileId}`)
    expect(got.body).toMatchObject({ type: null, scope: 'TEMPORARY', downloadSource: { status: 'pending', url: null } })
    emu.configure({ fileReadyDelayMs: readyDelay })

    const hydrated = await waitFor(
      () => api<FileInfo>('POST', `/v1/files/${ticket.body.fileId}/hydrate`),
      (r) => r.body.downloadSource?.status === 'ready',
    )
    expect(hydrated.body.type).toBe('IMAGE')
    expect(hydrated.body.downloadUrl).toBe(hydrated.body.downloadSource?.url)
    expect(hydrated.body.downloadUrlExpiresAt).toBeGreaterThan(Date.now() / 1000)
    const plain = await api<FileInfo>('GET', `/v1/files/${ticket.body.fileId}`)
    expect(plain.body.downloadSource).toMatchObject({ status: 'ready', url: null })

    const dl = await raw('GET', hydrated.body.downloadSource!.url!)
    expect(dl.status).toBe(200)
    expect(dl.bytes.equals(png)).toBe(true)
  })

  it('follows fileOutcome failed, and a second PUT replaces the content', async () => {
    emu.configure({ fileOutcome: 'failed' })
    const failed = await uploadPng()
    const info = await waitFor(
      () => api<FileInfo>('POST', `/v1/files/${failed.fileId}/hydrate`),
      (r) => r.body.downloadSource?.status !== 'pending',
    )
    expect(info.body.downloadSource?.status).toBe('failed')

    emu.configure({ fileOutcome: 'ready' })
    const jpg = readFileSync(join(FIXTURES_DIR, 'ref.jpg'))
    expect((await raw('PUT', failed.uploadUrl, { body: jpg })).status).toBe(200)
    expect(emu.files.get(failed.fileId)).toMatchObject({ uploadedBytes: jpg.length, putCount: 2, contentType: null })
  })

  it('rejects an Authorization header (400), an expired URL and a tampered one (403 XML)', async () => {
    const ticket = await api<{ fileId: string; uploadUrl: string }>('POST', '/v1/files/upload', {
      body: { displayName: 'a.png', type: 'IMAGE' },
    })
    const withAuth = await raw('PUT', ticket.body.uploadUrl, {
      body: png,
      headers: { authorization: `Bearer ${emu.key}` },
    })
    expect(withAuth.status).toBe(400)
    expect(withAuth.text).toContain('<Code>InvalidArgument</Code>')

    const tampered = ticket.body.uploadUrl.replace(/X-Amz-Expires=\d+/, 'X-Amz-Expires=99999')
    const bad = await raw('PUT', tampered, { body: png })
    expect(bad.status).toBe(403)
    expect(bad.text).toContain('<Code>AccessDenied</Code>')

    emu.configure({ uploadUrlTtlSeconds: 0 })
    const expired = await api<{ uploadUrl: string }>('POST', '/v1/files/upload', { body: { displayName: 'b.png' } })
    const late = await raw('PUT', expired.body.uploadUrl, { body: png })
    expect(late.status).toBe(403)
    expect(late.text).toContain('<Code>AccessDenied</Code>')
    expect(late.text).toContain('expired')
    expect(emu.files.get(ticket.body.fileId)?.putCount).toBe(0)
  })
})

describe('executions', () => {
  it('runs pending → running → succeeded with downloadable results', async () => {
    // Queued long enough that the first GET sees it pending on a loaded machine too.
    const job = emu.options.job
    emu.configure({ job: { ...job, queuedMs: 1500 } })
    const created = await generate({
      prompt: 'foggy forest',
      aspectRatio: { width: 16, height: 9 },
      numResults: 2,
      isOutputTemporary: true,
    })
    expect(created.status).toBe(202)
    const id = created.body.toolExecutionId
    expect(id).toMatch(/^vg_tool_[A-Za-z0-9_-]{22}$/)
    expect(emu.executions.get(id)?.body).toMatchObject({ prompt: 'foggy forest', numResults: 2 })

    const first = await getExecution(id)
    expect(first.body).toMatchObject({
      status: 'pending',
      toolType: 'GENERATE_VIDEO_CLIP',
      progressPercentage: 0,
      attemptIndex: 0,
      results: [],
      error: null,
    })
    emu.configure({ job })
    const running = await waitFor(
      () => getExecution(id),
      (r) => r.body.status === 'running',
    )
    expect(running.body.progressPercentage).toBeLessThan(100)
    const done = await waitFor(
      () => getExecution(id),
      (r) => r.body.status === 'succeeded',
    )
    expect(done.body).toMatchObject({ status: 'succeeded', progressPercentage: 100, error: null })
    expect(done.body.results).toHaveLength(2)
    const result = done.body.results[0]!
    expect(result).toMatchObject({
      type: 'VIDEO',
      file: { fileId: result.fileId, type: 'VIDEO', scope: 'TEMPORARY', durationSeconds: 1 },
    })
    expect(result.downloadUrl).toBe(result.file.downloadSource?.url)

    const video = await raw('GET', result.downloadUrl!)
    expect(video.status).toBe(200)
    expect(video.headers['content-type']).toBe('video/mp4')
    expect(Number(video.headers['content-length'])).toBe(video.bytes.length)
    expect(video.bytes.subarray(4, 8).toString('latin1')).toBe('ftyp')
    const thumb = await raw('GET', result.thumbnailUrl!)
    expect(thumb.headers['content-type']).toBe('image/jpeg')
    expect(thumb.bytes[0]).toBe(0xff)

    // Storage rules on downloads too.
    expect((await raw('GET', result.downloadUrl!, { headers: { authorization: 'Bearer x' } })).status).toBe(400)
    expect(
      (
        await raw(
          'GET',
          result.downloadUrl!.replace(/sig=(.)/, (_m, c: string) => `sig=${c === '0' ? '1' : '0'}`),
        )
      ).status,
    ).toBe(403)

    // Result files are real files: GET, hydrate, public preview.
    expect((await api<FileInfo>('GET', `/v1/files/${result.fileId}`)).body).toMatchObject({
      sourceToolExecutionId: id,
      downloadSource: { status: 'ready', url: null },
    })
    const pub = await api<FileInfo>('POST', `/v1/files/${result.fileId}/enable-public-preview`)
    expect(pub.body).toMatchObject({
      isPublicPreviewEnabled: true,
      publicPlaybackId: expect.stringMatching(/^vg_play_/),
      staticPublicPreviewSource: { status: 'ready', expiresAt: null },
    })
    const publicVideo = await raw('GET', pub.body.staticPublicPreviewSource!.url!)
    expect(publicVideo.status).toBe(200)
    expect(publicVideo.bytes.subarray(4, 8).toString('latin1')).toBe('ftyp')
    const off = await api<FileInfo>('POST', `/v1/files/${result.fileId}/disable-public-preview`)
    expect(off.body).toMatchObject({ isPublicPreviewEnabled: false, staticPublicPreviewSource: null })
    expect((await raw('GET', pub.body.staticPublicPreviewSource!.url!)).status).toBe(404)

    const list = await api<{ toolExecutions: ExecutedTool[]; hasMore: boolean }>('GET', '/v1/tools/executions?limit=1')
    expect(list.body.toolExecutions[0]?.toolExecutionId).toBe(id)
    expect(list.body.hasMore).toBe(false)
  })

  it('reports a scripted failure with its ApiError', async () => {
    emu.configure({
      job: {
        queuedMs: 0,
        durationMs: 50,
        outcome: 'failed',
        error: { message: 'Moderation rejected the prompt.', code: 'content_policy' },
      },
    })
    const { body } = await generate({ prompt: 'x' })
    const done = await waitFor(
      () => getExecution(body.toolExecutionId),
      (r) => r.body.status === 'failed',
    )
    expect(done.body).toMatchObject({
      status: 'failed',
      results: [],
      error: { message: 'Moderation rejected the prompt.', code: 'content_policy' },
    })
  })

  it('restarts progress on each attempt', async () => {
    const script = resolveScript({ queuedMs: 100, durationMs: 1000, attempts: 2, progress: 'steps' })
    expect(stateAt(script, 50)).toEqual({ status: 'pending', progressPercentage: 0, attemptIndex: 0 })
    expect(stateAt(script, 100 + 800)).toEqual({ status: 'running', progressPercentage: 75, attemptIndex: 0 })
    expect(stateAt(script, 1100 + 100)).toEqual({ status: 'running', progressPercentage: 0, attemptIndex: 1 })
    expect(stateAt(script, 1100 + 600)).toEqual({ status: 'running', progressPercentage: 50, attemptIndex: 1 })
    expect(stateAt(script, 2100)).toEqual({ status: 'succeeded', progressPercentage: 100, attemptIndex: 1 })
    expect(stateAt(resolveScript({ queuedMs: 0, durationMs: 100 }), 57).progressPercentage).toBe(57)
    expect(stateAt(resolveScript({ queuedMs: 0, durationMs: 100, progress: [5, 40, 90] }), 50).progressPercentage).toBe(
      40,
    )

    emu.configure({ job: { queuedMs: 0, durationMs: 400, attempts: 2 } })
    const { body } = await generate({ prompt: 'x' })
    const second = await waitFor(
      () => getExecution(body.toolExecutionId),
      (r) => r.body.attemptIndex === 1,
    )
    expect(second.body.status).toBe('running')
    expect(second.body.progressPercentage).toBeLessThan(90)
  })

  it('cancels a running execution; terminal ones stay; unknown ids 404', async () => {
    emu.configure({ job: { queuedMs: 0, durationMs: 5_000 } })
    const { body } = await generate({ prompt: 'x' })
    const id = body.toolExecutionId
    await sleep(60)
    const cancel = await api('POST', `/v1/tools/executions/${id}/cancel`)
    expect(cancel.status).toBe(202)
    expect(cancel.body).toEqual({ toolExecutionId: id })
    const after = await getExecution(id)
    expect(after.body).toMatchObject({ status: 'cancelled', results: [], error: null })
    const frozen = after.body.progressPercentage
    await sleep(60)
    expect((await getExecution(id)).body.progressPercentage).toBe(frozen)

    emu.configure({ job: { queuedMs: 0, durationMs: 0 } })
    const quick = await generate({ prompt: 'y' })
    expect((await api('POST', `/v1/tools/executions/${quick.body.toolExecutionId}/cancel`)).status).toBe(202)
    expect((await getExecution(quick.body.toolExecutionId)).body.status).toBe('succeeded')

    expect((await api('POST', '/v1/tools/executions/vg_tool_AAAAAAAAAAAAAAAAAAAAAA/cancel')).status).toBe(404)
    expect((await api('POST', '/v1/tools/executions/exec_1/cancel')).body).toMatchObject({ code: 'invalid_id' })
    expect(emu.cancelCalls()).toEqual([id, quick.body.toolExecutionId, 'vg_tool_AAAAAAAAAAAAAAAAAAAAAA', 'exec_1'])
  })

  it('accepts vg_exec_ ids', async () => {
    emu.configure({ executionIdPrefix: 'vg_exec_' })
    const { body } = await generate({ prompt: 'x' })
    expect(body.toolExecutionId).toMatch(/^vg_exec_/)
    const asTool = body.toolExecutionId.replace('vg_exec_', 'vg_tool_')
    expect((await getExecution(asTool)).body.toolExecutionId).toBe(body.toolExecutionId)
    emu.configure({ executionIdPrefix: undefined })
  })

  it('validates the body, the plan gate and credits', async () => {
    const cases: unknown[] = [
      {},
      { prompt: '' },
      { prompt: 'x', aspectRatio: '16:9' },
      { prompt: 'x', aspectRatio: { width: 16, height: 0 } },
      { prompt: 'x', aspectRatio: { width: 1.5, height: 1 } },
      { prompt: 'x', watermarkMode: 'SOME' },
      { prompt: 'x', numResults: 0 },
      { prompt: 'x', numResults: 101 },
      { prompt: 'x', durationSeconds: 31 },
      { prompt: 'x', quality: 'ULTRA' },
      { imageFileIds: ['vg_file_1', 'vg_file_2', 'vg_file_3', 'vg_file_4', 'vg_file_5'] },
      { imageFileIds: ['vg_file_AAAAAAAAAAAAAAAAAAAAAA'] },
    ]
    for (const body of cases) {
      const res = await generate(body)
      expect({ body, status: res.status, code: res.body.code }).toEqual({ body, status: 400, code: 'invalid_request' })
    }
    // A referenced file must be ready.
    const ticket = await api<{ fileId: string }>('POST', '/v1/files/upload', { body: { displayName: 'p.png' } })
    expect((await generate({ imageFileIds: [ticket.body.fileId] })).status).toBe(400)
    const ready = await uploadPng()
    await sleep(80)
    expect((await generate({ imageFileIds: [ready.fileId], durationSeconds: null })).status).toBe(202)

    const gated = await generate({ prompt: 'x', watermarkMode: 'NONE' })
    expect(gated.status).toBe(403)
    expect(gated.body).toMatchObject({
      code: 'not_authorized',
      requirement: { type: 'purchase_add_on', details: { addOn: 'production_api' } },
    })
    emu.configure({ watermarkNoneAllowed: true, credits: 1 })
    expect((await generate({ prompt: 'x', watermarkMode: 'NONE' })).status).toBe(202)
    const broke = await generate({ prompt: 'x' })
    expect(broke.status).toBe(429)
    expect(broke.body).toMatchObject({ code: 'insufficient_credits' })
    expect(emu.createCount()).toBe(2)
  })
})

describe('fault injection', () => {
  it('status before processing: no side effect, rate-limit headers, consumed once', async () => {
    emu.inject({ method: 'POST', path: '/v1/tools/generate-video-clip', kind: 'status', status: 429 })
    const faulted = await generate({ prompt: 'x' })
    expect(faulted.status).toBe(429)
    expect(faulted.body).toMatchObject({ code: 'rate_limited' })
    expect(faulted.headers['x-ratelimit-reset']).toBeTruthy()
    expect(faulted.headers['x-request-id']).toBeTruthy()
    expect(emu.createCount()).toBe(0)
    expect((await generate({ prompt: 'x' })).status).toBe(202)
    expect(emu.createCount()).toBe(1)
  })

  it('reset drops the connection without processing; reset-after-processing creates the execution', async () => {
    emu.inject({ method: 'POST', path: '/v1/tools/*', kind: 'reset' })
    await expect(generate({ prompt: 'x' })).rejects.toThrow()
    expect(emu.createCount()).toBe(0)

    emu.inject({ method: 'POST', path: '/v1/tools/generate-video-clip', kind: 'reset-after-processing' })
    await expect(generate({ prompt: 'x' })).rejects.toThrow()
    expect(emu.createCount()).toBe(1)

    emu.inject({ path: /generate/, kind: 'status-after-processing', status: 502 })
    expect((await generate({ prompt: 'x' })).status).toBe(502)
    expect(emu.createCount()).toBe(2)
    expect(emu.requests.filter((r) => r.path === '/v1/tools/generate-video-clip').map((r) => r.status)).toEqual([
      undefined,
      undefined,
      502,
    ])
  })

  it('after/times, delay, mid-body cuts and hang are honoured; close() does not wait', async () => {
    emu.inject({ method: 'GET', path: '/v1/me', after: 1, times: 2, kind: 'status', status: 503 })
    const statuses = []
    for (let i = 0; i < 4; i++) statuses.push((await api('GET', '/v1/me')).status)
    expect(statuses).toEqual([200, 503, 503, 200])

    emu.inject({ path: '/v1/me', kind: 'delay', ms: 150 })
    const t0 = Date.now()
    expect((await api('GET', '/v1/me')).status).toBe(200)
    expect(Date.now() - t0).toBeGreaterThanOrEqual(140)

    emu.configure({ job: { queuedMs: 0, durationMs: 0 } })
    const { body } = await generate({ prompt: 'x' })
    const url = (await getExecution(body.toolExecutionId)).body.results[0]!.downloadUrl!
    emu.inject({ server: 'storage', path: '/files/*', kind: 'reset-mid-body' })
    await expect(raw('GET', url)).rejects.toThrow()
    expect((await raw('GET', url)).status).toBe(200)

    const ticket = await api<{ fileId: string; uploadUrl: string }>('POST', '/v1/files/upload', {
      body: { displayName: 'cut.png' },
    })
    emu.inject({ method: 'PUT', kind: 'reset-mid-body' })
    await expect(raw('PUT', ticket.body.uploadUrl, { body: png })).rejects.toThrow()
    expect(emu.files.get(ticket.body.fileId)?.putCount).toBe(0)
    const cut = emu.requests.at(-1)!
    expect([cut.server, cut.method, cut.status, cut.bodyBytes > 0]).toEqual(['storage', 'PUT', undefined, true])

    const other = await startEmulator()
    other.inject({ kind: 'hang' })
    const pending = request(`${other.url}/v1/me`, {
      headers: { authorization: `Bearer ${other.key}` },
      dispatcher: agent,
    }).catch((e: unknown) => e)
    await sleep(50)
    const t1 = Date.now()
    await other.close()
    expect(Date.now() - t1).toBeLessThan(5_000)
    expect(await pending).toBeInstanceOf(Error)
  })
})
