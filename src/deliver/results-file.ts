// The results file: the final execution and every clip as delivered, for later steps (results-file output).
import path from 'node:path'
import { ensureDir, writeFileSafely } from '../fs-safe.js'
import type { Execution } from '../videogen/types.js'
import type { Clip } from '../clip.js'

export interface ResultsRecord {
  execution: Execution
  clips: Clip[]
}

/** Writes `<dir>/<name>` (dir inside `root`, created without following links); returns its workspace path. */
export async function writeResultsFile(
  root: string,
  dir: string,
  name: string,
  record: ResultsRecord,
): Promise<string> {
  await ensureDir(root, dir)
  const clips = record.clips.map(({ absPath: _abs, ...clip }) => clip)
  await writeFileSafely(dir, name, `${JSON.stringify({ execution: record.execution, clips }, null, 2)}\n`)
  return path.relative(root, path.join(dir, name)).split(path.sep).join('/')
}
