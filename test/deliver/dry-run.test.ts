// dry-run through the bundled action: validates, lists and hashes the files, shows the exact body, and
// sends nothing (no key needed).
import { createHash } from 'node:crypto'
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type Emulator, startEmulator } from '../emulator/index.js'
import { newWorkspace, runAction } from '../runner/run-action.js'

const fixture = (name: string) => readFileSync(new URL(`../emulator/fixtures/${name}`, import.meta.url))
const sha256 = (buf: Buffer) => createHash('sha256').update(buf).digest('hex')

let emulator: Emulator

beforeAll(async () => {
  emulator = await startEmulator()
})
afterAll(async () => {
  await emulator?.close()
})

/** The JSON block the action prints after "Would send POST … with body:". */
function loggedBody(stdout: string): unknown {
  const lines = stdout.split('\n')
  const start = lines.findIndex((l) => /^Would send POST .*\/v1\/tools\/generate-video-clip with body:$/.test(l))
  expect(start, stdout).toBeGreaterThanOrEqual(0)
  const end = lines.indexOf('}', start)
  return JSON.parse(lines.slice(start + 1, end + 1).join('\n'))
}

describe('dry-run', () => {
  it('validates, lists the files with their sha256, prints the exact body and makes no request, without a key', async () => {
    const workspace = newWorkspace()
    mkdirSync(path.join(workspace, 'refs'))
    writeFileSync(path.join(workspace, 'refs/logo.png'), fixture('ref.png'))
    writeFileSync(path.join(workspace, 'refs/hero.jpg'), fixture('ref.jpg'))
    const r = await runAction({
      workspace,
      inputs: {
        'base-url': emulator.url,
        'dry-run': 'true',
        prompt: 'A "quoted" `prompt` with <html> & ünïcode',
        images: 'refs/logo.png, refs/hero.jpg, vg_file_existing0000000000001',
        'aspect-ratio': '9:16',
        'num-results': '3',
        params: '{"durationSeconds": 6, "quality": "HIGH"}',
      },
    })
    expect(r.code, r.stdout + r.stderr).toBe(0)
    expect(r.stdout).not.toContain('::error::')
    expect(r.outputs.status).toBe('dry-run')

    const expected = {
      durationSeconds: 6,
      quality: 'HIGH',
      prompt: 'A "quoted" `prompt` with <html> & ünïcode',
      aspectRatio: { width: 9, height: 16 },
      generateAudio: false,
      watermarkMode: 'AUTO',
      numResults: 3,
      isOutputTemporary: false,
      imageFileIds: ['<upload:refs/logo.png>', '<upload:refs/hero.jpg>', 'vg_file_existing0000000000001'],
    }
    expect(JSON.parse(r.outputs['request-body'] as string)).toEqual(expected)
    expect(loggedBody(r.stdout)).toEqual(expected)
    expect(r.stdout).toContain('The body is valid against the API document of 2026-10.')

    // Each local file with its type, size and content hash; an existing id is not uploaded.
    const png = fixture('ref.png')
    expect(r.stdout).toContain(
      `image: would upload refs/logo.png (IMAGE, image/png, ${png.length} bytes, sha256 ${sha256(png)})`,
    )
    expect(r.stdout).toContain(`sha256 ${sha256(fixture('ref.jpg'))}`)
    expect(r.stdout).toContain('image: existing file vg_file_existing0000000000001 (no upload)')

    expect(emulator.requests).toHaveLength(0)
    expect(r.outputs['execution-id']).toBeUndefined()
    expect(r.summary).toContain('dry-run')
    expect(r.summary).toContain('Request body')
  })
})
