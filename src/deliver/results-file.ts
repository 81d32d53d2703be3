// The results file: every execution and every clip as delivered, for later steps (results-file output).
import path from 'node:path'
import type { Clip } from '../clip.js'
import { ensureDir, writeFileSafely } from '../fs-safe.js'
import type { Execution } from '../videogen/types.js'

export interface ResultsRecord {
  execution: Execution
  clips: Clip[]
}

/** A record as written: workspace-relative paths only (absolute ones mean nothing to a later job). */
export function resultsRecord(execution: Execution, clips: Clip[]): ResultsRecord {
  return { execution, clips: clips.map(({ absPath: _abs, ...clip }) => clip) }
}

/** Writes `<dir>/<name>` (dir inside `root`, created without following links); returns its workspace path. */
export async function writeResultsFile(root: string, dir: string, name: string, content: unknown): Promise<string> {
  await ensureDir(root, dir)
  await writeFileSafely(dir, name, `${JSON.stringify(content, null, 2)}\n`)
  return path.relative(root, path.join(dir, name)).split(path.sep).join('/')
}
