// The one way a string from outside (the API, storage, the repository, a restored cache entry, an event
// payload) reaches a log line, an annotation or an error message. The runner reads every stdout line whose
// text, after leading blanks, starts with `::` as a command (`::set-output`, `::save-state`,
// `::stop-commands::`, `::add-mask::`), so an outside string must never start a line: line breaks and
// other control characters are escaped, and a leading `::` is defused.

/** C0/C1 controls, DEL, Unicode line/paragraph separators, zero-width and bidi controls, BOM. */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff]/g

const escape = (c: string): string => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`

/** One printable line, at most `max` characters (then `…`), safe anywhere in a log line. */
export function clean(value: unknown, max = 500): string {
  let text = typeof value === 'string' ? value : String(value)
  if (text.length > max) text = `${text.slice(0, max)}…`
  text = text.replace(UNSAFE, escape)
  return text.replace(/^(\s*):/, (_m, blanks: string) => `${blanks}\\u003a`)
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
