import { mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { loadSettings } from '../../src/inputs/settings.js'
import { readAndMaskApiKey } from '../../src/inputs/secrets.js'

const fixture = (name: string) => readFileSync(new URL(`../emulator/fixtures/${name}`, import.meta.url))

let ws: string
const saved = { ...process.env }

beforeEach(() => {
  ws = mkdtempSync(path.join(tmpdir(), 'vg-settings-'))
  process.env.GITHUB_WORKSPACE = ws
  delete process.env.VIDEOGEN_API_KEY
  delete process.env.VIDEOGEN_BASE_URL
  mkdirSync(path.join(ws, 'refs'))
  writeFileSync(path.join(ws, 'refs/a.png'), fixture('ref.png'))
  writeFileSync(path.join(ws, 'refs/b.jpg'), fixture('ref.jpg'))
  writeFileSync(path.join(ws, 'clip.mp4'), fixture('clip.mp4'))
  writeFileSync(path.join(ws, 'prompt.txt'), 'A fox in the snow\n')
})
afterEach(() => {
  process.env = { ...saved }
})

const load = (inputs: Record<string, string>) => loadSettings((name) => inputs[name] ?? '', inputs['api-key'] ?? '')

describe('loadSettings', () => {
  it('builds the typed settings with defaults', async () => {
    const s = await load({ 'api-key': 'k', prompt: 'hello' })
    expect(s.baseUrl).toBe('https://api.videogen.io')
    expect(s.requests[0]?.request).toEqual({
      prompt: 'hello',
      generateAudio: false,
      watermarkMode: 'AUTO',
      numResults: 1,
      isOutputTemporary: false,
    })
    expect(s.wait).toBe(true)
    expect(s.timeoutMs).toBe(30 * 60_000)
    expect(s.downloadDir).toBe(path.join(ws, 'videogen-output'))
    expect(s.temporaryUploads).toBe(true)
  })

  it('honours VIDEOGEN_BASE_URL and strips the trailing slash; the input wins over the env', async () => {
    process.env.VIDEOGEN_BASE_URL = 'http://127.0.0.1:4010/'
    expect((await load({ 'api-key': 'k', prompt: 'p' })).baseUrl).toBe('http://127.0.0.1:4010')
    expect((await load({ 'api-key': 'k', prompt: 'p', 'base-url': 'https://eu.example.com//' })).baseUrl).toBe(
      'https://eu.example.com',
    )
  })

  it('reads the prompt from prompt-file', async () => {
    expect((await load({ 'api-key': 'k', 'prompt-file': 'prompt.txt' })).requests[0]?.request.prompt).toBe(
      'A fox in the snow',
    )
  })

  it('expands globs inside the workspace, keeps file ids and orders them as given', async () => {
    const s = await load({ 'api-key': 'k', images: 'vg_file_abc, refs/*' })
    expect(s.requests[0]!.files.images.map((r) => ('fileId' in r ? r.fileId : r.file.relPath))).toEqual([
      'vg_file_abc',
      'refs/a.png',
      'refs/b.jpg',
    ])
    const png = s.requests[0]!.files.images[1]
    expect(png && 'file' in png && png.file.contentType).toBe('image/png')
  })

  it('takes a video and sets its kind', async () => {
    const s = await load({ 'api-key': 'k', video: 'clip.mp4' })
    const video = s.requests[0]!.files.videos[0]
    expect(video && 'file' in video && video.file.kind).toBe('VIDEO')
  })

  it('accepts a key from VIDEOGEN_API_KEY via the default reader', async () => {
    process.env.VIDEOGEN_API_KEY = 'from-env'
    const read = (name: string) => (name === 'prompt' ? 'p' : '')
    const s = await loadSettings(read, readAndMaskApiKey(read))
    expect(s.apiKey).toBe('from-env')
  })

  it.each([
    [{ prompt: 'p' }, /Input 'api-key': no VideoGen API key.*fork/s],
    [{ 'api-key': 'k' }, /Input 'prompt': nothing to generate from/],
    [
      { 'api-key': 'k', prompt: 'p', 'prompt-file': 'prompt.txt' },
      /Input 'prompt-file': cannot be combined with prompt/,
    ],
    [{ 'api-key': 'k', 'prompt-file': 'missing.txt' }, /Input 'prompt-file': 'missing.txt' does not exist/],
    [{ 'api-key': 'k', 'prompt-file': 'refs' }, /Input 'prompt-file': 'refs' is a directory/],
    [{ 'api-key': 'k', images: 'nothing/*.png' }, /Input 'images': pattern 'nothing\/\*.png' matches no file/],
    [{ 'api-key': 'k', images: '../outside.png' }, /Input 'images': '..\/outside.png' is outside the workspace/],
    [{ 'api-key': 'k', images: 'refs' }, /Input 'images': 'refs' is a directory/],
    [{ 'api-key': 'k', images: 'prompt.txt' }, /Input 'images': 'prompt.txt' is not an image by its extension/],
    [{ 'api-key': 'k', video: 'refs/a.png' }, /Input 'video': 'refs\/a.png' is not a video by its extension/],
    [{ 'api-key': 'k', prompt: 'p', 'base-url': 'not a url' }, /Input 'base-url': 'not a url' is not a URL/],
    [
      { 'api-key': 'k', prompt: 'p', 'base-url': 'http://api.videogen.io' },
      /Input 'base-url': .*http:\/\/ to a non-loopback host/,
    ],
    [
      { 'api-key': 'k', prompt: 'p', 'execution-id': 'vg_file_x' },
      /Input 'execution-id': 'vg_file_x' is not an execution id/,
    ],
    [
      { 'api-key': 'k', 'execution-id': 'vg_tool_x', prompt: 'p' },
      /Input 'prompt': cannot be combined with execution-id/,
    ],
    [
      { 'api-key': 'k', prompt: 'p', 'artifact-name': 'a', download: 'false' },
      /Input 'artifact-name': needs download: true/,
    ],
    [{ 'api-key': 'k', prompt: 'p', 'artifact-name': 'a/b' }, /Input 'artifact-name': .*character/],
    [{ 'api-key': 'k', prompt: 'p', cache: 'true', wait: 'false' }, /Input 'cache': needs wait: true/],
    [
      { 'api-key': 'k', prompt: 'p', 'download-dir': '../out' },
      /Input 'download-dir': '..\/out' is outside the workspace/,
    ],
  ])('refuses %j', async (inputs, message) => {
    await expect(load(inputs as Record<string, string>)).rejects.toThrow(message)
  })

  it('refuses a symlink that leaves the workspace', async () => {
    const outside = mkdtempSync(path.join(tmpdir(), 'vg-outside-'))
    writeFileSync(path.join(outside, 'secret.png'), fixture('ref.png'))
    symlinkSync(path.join(outside, 'secret.png'), path.join(ws, 'link.png'))
    await expect(load({ 'api-key': 'k', images: 'link.png' })).rejects.toThrow(
      /'link.png' is a symlink that leads outside the workspace/,
    )
  })

  it('refuses a download-dir that leaves the workspace through a symlink', async () => {
    const outside = mkdtempSync(path.join(tmpdir(), 'vg-outside-'))
    symlinkSync(outside, path.join(ws, 'out-link'))
    await expect(load({ 'api-key': 'k', prompt: 'p', 'download-dir': 'out-link/clips' })).rejects.toThrow(
      /Input 'download-dir': 'out-link\/clips' leads outside the workspace through a symlink/,
    )
    mkdirSync(path.join(ws, 'real-dir'))
    expect((await load({ 'api-key': 'k', prompt: 'p', 'download-dir': 'real-dir/new/clips' })).downloadDir).toBe(
      path.join(ws, 'real-dir/new/clips'),
    )
  })

  it('accepts file names that merely start with two dots', async () => {
    writeFileSync(path.join(ws, '..logo.png'), fixture('ref.png'))
    const s = await load({ 'api-key': 'k', images: '..logo.png' })
    expect(s.requests[0]!.files.images.map((r) => 'file' in r && r.file.relPath)).toEqual(['..logo.png'])
  })

  it('refuses an image whose bytes are not an image', async () => {
    writeFileSync(path.join(ws, 'fake.png'), 'not really a png at all')
    await expect(load({ 'api-key': 'k', images: 'fake.png' })).rejects.toThrow(
      /'fake.png' has a .png name but its bytes match no supported format/,
    )
    writeFileSync(path.join(ws, 'video.jpg'), fixture('clip.mp4'))
    await expect(load({ 'api-key': 'k', images: 'video.jpg' })).rejects.toThrow(/its bytes say mp4\/mov/)
  })

  it('refuses more images than the API accepts', async () => {
    for (const n of [1, 2, 3, 4]) writeFileSync(path.join(ws, `refs/x${n}.png`), fixture('ref.png'))
    await expect(load({ 'api-key': 'k', images: 'refs/*' })).rejects.toThrow(
      /Input 'images': 6 images given; the API accepts at most 4/,
    )
  })
})
