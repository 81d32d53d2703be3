// Coverage of src/ measured through the bundle: the tests run dist/*.js as child processes, which write raw V8
// coverage (NODE_V8_COVERAGE); the bundle's source maps lead each covered range back to its src/*.ts line.
import { existsSync, readFileSync, readdirSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { mergeScriptCovs, type ScriptCov } from '@bcoe/v8-coverage'
import { parse } from 'acorn'
import convert from 'ast-v8-to-istanbul'
import libCoverage, { type CoverageMap } from 'istanbul-lib-coverage'

export const ROOT = fileURLToPath(new URL('..', import.meta.url))
/** The sources counted; the bundle's other sources (dependencies, webpack's runtime) are left out. */
export const SRC_DIR = path.join(ROOT, 'src') + path.sep
// All git-ignored: where the action's processes write raw V8 coverage during a test run, where the reporter keeps
// the test processes' own (in-process) coverage, and where the reports go.
export const RAW_DIR = path.join(ROOT, 'coverage', 'v8-bundle')
export const IN_PROCESS_FILE = path.join(ROOT, 'coverage', 'in-process.json')
export const REPORT_DIR = path.join(ROOT, 'coverage', 'bundle')

export interface BundleCoverageOptions {
  /** The NODE_V8_COVERAGE directory the action's processes wrote to. */
  rawDir: string
  /** The bundle that ran (the directory of index.js and its chunks and maps). */
  distDir: string
  /** The repository root: the sources counted are those under `<root>/src`. */
  root: string
}

/** Istanbul coverage of every file under `<root>/src` that the bundle carries, loaded or not. */
export async function bundleCoverage({ rawDir, distDir, root }: BundleCoverageOptions): Promise<CoverageMap> {
  const srcDir = path.join(root, 'src') + path.sep
  const executed = readRawCoverage(rawDir, distDir)
  const map = libCoverage.createCoverageMap({})
  for (const name of readdirSync(distDir).filter((n) => n.endsWith('.js'))) {
    const file = path.join(distDir, name)
    const sourceMap = readSourceMap(file, root)
    // Chunks made of dependencies only have nothing to say about src/.
    if (!sourceMap?.sources.some((s) => s.startsWith(srcDir))) continue
    const code = readFileSync(file, 'utf8')
    const url = pathToFileURL(file).href
    const data = await convert({
      code,
      sourceMap,
      // A chunk no test loaded counts as one range run zero times, so its sources show as uncovered, not missing.
      coverage: executed.get(url) ?? {
        url,
        functions: [
          { functionName: '', isBlockCoverage: true, ranges: [{ startOffset: 0, endOffset: code.length, count: 0 }] },
        ],
      },
      ast: parse(code, { ecmaVersion: 'latest', sourceType: 'module' }) as Parameters<typeof convert>[0]['ast'],
    })
    for (const [source, fileCoverage] of Object.entries(data)) {
      if (source.startsWith(srcDir)) map.merge({ [source]: fileCoverage })
    }
  }
  return map
}

/** The bundle's scripts in every raw coverage file, merged per script across the processes. */
function readRawCoverage(rawDir: string, distDir: string): Map<string, ScriptCov> {
  const prefix = pathToFileURL(distDir).href + '/'
  const perScript = new Map<string, ScriptCov[]>()
  for (const name of existsSync(rawDir) ? readdirSync(rawDir).filter((n) => n.endsWith('.json')) : []) {
    let result: ScriptCov[]
    try {
      result = (JSON.parse(readFileSync(path.join(rawDir, name), 'utf8')) as { result: ScriptCov[] }).result
    } catch {
      continue // a process killed while writing leaves a truncated file; its run is simply not counted
    }
    for (const script of result) {
      if (!script.url.startsWith(prefix)) continue
      const list = perScript.get(script.url) ?? []
      list.push(script)
      perScript.set(script.url, list)
    }
  }
  const merged = new Map<string, ScriptCov>()
  for (const [url, scripts] of perScript) {
    const one = mergeScriptCovs(scripts)
    if (one) merged.set(url, one)
  }
  return merged
}

interface SourceMap {
  version: number
  sources: string[]
  sourcesContent?: (string | null)[]
  mappings: string
  names: string[]
  file?: string
}

/**
 * The map beside a bundle file, its sources made absolute. ncc writes them relative to the project
 * (`../src/main.ts`, `.././node_modules/…`), whatever directory the bundle was built into.
 */
function readSourceMap(file: string, root: string): SourceMap | undefined {
  const mapFile = `${file}.map`
  if (!existsSync(mapFile)) return undefined
  const map = JSON.parse(readFileSync(mapFile, 'utf8')) as SourceMap
  return {
    ...map,
    sources: map.sources.map((s) => (s.startsWith('../') ? path.join(root, s.replace(/^(\.\.?\/)+/, '')) : s)),
  }
}
