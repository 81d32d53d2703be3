// artifact-name through the bundled action: the clips arrive in the artifact (a zip in Azurite, via the
// results-service stand-in); a name already used in the run fails before any execution is created; GHES warns.
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { type Emulator, startEmulator } from '../emulator/index.js'
import { runAction } from '../runner/run-action.js'
import { type ResultsService, startResultsService } from '../standins/results-service.js'
import { readZip } from './zip.js'

const KEY = 'sk_videogen_live_artifact_test_key_0123'

let emulator: Emulator
let svc: ResultsService

beforeAll(async () => {
  ;[emulator, svc] = await Promise.all([
    startEmulator({ apiKeys: [KEY], job: { queuedMs: 30, durationMs: 300 } }),
    startResultsService(),
  ])
})
afterAll(async () => {
  await Promise.all([emulator?.close(), svc?.close()])
})
beforeEach(() => emulator.reset())

const run = (inputs: Record<string, string>, env: Record<string, string> = {}) =>
  runAction({ inputs: { 'base-url': emulator.url, ...inputs }, env: { VIDEOGEN_API_KEY: KEY, ...svc.env(), ...env } })

describe('artifact-name', () => {
  it('uploads the downloaded clips as an artifact and outputs its id and URL', async () => {
    const r = await run({
      prompt: 'a lighthouse at night',
      'num-results': '2',
      'artifact-name': 'clips',
      'artifact-retention-days': '3',
    })
    expect(r.code, r.stdout + r.stderr).toBe(0)
    const artifact = svc.artifacts.find((a) => a.name === 'clips')
    expect(artifact?.finalized).toBe(true)
    expect(r.outputs['artifact-id']).toBe(artifact?.id)
    expect(r.outputs['artifact-url']).toBe(`https://github.com/octo/demo/actions/runs/1/artifacts/${artifact?.id}`)
    const create = svc.calls.find(
      (c) => c.method === 'CreateArtifact' && (c.body as { name?: string }).name === 'clips',
    )
    expect((create?.body as { expires_at?: string }).expires_at).toBeDefined() // retention was passed on

    // The zip in blob storage holds exactly the two clips, byte for byte as downloaded (and as served).
    const entries = readZip(await svc.blobBytes(artifact?.blobName as string))
    const paths = JSON.parse(r.outputs.paths as string) as string[]
    expect([...entries.keys()].sort()).toEqual([...paths].sort())
    const id = r.outputs['execution-id']
    expect(paths).toEqual([`videogen-output/${id}-1.mp4`, `videogen-output/${id}-2.mp4`])
    const served = readFileSync(new URL('../emulator/fixtures/clip.mp4', import.meta.url))
    for (const p of paths) {
      expect(entries.get(p)?.equals(readFileSync(path.join(r.workspace, p)))).toBe(true)
      expect(entries.get(p)?.equals(served)).toBe(true)
    }
    // The summary links the artifact.
    expect(r.summary).toContain(`<a href="${r.outputs['artifact-url']}">clips</a>`)

    // The same name again in the same run: fails before anything is created or uploaded, with the matrix hint.
    emulator.reset()
    const callsBefore = svc.calls.length
    const again = await run({ prompt: 'a lighthouse at night', 'artifact-name': 'clips' })
    expect(again.code).toBe(1)
    expect(again.stdout).toMatch(/::error::.*artifact named 'clips' already exists in this workflow run/)
    expect(again.stdout).toContain('artifact-name: clips-${{ strategy.job-index }}')
    expect(again.outputs['execution-id']).toBeUndefined()
    expect(emulator.createCount()).toBe(0)
    expect(emulator.requests).toHaveLength(0)
    expect(svc.calls.slice(callsBefore).map((c) => c.method)).toEqual(['ListArtifacts'])
  })

  it('fails before creating anything when the Actions runtime for artifacts is missing', async () => {
    const r = await runAction({
      inputs: { 'base-url': emulator.url, prompt: 'x', 'artifact-name': 'clips' },
      env: { VIDEOGEN_API_KEY: KEY },
    })
    expect(r.code).toBe(1)
    expect(r.stdout).toMatch(
      /::error::Input 'artifact-name': uploading an artifact needs the Actions runtime, but ACTIONS_RUNTIME_TOKEN and ACTIONS_RESULTS_URL are not set/,
    )
    expect(emulator.requests).toHaveLength(0)
  })

  it('on GHES warns, skips the artifact and still succeeds', async () => {
    const callsBefore = svc.calls.length
    const r = await run(
      { prompt: 'a lighthouse at dawn', 'artifact-name': 'ghes-clips' },
      { GITHUB_SERVER_URL: 'http://127.0.0.1:1234' },
    )
    expect(r.code, r.stdout + r.stderr).toBe(0)
    expect(r.stdout).toMatch(/::warning::Artifact 'ghes-clips' was not uploaded: .*GitHub Enterprise Server/)
    expect(r.outputs.status).toBe('succeeded')
    expect(r.outputs.path).toMatch(/\.mp4$/)
    expect(r.outputs['artifact-id']).toBeUndefined()
    expect(r.outputs['artifact-url']).toBeUndefined()
    expect(svc.calls.length).toBe(callsBefore)
    expect(emulator.createCount()).toBe(1)
  })
})
