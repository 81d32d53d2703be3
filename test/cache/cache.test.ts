// cache: true, for real: the bundled action under the runner stand-in, against the VideoGen emulator and
// the Actions results service stand-in (Twirp + Azurite), with system tar and zstd.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type Emulator, startEmulator } from '../emulator/index.js'
import { newWorkspace, runAction, type RunResult } from '../runner/run-action.js'
import { type ResultsService, startResultsService } from '../standins/results-service.js'
import { ContentHashes, clipCacheKey } from '../../src/cache-key.js'
import { loadSettings } from '../../src/inputs/settings.js'

const fixture = (name: string) => readFileSync(new URL(`../emulator/fixtures/${name}`, import.meta.url))

let emulator: Emulator
let results: ResultsService

beforeAll(async () => {
  ;[emulator, results] = await Promise.all([
    startEmulator({ job: { queuedMs: 50, durationMs: 300 }, fileReadyDelayMs: 50 }),
    startResultsService(),
  ])
})
afterAll(async () => {
  await Promise.all([emulator?.close(), results?.close()])
})

/** A fresh workspace (as on another runner) holding `refs/<name>` with the given bytes. */
function workspaceWith(name: string, bytes: Buffer): string {
  const ws = newWorkspace('vg-cache-ws-')
  mkdirSync(path.join(ws, 'refs'))
  writeFileSync(path.join(ws, 'refs', name), bytes)
  return ws
}

async function run(workspace: string, inputs: Record<string, string>, withCacheService = true): Promise<RunResult> {
  const result = await runAction({
    workspace,
    inputs: { 'base-url': emulator.url, cache: 'true', ...inputs },
    env: { VIDEOGEN_API_KEY: emulator.key, ...(withCacheService && results.env()) },
  })
  expect(result.code, result.stdout + result.stderr).toBe(0)
  return result
}

/** Requests the emulator recorded from index `from` on. */
const since = (from: number) => emulator.requests.slice(from)
const generatePosts = (from: number) =>
  since(from).filter((r) => r.method === 'POST' && r.path === '/v1/tools/generate-video-clip')
const uploadPosts = (from: number) => since(from).filter((r) => r.method === 'POST' && r.path === '/v1/files/upload')
const clipEntries = () => results.cacheEntries.filter((e) => e.finalized && e.key.startsWith('videogen-clip-v2-'))
const uploadEntries = () => results.cacheEntries.filter((e) => e.finalized && e.key.startsWith('videogen-upload-v2-'))
const bodyOf = (executionId: string | undefined) => emulator.executions.get(executionId ?? '')?.body

describe('cache: finished clips', () => {
  it('a second run with the same inputs restores the clips and creates no execution; one changed byte misses', async () => {
    const png = fixture('ref.png')
    const inputs = { prompt: 'cache: a lighthouse at dusk', images: 'refs/ref.png', 'num-results': '2' }
    const first = await run(workspaceWith('ref.png', png), inputs)
    expect(first.outputs['cache-hit']).toBe('false')
    const executionId = first.outputs['execution-id'] as string
    expect(executionId).toMatch(/^vg_tool_/)
    expect(first.stdout).toMatch(/Cache miss/)
    expect(first.stdout).toMatch(/Saved the clips to the cache \(entry \d+, key videogen-clip-v2-[0-9a-f]{64}\)/)
    const [entry] = clipEntries()
    expect(clipEntries()).toHaveLength(1)
    expect(first.stdout).toContain(`Cache key: ${entry?.key}`)
    // Nothing of the staging directory is left in the workspace.
    expect(() => readFileSync(path.join(first.workspace, '.videogen-cache'))).toThrow(/ENOENT/)

    const creates = emulator.createCount()
    const mark = emulator.requests.length
    const second = await run(workspaceWith('ref.png', png), inputs)
    const o = second.outputs
    expect(o['cache-hit']).toBe('true')
    expect(o['execution-id']).toBe(executionId)
    expect(o.status).toBe('succeeded')
    expect(emulator.createCount()).toBe(creates)
    expect(generatePosts(mark)).toEqual([])
    expect(uploadPosts(mark)).toEqual([]) // a hit needs no upload either
    // Same clips, byte for byte, at the same workspace-relative paths.
    expect(o.paths).toBe(first.outputs.paths)
    const paths = JSON.parse(o.paths as string) as string[]
    expect(paths).toEqual([`videogen-output/${executionId}-1.mp4`, `videogen-output/${executionId}-2.mp4`])
    for (const p of paths)
      expect(readFileSync(path.join(second.workspace, p)).equals(readFileSync(path.join(first.workspace, p)))).toBe(
        true,
      )
    expect(o['file-ids']).toBe(first.outputs['file-ids'])
    // URLs re-signed through hydrate rather than the cached (possibly expired) ones.
    const fileIds = JSON.parse(o['file-ids'] as string) as string[]
    expect(
      since(mark)
        .filter((r) => r.path.endsWith('/hydrate'))
        .map((r) => r.path)
        .sort(),
    ).toEqual(fileIds.map((id) => `/v1/files/${id}/hydrate`).sort())
    expect(o.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\//)
    const record = JSON.parse(readFileSync(path.join(second.workspace, o['results-file'] as string), 'utf8'))
    expect(record.execution.toolExecutionId).toBe(executionId)
    expect(record.clips.map((c: { path: string }) => c.path)).toEqual(paths)
    expect(second.summary).toContain('from cache, no new execution')
    expect(second.stdout).toContain(`Cache hit: reused execution ${executionId}`)
    expect(clipEntries()).toHaveLength(1) // a hit saves nothing

    const changed = Buffer.from(png)
    changed[changed.length - 1] = (changed.at(-1) as number) ^ 0xff
    const mark3 = emulator.requests.length
    const third = await run(workspaceWith('ref.png', changed), inputs)
    expect(third.outputs['cache-hit']).toBe('false')
    expect(third.outputs['execution-id']).not.toBe(executionId)
    expect(emulator.createCount()).toBe(creates + 1)
    expect(generatePosts(mark3)).toHaveLength(1)
    expect(clipEntries()).toHaveLength(2)
  }, 60_000)

  it('a hit still delivers to an artifact, and enables public previews the cached run did not have', async () => {
    const inputs = { prompt: 'cache: artifact after a hit' }
    const first = await run(newWorkspace(), { ...inputs, 'artifact-name': 'cache-miss-clips' })
    expect(first.outputs['public-url']).toBeUndefined()
    const creates = emulator.createCount()
    const mark = emulator.requests.length
    const second = await run(newWorkspace(), {
      ...inputs,
      'artifact-name': 'cache-hit-clips',
      'public-preview': 'true',
    })
    expect(second.outputs['cache-hit']).toBe('true')
    expect(emulator.createCount()).toBe(creates)
    expect(
      since(mark).filter((r) => r.path === `/v1/files/${second.outputs['file-id']}/enable-public-preview`),
    ).toHaveLength(1)
    expect(second.outputs['public-url']).toMatch(/^http:\/\/127\.0\.0\.1:\d+\//)
    const artifact = results.artifacts.find((a) => a.name === 'cache-hit-clips')
    expect(artifact?.finalized).toBe(true)
    expect(second.outputs['artifact-id']).toBe(artifact?.id)
    expect(second.outputs['artifact-id']).not.toBe(first.outputs['artifact-id'])
    expect(second.summary).toContain('cache-hit-clips')
  }, 30_000)

  it('a hit whose public preview cannot be enabled warns and still delivers (it must not fail every re-run)', async () => {
    const inputs = { prompt: 'cache: preview refused on a hit' }
    await run(newWorkspace(), inputs)
    const creates = emulator.createCount()
    emulator.inject({
      method: 'POST',
      path: /\/enable-public-preview$/,
      kind: 'status',
      status: 404,
      body: { message: 'File not found', code: 'not_found' },
      times: 5,
    })
    const hit = await run(newWorkspace(), { ...inputs, 'public-preview': 'true' })
    emulator.clearFaults()
    expect(hit.outputs['cache-hit']).toBe('true')
    expect(emulator.createCount()).toBe(creates)
    expect(hit.stdout).toMatch(/::warning::Public preview of the cached clips: .*404/)
    expect(hit.outputs.path).toMatch(/\.mp4$/)
  }, 40_000)

  it('a hit sets public links only when public-preview asks for them, as a normal run would', async () => {
    const inputs = { prompt: 'cache: public links follow the input' }
    const first = await run(newWorkspace(), { ...inputs, 'public-preview': 'true' })
    expect(first.outputs['public-url']).toMatch(/^http:/)
    const hit = await run(newWorkspace(), inputs)
    expect(hit.outputs['cache-hit']).toBe('true')
    expect(hit.outputs['public-url']).toBeUndefined()
    expect(hit.summary).not.toContain('public link, does not expire')
  }, 40_000)

  it('an entry that cannot be restored is a miss, and a save that fails only warns', async () => {
    const inputs = { prompt: 'cache: a broken entry' }
    const first = await run(newWorkspace(), inputs)
    const entry = clipEntries().find((e) => first.stdout.includes(e.key))
    expect(entry).toBeDefined()
    // The entry exists (so saving it again is refused) but its bytes are gone (so restoring it fails).
    if (entry) entry.blobName = 'cache/gone'
    const creates = emulator.createCount()
    const second = await run(newWorkspace(), inputs)
    expect(second.outputs['cache-hit']).toBe('false')
    expect(second.outputs['execution-id']).not.toBe(first.outputs['execution-id'])
    expect(emulator.createCount()).toBe(creates + 1)
    expect(second.stdout).toMatch(/::warning::Failed to restore/)
    expect(second.stdout).toMatch(/::warning::The clips were not saved to the cache/)
    expect(
      readFileSync(path.join(second.workspace, second.outputs.path as string))
        .subarray(4, 8)
        .toString('latin1'),
    ).toBe('ftyp')
  }, 30_000)

  it('without the cache service: warns once and runs normally', async () => {
    const calls = results.calls.length
    const creates = emulator.createCount()
    const result = await run(newWorkspace(), { prompt: 'cache: no service here' }, false)
    expect(result.stdout.match(/::warning::cache: true, but the Actions cache service is not available/g)).toHaveLength(
      1,
    )
    expect(result.outputs['cache-hit']).toBe('false')
    expect(result.outputs.status).toBe('succeeded')
    expect(emulator.createCount()).toBe(creates + 1)
    expect(results.calls.length).toBe(calls)
  }, 30_000)
})

describe('cache: upload reuse (temporary-uploads: false)', () => {
  it('skips re-uploading unchanged content while the remembered file exists; uploads again when it is gone', async () => {
    const jpg = fixture('ref.jpg')
    const inputs = (prompt: string) => ({ prompt, images: 'refs/ref.jpg', 'temporary-uploads': 'false' })

    let mark = emulator.requests.length
    const first = await run(workspaceWith('ref.jpg', jpg), inputs('reuse: one'))
    expect(uploadPosts(mark)).toHaveLength(1)
    const [fileId] = bodyOf(first.outputs['execution-id'])?.imageFileIds as string[]
    expect(emulator.files.get(fileId as string)?.isTemporary).toBe(false)
    expect(uploadEntries().map((e) => e.key)).toEqual([
      expect.stringMatching(new RegExp(`^videogen-upload-v2-[0-9a-f]{64}-${fileId}$`)),
    ])

    // A changed prompt misses the clip cache but reuses the upload: no upload, one GET of the remembered file.
    mark = emulator.requests.length
    const second = await run(workspaceWith('ref.jpg', jpg), inputs('reuse: two'))
    expect(second.outputs['cache-hit']).toBe('false')
    expect(uploadPosts(mark)).toEqual([])
    expect(
      since(mark)
        .filter((r) => r.path.startsWith('/v1/files/') && !r.path.startsWith('/v1/files/upload'))
        .filter((r) => r.method === 'GET')
        .map((r) => r.path),
    ).toEqual([`/v1/files/${fileId}`])
    expect(bodyOf(second.outputs['execution-id'])?.imageFileIds).toEqual([fileId])
    expect(second.stdout).toContain(`Reusing refs/ref.jpg → ${fileId}`)
    expect(uploadEntries()).toHaveLength(1)

    // The remembered file was deleted: upload again, and remember the new id.
    emulator.files.delete(fileId as string)
    mark = emulator.requests.length
    const third = await run(workspaceWith('ref.jpg', jpg), inputs('reuse: three'))
    expect(third.stdout).toContain(`Earlier upload ${fileId} of refs/ref.jpg no longer exists: uploading again`)
    expect(uploadPosts(mark)).toHaveLength(1)
    const [newId] = bodyOf(third.outputs['execution-id'])?.imageFileIds as string[]
    expect(newId).not.toBe(fileId)
    expect(uploadEntries()).toHaveLength(2)

    // The newest entry wins.
    mark = emulator.requests.length
    const fourth = await run(workspaceWith('ref.jpg', jpg), inputs('reuse: four'))
    expect(uploadPosts(mark)).toEqual([])
    expect(bodyOf(fourth.outputs['execution-id'])?.imageFileIds).toEqual([newId])
  }, 60_000)

  it('remembers nothing with temporary uploads (the default)', async () => {
    const before = uploadEntries().length
    const mark = emulator.requests.length
    const bytes = Buffer.from(fixture('ref.png'))
    bytes[bytes.length - 2] = (bytes.at(-2) as number) ^ 0x0f // content of its own
    await run(workspaceWith('ref.png', bytes), { prompt: 'reuse: temporary', images: 'refs/ref.png' })
    expect(uploadPosts(mark)).toHaveLength(1)
    expect(uploadEntries()).toHaveLength(before)
  }, 30_000)
})

describe('cache key', () => {
  async function keyFor(inputs: Record<string, string>, files: Record<string, Buffer> = {}): Promise<string> {
    const ws = newWorkspace('vg-key-')
    for (const [name, bytes] of Object.entries(files)) {
      mkdirSync(path.dirname(path.join(ws, name)), { recursive: true })
      writeFileSync(path.join(ws, name), bytes)
    }
    const saved = process.env.GITHUB_WORKSPACE
    process.env.GITHUB_WORKSPACE = ws
    try {
      const settings = await loadSettings((name) => inputs[name] ?? '', 'k')
      return await clipCacheKey(settings.baseUrl, settings.requests[0]!, new ContentHashes())
    } finally {
      process.env.GITHUB_WORKSPACE = saved
    }
  }
  const png = fixture('ref.png')

  it('depends on content, not on paths or key order', async () => {
    const base = await keyFor(
      { prompt: 'p', images: 'a/x.png', params: '{"quality": "HIGH", "durationSeconds": 5}' },
      { 'a/x.png': png },
    )
    expect(base).toMatch(/^videogen-clip-v2-[0-9a-f]{64}$/)
    expect(
      await keyFor(
        { prompt: 'p', images: 'b/renamed.png', params: '{"durationSeconds": 5, "quality": "HIGH"}' },
        { 'b/renamed.png': png },
      ),
    ).toBe(base)
    const other = Buffer.from(png)
    other[other.length - 1] = (other.at(-1) as number) ^ 1
    expect(
      await keyFor(
        { prompt: 'p', images: 'a/x.png', params: '{"quality": "HIGH", "durationSeconds": 5}' },
        { 'a/x.png': other },
      ),
    ).not.toBe(base)
    expect(
      await keyFor(
        { prompt: 'p', images: 'a/x.png', params: '{"quality": "HIGH", "durationSeconds": 6}' },
        { 'a/x.png': png },
      ),
    ).not.toBe(base)
    expect(
      await keyFor(
        { prompt: 'p ', images: 'a/x.png', params: '{"quality": "HIGH", "durationSeconds": 5}' },
        { 'a/x.png': png },
      ),
    ).not.toBe(base)
    expect(
      await keyFor(
        { prompt: 'p', images: 'a/x.png', params: '{"quality": "HIGH", "durationSeconds": 5}', 'num-results': '2' },
        { 'a/x.png': png },
      ),
    ).not.toBe(base)
  })

  it('counts file ids as themselves and ignores what does not change the request', async () => {
    const base = await keyFor({ prompt: 'p', images: 'vg_file_abc' })
    expect(await keyFor({ prompt: 'p', images: 'vg_file_abd' })).not.toBe(base)
    expect(
      await keyFor({
        prompt: 'p',
        images: 'vg_file_abc',
        'download-dir': 'elsewhere',
        'temporary-uploads': 'false',
        summary: 'false',
      }),
    ).toBe(base)
    expect(await keyFor({ prompt: 'p', images: 'vg_file_abc', 'base-url': 'http://127.0.0.1:9' })).not.toBe(base)
  })

  it('changes with every typed input and with the order of the images', async () => {
    const jpg = fixture('ref.jpg')
    const files = { 'a.png': png, 'b.jpg': jpg, 'clip.mp4': fixture('clip.mp4') }
    const base = await keyFor({ prompt: 'p', images: 'a.png, b.jpg' }, files)
    const variants: Array<Record<string, string>> = [
      { images: 'b.jpg, a.png' },
      { 'aspect-ratio': '9:16' },
      { 'watermark-mode': 'VIDEO_GEN' },
      { 'generate-audio': 'true' },
      { 'temporary-output': 'true' },
      { video: 'clip.mp4' },
    ]
    const keys: string[] = []
    // One at a time: keyFor points GITHUB_WORKSPACE at its own workspace while it runs.
    for (const v of variants) keys.push(await keyFor({ prompt: 'p', images: 'a.png, b.jpg', ...v }, files))
    for (const [i, key] of keys.entries()) expect(key, JSON.stringify(variants[i])).not.toBe(base)
    expect(new Set(keys).size).toBe(keys.length)
  })

  it('cache needs download: true', async () => {
    await expect(keyFor({ prompt: 'p', cache: 'true', download: 'false' })).rejects.toThrow(
      /Input 'cache': needs download: true/,
    )
  })
})
