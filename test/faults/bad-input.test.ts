// Bad inputs end to end: the bundled action exits 1 with one ::error:: that names the input and says what
// is allowed, before any request (the emulator sees none).
import { symlinkSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Emulator } from '../emulator/index.js'
import { startEmulator } from '../emulator/index.js'
import { runAction } from '../runner/run-action.js'
import { actionEnv, errorsOf, workspaceWith } from './harness.js'

interface Case {
  name: string
  inputs: Record<string, string>
  /** The input the error must name. */
  input: string
  /** What the message must say (what is wrong and what is allowed). */
  says: RegExp
  /** Leave api-key / base-url out (defaults: the emulator's). */
  noKey?: boolean
  baseUrl?: string
}

const cases: Case[] = [
  {
    name: 'nothing to generate from',
    inputs: {},
    input: 'prompt',
    says: /nothing to generate from: give prompt, prompt-file, images, videos, start-frame, audio or spoken-dialogue/,
  },
  {
    name: 'prompt and prompt-file both',
    inputs: { prompt: 'a fox', 'prompt-file': 'prompt.txt' },
    input: 'prompt-file',
    says: /cannot be combined with prompt; give one of them/,
  },
  {
    name: 'prompt-file missing',
    inputs: { 'prompt-file': 'missing.txt' },
    input: 'prompt-file',
    says: /'missing\.txt' does not exist in the workspace/,
  },
  {
    name: 'prompt-file is a directory',
    inputs: { 'prompt-file': 'refs' },
    input: 'prompt-file',
    says: /'refs' is a directory, not a file/,
  },
  {
    name: 'num-results 0',
    inputs: { prompt: 'x', 'num-results': '0' },
    input: 'num-results',
    says: /0 is out of range; use an integer from 1 to 100/,
  },
  {
    name: 'num-results 101',
    inputs: { prompt: 'x', 'num-results': '101' },
    input: 'num-results',
    says: /101 is out of range; use an integer from 1 to 100/,
  },
  {
    name: 'num-results 2.5',
    inputs: { prompt: 'x', 'num-results': '2.5' },
    input: 'num-results',
    says: /'2\.5' is not a whole number; use an integer from 1 to 100/,
  },
  {
    name: 'num-results ten',
    inputs: { prompt: 'x', 'num-results': 'ten' },
    input: 'num-results',
    says: /'ten' is not a whole number; use an integer from 1 to 100/,
  },
  {
    name: 'aspect-ratio wide',
    inputs: { prompt: 'x', 'aspect-ratio': 'wide' },
    input: 'aspect-ratio',
    says: /'wide' is not W:H with positive integers, e\.g\. 16:9/,
  },
  {
    name: 'aspect-ratio 16x9',
    inputs: { prompt: 'x', 'aspect-ratio': '16x9' },
    input: 'aspect-ratio',
    says: /'16x9' is not W:H with positive integers/,
  },
  {
    name: 'aspect-ratio 0:9',
    inputs: { prompt: 'x', 'aspect-ratio': '0:9' },
    input: 'aspect-ratio',
    says: /'0:9' is not W:H with positive integers/,
  },
  {
    name: 'aspect-ratio -1:1',
    inputs: { prompt: 'x', 'aspect-ratio': '-1:1' },
    input: 'aspect-ratio',
    says: /'-1:1' is not W:H with positive integers/,
  },
  {
    name: 'watermark-mode none?',
    inputs: { prompt: 'x', 'watermark-mode': 'none?' },
    input: 'watermark-mode',
    says: /'none\?' is not one of AUTO, VIDEO_GEN, NONE/,
  },
  {
    name: 'a non-boolean in generate-audio',
    inputs: { prompt: 'x', 'generate-audio': 'yes' },
    input: 'generate-audio',
    says: /'yes' is not a boolean; use true or false/,
  },
  {
    name: 'a non-boolean in wait',
    inputs: { prompt: 'x', wait: 'maybe' },
    input: 'wait',
    says: /'maybe' is not a boolean; use true or false/,
  },
  {
    name: 'timeout soon',
    inputs: { prompt: 'x', timeout: 'soon' },
    input: 'timeout',
    says: /'soon' is not a duration; use a number with a unit, e\.g\. 90s, 20m/,
  },
  {
    name: 'timeout 0',
    inputs: { prompt: 'x', timeout: '0' },
    input: 'timeout',
    says: /'0' is not a duration; use a number with a unit/,
  },
  {
    name: 'a glob matching nothing',
    inputs: { images: 'refs/*.webp' },
    input: 'images',
    says: /pattern 'refs\/\*\.webp' matches no file in the workspace/,
  },
  {
    name: 'a path with .. leaving the workspace',
    inputs: { images: '../outside.png' },
    input: 'images',
    says: /'\.\.\/outside\.png' is outside the workspace .*only files inside it can be uploaded/,
  },
  {
    name: 'a glob with ..',
    inputs: { images: 'refs/../*.png' },
    input: 'images',
    says: /pattern 'refs\/\.\.\/\*\.png' must be relative to the workspace and must not contain '\.\.'/,
  },
  {
    name: 'a symlink leaving the workspace',
    inputs: { images: 'refs/link.png' },
    input: 'images',
    says: /'refs\/link\.png' is a symlink that leads outside the workspace/,
  },
  {
    name: 'a directory as a file',
    inputs: { images: 'refs' },
    input: 'images',
    says: /'refs' is a directory, not a file/,
  },
  {
    name: 'not an image by extension',
    inputs: { images: 'refs/notes.txt' },
    input: 'images',
    says: /'refs\/notes\.txt' is not an image by its extension; allowed: \.jpg, \.jpeg, \.png, \.webp, \.gif/,
  },
  {
    name: 'not an image by magic bytes',
    inputs: { images: 'refs/fake.png' },
    input: 'images',
    says: /'refs\/fake\.png' has a \.png name but its bytes match no supported format; give a real JPEG, PNG, WebP or GIF image/,
  },
  {
    name: 'more images than the API accepts (5)',
    inputs: { images: 'refs/a.png, refs/b.png, refs/c.png, refs/d.png, refs/e.png' },
    input: 'images',
    says: /5 images given; the API accepts at most 4/,
  },
  {
    name: 'an image as the video',
    inputs: { video: 'refs/a.png' },
    input: 'video',
    says: /'refs\/a\.png' is not a video by its extension; allowed: \.mp4, \.m4v, \.mov, \.webm/,
  },
  {
    name: 'params not an object',
    inputs: { prompt: 'x', params: '[1, 2]' },
    input: 'params',
    says: /must be an object \(a mapping of API field names to values\), got an array/,
  },
  {
    name: 'params neither JSON nor YAML',
    inputs: { prompt: 'x', params: '{"quality": "HIGH"' },
    input: 'params',
    says: /is neither valid JSON nor YAML .*give an object such as/,
  },
  {
    name: 'base-url not a URL',
    inputs: { prompt: 'x' },
    baseUrl: 'api.videogen.io',
    input: 'base-url',
    says: /'api\.videogen\.io' is not a URL; use e\.g\. https:\/\/api\.videogen\.io/,
  },
  {
    name: 'base-url http:// to a non-loopback host',
    inputs: { prompt: 'x' },
    baseUrl: 'http://api.videogen.io',
    input: 'base-url',
    says: /uses http:\/\/ to a non-loopback host.*use https:\/\/ \(http:\/\/ is only allowed to 127\.0\.0\.1 or localhost\)/,
  },
  {
    name: 'no key at all',
    inputs: { prompt: 'x' },
    noKey: true,
    input: 'api-key',
    says: /no VideoGen API key\..*secrets\.VIDEOGEN_API_KEY.*pull request from a fork, GitHub does not pass secrets to it/,
  },
  {
    name: 'execution-id malformed',
    inputs: { 'execution-id': 'exec_123' },
    input: 'execution-id',
    says: /'exec_123' is not an execution id; give the execution-id output of an earlier step \(vg_tool_… or vg_exec_…\)/,
  },
  {
    name: 'execution-id with a prompt',
    inputs: { 'execution-id': 'vg_tool_abc', prompt: 'x' },
    input: 'prompt',
    says: /cannot be combined with execution-id/,
  },
  {
    name: 'download-dir outside the workspace',
    inputs: { prompt: 'x', 'download-dir': '../out' },
    input: 'download-dir',
    says: /'\.\.\/out' is outside the workspace; use a path inside it/,
  },
]

let emulator: Emulator
let workspace: string

beforeAll(async () => {
  emulator = await startEmulator()
  workspace = workspaceWith({
    'prompt.txt': Buffer.from('a fox'),
    'refs/a.png': 'ref.png',
    'refs/b.png': 'ref.png',
    'refs/c.png': 'ref.png',
    'refs/d.png': 'ref.png',
    'refs/e.png': 'ref.png',
    'refs/notes.txt': Buffer.from('not an image'),
    'refs/fake.png': Buffer.from('this is text, not a PNG'),
  })
  const outside = path.join(tmpdir(), `vg-outside-${process.pid}.png`)
  writeFileSync(outside, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0]))
  symlinkSync(outside, path.join(workspace, 'refs/link.png'))
})
afterAll(async () => {
  // Not one request from any case.
  expect(emulator.requests).toEqual([])
  await emulator.close()
})

describe.concurrent('bad input (bundled action): exit 1, the input named, no request', () => {
  // Titled with %s: `$name` would be truncated at 40 characters.
  it.each(cases.map((c) => [c.name, c] as const))('%s', async (_name, c) => {
    const inputs = { ...(!c.noKey && { 'api-key': emulator.key }), 'base-url': c.baseUrl ?? emulator.url, ...c.inputs }
    const r = await runAction({ inputs, env: actionEnv(), workspace })
    const errors = errorsOf(r.stdout)
    const context = `${c.name}\n${r.stdout}\n${r.stderr}`
    expect(r.code, context).toBe(1)
    expect(errors, context).toHaveLength(1)
    expect(errors[0], context).toMatch(new RegExp(`^Input '${c.input}': `))
    expect(errors[0], context).toMatch(c.says)
    expect(emulator.requests, context).toEqual([])
  })
})
