// Workspace paths and globs → files: brace globs, exclusions, ids, and the nodes that are not files (a
// FIFO would block a reader forever), each refused with a message naming the input.
import { execFileSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { beforeEach, describe, expect, it } from 'vitest'
import { Workspace, splitPathList } from '../../src/workspace.js'

const png = readFileSync(new URL('../emulator/fixtures/ref.png', import.meta.url))
let ws: Workspace
let root: string

beforeEach(async () => {
  root = mkdtempSync(path.join(tmpdir(), 'vg-workspace-'))
  mkdirSync(path.join(root, 'docs'))
  for (const name of ['hero.png', 'logo.png', 'draft-1.png', 'draft-2.png'])
    writeFileSync(path.join(root, 'docs', name), png)
  ws = await Workspace.open(root)
})

/** The workspace-relative paths (or ids) an images input resolves to. */
async function images(raw: string): Promise<string[]> {
  const entries = await splitPathList(raw, (entry) => ws.has(entry))
  const refs = await ws.assets('images', entries, 'IMAGE')
  return refs.map((r) => ('fileId' in r ? r.fileId : r.file.relPath))
}

describe('Workspace.assets', () => {
  it('expands brace globs in order, keeps ids, and drops duplicates', async () => {
    expect(await images('docs/{logo,hero}.png\nvg_file_abc\ndocs/hero.png\nvg_file_abc')).toEqual([
      'docs/hero.png',
      'docs/logo.png',
      'vg_file_abc',
    ])
  })

  it('excludes with ! from every other entry, whatever its place in the list', async () => {
    expect(await images('!docs/draft-*.png\ndocs/*.png')).toEqual(['docs/hero.png', 'docs/logo.png'])
    await expect(images('docs/draft-*.png\n!docs/draft-*')).rejects.toThrow(
      "Input 'images': pattern 'docs/draft-*.png' matches only excluded files",
    )
  })

  it('refuses exclusions and patterns that leave the workspace', async () => {
    await expect(images('docs/*.png\n!../docs/*.png')).rejects.toThrow(
      "Input 'images': pattern '../docs/*.png' must be relative to the workspace and must not contain '..'",
    )
    await expect(images('/etc/*.png')).rejects.toThrow(/pattern '\/etc\/\*\.png' must be relative/)
  })

  it('refuses an id that is not a file id', async () => {
    await expect(images('vg_tool_abc')).rejects.toThrow(
      "Input 'images': 'vg_tool_abc' looks like an id but is not a file id; file ids start with vg_file_",
    )
  })

  it('refuses a named pipe and a socket by what they are', async () => {
    execFileSync('mkfifo', [path.join(root, 'docs', 'pipe.png')])
    await expect(images('docs/pipe.png')).rejects.toThrow(
      "Input 'images': 'docs/pipe.png' is a named pipe (FIFO), not a file",
    )
    const server = createServer()
    await new Promise<void>((resolve) => server.listen(path.join(root, 'docs', 'sock.png'), resolve))
    try {
      await expect(images('docs/sock.png')).rejects.toThrow("'docs/sock.png' is a socket, not a file")
    } finally {
      await new Promise<void>((resolve) => server.close(() => resolve()))
    }
    // A device, reached through a link inside the workspace: the link leaves it, which is refused first.
    symlinkSync('/dev/null', path.join(root, 'docs', 'null.png'))
    await expect(images('docs/null.png')).rejects.toThrow('is a symlink that leads outside the workspace')
  })

  it('a line naming an existing file with a comma is that file', async () => {
    writeFileSync(path.join(root, 'docs', 'a,b.png'), png)
    expect(await images('docs/a,b.png')).toEqual(['docs/a,b.png'])
  })
})

describe('Workspace.outputDir', () => {
  it('refuses a link or a file on the way to it', async () => {
    mkdirSync(path.join(root, 'out'))
    symlinkSync(path.join(root, 'out'), path.join(root, 'inner-link'))
    await expect(ws.outputDir('download-dir', 'inner-link/clips')).rejects.toThrow(
      "Input 'download-dir': 'inner-link/clips' goes through a symlink (inner-link); use a plain directory inside the workspace",
    )
    writeFileSync(path.join(root, 'plain-file'), 'x')
    await expect(ws.outputDir('download-dir', 'plain-file/clips')).rejects.toThrow(
      "Input 'download-dir': 'plain-file/clips': plain-file exists and is not a directory",
    )
    expect(await ws.outputDir('download-dir', 'out/new/clips')).toBe(path.join(root, 'out/new/clips'))
  })
})
