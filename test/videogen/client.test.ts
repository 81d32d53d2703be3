// The API client against the emulator over real HTTP: uploads, generate, polling, download.
import { createHash } from 'node:crypto'
import { mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { type Emulator, startEmulator } from '../emulator/index.js'
import { clipsOf } from '../../src/clip.js'
import { downloadClips } from '../../src/deliver/download.js'
import { createClient, type VideoGenClient } from '../../src/videogen/client.js'
import { VideoGenApiError } from '../../src/videogen/errors.js'
import { waitForExecution } from '../../src/wait.js'

const fixturePath = (name: string) => new URL(`../emulator/fixtures/${name}`, import.meta.url).pathname
const sha256 = (buf: Buffer) => createHash('sha256').update(buf).digest('hex')

let emulator: Emulator
let client: VideoGenClient

beforeAll(async () => {
  emulator = await startEmulator({ job: { queuedMs: 50, durationMs: 600 }, fileReadyDelayMs: 100 })
})
afterAll(async () => {
  await emulator.close()
})
beforeEach(async () => {
  await client?.close()
  emulator.reset()
  client = createClient(emulator.url, emulator.key)
})

function localFile(name: string, contentType: string, kind = 'IMAGE') {
  const absPath = fixturePath(name)
  return { absPath, label: `refs/${name}`, size: readFileSync(absPath).length, kind, contentType }
}

describe('uploads', () => {
  it('creates an upload, streams the bytes to storage without Authorization, and waits until ready', async () => {
    const file = localFile('ref.png', 'image/png')
    const id = await client.files.upload(file, { isTemporary: true, deadline: Date.now() + 10_000 })
    const stored = emulator.files.get(id)
    expect(stored?.sha256).toBe(sha256(readFileSync(file.absPath)))
    expect(stored?.displayName).toBe('ref.png')
    expect(stored?.isTemporary).toBe(true)
    const puts = emulator.requests.filter((r) => r.server === 'storage' && r.method === 'PUT')
    expect(puts).toHaveLength(1)
    expect(puts[0]?.headers.authorization).toBeUndefined()
    expect(puts[0]?.headers['content-type']).toBe('image/png')
    expect(emulator.requests.some((r) => r.path === `/v1/files/${id}/hydrate`)).toBe(true)
  })

  it('fails naming the file when processing fails', async () => {
    emulator.configure({ fileOutcome: 'failed' })
    try {
      await expect(
        client.files.upload(localFile('ref.jpg', 'image/jpeg'), { isTemporary: true, deadline: Date.now() + 10_000 }),
      ).rejects.toThrow(/could not process refs\/ref.jpg/)
    } finally {
      emulator.configure({ fileOutcome: 'ready' })
    }
  })
})

describe('generate, poll, download', () => {
  it('creates one execution with exactly the body given, waits for success and downloads every clip', async () => {
    const body = {
      prompt: 'a fox',
      aspectRatio: { width: 9, height: 16 },
      generateAudio: false,
      watermarkMode: 'AUTO',
      numResults: 2,
      isOutputTemporary: false,
    }
    const id = await client.tools.generateVideoClip(body)
    expect(id).toMatch(/^vg_tool_[A-Za-z0-9_-]{22}$/)
    expect(emulator.createCount()).toBe(1)
    expect(emulator.executions.get(id)?.body).toEqual(body)

    const lines: string[] = []
    const outcome = await waitForExecution(id, {
      createdAt: Date.now(),
      deadline: Date.now() + 10_000,
      getExecution: (i, o) => client.tools.getExecution(i, o),
      log: (l) => lines.push(l),
    })
    expect(outcome.kind).toBe('terminal')
    if (outcome.kind !== 'terminal') return
    expect(outcome.execution.status).toBe('succeeded')
    // A progress line only when the percentage changes, not on every poll.
    expect(new Set(lines).size).toBe(lines.length)

    expect(clipsOf(outcome.execution)).toHaveLength(2)
    const dir = mkdtempSync(path.join(tmpdir(), 'vg-dl-'))
    const clips = await downloadClips(client.files, clipsOf(outcome.execution), {
      dir,
      root: dir,
      executionId: id,
      deadline: Date.now() + 30_000,
    })
    for (const clip of clips) {
      const bytes = readFileSync(clip.absPath as string)
      expect(bytes.subarray(4, 8).toString('latin1')).toBe('ftyp')
      expect(clip.bytes).toBe(bytes.length)
      expect(clip.path).toBe(`${id}-${clip.index}.mp4`)
    }
    const downloads = emulator.requests.filter((r) => r.server === 'storage' && r.method === 'GET')
    expect(downloads.every((r) => r.headers.authorization === undefined)).toBe(true)
  })

  it('re-signs an expired download link through hydrate', async () => {
    emulator.configure({ downloadUrlTtlSeconds: 1 })
    try {
      const id = await client.tools.generateVideoClip({ prompt: 'x', numResults: 1 })
      const outcome = await waitForExecution(id, {
        createdAt: Date.now(),
        deadline: Date.now() + 10_000,
        getExecution: (i, o) => client.tools.getExecution(i, o),
      })
      if (outcome.kind !== 'terminal') throw new Error('not terminal')
      await new Promise((r) => setTimeout(r, 2100))
      const dir = mkdtempSync(path.join(tmpdir(), 'vg-dl-'))
      const clips = await downloadClips(client.files, clipsOf(outcome.execution), {
        dir,
        root: dir,
        executionId: id,
        deadline: Date.now() + 30_000,
      })
      expect(
        readFileSync(clips[0]?.absPath as string)
          .subarray(4, 8)
          .toString('latin1'),
      ).toBe('ftyp')
      expect(emulator.requests.some((r) => r.path.endsWith('/hydrate'))).toBe(true)
    } finally {
      emulator.configure({ downloadUrlTtlSeconds: 3600 })
    }
  })

  it('reports status, code, message and request id of an API error', async () => {
    const error = await client.tools.generateVideoClip({ numResults: 1 }).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(VideoGenApiError)
    const e = error as VideoGenApiError
    expect(e.status).toBe(400)
    expect(e.message).toMatch(/HTTP 400 invalid_(request|parameters): .+ \[request id req_[^\]]+\]/)
    expect(emulator.createCount()).toBe(0)
  })

  it('waits out a 429 using Retry-After, then goes on', async () => {
    emulator.inject({
      method: 'GET',
      path: '/v1/tools/executions/*',
      kind: 'status',
      status: 429,
      body: { message: 'slow down', code: 'rate_limited' },
      headers: { 'retry-after': '1' },
    })
    const id = await client.tools.generateVideoClip({ prompt: 'x', numResults: 1 })
    const started = Date.now()
    const execution = await client.tools.getExecution(id)
    expect(Date.now() - started).toBeGreaterThanOrEqual(950)
    expect(execution.toolExecutionId).toBe(id)
  })
})
