// Request bodies against the API document (strict by default), the service's own rules on top of it,
// file kinds, and audio uploads.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { type Emulator, FIXTURES_DIR, startEmulator } from './index.js'
import { TestClient, sleep } from './test-client.js'

let emu: Emulator
const client = new TestClient(() => emu)
const png = readFileSync(join(FIXTURES_DIR, 'ref.png'))
const wav = readFileSync(join(FIXTURES_DIR, 'voice.wav'))
const clip = readFileSync(join(FIXTURES_DIR, 'clip.mp4'))

type ErrorBody = { message: string; code: string | null; toolExecutionId?: string }
const generate = (body: unknown) => client.api<ErrorBody>('POST', '/v1/tools/generate-video-clip', { body })

/** Uploads and waits until the file is ready; returns its id. */
async function readyFile(bytes: Buffer, displayName: string, type?: string): Promise<string> {
  const { fileId } = await client.upload(bytes, { displayName, ...(type && { type }) })
  const info = await client.hydrated(fileId)
  expect(info.body.downloadSource?.status).toBe('ready')
  return fileId
}

beforeAll(async () => {
  emu = await startEmulator({ job: { queuedMs: 0, durationMs: 0 }, fileReadyDelayMs: 0 })
})
afterEach(() => {
  emu.reset()
  emu.configure({ strictBodies: undefined, fileReadyDelayMs: 0 })
})
afterAll(async () => {
  await emu.close()
  await client.close()
})

describe('request bodies against the API document', () => {
  it('rejects the singular videoFileId, which no current document declares, naming it', async () => {
    const video = await readyFile(clip, 'clip.mp4')
    const res = await generate({ prompt: 'x', videoFileId: video })
    expect(res.status).toBe(400)
    expect(res.body).toMatchObject({
      code: 'invalid_request',
      message: 'Unknown property videoFileId: the API document declares no such field of GenerateVideoClipRequest.',
    })
    expect(emu.createCount()).toBe(0)
    // The declared plural form is accepted.
    expect((await generate({ prompt: 'x', videoFileIds: [video] })).status).toBe(202)
  })

  it('names undeclared properties at any depth and invalid values with their paths', async () => {
    const nested = await generate({ prompt: 'x', aspectRatio: { width: 16, height: 9, depth: 1 } })
    expect(nested.body.message).toBe(
      'Unknown property aspectRatio.depth: the API document declares no such field of AspectRatio.',
    )
    const several = await generate({ prompt: 'x', durationSeconds: 31, quality: 'ULTRA', numResults: 0 })
    expect(several.status).toBe(400)
    expect(several.body.message).toContain('Invalid durationSeconds: must be <= 30')
    expect(several.body.message).toContain('Invalid quality: must be one of "LOW", "STANDARD", "HIGH", "MAX"')
    expect(several.body.message).toContain('Invalid numResults: must be >= 1')
    // null is only valid where the document allows it.
    expect((await generate({ prompt: null, spokenDialogue: 'Hello' })).body.message).toBe(
      'Invalid prompt: must be a string.',
    )
    const upload = await client.api<ErrorBody>('POST', '/v1/files/upload', {
      body: { displayName: 'a.png', type: 'PICTURE', mimeType: 'image/png' },
    })
    expect(upload.status).toBe(400)
    expect(upload.body.message).toContain('Invalid type: must be one of "IMAGE"')
    expect(upload.body.message).toContain('Unknown property mimeType')
    expect(emu.files.size).toBe(0)
  })

  it('with strictBodies false ignores undeclared properties but still checks declared ones', async () => {
    emu.configure({ strictBodies: false })
    expect((await generate({ prompt: 'x', futureField: 1, aspectRatio: { width: 1, height: 1, z: 0 } })).status).toBe(
      202,
    )
    // A singular videoFileId is then dropped, like the service is assumed to: nothing else to generate from.
    const dropped = await generate({ videoFileId: 'vg_file_AAAAAAAAAAAAAAAAAAAAAA' })
    expect(dropped.status).toBe(400)
    expect(dropped.body.message).toMatch(/^At least one of prompt, startFrameFileId, imageFileIds/)
    expect((await generate({ prompt: 'x', durationSeconds: 0 })).body.message).toBe(
      'Invalid durationSeconds: must be >= 1.',
    )
  })

  it('keeps the rule that something must be given to generate from', async () => {
    for (const body of [
      {},
      { prompt: '  ' },
      { imageFileIds: [] },
      { voiceDescription: 'warm', generateAudio: true },
    ]) {
      const res = await generate(body)
      expect({ body, status: res.status, code: res.body.code }).toEqual({ body, status: 400, code: 'invalid_request' })
    }
    expect((await generate({ spokenDialogue: 'Hello there' })).status).toBe(202)
  })
})

describe('file kinds', () => {
  it('takes images for imageFileIds and startFrameFileId, videos for videoFileIds, audio for audioFileIds', async () => {
    const image = await readyFile(png, 'ref.png')
    const video = await readyFile(clip, 'clip.mp4')
    const audio = await readyFile(wav, 'voice.wav')
    const ok = await generate({
      prompt: 'x',
      startFrameFileId: image,
      imageFileIds: [image],
      videoFileIds: [video],
      audioFileIds: [audio],
    })
    expect(ok.status).toBe(202)

    const wrong: Array<[Record<string, unknown>, string]> = [
      [{ imageFileIds: [image, video] }, `imageFileIds[1]: file "${video}" has type VIDEO; imageFileIds takes IMAGE`],
      [{ startFrameFileId: audio }, `startFrameFileId: file "${audio}" has type AUDIO; startFrameFileId takes IMAGE`],
      [{ videoFileIds: [image] }, `videoFileIds[0]: file "${image}" has type IMAGE; videoFileIds takes VIDEO`],
      [{ audioFileIds: [video] }, `audioFileIds[0]: file "${video}" has type VIDEO; audioFileIds takes AUDIO`],
    ]
    for (const [body, message] of wrong) {
      const res = await generate({ prompt: 'x', ...body })
      expect({ status: res.status, message: res.body.message }).toEqual({
        status: 400,
        message: `${message} files only.`,
      })
    }
    expect(emu.createCount()).toBe(1)
  })

  it('goes by the declared type first, then by the bytes', async () => {
    // Declared AUDIO wins over bytes that look like an image; undeclared bytes are sniffed.
    const declared = await readyFile(png, 'odd.bin', 'AUDIO')
    expect((await generate({ audioFileIds: [declared] })).status).toBe(202)
    expect((await generate({ imageFileIds: [declared] })).status).toBe(400)
  })

  it('checks existence and readiness before kinds', async () => {
    const res = await generate({ audioFileIds: ['vg_file_AAAAAAAAAAAAAAAAAAAAAA'] })
    expect(res.body.message).toBe('audioFileIds[0]: file "vg_file_AAAAAAAAAAAAAAAAAAAAAA" does not exist.')
    const { fileId } = await client
      .api<{ fileId: string }>('POST', '/v1/files/upload', {
        body: { displayName: 'later.wav' },
      })
      .then((r) => r.body)
    expect((await generate({ audioFileIds: [fileId] })).body.message).toBe(
      `audioFileIds[0]: file "${fileId}" is not ready (processing pending).`,
    )
    expect((await generate({ audioFileIds: ['file_1'] })).body.message).toBe(
      'audioFileIds[0]: "file_1" is not a file id.',
    )
  })
})

describe('audio uploads', () => {
  it('a WAV upload becomes a ready AUDIO file with its duration', async () => {
    const { fileId } = await client.upload(wav, { displayName: 'voice.wav', type: 'AUDIO' }, 'audio/wav')
    const info = await client.hydrated(fileId)
    expect(info.body).toMatchObject({
      type: 'AUDIO',
      durationSeconds: 0.5,
      downloadSource: { status: 'ready', fileBytes: wav.length },
      previewSource: { status: 'skipped' },
      thumbnailSource: { status: 'skipped' },
    })
    const download = await client.raw('GET', info.body.downloadUrl!)
    expect(download.bytes.equals(wav)).toBe(true)
    // The plain GET reports the same duration once ready; a public preview keeps the container's extension.
    expect((await client.api('GET', `/v1/files/${fileId}`)).body).toMatchObject({ durationSeconds: 0.5 })
    const pub = await client.api<{ staticPublicPreviewSource: { url: string } }>(
      'POST',
      `/v1/files/${fileId}/enable-public-preview`,
    )
    expect(pub.body.staticPublicPreviewSource.url).toMatch(/\.wav$/)
    expect((await client.raw('GET', pub.body.staticPublicPreviewSource.url)).bytes.equals(wav)).toBe(true)
  })

  it('recognises audio without a declared type, and reports no duration before processing ends', async () => {
    // Processing takes long enough that the GET below sees it unprocessed on a loaded machine too.
    emu.configure({ fileReadyDelayMs: 1500 })
    const { fileId } = await client.upload(wav, { displayName: 'voice' })
    const early = await client.api('GET', `/v1/files/${fileId}`)
    expect(early.body).toMatchObject({ type: null, durationSeconds: null })
    await sleep(1600)
    expect((await client.hydrated(fileId)).body).toMatchObject({ type: 'AUDIO', durationSeconds: 0.5 })
  })
})
