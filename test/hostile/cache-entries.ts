// Reading and forging clip cache entries in the results-service stand-in, with the real @actions/cache in a
// child process (it archives relative to its working directory and GITHUB_WORKSPACE, which a test worker
// must not change). An entry forged this way is what anyone who can write the repository's cache scope
// could plant: the same key and version the action looks up, with a record and clips of their choosing.
import { execFile } from 'node:child_process'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import { promisify } from 'node:util'
import { ROOT } from '../runner/action-yml.js'
import type { ResultsService } from '../standins/results-service.js'

const run = promisify(execFile)
// The package exports only an ESM entry, which require.resolve cannot name.
const CACHE_LIB = pathToFileURL(path.join(ROOT, 'node_modules', '@actions', 'cache', 'lib', 'cache.js')).href

/** Where the action stages a clip entry (and so the path list its cache version is computed from). */
export const stagedDir = (workspace: string, key: string) => path.join(workspace, '.videogen-cache', key)

const SCRIPT = `
const [op, key, lib] = process.argv.slice(1)
const cache = await import(lib)
const paths = ['.videogen-cache/' + key]
if (op === 'restore') process.exit((await cache.restoreCache(paths, key)) === key ? 0 : 3)
process.exit((await cache.saveCache(paths, key)) === -1 ? 4 : 0)
`

async function cacheCall(results: ResultsService, op: 'restore' | 'save', key: string, workspace: string) {
  const inherited = Object.fromEntries(
    Object.entries(process.env).filter(([k]) => !/^(GITHUB_|RUNNER_|ACTIONS_)/.test(k) && !/proxy$/i.test(k)),
  )
  try {
    await run(process.execPath, ['--input-type=module', '-e', SCRIPT, op, key, CACHE_LIB], {
      cwd: workspace,
      env: {
        ...inherited,
        ...results.env(),
        GITHUB_WORKSPACE: workspace,
        RUNNER_TEMP: mkdtempSync(path.join(tmpdir(), 'vg-forge-temp-')),
      },
    })
  } catch (error) {
    const { stdout, stderr } = error as { stdout?: string; stderr?: string }
    throw new Error(`cache ${op} of ${key} failed:\n${stdout ?? ''}\n${stderr ?? ''}`)
  }
}

/** Restores the entry `key` into `<workspace>/.videogen-cache/<key>`. */
export function readEntry(results: ResultsService, key: string, workspace: string): Promise<void> {
  return cacheCall(results, 'restore', key, workspace)
}

/** Replaces whatever entry `key` has with the contents of `<workspace>/.videogen-cache/<key>`. */
export async function plantEntry(results: ResultsService, key: string, workspace: string): Promise<void> {
  for (let i = results.cacheEntries.length - 1; i >= 0; i--) {
    if (results.cacheEntries[i]?.key === key) results.cacheEntries.splice(i, 1)
  }
  await cacheCall(results, 'save', key, workspace)
}
