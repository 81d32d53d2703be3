// Shared pieces of the fault tests: a fast emulator per case, workspaces with media, the bundled
// action's inputs, and reading its ::error:: / ::warning:: lines back.
import { createHash } from 'node:crypto'
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { connect } from 'node:net'
import path from 'node:path'
import { type Emulator, type EmulatorOptions, FIXTURES_DIR, startEmulator } from '../emulator/index.js'
import { newWorkspace } from '../runner/run-action.js'

/** Short jobs and processing: a successful run of the bundled action takes about 1.5 s. */
export const FAST: EmulatorOptions = { job: { queuedMs: 50, durationMs: 300 }, fileReadyDelayMs: 50 }

/** A hung request fails after this long (VIDEOGEN_REQUEST_TIMEOUT_MS), instead of 60 s. */
export const REQUEST_TIMEOUT_MS = 1500

export const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex')
export const fixture = (name: string) => readFileSync(path.join(FIXTURES_DIR, name))

export async function withEmulator<T>(options: EmulatorOptions, run: (emulator: Emulator) => Promise<T>): Promise<T> {
  const emulator = await startEmulator({ ...FAST, ...options, job: { ...FAST.job, ...options.job } })
  try {
    return await run(emulator)
  } finally {
    await emulator.close()
  }
}

/** Inputs pointing the action at the emulator, with a prompt and a short overall timeout. */
export function inputsFor(
  emulator: Pick<Emulator, 'key' | 'url'>,
  inputs: Record<string, string> = {},
): Record<string, string> {
  return { 'api-key': emulator.key, 'base-url': emulator.url, prompt: 'a fox in the snow', timeout: '30s', ...inputs }
}

export const actionEnv = (extra: Record<string, string> = {}): Record<string, string> => ({
  VIDEOGEN_REQUEST_TIMEOUT_MS: String(REQUEST_TIMEOUT_MS),
  ...extra,
})

/** A workspace holding `files` (relative path → bytes, or the name of an emulator fixture). */
export function workspaceWith(files: Record<string, Buffer | string> = {}): string {
  const root = newWorkspace('vg-faults-')
  for (const [rel, content] of Object.entries(files)) {
    const abs = path.join(root, rel)
    mkdirSync(path.dirname(abs), { recursive: true })
    if (typeof content === 'string') copyFileSync(path.join(FIXTURES_DIR, content), abs)
    else writeFileSync(abs, content)
  }
  return root
}

/** A PNG-signed file of `size` bytes: large enough that a cut upload is visibly partial. */
export function bigPng(size: number): Buffer {
  const bytes = Buffer.alloc(size)
  for (let i = 0; i < size; i++) bytes[i] = (i * 7919) & 0xff
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]).copy(bytes)
  return bytes
}

/** Workflow commands as the runner decodes them (%25, %0D, %0A). */
function commands(stdout: string, name: string): string[] {
  const prefix = `::${name}`
  return stdout
    .split('\n')
    .filter((line) => line.startsWith(prefix))
    .map((line) =>
      line
        .slice(line.indexOf('::', 2) + 2)
        .replace(/%0D/g, '\r')
        .replace(/%0A/g, '\n')
        .replace(/%25/g, '%'),
    )
}

export const errorsOf = (stdout: string) => commands(stdout, 'error')
export const warningsOf = (stdout: string) => commands(stdout, 'warning')

/**
 * A loopback port with nothing listening on it. It is a low port outside the kernel's ephemeral range:
 * a port freed by a `listen(0)` server may be handed to another test's emulator seconds later, while
 * the action is still retrying, which then answers with that emulator's 401.
 */
export async function closedPort(): Promise<number> {
  for (const port of [9, 1, 7, 13, 19, 37, 79, 101, 113, 119]) {
    if (await refuses(port)) return port
  }
  throw new Error('no low loopback port refuses connections on this machine')
}

function refuses(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host: '127.0.0.1', port })
    socket.once('connect', () => {
      socket.destroy()
      resolve(false)
    })
    socket.once('error', (err: NodeJS.ErrnoException) => resolve(err.code === 'ECONNREFUSED'))
  })
}

export const isGenerate = (r: { method: string; path: string }) =>
  r.method === 'POST' && r.path === '/v1/tools/generate-video-clip'
