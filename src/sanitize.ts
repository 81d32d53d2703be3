// The one way a string from outside (the API, storage, the repository, a restored cache entry, an event
// payload) reaches a log line, an annotation or an error message. The runner reads every stdout line whose
// text, after leading blanks, starts with `::` as a command (`::set-output`, `::save-state`,
// `::stop-commands::`, `::add-mask::`), and the older `##[command]` form anywhere in a line, so an outside
// string must never start a line nor hold `##[`: line breaks and other control characters are escaped, a
// leading `::` is defused and `##[` broken up.

/** C0/C1 controls, DEL, Unicode line/paragraph separators, zero-width and bidi controls, BOM. */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff]/g

const escape = (c: string): string => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`

/** A short description of a value that is not text: never its contents (a 20,000-deep array has no safe String()). */
function describe(value: unknown): string {
  if (value === null || value === undefined || typeof value === 'number' || typeof value === 'boolean')
    return String(value)
  return Array.isArray(value) ? '(an array)' : `(${typeof value === 'object' ? 'an object' : typeof value})`
}

/**
 * One printable line, at most `max` characters (then `…`), safe anywhere in a log line: control characters
 * escaped, a leading `::` defused, and the runner's older `##[command]` form (honoured anywhere in a line)
 * broken up.
 */
export function clean(value: unknown, max = 500): string {
  let text = typeof value === 'string' ? value : describe(value)
  if (text.length > max) text = `${text.slice(0, max)}…`
  text = text.replace(UNSAFE, escape).replace(/##\[/g, '#\\u0023[')
  return text.replace(/^(\s*):/, (_m, blanks: string) => `${blanks}\\u003a`)
}

/** Text of several lines for the log: each line made safe on its own, the line breaks kept. */
export function cleanLines(text: string): string {
  return text
    .split(/\r?\n/)
    .map((line) => clean(line, 100_000))
    .join('\n')
}

/** Whether a string holds a character `clean` would escape (or a blank, when `blanks` is set: URLs have none). */
export function hasUnsafeCharacters(text: string, { blanks = false } = {}): boolean {
  UNSAFE.lastIndex = 0
  return UNSAFE.test(text) || (blanks && /\s/.test(text))
}

/** Text ending in exactly one full stop, so composed messages never read "…token).. To deliver". */
export function sentence(text: string): string {
  return `${text.replace(/[.\s]+$/, '')}.`
}
