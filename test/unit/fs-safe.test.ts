// Writing into a workspace whose contents the repository controls: directories are made without following
// links, files are written under an exclusive temporary name and renamed into place, removals stop at a link.
import {
  accessSync,
  constants,
  existsSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { beforeEach, describe, expect, it, onTestFinished } from 'vitest'
import {
  UnsafePathError,
  createExclusive,
  ensureDir,
  isInside,
  moveInto,
  removeInside,
  writeFileSafely,
} from '../../src/fs-safe.js'

let root: string
let outside: string

/** A writable directory on another file system than the temporary one (tmpfs), where the machine has it. */
const OTHER_DEVICE = ['/dev/shm'].find((dir) => {
  try {
    accessSync(dir, constants.W_OK)
    return statSync(dir).dev !== statSync(tmpdir()).dev
  } catch {
    return false
  }
})

beforeEach(() => {
  root = mkdtempSync(path.join(tmpdir(), 'vg-fs-safe-'))
  outside = mkdtempSync(path.join(tmpdir(), 'vg-fs-outside-'))
})

describe('isInside', () => {
  it('counts .. only as a whole segment', () => {
    expect(isInside('/w', '/w')).toBe(true)
    expect(isInside('/w', '/w/..x/y')).toBe(true)
    expect(isInside('/w', '/w/../x')).toBe(false)
    expect(isInside('/w', '/wx')).toBe(false)
  })
})

describe('ensureDir', () => {
  it('creates missing parents, and accepts what is already there', async () => {
    await ensureDir(root, path.join(root, 'a', 'b', 'c'))
    await ensureDir(root, path.join(root, 'a', 'b', 'c'))
    expect(lstatSync(path.join(root, 'a/b/c')).isDirectory()).toBe(true)
  })

  it('refuses a link on the way, a link at the end, a file on the way, and anything outside', async () => {
    symlinkSync(outside, path.join(root, 'link'))
    await expect(ensureDir(root, path.join(root, 'link', 'sub'))).rejects.toThrow(
      new UnsafePathError(`${path.join(root, 'link')} is a symbolic link; the action does not write through links`),
    )
    await expect(ensureDir(root, path.join(root, 'link'))).rejects.toThrow(/is a symbolic link/)
    expect(readdirSync(outside)).toEqual([]) // nothing was made through it

    writeFileSync(path.join(root, 'file'), 'x')
    await expect(ensureDir(root, path.join(root, 'file', 'sub'))).rejects.toThrow(
      `${path.join(root, 'file')} exists and is not a directory`,
    )
    await expect(ensureDir(root, path.join(outside, 'x'))).rejects.toThrow(`is outside ${root}`)
    const error = await ensureDir(root, path.join(root, '..', 'x')).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(UnsafePathError)
    expect((error as Error).name).toBe('UnsafePathError')
  })
})

describe('createExclusive and writeFileSafely', () => {
  it('writes under a temporary name and renames over the final one, replacing a link instead of writing through it', async () => {
    const target = path.join(outside, 'victim.txt')
    writeFileSync(target, 'keep me')
    symlinkSync(target, path.join(root, 'out.json'))
    await writeFileSafely(root, 'out.json', '{"ok":true}')
    expect(lstatSync(path.join(root, 'out.json')).isSymbolicLink()).toBe(false)
    expect(readFileSync(path.join(root, 'out.json'), 'utf8')).toBe('{"ok":true}')
    expect(readFileSync(target, 'utf8')).toBe('keep me')
    expect(readdirSync(root)).toEqual(['out.json']) // no temporary file left
  })

  it('discard removes the temporary file; the final name is never touched', async () => {
    writeFileSync(path.join(root, 'clip.mp4'), 'old')
    const file = await createExclusive(root, 'clip.mp4')
    await file.handle.writeFile('partial')
    await file.discard()
    await file.discard() // twice is harmless
    expect(readdirSync(root)).toEqual(['clip.mp4'])
    expect(readFileSync(path.join(root, 'clip.mp4'), 'utf8')).toBe('old')
  })

  it.each(['../x', 'a/b', '.', '..'])('refuses the file name %j', async (name) => {
    await expect(createExclusive(root, name)).rejects.toThrow(UnsafePathError)
  })

  it('a failed write leaves nothing behind and reports the error', async () => {
    // A directory where the file would go: the write works, the rename over a directory does not.
    mkdirSync(path.join(root, 'taken'))
    writeFileSync(path.join(root, 'taken', 'x'), '')
    await expect(writeFileSafely(root, 'taken', 'data')).rejects.toThrow()
    expect(readdirSync(root)).toEqual(['taken'])
  })
})

describe('removeInside', () => {
  it('removes a tree inside the root', async () => {
    mkdirSync(path.join(root, 'a/b'), { recursive: true })
    writeFileSync(path.join(root, 'a/b/f'), 'x')
    await removeInside(root, path.join(root, 'a'))
    expect(existsSync(path.join(root, 'a'))).toBe(false)
    await removeInside(root, path.join(root, 'missing', 'deeper')) // nothing there: nothing to do
  })

  it('stops at a link on the way (rm would delete what it points at), and never removes the root or outside', async () => {
    writeFileSync(path.join(outside, 'precious'), 'x')
    symlinkSync(outside, path.join(root, 'link'))
    await expect(removeInside(root, path.join(root, 'link', 'precious'))).rejects.toThrow(
      `${path.join(root, 'link')} is not a plain directory`,
    )
    expect(existsSync(path.join(outside, 'precious'))).toBe(true)
    await expect(removeInside(root, root)).rejects.toThrow(UnsafePathError)
    await expect(removeInside(root, outside)).rejects.toThrow(`${outside} is not inside ${root}`)
  })
})

describe('moveInto', () => {
  it('renames into the directory, over a link of the same name', async () => {
    writeFileSync(path.join(outside, 'victim'), 'keep')
    writeFileSync(path.join(root, 'staged'), 'clip')
    mkdirSync(path.join(root, 'dir'))
    symlinkSync(path.join(outside, 'victim'), path.join(root, 'dir', 'clip.mp4'))
    await moveInto(path.join(root, 'staged'), path.join(root, 'dir'), 'clip.mp4')
    expect(readFileSync(path.join(root, 'dir', 'clip.mp4'), 'utf8')).toBe('clip')
    expect(lstatSync(path.join(root, 'dir', 'clip.mp4')).isSymbolicLink()).toBe(false)
    expect(readFileSync(path.join(outside, 'victim'), 'utf8')).toBe('keep')
    expect(existsSync(path.join(root, 'staged'))).toBe(false)
  })

  it.skipIf(OTHER_DEVICE === undefined)(
    'across devices: copies under an exclusive name, renames over a link, then removes the source',
    async () => {
      const other = mkdtempSync(path.join(OTHER_DEVICE as string, 'vg-fs-other-'))
      onTestFinished(() => rmSync(other, { recursive: true, force: true }))
      const from = path.join(other, 'staged')
      writeFileSync(from, 'clip from another file system')
      writeFileSync(path.join(outside, 'victim'), 'keep')
      symlinkSync(path.join(outside, 'victim'), path.join(root, 'clip.mp4'))
      await moveInto(from, root, 'clip.mp4')
      expect(readFileSync(path.join(root, 'clip.mp4'), 'utf8')).toBe('clip from another file system')
      expect(lstatSync(path.join(root, 'clip.mp4')).isSymbolicLink()).toBe(false)
      expect(readFileSync(path.join(outside, 'victim'), 'utf8')).toBe('keep')
      expect(existsSync(from)).toBe(false)
      expect(readdirSync(root)).toEqual(['clip.mp4'])

      // A copy that cannot finish (the name is a directory) leaves neither a partial file nor the source gone.
      const again = path.join(other, 'again')
      writeFileSync(again, 'second')
      mkdirSync(path.join(root, 'taken'))
      writeFileSync(path.join(root, 'taken', 'x'), '')
      await expect(moveInto(again, root, 'taken')).rejects.toThrow()
      expect(readdirSync(root).sort()).toEqual(['clip.mp4', 'taken'])
      expect(readFileSync(again, 'utf8')).toBe('second')
    },
  )

  it('a source that does not exist is an error, not a copy', async () => {
    await expect(moveInto(path.join(root, 'nope'), root, 'x')).rejects.toMatchObject({ code: 'ENOENT' })
  })
})
