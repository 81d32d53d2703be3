// Workspace paths and globs → local files to upload. Everything is checked here, before any request:
// containment in the workspace (after symlinks), existence, kind by extension and by magic bytes.
import { open, realpath, stat } from 'node:fs/promises'
import path from 'node:path'
import { glob, isDynamicPattern } from 'tinyglobby'
import { InputError } from './input-error.js'
import { FILE_ID } from './parse.js'

export type MediaKind = 'IMAGE' | 'VIDEO'

export interface LocalFile {
  /** Absolute real path (symlinks resolved). */
  absPath: string
  /** Path relative to the workspace, with forward slashes, for logs and summaries. */
  relPath: string
  size: number
  kind: MediaKind
  contentType: string
}

export type AssetRef = { fileId: string } | { file: LocalFile }

const IMAGE_TYPES: Record<string, string> = {
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.png': 'image/png',
  '.webp': 'image/webp',
  '.gif': 'image/gif',
}
const VIDEO_TYPES: Record<string, string> = {
  '.mp4': 'video/mp4',
  '.m4v': 'video/mp4',
  '.mov': 'video/quicktime',
  '.webm': 'video/webm',
}
const TYPES: Record<MediaKind, Record<string, string>> = { IMAGE: IMAGE_TYPES, VIDEO: VIDEO_TYPES }

/** What the first bytes say the file is, or undefined when they match no supported format. */
export function sniff(head: Buffer): { kind: MediaKind; format: string } | undefined {
  const ascii = (from: number, to: number) => head.subarray(from, to).toString('latin1')
  if (head[0] === 0xff && head[1] === 0xd8 && head[2] === 0xff) return { kind: 'IMAGE', format: 'jpeg' }
  if (head.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])))
    return { kind: 'IMAGE', format: 'png' }
  if (ascii(0, 4) === 'GIF8') return { kind: 'IMAGE', format: 'gif' }
  if (ascii(0, 4) === 'RIFF' && ascii(8, 12) === 'WEBP') return { kind: 'IMAGE', format: 'webp' }
  if (ascii(4, 8) === 'ftyp') return { kind: 'VIDEO', format: 'mp4/mov' }
  if (head.subarray(0, 4).equals(Buffer.from([0x1a, 0x45, 0xdf, 0xa3]))) return { kind: 'VIDEO', format: 'webm' }
  return undefined
}

async function readHead(file: string): Promise<Buffer> {
  const handle = await open(file, 'r')
  try {
    const buf = Buffer.alloc(16)
    const { bytesRead } = await handle.read(buf, 0, 16, 0)
    return buf.subarray(0, bytesRead)
  } finally {
    await handle.close()
  }
}

function isInside(root: string, candidate: string): boolean {
  const rel = path.relative(root, candidate)
  // `..` as a whole segment only: `..logo.png` is a file name inside the root.
  return rel === '' || (rel !== '..' && !rel.startsWith(`..${path.sep}`) && !path.isAbsolute(rel))
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

  /**
   * A workspace-relative output location (download-dir); must not escape the workspace, neither as
   * text nor through a symlink in the part of the path that exists already (a committed link would
   * otherwise send downloads anywhere on a self-hosted runner).
   */
  async outputDir(input: string, given: string): Promise<string> {
    const joined = path.resolve(this.root, given)
    if (!isInside(this.root, joined))
      throw new InputError(input, `'${given}' is outside the workspace; use a path inside it`)
    let existing = joined
    for (;;) {
      try {
        const real = await realpath(existing)
        if (!isInside(this.root, real))
          throw new InputError(
            input,
            `'${given}' leads outside the workspace through a symlink; use a directory inside it`,
          )
        return joined
      } catch (error) {
        if (error instanceof InputError) throw error
        const parent = path.dirname(existing)
        if (parent === existing) return joined
        existing = parent
      }
    }
  }

  async localFile(input: string, given: string, kind: MediaKind): Promise<LocalFile> {
    const absPath = await this.resolve(input, given)
    const info = await stat(absPath)
    if (!info.isFile()) throw new InputError(input, `'${given}' is a directory, not a file`)
    const ext = path.extname(absPath).toLowerCase()
    const contentType = TYPES[kind][ext]
    const allowed = Object.keys(TYPES[kind]).join(', ')
    if (!contentType) {
      throw new InputError(
        input,
        `'${given}' is not ${kind === 'IMAGE' ? 'an image' : 'a video'} by its extension; allowed: ${allowed}`,
      )
    }
    if (info.size === 0) throw new InputError(input, `'${given}' is empty`)
    const sniffed = sniff(await readHead(absPath))
    if (sniffed?.kind !== kind) {
      const what = sniffed ? `its bytes say ${sniffed.format}` : 'its bytes match no supported format'
      throw new InputError(
        input,
        `'${given}' has a ${ext} name but ${what}; give a real ${kind === 'IMAGE' ? 'JPEG, PNG, WebP or GIF image' : 'MP4, MOV or WebM video'}`,
      )
    }
    return { absPath, relPath: this.relative(absPath), size: info.size, kind, contentType }
  }

  /** Entries of a list input: file ids kept as they are, globs expanded (must match), paths checked. */
  async assets(input: string, entries: string[], kind: MediaKind): Promise<AssetRef[]> {
    const refs: AssetRef[] = []
    const seen = new Set<string>()
    for (const entry of entries) {
      if (FILE_ID.test(entry)) {
        if (!seen.has(entry)) refs.push({ fileId: entry })
        seen.add(entry)
        continue
      }
      if (entry.startsWith('vg_')) {
        throw new InputError(input, `'${entry}' looks like an id but is not a file id; file ids start with vg_file_`)
      }
      const paths = isDynamicPattern(entry) ? await this.expand(input, entry) : [entry]
      for (const p of paths) {
        const file = await this.localFile(input, p, kind)
        if (seen.has(file.absPath)) continue
        seen.add(file.absPath)
        refs.push({ file })
      }
    }
    return refs
  }

  private async expand(input: string, pattern: string): Promise<string[]> {
    if (path.isAbsolute(pattern) || pattern.split(/[\\/]/).includes('..')) {
      throw new InputError(input, `pattern '${pattern}' must be relative to the workspace and must not contain '..'`)
    }
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
