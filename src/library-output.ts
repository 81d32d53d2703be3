// What a library prints while it works on outside data. @actions/cache logs the key the cache service
// matched (`Cache hit for restore-key: <key>`) with core.info, and a restore-key lookup matches keys that
// whoever saved the entry chose: a key holding a line break would start a line of its own, read by the
// runner as a workflow command. While such a call runs, every write to stdout is made one clean line,
// except one line of a command the library itself issues through core (`::add-mask::` for its signed
// URLs, `::debug::`, annotations, groups), whose message core escapes. Commands that change the step
// (`::save-state`, `::set-output`, `::stop-commands::`) are never let through: the library issues none.
import { clean } from './sanitize.js'

/** One line of a command that @actions/core writes for the library: `::name::message` or `::name props::message`. */
const LIBRARY_COMMAND = /^::(add-mask|debug|notice|warning|error|group|endgroup)(::| [^\r\n]*::)[^\r\n]*$/

let active = 0
let original: typeof process.stdout.write | undefined

function cleanChunk(text: string): string {
  const eol = /\r?\n$/.exec(text)?.[0] ?? ''
  const body = text.slice(0, text.length - eol.length)
  if (LIBRARY_COMMAND.test(body)) return text
  return `${clean(body, Infinity)}${eol}`
}

/** Runs `work` (a library call) with its stdout made safe. Calls may overlap. */
export async function withCleanOutput<T>(work: () => Promise<T>): Promise<T> {
  if (active++ === 0) {
    const write = process.stdout.write.bind(process.stdout)
    original = process.stdout.write
    process.stdout.write = ((chunk: string | Uint8Array, ...rest: unknown[]) =>
      (write as (c: string | Uint8Array, ...r: unknown[]) => boolean)(
        cleanChunk(typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8')),
        ...rest,
      )) as typeof process.stdout.write
  }
  try {
    return await work()
  } finally {
    if (--active === 0 && original) {
      process.stdout.write = original
      original = undefined
    }
  }
}
