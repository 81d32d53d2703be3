// A restored cache entry whose clip is a symlink (tar keeps links) to a file outside the workspace: a miss, never delivered.
import { createHash } from 'node:crypto'
import { cpSync, lstatSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { type Emulator, startEmulator } from '../emulator/index.js'
import { type RunResult, newWorkspace, runAction } from '../runner/run-action.js'
import { type ResultsService, startResultsService } from '../standins/results-service.js'
import { FAST, actionEnv } from '../faults/harness.js'
import { plantEntry, readEntry, stagedDir } from './cache-entries.js'
import { sandbox, story } from './harness.js'

let emulator: Emulator
let results: ResultsService
const PROMPT = 'cache: a symlinked clip'
let key: string
let pristine: string

function run(workspace: string): Promise<RunResult> {
  return runAction({
    workspace,
    inputs: { 'base-url': emulator.url, cache: 'true', prompt: PROMPT },
    env: { VIDEOGEN_API_KEY: emulator.key, ...results.env(), ...actionEnv() },
  })
}

beforeAll(async () => {
  ;[emulator, results] = await Promise.all([startEmulator(FAST), startResultsService({ azurite: false })])
  const seed = await run(newWorkspace('vg-cache-link-cache-'))
  expect(seed.code, story(seed)).toBe(0)
  key = /Cache key: (\S+)/.exec(seed.stdout)?.[1] as string
  pristine = newWorkspace('vg-cache-link-pristine-')
  await readEntry(results, key, pristine)
}, 60_000)

afterAll(async () => {
  await Promise.all([emulator?.close(), results?.close()])
})

it(
  'a forged entry whose clip-1.mp4 is a symlink to a file outside the workspace is not delivered as that link',
  { timeout: 60_000 },
  async () => {
    const { outside } = sandbox()
    const secret = path.join(outside, 'runner-secret.txt')
    writeFileSync(secret, 'TOP SECRET credentials of the runner\n')
    const forgery = newWorkspace('vg-cache-link-forge-')
    cpSync(path.join(pristine, '.videogen-cache'), path.join(forgery, '.videogen-cache'), { recursive: true })
    const staged = stagedDir(forgery, key)
    const clipFile = path.join(staged, 'clip-1.mp4')
    rmSync(clipFile)
    symlinkSync(secret, clipFile)
    const recordFile = path.join(staged, 'record.json')
    const record = JSON.parse(readFileSync(recordFile, 'utf8')) as { clips: Array<Record<string, unknown>> }
    record.clips[0]!.sha256 = createHash('sha256').update(readFileSync(secret)).digest('hex')
    writeFileSync(recordFile, JSON.stringify(record))
    await plantEntry(results, key, forgery)
    const creates = emulator.createCount()

    const r = await run(newWorkspace('vg-cache-link-cache-'))
    const delivered = r.outputs.path ? path.join(r.workspace, r.outputs.path) : undefined
    const info = delivered ? lstatSync(delivered) : undefined
    expect(r.code, story(r)).toBe(0)
    // Either a miss (generated anew) or a regular file holding a clip: never a link to a runner file.
    expect(info?.isSymbolicLink()).toBe(false)
    expect(r.outputs['cache-hit']).not.toBe('true')
    expect(emulator.createCount() - creates, 'generated anew').toBe(1)
    expect(r.stdout).toContain('clip 1 is a symbolic link')
  },
)
