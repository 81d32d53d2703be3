// One case of the hostile-repository property: the layout laid out in a fresh sandbox (download-dir, the
// names the action will write, refs/, a prompt file), one run of the bundled action, every invariant.
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import fc from 'fast-check'
import { type Emulator, startEmulator } from '../emulator/index.js'
import { OUTSIDE, type Plant, type RepoCase } from './arbitraries.js'
import { isInside } from '../../src/fs-safe.js'
import {
  assertHolds,
  checkCreates,
  checkOutcome,
  checkStdout,
  checkSummary,
  checkTree,
  snapshotTree,
} from './invariants.js'
import { type Sandbox, disposeRunnerFiles, mkfifo, newSandbox, plantEntry, runTimed } from './sandbox.js'

const JOB = { queuedMs: 20, durationMs: 100 }

/** Sets up download-dir as the case asks; returns the input value (undefined: the default) and the dir. */
function layDownloadDir(s: Sandbox, dir: RepoCase['downloadDir']): { input?: string; rel: string } {
  const ws = s.workspace
  const victimDir = path.join(s.outside, 'victim-dir')
  switch (dir.kind) {
    case 'default':
      return { rel: 'videogen-output' }
    case 'nested':
      return { input: 'out/sub', rel: 'out/sub' }
    case 'link-out':
      symlinkSync(path.relative(ws, victimDir), path.join(ws, 'videogen-output'))
      return { rel: 'videogen-output' }
    case 'link-in':
      mkdirSync(path.join(ws, 'real-out'))
      symlinkSync('real-out', path.join(ws, 'videogen-output'))
      return { rel: 'videogen-output' }
    case 'link-chain':
      mkdirSync(path.join(ws, 'a'))
      symlinkSync(path.relative(path.join(ws, 'a'), victimDir), path.join(ws, 'a', 'link'))
      return { input: 'a/link/b', rel: path.join('a', 'link', 'b') }
    case 'file':
      writeFileSync(path.join(ws, 'videogen-output'), 'a file the repository committed\n')
      return { rel: 'videogen-output' }
    case 'fifo':
      mkfifo(path.join(ws, 'videogen-output'))
      return { rel: 'videogen-output' }
    case 'text': {
      const input = dir.value.replaceAll(OUTSIDE, s.outside)
      // The action reads the value as the environment carries it (UTF-8: a lone surrogate becomes U+FFFD),
      // trimmed by getInput.
      const seen = Buffer.from(input, 'utf8').toString('utf8').trim()
      return { input, rel: path.relative(ws, path.resolve(ws, seen)) }
    }
  }
}

/** Names the action will write for execution `id`, taken first by a link, a FIFO or a directory. */
function plant(s: Sandbox, dir: string, id: string, plants: Plant[]): void {
  mkdirSync(dir, { recursive: true })
  const victim = path.join(s.outside, 'victim.txt')
  const taken = new Set<string>()
  for (const p of plants) {
    const name = p.endsWith('json') ? `${id}.json` : `${id}-1.mp4`
    if (taken.has(name)) continue
    taken.add(name)
    const abs = path.join(dir, name)
    if (p === 'link-clip' || p === 'link-json') symlinkSync(path.relative(dir, victim), abs)
    else if (p === 'link-dir-clip') symlinkSync(path.relative(dir, path.join(s.outside, 'victim-dir')), abs)
    else if (p === 'fifo-clip') mkfifo(abs)
    else mkdirSync(abs)
  }
}

async function createExecution(emulator: Emulator): Promise<string> {
  const res = await fetch(`${emulator.url}/v1/tools/generate-video-clip`, {
    method: 'POST',
    headers: { authorization: `Bearer ${emulator.key}`, 'content-type': 'application/json' },
    body: JSON.stringify({ prompt: 'made before the run' }),
  })
  const body = (await res.json()) as { toolExecutionId: string }
  return body.toolExecutionId
}

export interface RepoWorld {
  emulator: Emulator
  cases: number
}

export async function startRepoWorld(): Promise<RepoWorld> {
  // Uploads above this are refused by their Content-Length: a sparse 6 GiB image is never streamed.
  return { emulator: await startEmulator({ job: JOB, fileReadyDelayMs: 20, maxUploadBytes: 64 * 1024 ** 2 }), cases: 0 }
}

export async function runRepoCase(world: RepoWorld, c: RepoCase): Promise<void> {
  const { emulator } = world
  world.cases++
  emulator.reset()
  const sandbox = newSandbox()
  try {
    const ws = sandbox.workspace
    for (const entry of c.entries) plantEntry(sandbox, path.join(ws, 'refs', entry.name), entry.kind)
    const dir = layDownloadDir(sandbox, c.downloadDir)
    const dirAbs = path.resolve(ws, dir.rel)
    const inputs: Record<string, string> = {
      'api-key': emulator.key,
      'base-url': emulator.url,
      timeout: '5s',
      ...(dir.input !== undefined && { 'download-dir': dir.input }),
    }
    let resumed: string | undefined
    if (c.resume) {
      resumed = await createExecution(emulator)
      inputs['execution-id'] = resumed
      // Plants only where the case made a plain directory inside the workspace: elsewhere it is refused anyway.
      if (['default', 'nested'].includes(c.downloadDir.kind)) plant(sandbox, dirAbs, resumed, c.resume)
    } else {
      inputs.images = c.images.join('\n')
      if (c.promptFile) {
        plantEntry(
          sandbox,
          path.join(ws, 'prompts', 'p.txt'),
          c.promptFile.kind,
          c.promptFile.kind === 'text' ? c.promptFile.text : '',
        )
        inputs['prompt-file'] = 'prompts/p.txt'
      } else inputs.prompt = 'a fox in the snow'
    }
    const createdBefore = emulator.createCount()
    const before = snapshotTree(sandbox.root)
    const run = await runTimed({
      inputs,
      env: { VIDEOGEN_REQUEST_TIMEOUT_MS: '1500' },
      workspace: ws,
      // As for the API cases: timeout 5s bounds the action well within this.
      timeoutMs: 30_000,
    })
    const { result } = run
    if (process.env.VG_PROPERTY_LOG)
      console.log(`case ${world.cases}: ${result.durationMs} ms, exit ${result.code}: ${fc.stringify(c).slice(0, 300)}`)
    disposeRunnerFiles(result)
    const after = snapshotTree(sandbox.root)
    const executionId = resumed ?? [...emulator.executions.keys()][0]
    const inside = isInside(ws, dirAbs)
    const violations = [
      ...checkTree(before, after, inside ? path.relative(sandbox.root, dirAbs) : undefined),
      ...checkStdout(result.stdout, emulator.key),
      ...checkSummary(
        result.summary,
        [new URL(emulator.url).origin, new URL(emulator.storageUrl).origin],
        new Set(),
        1,
      ),
      ...checkOutcome({
        ...run,
        emulatorStatus: executionId ? emulator.executions.get(executionId)?.status : undefined,
        downloadDir: inside ? dirAbs : undefined,
        workspace: ws,
        quietExitMs: 3000,
      }),
      ...checkCreates(emulator, createdBefore),
    ]
    assertHolds(violations, result, fc.stringify(c))
  } finally {
    sandbox.dispose()
  }
}
