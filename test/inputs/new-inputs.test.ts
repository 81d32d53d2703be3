// The request inputs of the Oct 2026 API, read by loadSettings: what each accepts (and sends), and what it
// refuses with a message naming it.
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { InputError, InputErrors, Problems } from '../../src/inputs/input-error.js'
import { parseSeconds } from '../../src/inputs/parse.js'
import { loadSettings } from '../../src/inputs/settings.js'

const fixture = (name: string) => readFileSync(new URL(`../emulator/fixtures/${name}`, import.meta.url))
const saved = { ...process.env }
let ws: string

beforeEach(() => {
  ws = mkdtempSync(path.join(tmpdir(), 'vg-new-inputs-'))
  process.env.GITHUB_WORKSPACE = ws
  delete process.env.VIDEOGEN_BASE_URL
  mkdirSync(path.join(ws, 'media'))
  writeFileSync(path.join(ws, 'media/voice.wav'), fixture('voice.wav'))
  writeFileSync(path.join(ws, 'media/first.jpg'), fixture('ref.jpg'))
  writeFileSync(path.join(ws, 'media/look.png'), fixture('ref.png'))
  for (const n of [1, 2, 3, 4, 5]) writeFileSync(path.join(ws, `media/take${n}.mp4`), fixture('clip.mp4'))
})
afterEach(() => {
  process.env = { ...saved }
})

const load = (inputs: Record<string, string>, apiKey = 'k') => loadSettings((name) => inputs[name] ?? '', apiKey)
const request = async (inputs: Record<string, string>) => (await load({ prompt: 'p', ...inputs })).requests[0]
const refusal = (inputs: Record<string, string>, apiKey?: string) =>
  load({ prompt: 'p', ...inputs }, apiKey).then(
    () => undefined,
    (error: unknown) => (error as Error).message,
  )

describe('duration', () => {
  it.each([
    ['', undefined],
    ['auto', undefined],
    [' AUTO ', undefined],
    ['8', 8],
    ['8s', 8],
    ['8 s', 8],
    ['1', 1],
    ['30', 30],
  ])('%j → %j', async (raw, seconds) => {
    expect((await request({ duration: raw }))?.request.durationSeconds).toBe(seconds)
  })

  it.each([
    ['31', "Input 'duration': 31 seconds is out of range; use 1–30, or auto"],
    ['0', "Input 'duration': 0 seconds is out of range; use 1–30, or auto"],
    ['8.5', "Input 'duration': '8.5' is not auto or whole seconds; use e.g. auto, 8 or 8s (1–30)"],
    ['1m', "Input 'duration': '1m' is not auto or whole seconds; use e.g. auto, 8 or 8s (1–30)"],
  ])('refuses %j', async (raw, message) => {
    expect(await refusal({ duration: raw })).toBe(message)
    expect(() => parseSeconds('duration', raw, 1, 30)).toThrow(InputError)
  })
})

describe('quality, max-prompt-rewrites and the booleans', () => {
  it('quality: any case of a tier, empty for the account default', async () => {
    expect((await request({ quality: 'max' }))?.request.quality).toBe('MAX')
    expect((await request({ quality: '' }))?.request).not.toHaveProperty('quality')
    expect(await refusal({ quality: 'best' })).toBe("Input 'quality': 'best' is not one of LOW, STANDARD, HIGH, MAX")
  })

  it('max-prompt-rewrites: 0 to 4 as contentPolicyConfig, empty for the API default', async () => {
    expect((await request({ 'max-prompt-rewrites': '0' }))?.request.contentPolicyConfig).toEqual({
      maxPromptRewrites: 0,
    })
    expect((await request({ 'max-prompt-rewrites': '4' }))?.request.contentPolicyConfig).toEqual({
      maxPromptRewrites: 4,
    })
    expect((await request({}))?.request).not.toHaveProperty('contentPolicyConfig')
    expect(await refusal({ 'max-prompt-rewrites': '-1' })).toBe(
      "Input 'max-prompt-rewrites': '-1' is not a whole number; use an integer from 0 to 4",
    )
  })

  it('suppress-background-music and hide-from-ui are sent only when true', async () => {
    const on = await request({ 'suppress-background-music': 'true', 'hide-from-ui': 'True' })
    expect(on?.request).toMatchObject({ suppressBackgroundMusic: true, hideFromUi: true })
    const off = await request({ 'suppress-background-music': 'false', 'hide-from-ui': 'FALSE' })
    expect(off?.request).not.toHaveProperty('suppressBackgroundMusic')
    expect(off?.request).not.toHaveProperty('hideFromUi')
    expect(await refusal({ 'hide-from-ui': 'on' })).toBe(
      "Input 'hide-from-ui': 'on' is not a boolean; use true or false",
    )
  })
})

describe('spoken-dialogue, voice-description, audio, start-frame, videos', () => {
  it('spoken dialogue alone is something to generate from; its voice needs it', async () => {
    const s = await load({ 'spoken-dialogue': '  Hello there  ', 'voice-description': 'calm' })
    expect(s.requests[0]?.request).toMatchObject({ spokenDialogue: 'Hello there', voiceDescription: 'calm' })
    expect(s.requests[0]?.request).not.toHaveProperty('prompt')
    expect(await refusal({ 'voice-description': 'calm' })).toBe(
      "Input 'voice-description': describes the voice of spoken-dialogue; give spoken-dialogue too",
    )
  })

  it('audio and a start frame, each checked by extension and bytes', async () => {
    const clip = await request({ audio: 'media/voice.wav', 'start-frame': 'media/first.jpg' })
    const [audio] = clip?.files.audio ?? []
    expect(audio && 'file' in audio && audio.file).toMatchObject({ relPath: 'media/voice.wav', kind: 'AUDIO' })
    const start = clip?.files.startFrame
    expect(start && 'file' in start && start.file).toMatchObject({ relPath: 'media/first.jpg', kind: 'IMAGE' })
    expect(await refusal({ audio: 'media/look.png' })).toMatch(/^Input 'audio': 'media\/look\.png' is not an audio/)
    expect(await refusal({ 'start-frame': 'media/look.png, media/first.jpg' })).toBe(
      "Input 'start-frame': 2 images given; the API accepts at most 1",
    )
    // Only a start frame is enough to generate from.
    expect((await load({ 'start-frame': 'vg_file_first' })).requests[0]?.files.startFrame).toEqual({
      fileId: 'vg_file_first',
    })
  })

  it('videos: at most 4, counting the deprecated video input with them', async () => {
    expect(await refusal({ videos: 'media/take*.mp4' })).toBe(
      "Input 'videos': 5 videos given; the API accepts at most 4",
    )
    const s = await load({ prompt: 'p', videos: 'media/take{1,2,3}.mp4', video: 'media/take4.mp4' })
    expect(s.requests[0]?.files.videos.map((v) => ('file' in v ? v.file.relPath : v.fileId))).toEqual([
      'media/take4.mp4',
      'media/take1.mp4',
      'media/take2.mp4',
      'media/take3.mp4',
    ])
    expect(s.warnings).toEqual([
      "Input 'video' is deprecated: use 'videos' (up to 4 reference videos, sent as videoFileIds)",
    ])
    expect(await refusal({ videos: 'media/take{1,2,3,4}.mp4', video: 'media/take5.mp4' })).toBe(
      "Input 'videos': with video, 5 videos are given; the API accepts at most 4",
    )
  })

  it('a prompt file above 1 MiB is refused before anything is read into the request', async () => {
    writeFileSync(path.join(ws, 'long.txt'), 'x'.repeat(1024 * 1024 + 1))
    expect(await refusal({ prompt: '', 'prompt-file': 'long.txt' })).toBe(
      "Input 'prompt-file': 'long.txt' is 1048577 bytes; a prompt file may hold at most 1 MiB",
    )
  })
})

describe('other inputs', () => {
  it('a key with a character no HTTP header can carry is named by position, never printed', async () => {
    const message = await refusal({}, 'sk_live_ab\u200bcd')
    expect(message).toBe(
      "Input 'api-key': contains a character that cannot be sent in an HTTP header (U+200B at position 11): copy the key again from app.videogen.io, without spaces or invisible characters",
    )
    expect(message).not.toContain('sk_live')
  })

  it('a base-url of another scheme, and release-upload without a token', async () => {
    expect(await refusal({ 'base-url': 'ftp://api.videogen.io' })).toBe(
      "Input 'base-url': 'ftp://api.videogen.io' must be an https:// URL",
    )
    process.env.GITHUB_EVENT_NAME = 'release'
    expect(await refusal({ 'release-upload': 'true' })).toBe(
      "Input 'github-token': is empty; release-upload needs a token with contents: write",
    )
  })
})

describe('params', () => {
  it('a key the document does not declare is a warning naming it; a value that cannot be JSON is refused', async () => {
    const s = await load({ prompt: 'p', params: '{"seed": 7, "quality": "HIGH"}' })
    expect(s.warnings).toEqual([
      'params.seed: not a field of generate-video-clip in the API document of 2026-10; the API may ignore it',
    ])
    expect(s.requests[0]?.params).toEqual({ seed: 7, quality: 'HIGH' })
    expect(await refusal({ params: '&loop\nself: *loop' })).toMatch(
      /^Input 'params': cannot be sent as JSON \(.*\); give an object such as \{"quality": "HIGH"\} without self-referring anchors$/,
    )
  })
})

describe('Problems', () => {
  it('collects a single error and a group of them, and rethrows anything else', async () => {
    const problems = new Problems()
    await problems.take(() => {
      throw new InputError('a', 'bad')
    })
    await problems.take(() => {
      throw new InputErrors([new InputError('b', 'bad'), new InputError('c', 'bad')])
    })
    expect(problems.errors.map((e) => e.input)).toEqual(['a', 'b', 'c'])
    expect(problems.has('b')).toBe(true)
    expect(problems.has('d')).toBe(false)
    await expect(
      problems.take(() => {
        throw new TypeError('a bug, not an input problem')
      }),
    ).rejects.toThrow(TypeError)
    expect(() => problems.throwIfAny()).toThrow("3 inputs are invalid: Input 'a': bad Input 'b': bad Input 'c': bad")
  })
})
