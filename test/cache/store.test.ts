// CacheStore against an in-memory stand-in of @actions/cache: a restored entry is outside input, so every
// field of its record and every clip's SHA-256 is checked before anything reaches download-dir; a save
// keeps no signed links and never fails the run; a remembered upload is checked before it is reused.
import { createHash } from 'node:crypto'
import {
  accessSync,
  constants,
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it, onTestFinished, vi } from 'vitest'
import { CACHE_FORMAT } from '../../src/cache-key.js'
import { CacheStore } from '../../src/cache.js'
import type { Clip } from '../../src/clip.js'
import type { ClipRequest } from '../../src/inputs/settings.js'
import type { FilesApi } from '../../src/videogen/files.js'
import type { Execution, FileInfo } from '../../src/videogen/types.js'
import type { LocalFile } from '../../src/workspace.js'

const KEY = `videogen-clip-v2-${'a'.repeat(64)}`
const EXEC = 'vg_tool_cached1'
const CLIP = Buffer.from('not really an mp4, but bytes with a hash')
const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex')

let root: string
let stdout: string[]

/** A writable directory on another file system than the temporary one (tmpfs), where the machine has it. */
const OTHER_DEVICE = ['/dev/shm'].find((dir) => {
  try {
    accessSync(dir, constants.W_OK)
    return statSync(dir).dev !== statSync(tmpdir()).dev
  } catch {
    return false
  }
})

beforeEach(() => {
  root = mkdtempSync(path.join(tmpdir(), 'vg-store-'))
  stdout = []
  // @actions/core writes its commands to stdout; read the warnings from there.
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => (stdout.push(String(chunk)), true))
})
afterEach(() => {
  vi.restoreAllMocks()
})

const warnings = () => stdout.filter((l) => l.startsWith('::warning::')).map((l) => l.slice(11).trim())
const infos = () => stdout.filter((l) => !l.startsWith('::')).map((l) => l.trim())

/** What the entry of KEY holds: file name → bytes; the stand-in unpacks it where @actions/cache would. */
type Entry = Record<string, string | Buffer>

function fakeLib(entries: Map<string, Entry>, saved: Array<{ key: string; files: Entry }> = []) {
  return {
    restoreCache: async (paths: string[], key: string) => {
      const entry = entries.get(key)
      if (!entry) return undefined
      const dir = path.join(root, paths[0] as string)
      mkdirSync(dir, { recursive: true })
      for (const [name, content] of Object.entries(entry)) writeFileSync(path.join(dir, name), content)
      return key
    },
    saveCache: async (paths: string[], key: string) => {
      const dir = path.join(root, paths[0] as string)
      const files = Object.fromEntries(readdirSync(dir).map((n) => [n, readFileSync(path.join(dir, n))]))
      saved.push({ key, files })
      return 42
    },
  }
}

function storeWith(lib: object, files: Partial<FilesApi> = {}, rememberUploads = false): CacheStore {
  return new CacheStore(lib as never, {
    root,
    baseUrl: 'https://api.videogen.io',
    rememberUploads,
    files: files as FilesApi,
  })
}

const request = (numResults = 1) =>
  ({
    request: { prompt: 'p', numResults, generateAudio: false, watermarkMode: 'AUTO', isOutputTemporary: false },
    files: { images: [], videos: [], audio: [] },
    params: {},
  }) as unknown as ClipRequest

const execution = (status = 'succeeded'): Execution =>
  ({ toolExecutionId: EXEC, status, results: [{ fileId: 'vg_file_c1' }] }) as Execution

function record(overrides: Record<string, unknown> = {}, clip: Record<string, unknown> = {}): string {
  return JSON.stringify({
    format: CACHE_FORMAT,
    key: KEY,
    execution: execution(),
    clips: [{ index: 1, fileId: 'vg_file_c1', bytes: CLIP.length, sha256: sha256(CLIP), ...clip }],
    ...overrides,
  })
}

async function restoreEntry(entry: Entry, numResults = 1) {
  const store = storeWith(fakeLib(new Map([[KEY, entry]])))
  return store.restore(KEY, request(numResults), path.join(root, 'out'))
}

describe('CacheStore.restore', () => {
  it('a valid entry: the clips move into download-dir under the execution’s names, with what the record gave', async () => {
    const restored = await restoreEntry({
      'record.json': record({}, { durationSeconds: 8 }),
      'clip-1.mp4': CLIP,
    })
    expect(restored?.execution.toolExecutionId).toBe(EXEC)
    expect(restored?.clips).toEqual([
      {
        index: 1,
        fileId: 'vg_file_c1',
        durationSeconds: 8,
        absPath: path.join(root, 'out', `${EXEC}-1.mp4`),
        path: `out/${EXEC}-1.mp4`,
        bytes: CLIP.length,
      },
    ])
    expect(readFileSync(path.join(root, 'out', `${EXEC}-1.mp4`)).equals(CLIP)).toBe(true)
    expect(existsSync(path.join(root, '.videogen-cache'))).toBe(false) // staging is cleaned up
    expect(warnings()).toEqual([])
  })

  it('a miss says so and restores nothing', async () => {
    const store = storeWith(fakeLib(new Map()))
    expect(await store.restore(KEY, request(), path.join(root, 'out'))).toBeUndefined()
    expect(infos()).toContain('Cache miss: generating, and saving the clips for the next run with the same inputs')
  })

  it.each([
    [
      'another format',
      { 'record.json': record({ format: 'videogen-v1' }) },
      'its record is not one this version of the action wrote',
    ],
    [
      'the record of another key',
      { 'record.json': record({ key: `${KEY.slice(0, -1)}b` }) },
      'its record is not one this version of the action wrote',
    ],
    ['a record that is not JSON', { 'record.json': '{"format": ' }, 'JSON'],
    [
      'a failed execution',
      { 'record.json': record({ execution: execution('failed') }) },
      'its execution is failed, not succeeded',
    ],
    [
      'an execution without an id',
      { 'record.json': record({ execution: { status: 'succeeded' } }) },
      'the execution has no valid id',
    ],
    ['too few clips', { 'record.json': record({ clips: [] }) }, 'it does not hold clips 1 to 1 in order'],
    ['clips out of order', { 'record.json': record({}, { index: 2 }) }, 'it does not hold clips 1 to 1 in order'],
    [
      'a clip that is not an object',
      { 'record.json': record({ clips: [null] }) },
      'it does not hold clips 1 to 1 in order',
    ],
    ['a bad file id', { 'record.json': record({}, { fileId: '../../x' }) }, 'clip 1 has no valid file id or hash'],
    ['a bad hash', { 'record.json': record({}, { sha256: 'abc' }) }, 'clip 1 has no valid file id or hash'],
    [
      'a link (an entry holds none)',
      { 'record.json': record({}, { publicUrl: 'javascript:alert(1)' }) },
      'clip 1 has fields this version never writes (publicUrl)',
    ],
    [
      'a clip that is not the one hashed',
      { 'record.json': record(), 'clip-1.mp4': 'other bytes' },
      'clip 1 does not match the SHA-256 in its record',
    ],
    ['a missing clip', { 'record.json': record() }, 'ENOENT'],
  ])('%s: a warning, a miss, nothing in download-dir', async (_what, entry, reason) => {
    expect(await restoreEntry(entry as Entry)).toBeUndefined()
    expect(warnings()).toEqual([expect.stringContaining(`Cache entry ${KEY} could not be used (`)])
    expect(warnings()[0]).toContain(reason)
    expect(warnings()[0]).toMatch(/\): generating anew$/)
    expect(existsSync(path.join(root, 'out'))).toBe(false)
    expect(existsSync(path.join(root, '.videogen-cache'))).toBe(false)
  })
})

describe('CacheStore.save', () => {
  const clipOn = (index: number): Clip => {
    const absPath = path.join(root, 'out', `${EXEC}-${index}.mp4`)
    mkdirSync(path.dirname(absPath), { recursive: true })
    writeFileSync(absPath, CLIP)
    return { index, fileId: `vg_file_c${index}`, absPath, path: `out/${EXEC}-${index}.mp4`, bytes: CLIP.length }
  }

  it('stages the clips and a record without signed links, then cleans up', async () => {
    const saved: Array<{ key: string; files: Entry }> = []
    const store = storeWith(fakeLib(new Map(), saved))
    const signed = {
      ...execution(),
      results: [
        {
          fileId: 'vg_file_c1',
          downloadUrl: 'https://d/c1?sig=secret',
          file: { fileId: 'vg_file_c1', type: 'VIDEO', durationSeconds: 8, downloadUrl: 'https://d/f?sig=secret' },
        },
      ],
    } as Execution
    await store.save(KEY, request(), signed, [{ ...clipOn(1), url: 'https://d/c1?sig=secret', durationSeconds: 8 }])
    expect(saved.map((s) => s.key)).toEqual([KEY])
    const files = saved[0]?.files as Record<string, Buffer>
    expect(files['clip-1.mp4']?.equals(CLIP)).toBe(true)
    const text = files['record.json']?.toString('utf8') ?? ''
    expect(text).not.toContain('secret')
    expect(JSON.parse(text)).toMatchObject({
      format: CACHE_FORMAT,
      key: KEY,
      execution: {
        results: [{ fileId: 'vg_file_c1', file: { fileId: 'vg_file_c1', type: 'VIDEO', durationSeconds: 8 } }],
      },
      clips: [{ index: 1, fileId: 'vg_file_c1', durationSeconds: 8, bytes: CLIP.length, sha256: sha256(CLIP) }],
    })
    expect(infos()).toContain(`Saved the clips to the cache (entry 42, key ${KEY})`)
    expect(existsSync(path.join(root, '.videogen-cache'))).toBe(false)
    // And what was saved restores.
    rmSync(path.join(root, 'out'), { recursive: true })
    const restored = await storeWith(fakeLib(new Map([[KEY, files]]))).restore(KEY, request(), path.join(root, 'out'))
    expect(restored?.clips.map((c) => c.path)).toEqual([`out/${EXEC}-1.mp4`])
  })

  it.skipIf(OTHER_DEVICE === undefined)(
    'a clip on another file system is copied, since it cannot be linked',
    async () => {
      const other = mkdtempSync(path.join(OTHER_DEVICE as string, 'vg-store-other-'))
      onTestFinished(() => rmSync(other, { recursive: true, force: true }))
      writeFileSync(path.join(other, 'clip.mp4'), CLIP)
      const saved: Array<{ key: string; files: Entry }> = []
      await storeWith(fakeLib(new Map(), saved)).save(KEY, request(), execution(), [
        { index: 1, fileId: 'vg_file_c1', absPath: path.join(other, 'clip.mp4'), bytes: CLIP.length },
      ])
      expect((saved[0]?.files['clip-1.mp4'] as Buffer).equals(CLIP)).toBe(true)
      expect(readFileSync(path.join(other, 'clip.mp4')).equals(CLIP)).toBe(true) // the original stays
      expect(warnings()).toEqual([])
    },
  )

  it('a short result or a clip not downloaded is not saved (it would be served to every later run)', async () => {
    const saved: Array<{ key: string; files: Entry }> = []
    const store = storeWith(fakeLib(new Map(), saved))
    await store.save(KEY, request(2), execution(), [clipOn(1)])
    const { absPath: _a, path: _p, ...notDownloaded } = clipOn(2)
    await store.save(KEY, request(2), execution(), [clipOn(1), notDownloaded])
    expect(saved).toEqual([])
    expect(warnings()).toEqual([
      'Not saved to the cache: 1 of 2 results came back, and a cached short result would be served to every later run',
      'Not saved to the cache: clip 2 was not downloaded',
    ])
  })

  it('a save the service refuses (-1) or that fails is a warning, never a failed run', async () => {
    const refusing = storeWith({ saveCache: async () => -1 })
    await refusing.save(KEY, request(), execution(), [clipOn(1)])
    const failing = storeWith({
      saveCache: () => Promise.reject(new Error('Cache service responded with 503')),
    })
    await failing.save(KEY, request(), execution(), [clipOn(1)])
    expect(warnings()).toEqual([
      'The clips were not saved to the cache (see the message above; another job with the same inputs may have saved this key already)',
      'The clips were not saved to the cache: Cache service responded with 503',
    ])
    expect(existsSync(path.join(root, '.videogen-cache'))).toBe(false)
  })
})

describe('CacheStore.reuseUpload', () => {
  const local = (): LocalFile => {
    const absPath = path.join(root, 'ref.png')
    cpSync(new URL('../emulator/fixtures/ref.png', import.meta.url), absPath)
    return { absPath, relPath: 'ref.png', label: 'ref.png', size: 1, kind: 'IMAGE', contentType: 'image/png' }
  }
  const remembered = (fileId: string) => ({
    restoreCache: async (_paths: string[], prefix: string) => `${prefix}${fileId}`,
  })
  const source = (status: string) => ({ status }) as FileInfo['downloadSource']

  it('reuses a remembered file that is ready, and waits for one still processing', async () => {
    const ready = storeWith(
      remembered('vg_file_r1'),
      { get: async () => ({ fileId: 'vg_file_r1', downloadSource: source('ready') }) },
      true,
    )
    expect(await ready.reuseUpload(local())).toBe('vg_file_r1')

    const waited: string[] = []
    const pending = storeWith(
      remembered('vg_file_p1'),
      {
        get: async () => ({ fileId: 'vg_file_p1', downloadSource: source('pending') }),
        waitReady: async (id: string) => (waited.push(id), { fileId: id }),
      },
      true,
    )
    expect(await pending.reuseUpload(local())).toBe('vg_file_p1')
    expect(waited).toEqual(['vg_file_p1'])
  })

  it('remembering an upload that the cache refuses is said, and does not hold up the clips', async () => {
    const store = storeWith({ saveCache: () => Promise.reject(new Error('reserve failed')) }, {}, true)
    store.rememberUpload(local(), 'vg_file_u1')
    await store.save(KEY, request(2), execution(), []) // waits for the upload entries first
    expect(infos()).toContain('Upload vg_file_u1 of ref.png was not remembered in the cache: reserve failed')
    expect(existsSync(path.join(root, '.videogen-cache'))).toBe(false)
    // With temporary uploads there is nothing to remember.
    const temporary = storeWith({ saveCache: () => Promise.reject(new Error('not called')) }, {}, false)
    temporary.rememberUpload(local(), 'vg_file_u2')
    await temporary.save(KEY, request(2), execution(), [])
    expect(infos().join('\n')).not.toContain('vg_file_u2')
  })

  it('uploads again when the remembered file failed processing, when the lookup fails, or when the key holds no file id', async () => {
    const failed = storeWith(
      remembered('vg_file_f1'),
      { get: async () => ({ fileId: 'vg_file_f1', previewSource: source('failed') }) },
      true,
    )
    expect(await failed.reuseUpload(local())).toBeUndefined()
    const lookupFails = storeWith({ restoreCache: () => Promise.reject(new Error('cache service down')) }, {}, true)
    expect(await lookupFails.reuseUpload(local())).toBeUndefined()
    const forged = storeWith(remembered('../../etc/passwd'), {}, true)
    expect(await forged.reuseUpload(local())).toBeUndefined()
    expect(infos()).toEqual([
      'Earlier upload vg_file_f1 of ref.png failed processing: uploading again',
      'Could not look up an earlier upload of ref.png: cache service down',
    ])
    // With temporary uploads nothing is looked up at all.
    expect(await storeWith(remembered('vg_file_x'), {}, false).reuseUpload(local())).toBeUndefined()
  })
})
