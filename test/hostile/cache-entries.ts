// Reading and forging clip cache entries in the results-service stand-in, with the real @actions/cache in a
// child process (it archives relative to its working directory and GITHUB_WORKSPACE, which a test worker
// must not change). An entry forged this way is what anyone who can write the repository's cache scope
// could plant: the same key and version the action looks up, with a record and clips of their choosing.
import { execFile } from 'node:child_process'
import { chmodSync, mkdtempSync, writeFileSync } from 'node:fs'
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
const [op, key, lib, folder] = process.argv.slice(1)
const cache = await import(lib)
const paths = ['.videogen-cache/' + (folder || key)]
if (op === 'restore') process.exit((await cache.restoreCache(paths, key)) === key ? 0 : 3)
process.exit((await cache.saveCache(paths, key)) === -1 ? 4 : 0)
`

/**
 * A directory with a `tar` that adds `members` to the list of files @actions/cache archives (it archives
 * with -P, so `../x` and absolute names are stored as they are), or with `only`, archives just those.
 */
function tarAdding(members: string[], only: boolean): string {
  const bin = mkdtempSync(path.join(tmpdir(), 'vg-forge-tar-'))
  const lines = members.map((m) => `printf '%s\\n' '${m.replaceAll("'", '')}' >> "$manifest"`).join('\n')
  writeFileSync(
    path.join(bin, 'tar'),
    `#!/bin/sh
manifest=
prev=
for a do
  [ "$prev" = --files-from ] && manifest=$a
  prev=$a
done
if [ -n "$manifest" ]; then
  ${only ? ': > "$manifest"' : 'printf \'\\n\' >> "$manifest"'}
${lines}
fi
PATH=\${PATH#*:}
export PATH
exec tar "$@"
`,
  )
  chmodSync(path.join(bin, 'tar'), 0o755)
  return bin
}

/** How an entry is saved: `members` archived besides (or with `only`, instead of) its folder; `folder` other than the key's. */
interface Forging {
  members?: string[]
  only?: boolean
  folder?: string
}

async function cacheCall(
  results: ResultsService,
  op: 'restore' | 'save',
  key: string,
  workspace: string,
  { members = [], only = false, folder = '' }: Forging = {},
) {
  const inherited: Record<string, string | undefined> = Object.fromEntries(
    Object.entries(process.env).filter(([k]) => !/^(GITHUB_|RUNNER_|ACTIONS_)/.test(k) && !/proxy$/i.test(k)),
  )
  if (members.length > 0) inherited.PATH = `${tarAdding(members, only)}${path.delimiter}${inherited.PATH ?? ''}`
  try {
    await run(process.execPath, ['--input-type=module', '-e', SCRIPT, op, key, CACHE_LIB, folder], {
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

/**
 * Replaces whatever entry `key` has with the contents of `<workspace>/.videogen-cache/<key>`, plus
 * `extraMembers` (paths relative to the workspace, `../` or absolute ones included) archived as they are;
 * with `only`, the archive holds `extraMembers` alone.
 */
export async function plantEntry(
  results: ResultsService,
  key: string,
  workspace: string,
  extraMembers: string[] = [],
  only = false,
): Promise<void> {
  for (let i = results.cacheEntries.length - 1; i >= 0; i--) {
    if (results.cacheEntries[i]?.key === key) results.cacheEntries.splice(i, 1)
  }
  await cacheCall(results, 'save', key, workspace, { members: extraMembers, only })
}

/**
 * Saves `<workspace>/.videogen-cache/uploads` under `key`, a key of the saver's choosing: the entry an upload
 * lookup by prefix matches.
 */
export async function plantUploadEntry(results: ResultsService, key: string, workspace: string): Promise<void> {
  await cacheCall(results, 'save', key, workspace, { folder: 'uploads' })
}
