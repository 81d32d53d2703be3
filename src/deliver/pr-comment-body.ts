// The pull-request comment: status, prompt, a row per clip, and who made it. Pure rendering, tested by
// parsing the output. It stays on the pull request for weeks, so it never shows a signed URL (those expire,
// in an hour to seven days by the API's documents): each clip links what lasts, or the workflow run.
import { createHash } from 'node:crypto'
import { formatBytes } from '../format.js'
import { ERROR_CHARS, PROMPT_CHARS, STATUS_ICON, cut, escapeText, escapeUrl } from './markup.js'
import type { Clip } from '../clip.js'

/** GitHub refuses a comment body longer than this. */
export const PR_COMMENT_LIMIT = 65_536

export interface PrCommentInput {
  /** The hidden line that identifies this comment (commentMarker). */
  marker: string
  status: string
  executionId?: string
  prompt?: string
  clips: Clip[]
  cacheHit?: boolean
  artifact?: { name: string; url: string }
  error?: string
  requestId?: string
  nextStep?: string
  /** The workflow run (its page has the job summary). */
  runUrl: string
  /** The pull request's head commit the run was for. */
  commit?: string
  /** A batch: one row per item instead of one per clip. */
  items?: PrCommentItem[]
}

/** One request of a batch, as the comment shows it. */
export interface PrCommentItem {
  id: string
  status: string
  clips: Clip[]
  cacheHit?: boolean
  error?: string
}

/**
 * The marker that finds this comment again: the key is hashed, so no text of the user's (a `-->`, say) can end
 * the HTML comment, and any key gives a marker of the same form.
 */
export function commentMarker(key: string): string {
  const hash = createHash('sha256').update(key, 'utf8').digest('hex').slice(0, 32)
  return `${MARKER_PREFIX}${hash} -->`
}

/** How every marker of this action starts, whatever its key. */
export const MARKER_PREFIX = '<!-- videogen-action:pr-comment:'

/** Whether a comment body is one this action wrote under `marker`. */
export function hasMarker(body: unknown, marker: string): boolean {
  return typeof body === 'string' && body.startsWith(marker)
}

/** Room the author line takes in a body (a login is at most 100 characters). */
export const AUTHOR_LINE_CHARS = 150

/**
 * The body with a second hidden line naming the bot that wrote it. A token that cannot ask who it is (a
 * GitHub App's) knows its comment by it: the line names the comment's own author, where a comment that
 * quotes the marker (another bot's) names someone else.
 */
export function withAuthor(body: string, marker: string, login: string): string {
  return body.startsWith(marker) ? `${marker}\n${authorLine(login)}${body.slice(marker.length)}` : body
}

/** Whether `body`, under `marker`, names `login` as the bot that wrote it. */
export function namesAuthor(body: unknown, marker: string, login: string): boolean {
  return typeof body === 'string' && body.startsWith(`${marker}\n${authorLine(login)}`)
}

const authorLine = (login: string) => `<!-- videogen-action:by:${login.replace(/[^\w.[\]-]/g, '')} -->`

/** A link that still works next month: public preview, release asset, artifact, else the run. */
function lastingLink(clip: Clip, input: PrCommentInput): { url: string; label: string } {
  const n = clip.index
  if (clip.publicUrl) return { url: clip.publicUrl, label: `▶️ Watch clip ${n}` }
  if (clip.releaseAssetUrl) return { url: clip.releaseAssetUrl, label: `⬇️ Clip ${n} (release asset)` }
  if (input.artifact)
    return { url: input.artifact.url, label: `📦 Clip ${n} (in artifact ${cut(input.artifact.name, 100)})` }
  return { url: input.runUrl, label: `🎞️ Clip ${n} (in the workflow run)` }
}

function clipRow(clip: Clip, input: PrCommentInput): string {
  const { url, label } = lastingLink(clip, input)
  // No lasting thumbnail exists (a video's thumbnail link is signed), so the preview is a link, not an image.
  const preview = `<a href="${escapeUrl(url)}">${escapeText(label)}</a><br><code>${escapeText(cut(clip.fileId, 100))}</code>`
  const duration = clip.durationSeconds !== undefined ? `${clip.durationSeconds} s` : '—'
  const bytes = clip.bytes ?? clip.reportedBytes
  const size = bytes !== undefined ? formatBytes(bytes) : '—'
  return `<tr><td>${clip.index}</td><td>${preview}</td><td>${duration}</td><td>${size}</td></tr>\n`
}

/** A batch item: its id, status, a lasting link per clip, and what went wrong. */
function itemRow(item: PrCommentItem, input: PrCommentInput): string {
  const links = item.clips
    .slice(0, 10)
    .map((clip) => {
      const { url, label } = lastingLink(clip, input)
      return `<a href="${escapeUrl(url)}">${escapeText(label)}</a>`
    })
    .join('<br>')
  const more = item.clips.length > 10 ? `<br>… ${item.clips.length - 10} more` : ''
  const status = `${STATUS_ICON[item.status] ?? '🎬'} ${escapeText(item.status)}${item.cacheHit ? ' (cache)' : ''}`
  const error = item.error ? escapeText(cut(item.error, 300)) : ''
  return `<tr><td><code>${escapeText(cut(item.id, 100))}</code></td><td>${status}</td><td>${links || '—'}${more}</td><td>${error}</td></tr>\n`
}

function heading(input: PrCommentInput): string {
  if (input.items) {
    const ok = input.items.filter((i) => i.status === 'succeeded').length
    const icon = STATUS_ICON[input.status] ?? '🎬'
    return `<h3>${icon} VideoGen batch: ${escapeText(input.status.replace(/-/g, ' '))} (${ok} of ${input.items.length} succeeded)</h3>\n`
  }
  const deliveryFailed = input.status === 'succeeded' && input.error !== undefined
  const status = deliveryFailed ? 'delivery failed' : input.status.replace(/-/g, ' ')
  const icon = deliveryFailed ? '❌' : (STATUS_ICON[input.status] ?? '🎬')
  const count =
    input.status === 'succeeded' && !deliveryFailed
      ? ` (${input.clips.length} clip${input.clips.length === 1 ? '' : 's'})`
      : ''
  return `<h3>${icon} VideoGen clip: ${escapeText(status)}${count}</h3>\n`
}

function details(input: PrCommentInput): string {
  const rows: Array<[string, string]> = []
  if (input.prompt) rows.push(['Prompt', escapeText(cut(input.prompt, PROMPT_CHARS))])
  if (input.error) rows.push(['Error', escapeText(cut(input.error, ERROR_CHARS))])
  if (input.requestId) rows.push(['Request id', `<code>${escapeText(cut(input.requestId, 200))}</code>`])
  if (input.nextStep) rows.push(['Next step', escapeText(cut(input.nextStep, 1000))])
  if (rows.length === 0) return ''
  return `<table>\n${rows.map(([k, v]) => `<tr><th align="left">${k}</th><td>${v}</td></tr>\n`).join('')}</table>\n`
}

function footer(input: PrCommentInput): string {
  const parts = [
    input.items
      ? `${input.items.filter((i) => i.clips.length > 0).length} requests with clips`
      : input.executionId
        ? `Execution <code>${escapeText(cut(input.executionId, 200))}</code>, ${input.cacheHit ? 'from the cache (no new execution)' : 'new'}`
        : 'No execution id',
    // Bare, so GitHub links it to the commit.
    input.commit ? `for commit ${escapeText(input.commit.slice(0, 7))}` : undefined,
    `<a href="${escapeUrl(input.runUrl)}">workflow run</a>`,
  ].filter((p) => p !== undefined)
  let out = `<p><sub>${parts.join(' · ')}</sub></p>\n`
  const clips = input.items ? input.items.flatMap((i) => i.clips) : input.clips
  if (clips.some((c) => !c.publicUrl && !c.releaseAssetUrl && !input.artifact)) {
    out +=
      '<p><sub>The clips’ own links are signed and expire, so this comment links the workflow run. ' +
      'Set <code>public-preview: true</code> for links that last, or <code>artifact-name</code> to keep the files with the run.</sub></p>\n'
  }
  return out
}

/** The comment's Markdown, at most `limit` characters: rows that do not fit are counted in a line under the table. */
export function renderPrComment(input: PrCommentInput, limit = PR_COMMENT_LIMIT): string {
  const head = `${input.marker}\n\n${heading(input)}${details(input)}`
  const tail = footer(input)
  const rowsOf: string[] = input.items
    ? input.items.map((item) => itemRow(item, input))
    : input.clips.map((clip) => clipRow(clip, input))
  if (rowsOf.length === 0) return head + tail
  const open = input.items
    ? '\n<table>\n<tr><th>Request</th><th>Status</th><th>Clips</th><th>Error</th></tr>\n'
    : '\n<table>\n<tr><th>#</th><th>Clip</th><th>Duration</th><th>Size</th></tr>\n'
  const close = '</table>\n'
  const more = (left: number) =>
    `<p>… and ${left} more in the <a href="${escapeUrl(input.runUrl)}">run summary</a> (a pull-request comment is limited to ${PR_COMMENT_LIMIT} characters).</p>\n`
  // Every part but the rows, with the line of the largest count it could need and its line breaks.
  const reserve = head.length + open.length + close.length + more(rowsOf.length).length + 2 + tail.length
  let rows = ''
  let shown = 0
  for (const row of rowsOf) {
    if (reserve + rows.length + row.length > limit) break
    rows += row
    shown++
  }
  const left = rowsOf.length - shown
  return `${head}${open}${rows}${close}${left > 0 ? `\n${more(left)}` : ''}\n${tail}`
}
