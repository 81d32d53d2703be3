// Child processes of the bench: a command run to its end, timed from spawn to exit by this process's clock
// (the emulator's clock too, since the bench process hosts it).
import { spawn } from 'node:child_process'
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { parseFileCommands } from '../test/runner/file-commands.js'
import type { BenchContext } from './lib.js'

export interface Finished {
  stdout: string
  stderr: string
  /** Spawn → exit. */
  ms: number
  startedAt: number
}

/** Runs a command to its end; rejects unless it exits 0 (with its stderr and the tail of its stdout). */
export function runProcess(
  command: string,
  args: string[],
  options: { env?: Record<string, string>; cwd?: string } = {},
): Promise<Finished> {
  return new Promise((resolve, reject) => {
    const startedAt = Date.now()
    const child = spawn(command, args, { ...options, stdio: ['ignore', 'pipe', 'pipe'] })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString()))
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()))
    child.on('error', reject)
    child.on('close', (code) =>
      code === 0
        ? resolve({ stdout, stderr, ms: Date.now() - startedAt, startedAt })
        : reject(new Error(`${path.basename(command)} exited ${code}: ${stderr.trim()}\n${stdout.slice(-2000)}`)),
    )
  })
}

/**
 * Runs `node <dist>/index.js` (the main step) with an environment from `runnerEnv`; returns its timing and
 * the outputs it wrote. `nodeArgs` go before the entry (e.g. an `--import` hook).
 */
export async function runBundle(
  ctx: BenchContext,
  env: Record<string, string>,
  nodeArgs: string[] = [],
): Promise<Finished & { outputs: Record<string, string> }> {
  const finished = await runProcess(process.execPath, [...nodeArgs, path.join(ctx.distDir, 'index.js')], {
    env,
    ...(env.GITHUB_WORKSPACE && { cwd: env.GITHUB_WORKSPACE }),
  })
  const outputs = env.GITHUB_OUTPUT ? parseFileCommands(readFileSync(env.GITHUB_OUTPUT, 'utf8')) : {}
  return { ...finished, outputs }
}
