// ncc's maps let coverage (and `node --enable-source-maps`) lead back to src/*.ts. Only the project's own sources keep
// their text: the dependencies' text would add megabytes to dist/ that neither a report nor a stack trace needs.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

const dir = process.argv[2] ?? fileURLToPath(new URL('../dist', import.meta.url))
for (const name of readdirSync(dir).filter((n) => n.endsWith('.js.map'))) {
  const file = path.join(dir, name)
  const map = JSON.parse(readFileSync(file, 'utf8'))
  map.sourcesContent = map.sources.map((source, i) =>
    /(^|\/)node_modules\//.test(source) ? null : (map.sourcesContent?.[i] ?? null),
  )
  writeFileSync(file, JSON.stringify(map))
}
