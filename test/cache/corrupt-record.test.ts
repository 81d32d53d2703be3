// A cache entry that restores fine but whose record is corrupt (not JSON, or of another format), through the
// bundled action: a warning, treated as a miss, one new execution. The entry is forged the way anyone who
// can write the cache scope could: the same key and version, other bytes.
import { execFileSync } from 'node:child_process'
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type Emulator, startEmulator } from '../emulator/index.js'
import { warningsOf } from '../faults/harness.js'
import { type RunResult, newWorkspace, runAction } from '../runner/run-action.js'
import { type ResultsService, startResultsService } from '../standins/results-service.js'
import { TWIRP_PACKAGE } from '../standins/twirp.js'

let emulator: Emulator
let svc: ResultsService

beforeAll(async () => {
  ;[emulator, svc] = await Promise.all([
    startEmulator({ job: { queuedMs: 30, durationMs: 300 }, fileReadyDelayMs: 50 }),
    startResultsService({ azurite: false }),
  ])
})
afterAll(async () => {
  await Promise.all([emulator?.close(), svc?.close()])
})

async function run(inputs: Record<string, string>, workspace = newWorkspace('vg-cache-corrupt-')): Promise<RunResult> {
  const r = await runAction({
    workspace,
    inputs: { 'base-url': emulator.url, cache: 'true', ...inputs },
    env: { VIDEOGEN_API_KEY: emulator.key, ...svc.env() },
  })
  expect(r.code, r.stdout + r.stderr).toBe(0)
  return r
}

async function twirp(method: string, body: object): Promise<Record<string, unknown>> {
  const response = await fetch(`${svc.url}/twirp/${TWIRP_PACKAGE}.CacheService/${method}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${svc.runtimeToken}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  })
  expect(response.status).toBe(200)
  return (await response.json()) as Record<string, unknown>
}

/**
 * Replaces the entry of `key` by one of the same key and version holding `files` (names under the entry's
 * directory → content), archived as @actions/cache archives (tar, compressed as the original was).
 */
async function forgeEntry(key: string, files: Record<string, string>): Promise<void> {
  const entry = svc.cacheEntries.find((e) => e.key === key && e.finalized)
  if (!entry) throw new Error(`no entry ${key}`)
  const original = await svc.blobBytes(entry.blobName)
  const zstd = original.readUInt32LE(0) === 0xfd2fb528
  const staging = mkdtempSync(path.join(tmpdir(), 'vg-forge-'))
  const dir = path.join(staging, '.videogen-cache', key)
  mkdirSync(dir, { recursive: true })
  for (const [name, content] of Object.entries(files)) writeFileSync(path.join(dir, name), content)
  const archive = path.join(staging, 'entry.tar')
  execFileSync('tar', ['--posix', '-cf', archive, '-C', staging, '.videogen-cache'])
  const bytes = execFileSync(zstd ? 'zstd' : 'gzip', ['-q', '-c', archive], { maxBuffer: 64 << 20 })

  svc.cacheEntries.splice(svc.cacheEntries.indexOf(entry), 1)
  const { signed_upload_url: url } = await twirp('CreateCacheEntry', { key, version: entry.version })
  const put = await fetch(url as string, { method: 'PUT', headers: { 'x-ms-blob-type': 'BlockBlob' }, body: bytes })
  expect(put.status).toBe(201)
  await twirp('FinalizeCacheEntryUpload', { key, version: entry.version, size_bytes: String(bytes.length) })
}

describe('cache: a corrupt record', () => {
  it('not JSON, or of another format: a warning, a miss, one new execution each time', async () => {
    const inputs = { prompt: 'cache: a record that went bad' }
    const first = await run(inputs)
    const key = /Cache key: (\S+)/.exec(first.stdout)?.[1] as string
    expect(first.stdout).toContain('Saved the clips to the cache')
    const clip = readFileSync(path.join(first.workspace, first.outputs.path as string), 'latin1')

    const cases: Array<[string, string, RegExp]> = [
      ['not JSON', '{"format": "videogen-v2", "key": ', /could not be used \(.*JSON.*\): generating anew$/],
      [
        'another format',
        JSON.stringify({ format: 'videogen-v1', key, execution: {}, clips: [] }),
        /could not be used \(its record is not one this version of the action wrote\): generating anew$/,
      ],
    ]
    for (const [what, record, warning] of cases) {
      await forgeEntry(key, { 'record.json': record, 'clip-1.mp4': clip })
      const creates = emulator.createCount()
      const r = await run(inputs)
      expect(r.outputs['cache-hit'], what).toBe('false')
      expect(r.outputs['execution-id'], what).not.toBe(first.outputs['execution-id'])
      expect(emulator.createCount(), what).toBe(creates + 1)
      const warnings = warningsOf(r.stdout)
      expect(warnings[0], what).toMatch(new RegExp(`^Cache entry ${key} ${warning.source}`))
      // The forged entry still holds the key, so the new clips cannot replace it: said, not failed.
      expect(warnings.slice(1), what).toEqual([expect.stringMatching(/^The clips were not saved to the cache/)])
      expect(existsSync(path.join(r.workspace, '.videogen-cache')), what).toBe(false)
    }
  }, 40_000)
})

describe('cache: a staging directory the repository took', () => {
  it('a file named .videogen-cache: a warning, and the run goes on without the cache', async () => {
    const workspace = newWorkspace('vg-cache-taken-')
    writeFileSync(path.join(workspace, '.videogen-cache'), 'committed by someone')
    const calls = svc.calls.length
    const creates = emulator.createCount()
    const r = await run({ prompt: 'cache: the staging name is taken' }, workspace)
    expect(warningsOf(r.stdout)).toEqual([
      expect.stringMatching(
        /^cache: the staging directory \.videogen-cache cannot be used \(.*exists and is not a directory\): running without the cache$/,
      ),
    ])
    expect(r.outputs).toMatchObject({ status: 'succeeded', 'cache-hit': 'false' })
    expect(emulator.createCount()).toBe(creates + 1)
    expect(svc.calls.length).toBe(calls) // the cache service was not asked anything
    expect(readFileSync(path.join(workspace, '.videogen-cache'), 'utf8')).toBe('committed by someone')
  })
})
