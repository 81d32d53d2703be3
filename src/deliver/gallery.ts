// The job summary of a batch: a header with the counts, then one row per item (id, status, thumbnails
// linking to the clips, the error if any). Pure rendering, bounded below the runner's 1 MiB limit.
import type { Clip } from '../clip.js'
import { formatDuration } from '../format.js'
import { STATUS_ICON, escapeText, escapeUrl } from './markup.js'
import { SUMMARY_BUDGET_BYTES } from './summary.js'

export interface GalleryItem {
  id: string
  status: string
  executionId?: string
  clips: Clip[]
  cacheHit?: boolean
  error?: string
}

export interface GalleryInput {
  status: string
  elapsedMs: number
  items: GalleryItem[]
  artifact?: { name: string; url: string }
  resultsFile?: string
}

const THUMBS_PER_ITEM = 3
const LINKS_PER_ITEM = 10
const ERROR_CHARS = 500

function counts(items: GalleryItem[]): string {
  const by = new Map<string, number>()
  for (const item of items) by.set(item.status, (by.get(item.status) ?? 0) + 1)
  return [...by.entries()].map(([status, n]) => `${n} ${status}`).join(', ')
}

function row(item: GalleryItem): string {
  const link = (clip: Clip) => clip.publicUrl ?? clip.url
  const thumbs = item.clips
    .filter((c) => c.thumbnailUrl)
    .slice(0, THUMBS_PER_ITEM)
    .map((c) => {
      const img = `<img src="${escapeUrl(c.thumbnailUrl as string)}" width="160" alt="${escapeText(item.id)} clip ${c.index}">`
      const href = link(c)
      return href ? `<a href="${escapeUrl(href)}">${img}</a>` : img
    })
    .join(' ')
  const links = item.clips
    .slice(0, LINKS_PER_ITEM)
    .map((c) => {
      const href = link(c)
      const name = `clip ${c.index}`
      return href ? `<a href="${escapeUrl(href)}">${name}</a>` : c.path ? `<code>${escapeText(c.path)}</code>` : name
    })
    .join(' · ')
  const more = item.clips.length > LINKS_PER_ITEM ? ` · … ${item.clips.length - LINKS_PER_ITEM} more` : ''
  const execution = item.executionId ? `<br><code>${escapeText(item.executionId)}</code>` : ''
  const cached = item.cacheHit ? ' (cache)' : ''
  const error = item.error
    ? escapeText(item.error.length > ERROR_CHARS ? `${item.error.slice(0, ERROR_CHARS)}…` : item.error)
    : ''
  const icon = STATUS_ICON[item.status] ?? '🎬'
  return `<tr><td><code>${escapeText(item.id)}</code>${execution}</td><td>${icon} ${escapeText(item.status)}${cached}</td><td>${thumbs || '—'}</td><td>${links || '—'}${more}</td><td>${error}</td></tr>`
}

export function renderGallery(input: GalleryInput, budget = SUMMARY_BUDGET_BYTES): string {
  const rows: Array<[string, string]> = [
    ['Status', escapeText(input.status)],
    ['Requests', `${input.items.length}: ${escapeText(counts(input.items))}`],
    ['Elapsed', formatDuration(input.elapsedMs)],
  ]
  if (input.artifact)
    rows.push(['Artifact', `<a href="${escapeUrl(input.artifact.url)}">${escapeText(input.artifact.name)}</a>`])
  if (input.resultsFile) rows.push(['Results file', `<code>${escapeText(input.resultsFile)}</code>`])
  let out = `<h2>${STATUS_ICON[input.status] ?? '🎬'} VideoGen batch: ${escapeText(input.status)}</h2>\n<table>\n`
  out += rows.map(([k, v]) => `<tr><th align="left">${k}</th><td>${v}</td></tr>`).join('\n')
  out += '\n</table>\n\n<table>\n<tr><th>Request</th><th>Status</th><th>Preview</th><th>Clips</th><th>Error</th></tr>\n'
  const reserve = 1000
  let bytes = Buffer.byteLength(out)
  let shown = 0
  for (const item of input.items) {
    const line = `${row(item)}\n`
    const size = Buffer.byteLength(line)
    if (bytes + size + reserve > budget) break
    out += line
    bytes += size
    shown++
  }
  out += '</table>\n'
  const left = input.items.length - shown
  if (left > 0) {
    out += `\n<p>${left} of ${input.items.length} requests are left out to keep this summary under the runner's size limit; all of them are in the results file and the results output.</p>\n`
  }
  if (input.items.some((i) => i.clips.some((c) => !c.publicUrl && c.url))) {
    out += `\n<p>Signed links and thumbnails expire: set public-preview: true for permanent links, or artifact-name to keep the files with the run.</p>\n`
  }
  return out
}
