// Workspace paths and globs → local files. Everything is checked here, before any request: containment in
// the workspace (after symlinks), that it is a regular file, its kind by extension and by magic bytes.
import { lstat, open, realpath, stat } from 'node:fs/promises'
import path from 'node:path'
import picomatch from 'picomatch'
import { glob, isDynamicPattern } from 'tinyglobby'
import { isInside } from './fs-safe.js'
import { InputError } from './inputs/input-error.js'
import { CONTENT_TYPES, KIND_NAMES, type MediaKind, SNIFF_BYTES, accepts, sniff } from './media.js'
import { clean } from './sanitize.js'
import { FILE_ID } from './videogen/ids.js'

export interface LocalFile {
  /** Absolute real path (symlinks resolved). */
  absPath: string
  /** Path relative to the workspace, with forward slashes. */
  relPath: string
  /** relPath made safe for a log line (a committed file name may hold a line break). */
  label: string
  size: number
  kind: MediaKind
  contentType: string
}

export type AssetRef = { fileId: string } | { file: LocalFile }

/** What a non-regular file is, for messages ("a directory", "a named pipe (FIFO)", …). */
function kindOfNode(info: Awaited<ReturnType<typeof stat>>): string {
  if (info.isDirectory()) return 'a directory'
  if (info.isFIFO()) return 'a named pipe (FIFO)'
  if (info.isSocket()) return 'a socket'
  if (info.isCharacterDevice() || info.isBlockDevice()) return 'a device'
  return 'a special file'
}

async function readHead(file: string): Promise<Buffer> {
  const handle = await open(file, 'r')
  try {
    const buf = Buffer.alloc(SNIFF_BYTES)
    const { bytesRead } = await handle.read(buf, 0, SNIFF_BYTES, 0)
    return buf.subarray(0, bytesRead)
  } finally {
    await handle.close()
  }
}

/**
 * A path-list input → entries, as actions/upload-artifact reads `path`: one pattern per line, `!` to
 * exclude. Commas separate entries too (older workflows use them), except inside `{a,b}` braces, and
 * except in a line that names an existing file as it is.
 */
export async function splitPathList(raw: string, exists: (entry: string) => Promise<boolean>): Promise<string[]> {
  const entries: string[] = []
  for (const line of raw.split(/\r?\n/).map((l) => l.trim())) {
    if (line === '' || line.startsWith('#')) continue
    const parts: string[] = []
    let depth = 0
    let current = ''
    for (const c of line) {
      if (c === '{') depth++
      if (c === '}') depth = Math.max(0, depth - 1)
      if (c === ',' && depth === 0) {
        parts.push(current)
        current = ''
      } else current += c
    }
    parts.push(current)
    const split = parts.map((p) => p.trim()).filter(Boolean)
    if (split.length > 1 && (await exists(line))) entries.push(line)
    else entries.push(...split)
  }
  return entries
}

export class Workspace {
  private constructor(readonly root: string) {}

  static async open(dir: string): Promise<Workspace> {
    return new Workspace(await realpath(path.resolve(dir)))
  }

  /** A path given by the user, resolved inside the workspace, symlinks followed; refused when it leaves. */
  async resolve(input: string, given: string): Promise<string> {
    const joined = path.resolve(this.root, given)
    if (!isInside(this.root, joined)) {
      throw new InputError(
        input,
        `'${given}' is outside the workspace (${this.root}); only files inside it can be uploaded`,
      )
    }
    let real: string
    try {
      real = await realpath(joined)
    } catch {
      throw new InputError(input, `'${given}' does not exist in the workspace`)
    }
    if (!isInside(this.root, real)) {
      throw new InputError(
        input,
        `'${given}' is a symlink that leads outside the workspace; only files inside it can be uploaded`,
      )
    }
    return real
  }

  relative(abs: string): string {
    return path.relative(this.root, abs).split(path.sep).join('/')
  }

  /** Whether a workspace-relative entry names an existing file, as it is. */
  async has(given: string): Promise<boolean> {
    const joined = path.resolve(this.root, given)
    return (
      isInside(this.root, joined) &&
      (await stat(joined)
        .then((s) => s.isFile())
        .catch(() => false))
    )
  }

  /** A regular file inside the workspace (not a directory, FIFO or device). Returns its real path and size. */
  async regularFile(input: string, given: string): Promise<{ absPath: string; size: number }> {
    const absPath = await this.resolve(input, given)
    const info = await stat(absPath)
    if (!info.isFile()) throw new InputError(input, `'${given}' is ${kindOfNode(info)}, not a file`)
    return { absPath, size: info.size }
  }

  /**
   * A workspace-relative output location (download-dir). It must not leave the workspace as text, and no
   * part of it that exists may be a symlink: the action only writes through directories it can trust.
   */
  async outputDir(input: string, given: string): Promise<string> {
    const joined = path.resolve(this.root, given)
    if (!isInside(this.root, joined))
      throw new InputError(input, `'${given}' is outside the workspace; use a path inside it`)
    let current = this.root
    for (const part of path.relative(this.root, joined).split(path.sep).filter(Boolean)) {
      current = path.join(current, part)
      const info = await lstat(current).catch(() => undefined)
      if (!info) break
      if (info.isSymbolicLink()) {
        const target = await realpath(current).catch(() => undefined)
        const where =
          target !== undefined && isInside(this.root, target) ? 'goes through' : 'leads outside the workspace through'
        throw new InputError(
          input,
          `'${given}' ${where} a symlink (${this.relative(current)}); use a plain directory inside the workspace`,
        )
      }
      if (!info.isDirectory())
        throw new InputError(input, `'${given}': ${this.relative(current)} exists and is not a directory`)
    }
    return joined
  }

  async localFile(input: string, given: string, kind: MediaKind): Promise<LocalFile> {
    const { absPath, size } = await this.regularFile(input, given)
    const ext = path.extname(absPath).toLowerCase()
    const contentType = CONTENT_TYPES[kind][ext]
    const names = KIND_NAMES[kind]
    if (!contentType) {
      throw new InputError(
        input,
        `'${given}' is not ${names.noun} by its extension; allowed: ${Object.keys(CONTENT_TYPES[kind]).join(', ')}`,
      )
    }
    if (size === 0) throw new InputError(input, `'${given}' is empty`)
    const format = sniff(await readHead(absPath))
    if (!accepts(kind, format)) {
      const what = format ? `its bytes say ${format}` : 'its bytes match no supported format'
      throw new InputError(input, `'${given}' has a ${ext} name but ${what}; give a real ${names.formats}`)
    }
    const relPath = this.relative(absPath)
    return { absPath, relPath, label: clean(relPath, 300), size, kind, contentType }
  }

  /**
   * Entries of a path-list input: file ids kept as they are, globs expanded (each must match), paths
   * checked, `!` patterns excluding from everything else, duplicates dropped, order kept.
   */
  async assets(input: string, entries: string[], kind: MediaKind): Promise<AssetRef[]> {
    const excludes = entries.filter((e) => e.startsWith('!')).map((e) => e.slice(1))
    for (const pattern of excludes) this.checkPattern(input, pattern)
    const excluded = excludes.length ? picomatch(excludes, { dot: false }) : () => false
    const refs: AssetRef[] = []
    const seen = new Set<string>()
    for (const entry of entries.filter((e) => !e.startsWith('!'))) {
      if (FILE_ID.test(entry)) {
        if (!seen.has(entry)) refs.push({ fileId: entry })
        seen.add(entry)
        continue
      }
      if (entry.startsWith('vg_')) {
        throw new InputError(input, `'${entry}' looks like an id but is not a file id; file ids start with vg_file_`)
      }
      const paths = isDynamicPattern(entry) ? await this.expand(input, entry) : [entry]
      const kept = paths.filter((p) => !excluded(path.posix.normalize(p.split(path.sep).join('/'))))
      if (kept.length === 0 && paths.length > 0 && isDynamicPattern(entry)) {
        throw new InputError(input, `pattern '${entry}' matches only excluded files`)
      }
      for (const p of kept) {
        const file = await this.localFile(input, p, kind)
        if (seen.has(file.absPath)) continue
        seen.add(file.absPath)
        refs.push({ file })
      }
    }
    return refs
  }

  private checkPattern(input: string, pattern: string): void {
    if (path.isAbsolute(pattern) || pattern.split(/[\\/]/).includes('..')) {
      throw new InputError(input, `pattern '${pattern}' must be relative to the workspace and must not contain '..'`)
    }
  }

  private async expand(input: string, pattern: string): Promise<string[]> {
    this.checkPattern(input, pattern)
    const matches = await glob(pattern, {
      cwd: this.root,
      onlyFiles: true,
      dot: false,
      followSymbolicLinks: false,
      expandDirectories: false,
    })
    if (matches.length === 0) throw new InputError(input, `pattern '${pattern}' matches no file in the workspace`)
    return matches.sort()
  }
}
