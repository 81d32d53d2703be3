// The job summary: a header with status and settings, then a row per clip with its thumbnail linking
// to the clip. Pure rendering (tested by parsing the output); bounded below the runner's 1 MiB limit.
import * as core from '@actions/core'
import { formatBytes, formatDuration, formatExpiry } from '../format.js'
import { ERROR_CHARS, PROMPT_CHARS, STATUS_ICON, cut, escapeText, escapeUrl } from './markup.js'
import type { Clip } from '../clip.js'

export interface SummaryInput {
  status: string
  executionId?: string
  elapsedMs: number
  /** Settings shown in the header, e.g. [['Aspect ratio', '16:9'], …]. */
  settings: Array<[string, string]>
  prompt?: string
  clips: Clip[]
  artifact?: { name: string; url: string }
  cacheHit?: boolean
  error?: string
  /** The request id of the API error behind a failure, for support. */
  requestId?: string
  /** What to do about a failure, e.g. how to resume without paying again. */
  nextStep?: string
  resultsFile?: string
  /** The request body (dry run), shown folded. */
  requestBody?: string
}

/** The runner drops a summary over 1 MiB whole; stay well below, leaving room for other steps' parts. */
export const SUMMARY_BUDGET_BYTES = 512 * 1024

function header(input: SummaryInput): string {
  const rows: Array<[string, string]> = [
    ['Status', escapeText(input.status) + (input.cacheHit ? ' (from cache, no new execution)' : '')],
    ...(input.executionId ? [['Execution', `<code>${escapeText(input.executionId)}</code>`] as [string, string]] : []),
    ['Elapsed', formatDuration(input.elapsedMs)],
    ...input.settings.map(([k, v]) => [escapeText(k), escapeText(v)] as [string, string]),
  ]
  if (input.prompt) rows.push(['Prompt', escapeText(cut(input.prompt, PROMPT_CHARS))])
  if (input.error) rows.push(['Error', escapeText(cut(input.error, ERROR_CHARS))])
  if (input.requestId) rows.push(['Request id', `<code>${escapeText(input.requestId)}</code>`])
  if (input.nextStep) rows.push(['Next step', escapeText(input.nextStep)])
  if (input.artifact)
    rows.push(['Artifact', `<a href="${escapeUrl(input.artifact.url)}">${escapeText(input.artifact.name)}</a>`])
  if (input.resultsFile) rows.push(['Results file', `<code>${escapeText(input.resultsFile)}</code>`])
  const body = rows.map(([k, v]) => `<tr><th align="left">${k}</th><td>${v}</td></tr>`).join('\n')
  return `<h2>${STATUS_ICON[input.status] ?? '🎬'} VideoGen clip: ${escapeText(input.status)}</h2>\n<table>\n${body}\n</table>\n`
}

function clipRow(clip: Clip, artifact: SummaryInput['artifact']): string {
  const link = clip.publicUrl ?? clip.url
  const thumb = clip.thumbnailUrl
    ? `<img src="${escapeUrl(clip.thumbnailUrl)}" width="240" alt="clip ${clip.index} thumbnail">`
    : '🎞️'
  const preview = link ? `<a href="${escapeUrl(link)}">${thumb}</a>` : thumb
  const name = link ? `<a href="${escapeUrl(link)}">${escapeText(clip.fileId)}</a>` : escapeText(clip.fileId)
  const file = clip.path ? `<br><code>${escapeText(clip.path)}</code>` : ''
  const duration = clip.durationSeconds !== undefined ? `${clip.durationSeconds} s` : '—'
  const size = clip.bytes !== undefined ? formatBytes(clip.bytes) : '—'
  const art = artifact ? `<a href="${escapeUrl(artifact.url)}">${escapeText(artifact.name)}</a>` : '—'
  const expiry = clip.publicUrl ? 'public link, does not expire' : link ? formatExpiry(clip.urlExpiresAt) : '—'
  return `<tr><td>${clip.index}</td><td>${preview}</td><td>${name}${file}</td><td>${duration}</td><td>${size}</td><td>${art}</td><td>${expiry}</td></tr>`
}

/** Said once under the clips when any link shown is a signed one: it stops working. */
function expiryNote(input: SummaryInput): string {
  if (!input.clips.some((c) => !c.publicUrl && (c.url || c.thumbnailUrl))) return ''
  const alternative = input.artifact
    ? 'the artifact above keeps the files'
    : 'set `public-preview: true` for permanent links, or `artifact-name` to keep the files with the run'
  return `\n<p>Signed links and thumbnails expire (see "Link expires"): ${escapeText(alternative)}.</p>\n`
}

/** The request body shows at most this much of the summary's budget (a batch of 500 can be megabytes). */
const REQUEST_BODY_SHARE = 0.5

function requestBodyBlock(body: string | undefined, budget: number): string {
  if (body === undefined) return ''
  const max = Math.floor(budget * REQUEST_BODY_SHARE)
  // Escaped first, then cut: a backtick takes six bytes once escaped, and the cut counts what is written.
  const escaped = body.replace(/`/g, '\\u0060')
  const shown =
    Buffer.byteLength(escaped) > max
      ? `${Buffer.from(escaped).subarray(0, max).toString('utf8')}\n… (cut: the log has all of it)`
      : escaped
  return `\n<details><summary>Request body</summary>\n\n\`\`\`json\n${shown}\n\`\`\`\n</details>\n`
}

export function renderSummary(input: SummaryInput, budget = SUMMARY_BUDGET_BYTES): string {
  let out = header(input) + requestBodyBlock(input.requestBody, budget)
  if (input.clips.length === 0) return out
  const open =
    '\n<table>\n<tr><th>#</th><th>Preview</th><th>Clip</th><th>Duration</th><th>Size</th><th>Artifact</th><th>Link expires</th></tr>\n'
  const close = '</table>\n'
  const reserve = 1000 // room for the closing tag and the notes
  out += open
  let bytes = Buffer.byteLength(out)
  let shown = 0
  for (const clip of input.clips) {
    const row = `${clipRow(clip, input.artifact)}\n`
    const size = Buffer.byteLength(row)
    if (bytes + size + reserve > budget) break
    out += row
    bytes += size
    shown++
  }
  out += close
  const left = input.clips.length - shown
  if (left > 0) {
    out += `\n<p>${left} of ${input.clips.length} results are left out to keep this summary under the runner's size limit; all of them are in the results file${input.resultsFile ? ` <code>${escapeText(cut(input.resultsFile, 300))}</code>` : ''} and the step outputs.</p>\n`
  }
  return out + expiryNote(input)
}

export async function writeSummary(markdown: string): Promise<void> {
  if (!process.env.GITHUB_STEP_SUMMARY) return
  await core.summary.addRaw(markdown, true).write()
}
