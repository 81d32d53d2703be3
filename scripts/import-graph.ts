// The import graph of src/: module → the src modules it imports (type-only imports included: they still
// couple the modules). `npx tsx scripts/import-graph.ts` prints it, one module a line, with its cycles.
import { readFileSync, readdirSync, statSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

const SRC = fileURLToPath(new URL('../src/', import.meta.url))

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name)
    return statSync(full).isDirectory() ? files(full) : name.endsWith('.ts') ? [full] : []
  })
}

/** Module (path under src/, without .ts) → the src modules it imports, static or dynamic. */
export function importGraph(): Map<string, string[]> {
  const graph = new Map<string, string[]>()
  for (const file of files(SRC)) {
    const from = path.relative(SRC, file).replace(/\.ts$/, '')
    const text = readFileSync(file, 'utf8')
    const targets = [...text.matchAll(/(?:from|import)\s*\(?\s*'(\.[^']+)\.js'/g)].map((m) =>
      path.relative(SRC, path.resolve(path.dirname(file), m[1] as string)),
    )
    graph.set(from, [...new Set(targets)].sort())
  }
  return graph
}

/** Every cycle, each as the list of modules on it (found by depth-first search). */
export function cycles(graph: Map<string, string[]>): string[][] {
  const found: string[][] = []
  const state = new Map<string, 'open' | 'done'>()
  const stack: string[] = []
  const visit = (node: string) => {
    state.set(node, 'open')
    stack.push(node)
    for (const next of graph.get(node) ?? []) {
      if (state.get(next) === 'open') found.push([...stack.slice(stack.indexOf(next)), next])
      else if (!state.has(next)) visit(next)
    }
    stack.pop()
    state.set(node, 'done')
  }
  for (const node of [...graph.keys()].sort()) if (!state.has(node)) visit(node)
  return found
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  const graph = importGraph()
  for (const [from, to] of [...graph.entries()].sort()) console.log(`${from} → ${to.join(', ') || '—'}`)
  const found = cycles(graph)
  console.log(found.length === 0 ? '\nno cycles' : `\ncycles:\n${found.map((c) => c.join(' → ')).join('\n')}`)
}
