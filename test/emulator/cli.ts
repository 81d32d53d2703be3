// `npm run emulator`: starts the emulator until SIGINT/SIGTERM and prints the environment for the action.
import { parseArgs } from 'node:util'
import { type JobScript, startEmulator } from './index.js'

const USAGE = `Usage: npm run emulator -- [options]
  --port <n>            API port (default: random)
  --duration-ms <n>     running time of an execution (default 1500)
  --queued-ms <n>       pending time before running (default 100)
  --progress <shape>    linear | steps | comma-separated values, e.g. 0,10,60,90
  --attempts <n>        attempts per execution (progress restarts each attempt)
  --fail [message]      executions end failed (optionally with this error message)
  --key <token>         the only accepted API key (default: any non-empty token)
  --exec-prefix <p>     vg_tool_ (default) or vg_exec_
  --ready-delay-ms <n>  upload processing time after the PUT (default 150)
  --watermark-none      allow watermarkMode NONE (Production API add-on)
  --credits <n>         executions the team can still create
  --lax-bodies          ignore request-body properties the API document does not declare (default: 400)`

function int(name: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined
  const n = Number(value)
  if (!Number.isInteger(n) || n < 0) throw new Error(`--${name} must be a non-negative integer, got "${value}"`)
  return n
}

function progress(value: string | undefined): JobScript['progress'] {
  if (value === undefined || value === 'linear' || value === 'steps') return value
  const steps = value.split(',').map(Number)
  if (steps.some((n) => !Number.isFinite(n)))
    throw new Error(`--progress must be linear, steps or numbers like 0,25,80, got "${value}"`)
  return steps
}

async function main(): Promise<void> {
  const argv = process.argv.slice(2)
  // `--fail` takes an optional message: treat a following flag (or nothing) as "no message".
  const failAt = argv.indexOf('--fail')
  if (failAt >= 0 && (argv[failAt + 1] === undefined || argv[failAt + 1]!.startsWith('--')))
    argv.splice(failAt + 1, 0, '')
  const { values } = parseArgs({
    args: argv,
    options: {
      port: { type: 'string' },
      'duration-ms': { type: 'string' },
      'queued-ms': { type: 'string' },
      progress: { type: 'string' },
      attempts: { type: 'string' },
      fail: { type: 'string' },
      key: { type: 'string' },
      'exec-prefix': { type: 'string' },
      'ready-delay-ms': { type: 'string' },
      'watermark-none': { type: 'boolean' },
      credits: { type: 'string' },
      'lax-bodies': { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
  })
  if (values.help) {
    console.log(USAGE)
    return
  }
  const prefix = values['exec-prefix']
  if (prefix !== undefined && prefix !== 'vg_tool_' && prefix !== 'vg_exec_')
    throw new Error('--exec-prefix must be vg_tool_ or vg_exec_')
  const job: JobScript = {
    durationMs: int('duration-ms', values['duration-ms']),
    queuedMs: int('queued-ms', values['queued-ms']),
    progress: progress(values.progress),
    attempts: int('attempts', values.attempts),
    ...(values.fail !== undefined && {
      outcome: 'failed',
      ...(values.fail && { error: { message: values.fail, code: 'generation_failed' } }),
    }),
  }
  const emulator = await startEmulator({
    port: int('port', values.port) ?? 0,
    ...(values.key && { apiKeys: [values.key] }),
    ...(prefix && { executionIdPrefix: prefix }),
    job,
    fileReadyDelayMs: int('ready-delay-ms', values['ready-delay-ms']),
    watermarkNoneAllowed: values['watermark-none'] ?? false,
    credits: int('credits', values.credits),
    strictBodies: !values['lax-bodies'],
  })
  console.log(`VideoGen emulator: API ${emulator.url}, storage ${emulator.storageUrl}. Ctrl+C to stop.`)
  console.log(`VIDEOGEN_BASE_URL=${emulator.url}`)
  console.log(`VIDEOGEN_API_KEY=${emulator.key}`)

  let stopping = false
  const stop = () => {
    if (stopping) return
    stopping = true
    void emulator.close().then(() => process.exit(0))
  }
  process.on('SIGINT', stop)
  process.on('SIGTERM', stop)
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error)
  console.error(USAGE)
  process.exit(2)
})
