// @actions/cache extracts an entry with `tar -xf … -P -C <workspace>`: every member of the archive, with
// absolute and `..` names kept. An entry is outside input (anyone who can write the repository's cache
// scope can forge one), so a forged one could write anywhere the runner user can, or over any file of the
// workspace. For the length of one restore, a `tar` of ours comes first on PATH: it runs the system tar
// without -P (which then refuses `..` members, strips a leading `/` and defers links that point out of the
// directory) and extracts only the one staging folder the entry belongs in. The listing the library asks
// for in debug mode goes nowhere: its lines are member names, which whoever saved the entry chose.
import { constants } from 'node:fs'
import { access, chmod, mkdtemp, rm, stat, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'

/** The names @actions/cache looks up for its tar (`gtar` first on macOS). */
const TAR_NAMES = ['tar', 'gtar']
/** A folder name the shim can pass to tar as it is (`.videogen-cache/<key>`). */
const SAFE_MEMBER = /^[A-Za-z0-9._/-]+$/
/** A path the shim can hold in single quotes. */
const QUOTABLE = /^[^'\n]+$/

export class ConfinedTarUnavailable extends Error {
  override readonly name = 'ConfinedTarUnavailable'
}

async function onPath(name: string, searchPath: string): Promise<string | undefined> {
  for (const dir of searchPath.split(path.delimiter)) {
    if (!dir || !path.isAbsolute(dir)) continue
    const candidate = path.join(dir, name)
    try {
      await access(candidate, constants.X_OK)
      if ((await stat(candidate)).isFile()) return candidate
    } catch {
      // not here
    }
  }
  return undefined
}

function shim(realTar: string, member: string): string {
  return `#!/bin/sh
# Written by videogen-action for one cache restore: the system tar without -P, extracting only ${member}.
extract=
list=
for a do
  shift
  case $a in
    -P) continue ;;
    -x*) extract=1 ;;
    -t*) list=1 ;;
  esac
  set -- "$@" "$a"
done
if [ -n "$extract" ]; then exec '${realTar}' "$@" -- '${member}'; fi
if [ -n "$list" ]; then exec '${realTar}' "$@" >/dev/null; fi
exec '${realTar}' "$@"
`
}

/**
 * Runs `restore` (a call of @actions/cache's restoreCache) with extraction confined to `member`, a folder
 * relative to the workspace. Throws ConfinedTarUnavailable where that cannot be arranged (no tar on PATH).
 * A shell script cannot stand in for tar on Windows: openCache keeps the cache off there.
 */
export async function withConfinedTar<T>(member: string, restore: () => Promise<T>): Promise<T> {
  if (!SAFE_MEMBER.test(member) || member.split('/').includes('..')) {
    throw new ConfinedTarUnavailable(`${member} cannot be named to tar safely`)
  }
  const searchPath = process.env.PATH ?? ''
  const dir = await mkdtemp(path.join(process.env.RUNNER_TEMP || tmpdir(), 'videogen-tar-'))
  try {
    let shimmed = 0
    for (const name of TAR_NAMES) {
      const real = await onPath(name, searchPath)
      if (!real || !QUOTABLE.test(real)) continue
      const file = path.join(dir, name)
      await writeFile(file, shim(real, member), { mode: 0o700, flag: 'wx' })
      await chmod(file, 0o700)
      shimmed++
    }
    if (shimmed === 0) throw new ConfinedTarUnavailable('no tar on PATH')
    process.env.PATH = `${dir}${path.delimiter}${searchPath}`
    try {
      return await restore()
    } finally {
      process.env.PATH = searchPath
    }
  } finally {
    await rm(dir, { recursive: true, force: true })
  }
}
