// wait: false, then resume with execution-id, through the bundled action and the runner's post step.
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type Emulator, startEmulator } from '../emulator/index.js'
import { runAction, runMainAndPost } from '../runner/run-action.js'

const KEY = 'sk_videogen_live_resume_test_key_0123'

let emulator: Emulator

beforeAll(async () => {
  // Long enough that the execution is still running when the first step's post step runs, loaded machine included.
  emulator = await startEmulator({ apiKeys: [KEY], job: { queuedMs: 50, durationMs: 10_000 } })
})
afterAll(async () => {
  await emulator?.close()
})

describe('fire and forget, then resume', () => {
  it('wait: false returns at once and the post step leaves the execution running; execution-id resumes and delivers', async () => {
    const env = { VIDEOGEN_API_KEY: KEY }
    const { main, post } = await runMainAndPost({
      inputs: { 'base-url': emulator.url, prompt: 'waves on a rocky shore', wait: 'false' },
      env,
    })
    expect(main.code, main.stdout + main.stderr).toBe(0)
    const id = main.outputs['execution-id'] as string
    expect(id).toMatch(/^vg_tool_/)
    expect(['pending', 'running']).toContain(main.outputs.status)
    expect(main.outputs.path).toBeUndefined()
    expect(main.state.disposition).toBe('detached')
    expect(main.stdout).toContain(`Resume in a later step with execution-id: ${id}`)
    expect(post.code, post.stdout + post.stderr).toBe(0)
    // The post step did not cancel it (and the execution really was still going when it ran).
    expect(emulator.cancelCalls()).toEqual([])
    expect(emulator.requests.some((q) => q.path.endsWith('/cancel'))).toBe(false)
    expect(['pending', 'running']).toContain(emulator.executions.get(id)?.status)
    expect(emulator.createCount()).toBe(1)

    const resumed = await runAction({ inputs: { 'base-url': emulator.url, 'execution-id': id }, env })
    expect(resumed.code, resumed.stdout + resumed.stderr).toBe(0)
    expect(resumed.stdout).toContain(`Resuming execution ${id}`)
    expect(resumed.outputs['execution-id']).toBe(id)
    expect(resumed.outputs.status).toBe('succeeded')
    expect(resumed.outputs.path).toBe(`videogen-output/${id}-1.mp4`)
    const clip = readFileSync(path.join(resumed.workspace, resumed.outputs.path as string))
    expect(clip.subarray(4, 8).toString('latin1')).toBe('ftyp')
    expect(JSON.parse(resumed.outputs['file-ids'] as string)).toEqual(emulator.executions.get(id)?.resultFileIds)
    expect(emulator.createCount()).toBe(1)
    expect(
      emulator.requests.filter((q) => q.method === 'POST' && q.path === '/v1/tools/generate-video-clip'),
    ).toHaveLength(1)
  })
})
