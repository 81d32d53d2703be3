// A runner stand-in: runs the bundled dist/index.js under plain node the way the Actions runner does
// (INPUT_ variables with action.yml defaults, file commands, a workspace), with signals and the post step.
import { type ChildProcess, spawn } from 'node:child_process'
import { mkdtempSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { ROOT, inputEnv, readActionYml } from './action-yml.js'
import { parseFileCommands } from './file-commands.js'

export interface RunOptions {
  inputs?: Record<string, string>
  /** Extra environment (e.g. VIDEOGEN_API_KEY, HTTPS_PROXY, ACTIONS_RESULTS_URL). */
  env?: Record<string, string>
  /** Workspace dir; a fresh temp dir when omitted. */
  workspace?: string
  /** Saved state, passed as STATE_<name> (the post step). */
  state?: Record<string, string>
  stage?: 'main' | 'post'
  githubToken?: string
  /** Kill the process if it runs longer than this. */
  timeoutMs?: number
  /** Echo the action's stdout/stderr live (the demo). */
  echo?: boolean
}

export interface RunResult {
  code: number | null
  signal: NodeJS.Signals | null
  stdout: string
  stderr: string
  outputs: Record<string, string>
  state: Record<string, string>
  summary: string
  workspace: string
  durationMs: number
  files: { output: string; state: string; summary: string }
}

export interface RunningAction {
  child: ChildProcess
  workspace: string
  /** Resolves when stdout has printed a line matching `pattern`. */
  waitFor(pattern: RegExp, timeoutMs?: number): Promise<string>
  result: Promise<RunResult>
}

export function newWorkspace(prefix = 'vg-ws-'): string {
  return mkdtempSync(path.join(tmpdir(), prefix))
}

export function startAction(options: RunOptions = {}): RunningAction {
  const workspace = options.workspace ?? newWorkspace()
  const runnerDir = mkdtempSync(path.join(tmpdir(), 'vg-runner-'))
  const files = {
    output: path.join(runnerDir, 'output'),
    state: path.join(runnerDir, 'state'),
    summary: path.join(runnerDir, 'summary.md'),
  }
  for (const f of Object.values(files)) writeFileSync(f, '')
  const temp = path.join(runnerDir, 'temp')
  mkdirSync(temp)
  const stateEnv = Object.fromEntries(Object.entries(options.state ?? {}).map(([k, v]) => [`STATE_${k}`, v]))
  const inherited = Object.fromEntries(
    Object.entries(process.env).filter(
      ([k]) => !/^(INPUT_|STATE_|GITHUB_|RUNNER_|ACTIONS_|VIDEOGEN_)/.test(k) && !/proxy$/i.test(k),
    ),
  )
  const env = {
    ...inherited,
    GITHUB_ACTIONS: 'true',
    CI: 'true',
    GITHUB_WORKSPACE: workspace,
    GITHUB_OUTPUT: files.output,
    GITHUB_STATE: files.state,
    GITHUB_STEP_SUMMARY: files.summary,
    GITHUB_REPOSITORY: 'octo/demo',
    GITHUB_RUN_ID: '1',
    GITHUB_SERVER_URL: 'https://github.com',
    GITHUB_EVENT_NAME: 'push',
    RUNNER_TEMP: temp,
    RUNNER_OS: 'Linux',
    // The test run's coverage of the bundle: only the action's own processes write it, not the test workers.
    ...(process.env.VG_BUNDLE_COVERAGE && { NODE_V8_COVERAGE: process.env.VG_BUNDLE_COVERAGE }),
    ...inputEnv(options.inputs ?? {}, { ...(options.githubToken && { githubToken: options.githubToken }) }),
    ...stateEnv,
    ...options.env,
  }
  const { runs } = readActionYml()
  // VG_DIST_DIR lets a parallel work tree test its own bundle without rewriting the committed dist/.
  const script = options.stage === 'post' ? (runs.post as string) : runs.main
  const entry = process.env.VG_DIST_DIR
    ? path.join(process.env.VG_DIST_DIR, path.basename(script))
    : path.join(ROOT, script)
  const started = Date.now()
  // VG_ACTION_NODE runs the bundle on another node binary (CI: the runner's Node 24), not the one running the tests.
  const node = process.env.VG_ACTION_NODE || process.execPath
  const child = spawn(node, [entry], { cwd: workspace, env, stdio: ['ignore', 'pipe', 'pipe'] })
  let stdout = ''
  let stderr = ''
  const waiters: Array<{ pattern: RegExp; resolve: (line: string) => void }> = []
  let echoed = 0
  child.stdout?.on('data', (chunk: Buffer) => {
    stdout += chunk.toString()
    if (options.echo) {
      // Line by line, hiding ::debug:: lines as the runner does when step debug is off.
      const end = stdout.lastIndexOf('\n') + 1
      for (const line of stdout.slice(echoed, end).split('\n').slice(0, -1)) {
        if (!line.startsWith('::debug::') || (env as Record<string, string | undefined>).RUNNER_DEBUG === '1')
          process.stdout.write(`${line}\n`)
      }
      echoed = Math.max(echoed, end)
    }
    for (const w of [...waiters]) {
      const line = stdout.split('\n').find((l) => w.pattern.test(l))
      if (line !== undefined) {
        waiters.splice(waiters.indexOf(w), 1)
        w.resolve(line)
      }
    }
  })
  child.stderr?.on('data', (chunk: Buffer) => {
    if (options.echo) process.stderr.write(chunk)
    stderr += chunk.toString()
  })
  const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs ?? 60_000)
  const result = new Promise<RunResult>((resolve, reject) => {
    child.on('error', reject)
    child.on('close', (code, signal) => {
      clearTimeout(timer)
      resolve({
        code,
        signal,
        stdout,
        stderr,
        outputs: parseFileCommands(readFileSync(files.output, 'utf8')),
        state: parseFileCommands(readFileSync(files.state, 'utf8')),
        summary: readFileSync(files.summary, 'utf8'),
        workspace,
        durationMs: Date.now() - started,
        files,
      })
    })
  })
  return {
    child,
    workspace,
    result,
    waitFor(pattern, timeoutMs = 20_000) {
      const line = stdout.split('\n').find((l) => pattern.test(l))
      if (line !== undefined) return Promise.resolve(line)
      return new Promise((resolve, reject) => {
        const t = setTimeout(
          () => reject(new Error(`timed out waiting for ${pattern} in stdout:\n${stdout}`)),
          timeoutMs,
        )
        waiters.push({ pattern, resolve: (l) => (clearTimeout(t), resolve(l)) })
        void result.then(() => reject(new Error(`process ended before printing ${pattern}:\n${stdout}\n${stderr}`)))
      })
    },
  }
}

export function runAction(options: RunOptions = {}): Promise<RunResult> {
  return startAction(options).result
}

/** Main, then post with main's saved state, as the runner does (post-if: always()). */
export async function runMainAndPost(options: RunOptions = {}): Promise<{ main: RunResult; post: RunResult }> {
  const main = await runAction(options)
  const post = await runAction({ ...options, workspace: main.workspace, stage: 'post', state: main.state })
  return { main, post }
}
