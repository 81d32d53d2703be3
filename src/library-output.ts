// What a library prints while it works on outside data. @actions/cache logs the key the cache service
// matched (`Cache hit for restore-key: <key>`) with core.info, and a restore-key lookup matches keys that
// whoever saved the entry chose: a key holding a line break would start a line of its own, read by the
// runner as a workflow command. While such a call runs, each write to stdout that holds a line break
// before its end is made one clean line. A write of one line passes as it is: the library's commands
// (`::add-mask::` for its signed URLs, `::debug::`) are single lines that core escapes, and its other
// lines all begin with its own text, so a line of one write cannot start with an outside string.
import { clean } from './sanitize.js'

let active = 0
let original: typeof process.stdout.write | undefined

function cleanChunk(text: string): string {
  const eol = /\r?\n$/.exec(text)?.[0] ?? ''
  const body = text.slice(0, text.length - eol.length)
  if (!/[\r\n]/.test(body) && body.startsWith('::')) return text
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
