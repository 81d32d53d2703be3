// `npm run demo`: the main job, end to end. Builds dist/ if needed, starts the embedded emulator, runs
// dist/index.js exactly as the runner would, prints the outputs and leaves the clip in videogen-output/.
// `npm run demo -- --live` calls the real API instead (needs VIDEOGEN_API_KEY).
import { execSync } from 'node:child_process'
import { existsSync, openSync, readSync, closeSync, statSync, readdirSync, writeFileSync, mkdirSync } from 'node:fs'
import path from 'node:path'
import { startEmulator } from '../test/emulator/index.js'
import { ROOT } from '../test/runner/action-yml.js'
import { startAction } from '../test/runner/run-action.js'

const live = process.argv.includes('--live')

function newestMtime(dir: string): number {
  let newest = 0
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) newest = Math.max(newest, statSync(path.join(entry.parentPath, entry.name)).mtimeMs)
  }
  return newest
}

function ensureBuilt(): void {
  const bundle = path.join(ROOT, 'dist/index.js')
  if (existsSync(bundle) && statSync(bundle).mtimeMs >= newestMtime(path.join(ROOT, 'src'))) return
  console.log('Building dist/ …')
  execSync('npm run build', { cwd: ROOT, stdio: 'inherit' })
}

function hasFtyp(file: string): boolean {
  const fd = openSync(file, 'r')
  const head = Buffer.alloc(12)
  readSync(fd, head, 0, 12, 0)
  closeSync(fd)
  return head.subarray(4, 8).toString('latin1') === 'ftyp'
}

async function main(): Promise<void> {
  ensureBuilt()
  if (live && !process.env.VIDEOGEN_API_KEY) throw new Error('--live needs VIDEOGEN_API_KEY in the environment')
  const emulator = live
    ? undefined
    : await startEmulator({ job: { queuedMs: 300, durationMs: 4000, progress: 'linear' } })
  // The demo's reference image lives in the repo, like a user's would.
  const assets = path.join(ROOT, 'videogen-output', 'demo-assets')
  mkdirSync(assets, { recursive: true })
  execSync(`cp ${path.join(ROOT, 'test/emulator/fixtures/ref.png')} ${path.join(assets, 'reference.png')}`)
  writeFileSync(
    path.join(assets, 'prompt.txt'),
    'A paper boat drifting down a rain-soaked street at dusk, cinematic, shallow depth of field\n',
  )
  try {
    console.log(live ? 'Running against the real VideoGen API' : `Emulator at ${emulator?.url}`)
    const run = startAction({
      workspace: ROOT,
      echo: true,
      timeoutMs: live ? 40 * 60_000 : 120_000,
      inputs: {
        'prompt-file': 'videogen-output/demo-assets/prompt.txt',
        images: 'videogen-output/demo-assets/*.png',
        'aspect-ratio': '16:9',
        ...(emulator && { 'api-key': emulator.key, 'base-url': emulator.url }),
      },
      env: live ? { VIDEOGEN_API_KEY: process.env.VIDEOGEN_API_KEY as string } : {},
    })
    const result = await run.result
    console.log('\n── outputs ──')
    for (const [name, value] of Object.entries(result.outputs)) console.log(`${name} = ${value}`)
    const summary = path.join(ROOT, 'videogen-output', 'demo-summary.md')
    writeFileSync(summary, result.summary)
    console.log(`\njob summary (markdown, as GitHub would render it): ${path.relative(process.cwd(), summary)}`)
    if (result.code !== 0) throw new Error(`the action exited with code ${result.code}`)
    const clip = path.join(ROOT, result.outputs.path ?? '')
    if (!result.outputs.path || !hasFtyp(clip)) throw new Error(`no MP4 at ${clip}`)
    console.log(
      `\nclip on disk: ${path.relative(process.cwd(), clip)} (${statSync(clip).size} bytes, MP4 ftyp box present)`,
    )
  } finally {
    await emulator?.close()
  }
}

main().catch((error: unknown) => {
  console.error(`demo failed: ${error instanceof Error ? error.message : String(error)}`)
  process.exit(1)
})
