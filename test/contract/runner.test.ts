// The bundled dist/index.js run the way the Actions runner runs it: INPUT_ variables with action.yml
// defaults, file commands, a workspace; then the post step with the saved state.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { type Emulator, startEmulator } from '../emulator/index.js'
import { newWorkspace, runAction, runMainAndPost } from '../runner/run-action.js'

const fixture = (name: string) => readFileSync(new URL(`../emulator/fixtures/${name}`, import.meta.url))
const KEY = 'sk_videogen_live_contract_test_key_0123456789'

let emulator: Emulator

beforeAll(async () => {
  emulator = await startEmulator({ apiKeys: [KEY], job: { queuedMs: 50, durationMs: 800 }, fileReadyDelayMs: 50 })
})
afterAll(async () => {
  await emulator.close()
})
beforeEach(() => emulator.reset())

function workspaceWithAssets(): string {
  const ws = newWorkspace()
  mkdirSync(path.join(ws, 'brand'))
  writeFileSync(path.join(ws, 'brand/logo.png'), fixture('ref.png'))
  writeFileSync(path.join(ws, 'brand/hero.jpg'), fixture('ref.jpg'))
  return ws
}

describe('dist/index.js under the runner contract', () => {
  it('generates, downloads and reports a clip; the key appears nowhere, even with debug on', async () => {
    const workspace = workspaceWithAssets()
    const { main, post } = await runMainAndPost({
      workspace,
      inputs: {
        prompt: 'A fox | in *the* <snow>',
        images: 'brand/*',
        'aspect-ratio': '9:16',
        'base-url': emulator.url,
      },
      env: { VIDEOGEN_API_KEY: KEY, RUNNER_DEBUG: '1', ACTIONS_STEP_DEBUG: 'true' },
    })
    expect(main.code, main.stdout + main.stderr).toBe(0)
    const o = main.outputs
    expect(o['execution-id']).toMatch(/^vg_tool_/)
    expect(o.status).toBe('succeeded')
    expect(JSON.parse(o['file-ids'] as string)).toEqual([o['file-id']])
    expect(JSON.parse(o.urls as string)).toEqual([o.url])
    expect(o['thumbnail-url']).toMatch(/^http:\/\/127\.0\.0\.1:\d+\//)
    expect(o.path).toBe(`videogen-output/${o['execution-id']}-1.mp4`)
    expect(JSON.parse(o.paths as string)).toEqual([o.path])
    const clip = readFileSync(path.join(workspace, o.path as string))
    expect(clip.subarray(4, 8).toString('latin1')).toBe('ftyp')
    const results = JSON.parse(readFileSync(path.join(workspace, o['results-file'] as string), 'utf8'))
    expect(results.execution.toolExecutionId).toBe(o['execution-id'])
    expect(results.execution.status).toBe('succeeded')

    // The request: exactly the typed fields, images uploaded and sent as ids in input order.
    const execution = emulator.executions.get(o['execution-id'] as string)
    expect(execution?.body).toEqual({
      prompt: 'A fox | in *the* <snow>',
      aspectRatio: { width: 9, height: 16 },
      generateAudio: false,
      watermarkMode: 'AUTO',
      numResults: 1,
      isOutputTemporary: false,
      imageFileIds: expect.arrayContaining([expect.stringMatching(/^vg_file_/)]),
    })
    expect((execution?.body.imageFileIds as string[]).map((id) => emulator.files.get(id)?.displayName)).toEqual([
      'hero.jpg',
      'logo.png',
    ])
    expect(emulator.createCount()).toBe(1)

    // Summary: status, id, escaped prompt, a thumbnail linking to the clip.
    const decoded = main.summary.replace(/&#(\d+);/g, (_, n: string) => String.fromCharCode(Number(n)))
    expect(decoded).toContain(`<code>${o['execution-id']}</code>`)
    expect(decoded).toContain('A fox | in *the* <snow>')
    expect(main.summary).toContain('&#60;snow&#62;')
    expect(main.summary).not.toContain('<snow>')
    expect(main.summary).toMatch(/<a href="http:\/\/127\.0\.0\.1:\d+\/[^"]+"><img src="http:\/\/127\.0\.0\.1/)

    // State for the post step; the post step is quiet after a clean run.
    expect(main.state['executionId']).toBe(o['execution-id'])
    expect(main.state['disposition']).toBe('terminal')
    expect(post.code).toBe(0)
    expect(post.stdout).not.toMatch(/::warning::/)
    expect(emulator.cancelCalls()).toEqual([])

    // The key: masked first thing, and nowhere else in anything the step produced.
    const firstLine = main.stdout.split('\n')[0] ?? ''
    expect(firstLine).toBe(`::add-mask::${KEY}`)
    const everything = [
      main.stdout.split('\n').slice(1).join('\n'),
      main.stderr,
      JSON.stringify(main.outputs),
      JSON.stringify(main.state),
      main.summary,
      readFileSync(path.join(workspace, o['results-file'] as string), 'utf8'),
      post.stdout.replace(`::add-mask::${KEY}`, ''),
      post.stderr,
    ]
    for (const text of everything) expect(text).not.toContain(KEY)
    // Debug logging was really on (so the check above covers it).
    expect(main.stdout).toMatch(/::debug::GET \/v1\/tools\/executions\//)
  })

  it('fails on bad input naming the input, before any request', async () => {
    const result = await runAction({
      inputs: { prompt: 'x', 'num-results': '101', 'base-url': emulator.url },
      env: { VIDEOGEN_API_KEY: KEY },
    })
    expect(result.code).toBe(1)
    expect(result.stdout).toContain("::error::Input 'num-results': 101 is out of range; use an integer from 1 to 100")
    expect(emulator.requests).toEqual([])
  })

  it('fails a failed execution with the API message and code, still setting execution-id and status', async () => {
    emulator.configure({
      job: {
        queuedMs: 20,
        durationMs: 200,
        outcome: 'failed',
        error: { message: 'The prompt was rejected by moderation', code: 'content_policy' },
      },
    })
    try {
      const result = await runAction({
        inputs: { prompt: 'x', 'base-url': emulator.url },
        env: { VIDEOGEN_API_KEY: KEY },
      })
      expect(result.code).toBe(1)
      expect(result.outputs['execution-id']).toMatch(/^vg_tool_/)
      expect(result.outputs.status).toBe('failed')
      expect(result.stdout).toMatch(
        /::error::Execution vg_tool_\S+ failed: The prompt was rejected by moderation \(code content_policy\)/,
      )
    } finally {
      emulator.configure({ job: { queuedMs: 50, durationMs: 800 } })
    }
  })
})
