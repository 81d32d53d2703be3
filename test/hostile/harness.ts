// Pieces shared by the hostile-input tests: reading stdout the way the runner reads it (workflow commands,
// including the deprecated ::save-state / ::set-output ones), snapshots of a directory tree to prove that
// nothing was written outside the workspace, a peak-memory sampler for the action's process, and a direct
// HTTP client for the emulator (a second job on the same key).
import { createHash } from 'node:crypto'
import { lstatSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, readlinkSync, realpathSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import type { Emulator } from '../emulator/index.js'
import type { RunResult } from '../runner/run-action.js'

/**
 * What a line break is when hunting for injected commands: the runner splits on CR and LF; NEL and the
 * Unicode line and paragraph separators are counted too, since log viewers break lines there.
 */
const LINE_BREAK = /\r\n|[\r\n\u0085\u2028\u2029]/

/** Commands the action itself issues (annotations, masks, groups, debug lines). */
const OWN_COMMANDS = ['::add-mask::', '::error', '::warning', '::notice', '::debug::', '::group::', '::endgroup::']

/** Lines of stdout that the runner would take as a workflow command the action never issues. */
export function foreignCommands(stdout: string): string[] {
  return stdout
    .split(LINE_BREAK)
    .map((line) => line.trimStart())
    .filter((line) => line.startsWith('::') && !OWN_COMMANDS.some((own) => line.startsWith(own)))
}

/**
 * The state the runner hands the post step: the GITHUB_STATE file, plus `::save-state name=…::…` lines on
 * stdout, which the runner still honours (deprecated, not disabled).
 */
export function runnerState(result: RunResult): Record<string, string> {
  const fromStdout: Record<string, string> = {}
  for (const line of result.stdout.split(/\r?\n/)) {
    const match = /^\s*::save-state name=([^:]+)::(.*)$/.exec(line)
    if (match) fromStdout[match[1] as string] = match[2] as string
  }
  return { ...result.state, ...fromStdout }
}

/** Resolves once `check` holds, polling every 20 ms; rejects after `timeoutMs`. */
export async function until(check: () => boolean, what: string, timeoutMs = 15_000): Promise<void> {
  const end = Date.now() + timeoutMs
  while (!check()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`)
    await sleep(20)
  }
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms))

/**
 * A fresh directory for one test, with the workspace two levels down (`<root>/a/ws`), so that a traversal
 * like `../../x` from inside the workspace lands in `<root>` where a snapshot sees it. Real path (no /tmp link).
 */
export function sandbox(prefix = 'vg-hostile-'): { root: string; workspace: string; outside: string } {
  const root = realpathSync(mkdtempSync(path.join(tmpdir(), prefix)))
  const workspace = path.join(root, 'a', 'ws')
  const outside = path.join(root, 'outside')
  mkdirSync(workspace, { recursive: true })
  mkdirSync(outside)
  return { root, workspace, outside }
}

/** Every entry under `dir` (relative path → kind and content hash or link target), without following links. */
export function snapshot(dir: string): Map<string, string> {
  const out = new Map<string, string>()
  const walk = (abs: string) => {
    for (const name of readdirSync(abs)) {
      const full = path.join(abs, name)
      const rel = path.relative(dir, full)
      const info = lstatSync(full)
      if (info.isSymbolicLink()) out.set(rel, `link → ${readlinkSync(full)}`)
      else if (info.isDirectory()) {
        out.set(rel, 'dir')
        walk(full)
      } else if (info.isFile()) {
        out.set(rel, `file ${createHash('sha256').update(readFileSync(full)).digest('hex')}`)
      } else out.set(rel, 'special')
    }
  }
  walk(dir)
  return out
}

/** The entries of `after` that are new or changed since `before`, skipping those inside `except`. */
export function changedOutside(before: Map<string, string>, after: Map<string, string>, except: string): string[] {
  const inside = (rel: string) => rel === except || rel.startsWith(`${except}${path.sep}`)
  const keys = new Set([...before.keys(), ...after.keys()])
  return [...keys].filter((k) => !inside(k) && before.get(k) !== after.get(k)).sort()
}

/**
 * The peak resident memory (VmHWM) of a running process, sampled from /proc until it exits. VmHWM is the
 * kernel's own high-water mark, so a peak between two samples still shows in the next one.
 */
export function peakRssSampler(pid: number, everyMs = 25): { stop(): number } {
  let peakKiB = 0
  const read = () => {
    try {
      const match = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))
      if (match) peakKiB = Math.max(peakKiB, Number(match[1]))
    } catch {
      // gone already
    }
  }
  read()
  const timer = setInterval(read, everyMs)
  return {
    stop() {
      clearInterval(timer)
      return peakKiB * 1024
    },
  }
}

/** Creates an execution with the emulator's key over plain HTTP, as another job on the same key would. */
export async function createDirectly(e: Emulator, prompt: string): Promise<string> {
  const response = await fetch(`${e.url}/v1/tools/generate-video-clip`, {
    method: 'POST',
    headers: { authorization: `Bearer ${e.key}`, 'content-type': 'application/json' },
    body: JSON.stringify({ prompt }),
  })
  const body = (await response.json()) as { toolExecutionId?: string }
  if (response.status !== 202 || !body.toolExecutionId) throw new Error(`create answered ${response.status}`)
  return body.toolExecutionId
}

/** The run's whole story, for assertion messages. */
export const story = (r: RunResult) => `exit ${r.code} ${r.signal ?? ''}\n${r.stdout}\n${r.stderr}`
