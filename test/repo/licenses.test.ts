// dist/licenses.txt names every package whose code is in the bundle. The bundled set is derived here from
// the source maps (the build's licence script reads webpack's stats instead), so the two are independent.
import { existsSync, readFileSync, readdirSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'

const ROOT = path.resolve(import.meta.dirname, '../..')
const DIST = path.join(ROOT, 'dist')

/** `node_modules/<name>` or `node_modules/@scope/name`, innermost, of a source-map source path. */
function packagePathOf(source: string): string | undefined {
  const parts = source.split('/')
  const at = parts.lastIndexOf('node_modules')
  if (at < 0 || at + 1 >= parts.length) return undefined
  const width = parts[at + 1]?.startsWith('@') ? 2 : 1
  // Sources look like `.././node_modules/...`, relative to dist/: keep from the first node_modules on.
  const first = parts.indexOf('node_modules')
  return parts.slice(first, at + 1 + width).join('/')
}

function bundledPackages(): Map<string, string> {
  const maps = readdirSync(DIST).filter((f) => f.endsWith('.js.map'))
  expect(maps, 'dist/ has source maps (ncc --source-map)').toContain('index.js.map')
  const byId = new Map<string, string>()
  for (const file of maps) {
    const { sources } = JSON.parse(readFileSync(path.join(DIST, file), 'utf8')) as { sources: string[] }
    for (const source of sources) {
      const pkgPath = packagePathOf(source)
      if (!pkgPath) continue
      const pkg = JSON.parse(readFileSync(path.join(ROOT, pkgPath, 'package.json'), 'utf8')) as {
        name: string
        version: string
      }
      byId.set(`${pkg.name}@${pkg.version}`, pkgPath)
    }
  }
  return byId
}

const licenses = readFileSync(path.join(DIST, 'licenses.txt'), 'utf8')
const entries = licenses.split(/\n={80}\n/).slice(1)
const listed = new Map(entries.map((e) => [/^\s*Package: (\S+)/.exec(e)?.[1] ?? '', e]))

describe('dist/licenses.txt', () => {
  it('lists every package the bundle contains, at the bundled version', () => {
    const bundled = bundledPackages()
    // The packages ncc's own --license output used to leave out must be among those found.
    const names = [...bundled.keys()].map((id) => id.slice(0, id.lastIndexOf('@')))
    for (const known of ['undici', '@actions/core', '@actions/exec', '@actions/io', 'tunnel', 'yaml'])
      expect(names).toContain(known)
    const missing = [...bundled].filter(([id]) => !listed.has(id)).map(([id, at]) => `${id} (${at})`)
    expect(missing).toEqual([])
  })

  it('gives each entry a licence, and the licence file text when the package ships one', () => {
    expect(entries.length).toBeGreaterThan(50)
    for (const [id, entry] of listed) {
      expect(entry, id).toMatch(/^License: \S/m)
      const location = /^Location: (node_modules\/\S+)/m.exec(entry)?.[1]
      if (!location) continue
      const shipped = readdirSync(path.join(ROOT, location)).filter((f) => /^(licen[cs]e|copying|notice)/i.test(f))
      for (const file of shipped) {
        expect(entry, `${id}: ${file}`).toContain(`--- ${file} ---`)
        const firstLine = readFileSync(path.join(ROOT, location, file), 'utf8')
          .trim()
          .split('\n')[0]
        expect(entry, `${id}: ${file}`).toContain(firstLine)
      }
      if (shipped.length === 0) expect(entry, id).toContain('ships no licence file')
    }
  })

  it('covers the source-map-support bundle ncc copies in with --source-map, exactly when it is there', () => {
    const copied = existsSync(path.join(DIST, 'sourcemap-register.cjs'))
    for (const name of ['source-map-support', 'source-map', 'buffer-from'])
      expect(
        [...listed.keys()].some((id) => id.startsWith(`${name}@`)),
        name,
      ).toBe(copied)
  })
})
