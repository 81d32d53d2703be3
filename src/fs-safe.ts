// Writing into the workspace, which holds whatever the repository committed: a symlink named like a file
// the action is about to write (or like a directory on the way to it) would otherwise send the bytes
// anywhere the runner user can write. Directories are created without following links; files are
// written under a fresh random name opened exclusively (O_EXCL never follows a link) and then renamed
// over the final name, which replaces a link there instead of writing through it.
import { randomBytes } from 'node:crypto'
import { createReadStream } from 'node:fs'
import { type FileHandle, lstat, mkdir, open, rename, rm } from 'node:fs/promises'
import path from 'node:path'

export class UnsafePathError extends Error {
  override readonly name = 'UnsafePathError'
}

/** Whether `candidate` is `root` or inside it (`..` counts only as a whole segment). */
export function isInside(root: string, candidate: string): boolean {
  const rel = path.relative(root, candidate)
  return rel === '' || (rel !== '..' && !rel.startsWith(`..${path.sep}`) && !path.isAbsolute(rel))
}

/**
 * Creates `dir` and its missing parents below `root` (a real, trusted directory). Every part of the path
 * below `root` that exists must be a real directory, not a link.
 */
export async function ensureDir(root: string, dir: string): Promise<void> {
  if (!isInside(root, dir)) throw new UnsafePathError(`${dir} is outside ${root}`)
  let current = root
  for (const part of path.relative(root, dir).split(path.sep).filter(Boolean)) {
    current = path.join(current, part)
    const info = await lstat(current).catch(() => undefined)
    if (info === undefined) {
      await mkdir(current).catch((error: NodeJS.ErrnoException) => {
        if (error.code !== 'EEXIST') throw error
      })
      const made = await lstat(current)
      if (!made.isDirectory() || made.isSymbolicLink()) throw new UnsafePathError(`${current} is not a directory`)
    } else if (info.isSymbolicLink()) {
      throw new UnsafePathError(`${current} is a symbolic link; the action does not write through links`)
    } else if (!info.isDirectory()) {
      throw new UnsafePathError(`${current} exists and is not a directory`)
    }
  }
}

/** A file being written under a temporary name next to its final one. */
export interface PendingFile {
  handle: FileHandle
  /** Renames it over the final name (closing it first). */
  commit(): Promise<void>
  /** Closes and removes it. */
  discard(): Promise<void>
}

export async function createExclusive(dir: string, name: string): Promise<PendingFile> {
  if (!name || name !== path.basename(name) || name === '.' || name === '..')
    throw new UnsafePathError(`bad file name ${name}`)
  const temp = path.join(dir, `.${name}.${randomBytes(6).toString('hex')}.part`)
  const handle = await open(temp, 'wx', 0o644)
  let closed = false
  const close = async () => {
    if (!closed) await handle.close().catch(() => undefined)
    closed = true
  }
  return {
    handle,
    async commit() {
      await close()
      await rename(temp, path.join(dir, name))
    },
    async discard() {
      await close()
      await rm(temp, { force: true })
    },
  }
}

/** Writes `data` to `dir/name` (dir must exist and be trusted, see ensureDir). */
export async function writeFileSafely(dir: string, name: string, data: string | Uint8Array): Promise<void> {
  const file = await createExclusive(dir, name)
  try {
    await file.handle.writeFile(data)
    await file.commit()
  } catch (error) {
    await file.discard()
    throw error
  }
}

/**
 * Removes `target` (inside `root`) and everything under it, unless a directory on the way to it is a
 * link: `rm` would resolve the path through the link and delete whatever it points at.
 */
export async function removeInside(root: string, target: string): Promise<void> {
  if (!isInside(root, target) || target === root) throw new UnsafePathError(`${target} is not inside ${root}`)
  let current = root
  const parts = path.relative(root, target).split(path.sep).filter(Boolean)
  for (const part of parts.slice(0, -1)) {
    current = path.join(current, part)
    const info = await lstat(current).catch(() => undefined)
    if (!info) return
    if (info.isSymbolicLink() || !info.isDirectory()) throw new UnsafePathError(`${current} is not a plain directory`)
  }
  await rm(target, { recursive: true, force: true })
}

/** Moves a file into `dir/name` the same safe way: a rename over the name, or an exclusive copy then rename. */
export async function moveInto(from: string, dir: string, name: string): Promise<void> {
  try {
    await rename(from, path.join(dir, name))
    return
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EXDEV') throw error
  }
  const file = await createExclusive(dir, name)
  try {
    for await (const chunk of createReadStream(from)) await file.handle.write(chunk as Buffer)
    await file.commit()
    await rm(from, { force: true })
  } catch (error) {
    await file.discard()
    throw error
  }
}
