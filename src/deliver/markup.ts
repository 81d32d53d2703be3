// Escaping shared by the Markdown that GitHub renders (job summary, pull-request comment): nothing a user
// or an API wrote may be read as Markdown or HTML, and only plain http(s) URLs reach an attribute.
import { hasUnsafeCharacters } from '../sanitize.js'

/** The prompt and an error are cut to these lengths wherever they are shown. */
export const PROMPT_CHARS = 2000
export const ERROR_CHARS = 4000

/** Escapes for HTML text and attributes, and neutralises Markdown punctuation, so nothing the user wrote is interpreted. */
export function escapeText(text: string): string {
  return (
    text
      .replace(/[&<>"'`*_[\]|\\#~!()]/g, (c) => `&#${c.charCodeAt(0)};`)
      // GitHub finds mentions and issue references in the rendered text, entities decoded: a zero-width space
      // after @ and # stops the ping or the link.
      .replace(/@|&#35;/g, (c) => `${c}&#8203;`)
      // Every line ending (a lone \r too: Markdown treats it as one) becomes <br>, so no blank line can end the HTML block.
      .replace(/\r\n|\r|\n/g, '<br>')
  )
}

/** URLs go into attributes only, and only http(s) ones without blanks or control characters. */
export function escapeUrl(url: string): string {
  if (!/^https?:\/\//i.test(url) || hasUnsafeCharacters(url, { blanks: true })) return '#'
  return url.replace(/&/g, '&amp;').replace(/"/g, '%22').replace(/'/g, '%27').replace(/</g, '%3C').replace(/>/g, '%3E')
}

export const STATUS_ICON: Record<string, string> = {
  succeeded: '✅',
  failed: '❌',
  cancelled: '🚫',
  'timed-out': '⏱️',
  error: '⚠️',
  pending: '⏳',
  running: '⏳',
  'dry-run': '🧪',
}

export const cut = (text: string, max: number) =>
  text.length > max ? `${text.slice(0, max)}… (${text.length} characters in all)` : text
