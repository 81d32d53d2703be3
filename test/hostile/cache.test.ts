// A restored cache entry is outside input: through the bundled action with the real @actions/cache against
// the results-service stand-in, entries forged under the right key are misses (with a warning, and a new
// execution), never delivered; and a hit writes its files as regular files even where the repository
// committed symlinks under their names.
import {
  copyFileSync,
  cpSync,
  existsSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type Emulator, startEmulator } from '../emulator/index.js'
import { type RunResult, newWorkspace, runAction } from '../runner/run-action.js'
import { type ResultsService, startResultsService } from '../standins/results-service.js'
import { FAST, actionEnv, fixture, sha256, warningsOf } from '../faults/harness.js'
import { plantEntry, plantUploadEntry, readEntry, stagedDir } from './cache-entries.js'
import { changedOutside, foreignCommands, runnerState, sandbox, snapshot, story } from './harness.js'
import { uploadKeyPrefix } from '../../src/cache-key.js'

let emulator: Emulator
let results: ResultsService
/** The inputs every run here shares, so they all look up one key. */
const PROMPT = 'hostile cache: a lighthouse at dusk'
let key: string
let seedId: string
/** A workspace holding the seed run's entry as restored, to copy and tamper with. */
let pristine: string

function run(workspace: string, inputs: Record<string, string> = {}): Promise<RunResult> {
  return runAction({
    workspace,
    inputs: { 'base-url': emulator.url, cache: 'true', prompt: PROMPT, ...inputs },
    env: { VIDEOGEN_API_KEY: emulator.key, ...results.env(), ...actionEnv() },
  })
}

beforeAll(async () => {
  ;[emulator, results] = await Promise.all([startEmulator(FAST), startResultsService({ azurite: false })])
  const seed = await run(newWorkspace('vg-hostile-cache-'))
  expect(seed.code, story(seed)).toBe(0)
  key = /Cache key: (\S+)/.exec(seed.stdout)?.[1] as string
  seedId = seed.outputs['execution-id'] as string
  expect(results.cacheEntries.some((e) => e.finalized && e.key === key)).toBe(true)
  pristine = newWorkspace('vg-hostile-pristine-')
  await readEntry(results, key, pristine)
}, 60_000)

afterAll(async () => {
  await Promise.all([emulator?.close(), results?.close()])
})

describe.sequential('cache', () => {
  it('a hit where download-dir holds symlinks named <id>-1.mp4 and <id>.json leading outside: targets unchanged, regular files', async () => {
    const { root, workspace, outside } = sandbox()
    writeFileSync(path.join(outside, 'victim.json'), 'ORIGINAL JSON')
    writeFileSync(path.join(outside, 'victim.mp4'), 'ORIGINAL MP4')
    const dir = path.join(workspace, 'videogen-output')
    mkdirSync(dir)
    symlinkSync(path.join(outside, 'victim.json'), path.join(dir, `${seedId}.json`))
    symlinkSync(path.join(outside, 'victim.mp4'), path.join(dir, `${seedId}-1.mp4`))
    const before = snapshot(root)
    const creates = emulator.createCount()

    const r = await run(workspace)
    expect(changedOutside(before, snapshot(root), path.join('a', 'ws')), story(r)).toEqual([])
    expect(r.code, story(r)).toBe(0)
    expect(r.outputs['cache-hit']).toBe('true')
    expect(emulator.createCount()).toBe(creates)
    expect(lstatSync(path.join(dir, `${seedId}-1.mp4`)).isFile()).toBe(true)
    expect(readFileSync(path.join(dir, `${seedId}-1.mp4`)).equals(fixture('clip.mp4'))).toBe(true)
    expect(lstatSync(path.join(dir, `${seedId}.json`)).isFile()).toBe(true)
  })

  type EntryRecord = { execution: { status: string }; clips: Array<Record<string, unknown>> }
  const firstClip = (record: EntryRecord): Record<string, unknown> => {
    const [clip] = record.clips
    if (!clip) throw new Error('the seed entry has no clip')
    return clip
  }

  type Forge = (record: EntryRecord, staged: string) => void

  /** Plants the seed entry, changed by `forge`, under the key, then runs the action with the same inputs. */
  async function forgeAndRun(forge: Forge, inputs: Record<string, string> = {}): Promise<RunResult> {
    const forgery = newWorkspace('vg-hostile-forge-')
    cpSync(path.join(pristine, '.videogen-cache'), path.join(forgery, '.videogen-cache'), { recursive: true })
    const staged = stagedDir(forgery, key)
    const recordFile = path.join(staged, 'record.json')
    const record = JSON.parse(readFileSync(recordFile, 'utf8')) as EntryRecord
    forge(record, staged)
    writeFileSync(recordFile, JSON.stringify(record))
    await plantEntry(results, key, forgery)
    return run(newWorkspace('vg-hostile-cache-'), inputs)
  }

  const delivered = (r: RunResult) => `${JSON.stringify(r.outputs)}\n${r.summary}`

  it.each<[string, Forge, Record<string, string>?]>([
    [
      'an execution that failed',
      (record) => {
        record.execution.status = 'failed'
      },
    ],
    [
      'a plain-http public URL on a foreign host (with public-preview)',
      (record) => {
        firstClip(record).publicUrl = 'http://evil.example/clip.mp4'
      },
      { 'public-preview': 'true' },
    ],
    [
      'raw HTML in the record',
      (record) => {
        const clip = firstClip(record)
        clip.fileId = `vg_file_<img src=x onerror=alert(1)>`
        clip.durationSeconds = '<img src=x onerror=alert(2)>'
      },
    ],
    [
      'a clip whose SHA-256 does not match',
      (_record, staged) => {
        writeFileSync(path.join(staged, 'clip-1.mp4'), Buffer.concat([fixture('clip.mp4'), Buffer.from('tail')]))
      },
    ],
    [
      'more clips than num-results',
      (record, staged) => {
        record.clips.push({ ...firstClip(record), index: 2 })
        copyFileSync(path.join(staged, 'clip-1.mp4'), path.join(staged, 'clip-2.mp4'))
      },
    ],
  ])(
    'a forged entry with %s: a miss with a warning, a new execution, nothing foreign delivered',
    async (_what, forge, inputs = {}) => {
      const creates = emulator.createCount()
      const r = await forgeAndRun(forge, inputs)
      expect(r.code, story(r)).toBe(0)
      expect(r.outputs['cache-hit']).toBe('false')
      expect(warningsOf(r.stdout).join('\n')).toMatch(new RegExp(`Cache entry ${key} could not be used`))
      expect(emulator.createCount()).toBe(creates + 1)
      expect(r.outputs['execution-id']).not.toBe(seedId)
      expect(JSON.parse(r.outputs.paths as string)).toHaveLength(1)
      expect(delivered(r)).not.toMatch(/evil|onerror/)
    },
  )

  // Any https URL passes a scheme check: a public link read from the entry is the forger's choice of host.
  // Whether the entry is then a miss or its link is replaced by a freshly enabled one, it is never delivered.
  it('a forged entry whose archive holds ../, absolute and workspace paths: only its own folder is extracted', async () => {
    const forgery = newWorkspace('vg-hostile-forge-')
    cpSync(path.join(pristine, '.videogen-cache'), path.join(forgery, '.videogen-cache'), { recursive: true })
    const absolute = path.join(mkdtempSync(path.join(tmpdir(), 'vg-hostile-abs-')), 'planted.txt')
    writeFileSync(path.join(forgery, '..', 'escaped.txt'), 'written by a forged cache entry')
    writeFileSync(absolute, 'written by a forged cache entry')
    mkdirSync(path.join(forgery, 'scripts'))
    writeFileSync(path.join(forgery, 'scripts', 'build.sh'), 'echo pwned')
    await plantEntry(results, key, forgery, ['../escaped.txt', absolute, 'scripts/build.sh'])
    rmSync(absolute)

    const { root, workspace } = sandbox()
    const before = snapshot(root)
    const r = await run(workspace)
    expect(r.code, story(r)).toBe(0)
    expect(changedOutside(before, snapshot(root), path.join('a', 'ws')), story(r)).toEqual([])
    expect(existsSync(absolute)).toBe(false)
    expect(existsSync(path.join(workspace, 'scripts'))).toBe(false)
    expect(existsSync(path.join(workspace, absolute.slice(1)))).toBe(false)
    // The entry's own folder was intact: still a hit, with the seed's clip.
    expect(r.outputs['cache-hit']).toBe('true')
    expect(readFileSync(path.join(workspace, r.outputs.path as string)).equals(fixture('clip.mp4'))).toBe(true)
  })

  it('an upload entry whose key holds a line break and a workflow command: the key is logged as one clean line', async () => {
    const jpg = fixture('ref.jpg')
    const planted = newWorkspace('vg-hostile-upload-')
    mkdirSync(path.join(planted, '.videogen-cache', 'uploads'), { recursive: true })
    writeFileSync(path.join(planted, '.videogen-cache', 'uploads', 'upload.json'), '{}')
    const injected = '::set-output name=path::../../../etc/passwd'
    await plantUploadEntry(results, `${uploadKeyPrefix(emulator.url, sha256(jpg))}vg_file_x\n${injected}`, planted)

    const workspace = newWorkspace('vg-hostile-cache-')
    mkdirSync(path.join(workspace, 'refs'))
    writeFileSync(path.join(workspace, 'refs', 'ref.jpg'), jpg)
    const r = await run(workspace, {
      prompt: 'an upload key with a command',
      images: 'refs/ref.jpg',
      'temporary-uploads': 'false',
    })
    expect(r.code, story(r)).toBe(0)
    expect(foreignCommands(r.stdout)).toEqual([])
    expect(r.stdout).not.toMatch(/^\s*::set-output/m)
    // The library's line is still there, on one line, with the break escaped.
    expect(r.stdout).toMatch(/Cache hit for restore-key: .*vg_file_x\\u000a::set-output/)
  })

  it('with debug logging, the listing of a forged entry whose member is named like a command prints no command', async () => {
    const forgery = newWorkspace('vg-hostile-forge-')
    mkdirSync(path.join(forgery, '.videogen-cache', key), { recursive: true })
    const member = '::save-state name=evil::injected'
    writeFileSync(path.join(forgery, member), 'x')
    await plantEntry(results, key, forgery, [member], true)
    try {
      const r = await runAction({
        workspace: newWorkspace('vg-hostile-cache-'),
        inputs: { 'base-url': emulator.url, cache: 'true', prompt: PROMPT },
        env: { VIDEOGEN_API_KEY: emulator.key, ...results.env(), ...actionEnv({ RUNNER_DEBUG: '1' }) },
      })
      expect(r.code, story(r)).toBe(0)
      expect(foreignCommands(r.stdout)).toEqual([])
      expect(runnerState(r).evil).toBeUndefined()
      // The archive has no staging folder: a miss, and the clip made anew.
      expect(r.outputs['cache-hit']).toBe('false')
    } finally {
      // The seed's entry again, for the tests after this one.
      await plantEntry(results, key, pristine)
    }
  })

  it("the cache library's own masks for its signed URLs still reach the runner as commands", async () => {
    const r = await run(newWorkspace('vg-hostile-cache-'))
    expect(r.code, story(r)).toBe(0)
    expect(r.outputs['cache-hit']).toBe('true')
    const masks = r.stdout.split('\n').filter((line) => line.includes('add-mask'))
    // The API key's, then at least one of the library's (the signature of the entry's download URL).
    expect(masks.length).toBeGreaterThanOrEqual(2)
    for (const line of masks) expect(line).toMatch(/^::add-mask::\S+$/)
  })

  it('a forged entry with a public URL on a foreign https host (with public-preview): that URL is delivered nowhere', async () => {
    const r = await forgeAndRun(
      (record) => {
        firstClip(record).publicUrl = 'https://evil.example/clip.mp4'
      },
      { 'public-preview': 'true' },
    )
    expect(r.code, story(r)).toBe(0)
    expect(r.outputs['public-url']).toMatch(/^http:\/\/127\.0\.0\.1:\d+\//)
    expect(delivered(r)).not.toMatch(/evil/)
  })
})
