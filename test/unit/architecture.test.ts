// The shape of src/ that keeps data flowing one way: the API client knows nothing of GitHub, delivery or
// inputs; the cache is a store that knows nothing of delivery; outputs are set in one place; no cycles.
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { cycles, importGraph } from '../../scripts/import-graph.js'

const graph = importGraph()
const importsOf = (prefix: string) =>
  [...graph.entries()]
    .filter(([from]) => from.startsWith(prefix))
    .flatMap(([from, to]) => to.map((t) => `${from} → ${t}`))

describe('src/ import graph', () => {
  it('has no cycles', () => {
    expect(cycles(graph)).toEqual([])
  })

  it('videogen/ (the API client) imports nothing of inputs/, deliver/, the stages or @actions/*', () => {
    const outward = importsOf('videogen/').filter((edge) => !/→ (videogen\/|sanitize$|fs-safe$)/.test(edge))
    expect(outward).toEqual([])
    for (const from of [...graph.keys()].filter((m) => m.startsWith('videogen/'))) {
      expect(readFileSync(new URL(`../../src/${from}.ts`, import.meta.url), 'utf8')).not.toMatch(/from '@actions\//)
    }
  })

  it('the cache imports nothing of deliver/', () => {
    expect((graph.get('cache') ?? []).filter((t) => t.startsWith('deliver/'))).toEqual([])
  })

  it('only deliver/outputs calls setOutput', () => {
    for (const from of graph.keys()) {
      const text = readFileSync(new URL(`../../src/${from}.ts`, import.meta.url), 'utf8')
      if (from !== 'deliver/outputs') expect(text, from).not.toMatch(/core\.setOutput\(/)
    }
  })
})
