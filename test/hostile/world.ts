// The hostile world's shared pieces of the batch, secrets and output-limit tests: the runner's signal
// schedule, where a secret could surface after a run, and what an emulator still has running.
import { readFileSync, readdirSync, lstatSync } from 'node:fs'
import path from 'node:path'
import type { Emulator } from '../emulator/index.js'
import { type RunResult, type RunningAction, runAction } from '../runner/run-action.js'
import { actionEnv } from '../faults/harness.js'

/** The runner's schedule on a cancelled workflow: SIGINT, SIGTERM 7.5 s later, SIGKILL 2.5 s after that. */
export async function cancelLikeRunner(running: RunningAction): Promise<{ result: RunResult; sentAt: number }> {
  const sentAt = Date.now()
  running.child.kill('SIGINT')
  const term = setTimeout(() => running.child.kill('SIGTERM'), 7500)
  const kill = setTimeout(() => running.child.kill('SIGKILL'), 10_000)
  const result = await running.result
  clearTimeout(term)
  clearTimeout(kill)
  return { result, sentAt }
}

export type Item = {
  executionId?: string
  status: string
  fileIds: string[]
  paths: Array<string | null>
  urls?: Array<string | null>
  error?: string
}

export const resultsOf = (outputs: Record<string, string>) =>
  JSON.parse(outputs.results ?? '{}') as Record<string, Item>

export const batchInputs = (
  e: Pick<Emulator, 'key' | 'url'>,
  requests: unknown,
  extra: Record<string, string> = {},
) => ({
  'api-key': e.key,
  'base-url': e.url,
  requests: JSON.stringify(requests),
  timeout: '60s',
  ...extra,
})

/** The post step of a batch's main step, with main's workspace and saved state. */
export const batchPost = (
  e: Pick<Emulator, 'key' | 'url'>,
  main: Pick<RunResult, 'workspace' | 'state'>,
  requests: unknown,
  timeoutMs?: number,
) =>
  runAction({
    workspace: main.workspace,
    inputs: batchInputs(e, requests),
    env: actionEnv(),
    stage: 'post',
    state: main.state,
    ...(timeoutMs !== undefined && { timeoutMs }),
  })

/** Ids of the emulator's executions that are still pending or running (billing on). */
export const liveExecutions = (e: Emulator): string[] =>
  [...e.executions.values()].filter((x) => x.status === 'pending' || x.status === 'running').map((x) => x.id)

/** Every file under `dir`, read as text (links are not followed). */
function filesUnder(dir: string): Array<[string, string]> {
  const out: Array<[string, string]> = []
  for (const name of readdirSync(dir)) {
    const full = path.join(dir, name)
    const info = lstatSync(full)
    if (info.isDirectory()) out.push(...filesUnder(full))
    else if (info.isFile()) out.push([full, readFileSync(full, 'latin1')])
  }
  return out
}

/**
 * Where `secret` shows after a run, outside the log (which the runner masks): outputs, the job summary,
 * the saved state and every file in the workspace (results file, clips), which masking never reaches.
 */
export function whereSecretShows(r: RunResult, secret: string): string[] {
  const places: string[] = []
  for (const [name, value] of Object.entries(r.outputs)) if (value.includes(secret)) places.push(`output ${name}`)
  for (const [name, value] of Object.entries(r.state)) if (value.includes(secret)) places.push(`state ${name}`)
  // The summary is HTML: what a reader sees is the text with its character references decoded.
  const shown = r.summary.replace(/&#(\d+);/g, (_m, code: string) => String.fromCharCode(Number(code)))
  if (shown.includes(secret)) places.push('job summary')
  for (const [file, text] of filesUnder(r.workspace))
    if (text.includes(secret)) places.push(`file ${path.relative(r.workspace, file)}`)
  return places
}

/** Log lines holding `secret`, but for the ::add-mask:: that hides it. */
export const logLinesWith = (r: RunResult, secret: string): string[] =>
  `${r.stdout}\n${r.stderr}`.split('\n').filter((l) => l.includes(secret) && !l.startsWith('::add-mask::'))

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms))
