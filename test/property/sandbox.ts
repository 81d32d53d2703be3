// One case's world: a temp root holding the workspace and a sibling "outside" directory (the targets of
// escaping links and paths), the repository layout a case asks for, and the action run in it, timed.
import type { ChildProcess } from 'node:child_process'
import { execFileSync } from 'node:child_process'
import {
  closeSync,
  copyFileSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  rmSync,
  symlinkSync,
  writeFileSync,
  writeSync,
  ftruncateSync,
} from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { FIXTURES_DIR } from '../emulator/index.js'
import { type RunOptions, type RunResult, startAction } from '../runner/run-action.js'
import type { EntryKind, PromptFile } from './arbitraries.js'

export interface Sandbox {
  root: string
  workspace: string
  outside: string
  dispose(): void
}

export function newSandbox(): Sandbox {
  const root = mkdtempSync(path.join(tmpdir(), 'vg-prop-'))
  const workspace = path.join(root, 'ws')
  const outside = path.join(root, 'outside')
  mkdirSync(workspace)
  mkdirSync(path.join(outside, 'victim-dir'), { recursive: true })
  writeFileSync(path.join(outside, 'victim.txt'), 'must not change\n')
  copyFileSync(path.join(FIXTURES_DIR, 'ref.png'), path.join(outside, 'victim.png'))
  return { root, workspace, outside, dispose: () => rmSync(root, { recursive: true, force: true }) }
}

/** A sparse file: `head` then zeros up to `size` bytes, without writing them. */
export function sparseFile(file: string, head: Buffer, size: number): void {
  const fd = openSync(file, 'w')
  try {
    writeSync(fd, head)
    ftruncateSync(fd, size)
  } finally {
    closeSync(fd)
  }
}

const PNG_MAGIC = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])
/** Larger than any limit worth having for a reference image; sparse, so it costs no disk. */
export const SPARSE_BYTES = 6 * 1024 ** 3

export function mkfifo(file: string): void {
  execFileSync('mkfifo', [file])
}

/** Puts one repository entry of `kind` at `abs` (the sandbox's outside dir is the escape target). */
export function plantEntry(sandbox: Sandbox, abs: string, kind: EntryKind | PromptFile['kind'], text = ''): void {
  mkdirSync(path.dirname(abs), { recursive: true })
  switch (kind) {
    case 'png':
      return copyFileSync(path.join(FIXTURES_DIR, 'ref.png'), abs)
    case 'text':
      return writeFileSync(abs, text || 'plain text, not an image\n')
    case 'empty':
      return writeFileSync(abs, '')
    case 'fifo':
      return mkfifo(abs)
    case 'sparse':
      return sparseFile(abs, PNG_MAGIC, SPARSE_BYTES)
    case 'link-out':
      return symlinkSync(path.relative(path.dirname(abs), path.join(sandbox.outside, 'victim.png')), abs)
    case 'link-in':
      copyFileSync(path.join(FIXTURES_DIR, 'ref.png'), path.join(sandbox.workspace, 'inside-target.png'))
      return symlinkSync(path.relative(path.dirname(abs), path.join(sandbox.workspace, 'inside-target.png')), abs)
    case 'link-loop':
      return symlinkSync(path.basename(abs), abs)
    case 'dir':
      mkdirSync(abs)
      return copyFileSync(path.join(FIXTURES_DIR, 'ref.png'), path.join(abs, 'inner.png'))
  }
}

// ---------------------------------------------------------------------------------------------------
// Running the action, timed, with every child tracked so none outlives the suite

const running = new Set<ChildProcess>()

/** Kills what is still running (a case the property interrupted): only the children this module started. */
export function killRunning(): void {
  for (const child of running) child.kill('SIGKILL')
  running.clear()
}

export interface TimedRun {
  result: RunResult
  /** Last stdout/stderr data, and the close, in ms since the epoch. */
  lastOutputAt: number
  closedAt: number
}

export async function runTimed(options: RunOptions): Promise<TimedRun> {
  const started = startAction(options)
  const child = started.child
  running.add(child)
  let lastOutputAt = Date.now()
  child.stdout?.on('data', () => (lastOutputAt = Date.now()))
  child.stderr?.on('data', () => (lastOutputAt = Date.now()))
  try {
    const result = await started.result
    return { result, lastOutputAt, closedAt: Date.now() }
  } finally {
    running.delete(child)
  }
}

/** Removes the runner directory startAction made for the files of one run. */
export function disposeRunnerFiles(result: RunResult): void {
  rmSync(path.dirname(result.files.output), { recursive: true, force: true })
}
