// The job summary, rendered the way GitHub does it (Markdown with raw HTML) and parsed back, so the
// assertions are about what a reader sees, not about the string the action wrote.
import { marked } from 'marked'
import { type HTMLElement, parse } from 'node-html-parser'
import { describe, expect, it } from 'vitest'
import type { Clip } from '../../src/clip.js'
import { SUMMARY_BUDGET_BYTES, type SummaryInput, renderSummary } from '../../src/deliver/summary.js'

const html = (markdown: string): HTMLElement => parse(marked.parse(markdown, { async: false, gfm: true }))

/** The header table as a map of row label → cell element. */
function headerRows(doc: HTMLElement): Map<string, HTMLElement> {
  const table = doc.querySelector('h2 + table') ?? doc.querySelectorAll('table')[0]
  if (!table) throw new Error(`no header table in ${doc.toString()}`)
  return new Map(
    table
      .querySelectorAll('tr')
      .map((tr) => [tr.querySelector('th')?.text ?? '', tr.querySelector('td') as HTMLElement]),
  )
}

/** Rows of the results table (the one with a Preview column), without its header row. */
function resultRows(doc: HTMLElement): HTMLElement[] {
  const table = doc.querySelectorAll('table').find((t) => t.querySelectorAll('th').some((th) => th.text === 'Preview'))
  if (!table) return []
  return table.querySelectorAll('tr').filter((tr) => tr.querySelectorAll('td').length > 0)
}

/** Text of a cell with <br> read back as a newline (how the prompt's line breaks are kept). */
function cellText(cell: HTMLElement): string {
  // The zero-width space after @ and # (which stops mentions and issue links) is not part of the text.
  return parse(cell.innerHTML.replace(/<br\s*\/?>/g, '\n')).textContent.replace(/([@#])\u200b/g, '$1')
}

const expiresAt = Date.UTC(2026, 10, 24, 23, 10) / 1000

function clip(index: number, over: Partial<Clip> = {}): Clip {
  return {
    index,
    fileId: `vg_file_clip${index}`,
    url: `https://storage.example/clips/${index}.mp4?X-Amz-Signature=abc&X-Amz-Expires=3600`,
    urlExpiresAt: expiresAt,
    thumbnailUrl: `https://storage.example/thumbs/${index}.jpg?sig=def&v=1`,
    durationSeconds: 8,
    path: `videogen-output/vg_tool_1-${index}.mp4`,
    bytes: 5 * 1024 * 1024,
    ...over,
  }
}

const base: SummaryInput = {
  status: 'succeeded',
  executionId: 'vg_tool_abc123',
  elapsedMs: 83_000,
  settings: [
    ['Aspect ratio', '9:16'],
    ['Results', '2'],
  ],
  clips: [clip(1), clip(2)],
  artifact: { name: 'demo-clips', url: 'https://github.com/octo/demo/actions/runs/1/artifacts/42' },
  resultsFile: 'videogen-output/vg_tool_abc123.json',
}

describe('job summary', () => {
  it('shows status, execution, elapsed time and settings in the header', () => {
    const doc = html(renderSummary(base))
    expect(doc.querySelector('h2')?.text).toContain('succeeded')
    const rows = headerRows(doc)
    expect(rows.get('Status')?.text).toBe('succeeded')
    expect(rows.get('Execution')?.querySelector('code')?.text).toBe('vg_tool_abc123')
    expect(rows.get('Elapsed')?.text).toBe('1m 23s')
    expect(rows.get('Aspect ratio')?.text).toBe('9:16')
    expect(rows.get('Results')?.text).toBe('2')
    expect(rows.get('Artifact')?.querySelector('a')?.getAttribute('href')).toBe(base.artifact?.url)
    expect(rows.get('Results file')?.text).toBe('videogen-output/vg_tool_abc123.json')
  })

  it('has one row per result: thumbnail linking to the clip, duration, size, artifact link and expiry', () => {
    const rows = resultRows(html(renderSummary(base)))
    expect(rows).toHaveLength(2)
    rows.forEach((row, i) => {
      const c = clip(i + 1)
      const cells = row.querySelectorAll('td')
      expect(cells[0]?.text).toBe(String(i + 1))
      const img = cells[1]?.querySelector('a > img')
      // Attribute values come back decoded: the `&` of a signed URL survives the escaping intact.
      expect(img?.getAttribute('src')).toBe(c.thumbnailUrl)
      expect(img?.parentNode?.getAttribute('href')).toBe(c.url)
      expect(cells[2]?.querySelector('a')?.getAttribute('href')).toBe(c.url)
      expect(cells[2]?.querySelector('code')?.text).toBe(c.path)
      expect(cells[3]?.text).toBe('8 s')
      expect(cells[4]?.text).toBe('5.0 MiB')
      expect(cells[5]?.querySelector('a')?.getAttribute('href')).toBe(base.artifact?.url)
      expect(cells[5]?.text).toBe('demo-clips')
      expect(cells[6]?.text).toBe('2026-11-24 23:10 UTC')
    })
  })

  it('links public previews instead of signed URLs, and says they do not expire', () => {
    const pub = 'https://cdn.videogen.io/public/vg_file_clip1.mp4'
    const [row] = resultRows(html(renderSummary({ ...base, clips: [clip(1, { publicUrl: pub })] })))
    expect(row?.querySelector('a')?.getAttribute('href')).toBe(pub)
    expect(row?.querySelectorAll('td')[6]?.text).toBe('public link, does not expire')
  })

  it('renders a hostile prompt inert and intact, and the rest of the summary still parses', () => {
    const prompt = [
      'Intro <script>alert("x")</script> and <img src=x onerror=alert(1)>',
      '',
      '**bold** _em_ `code` ```fence``` [link](https://evil.example) ![i](https://evil.example/i.png)',
      '| pipes | in | a | row |',
      '|---|---|',
      '',
      '# heading & entity &amp; \\ backslash ~strike~',
      '\r\rafter lone carriage returns',
      '</td></tr></table> closing tags',
    ].join('\n')
    const doc = html(renderSummary({ ...base, prompt }))
    expect(doc.querySelectorAll('script')).toHaveLength(0)
    expect(doc.querySelectorAll('strong, em, del, h1, pre')).toHaveLength(0)
    expect(doc.querySelectorAll('img').map((i) => i.getAttribute('src'))).toEqual([
      clip(1).thumbnailUrl,
      clip(2).thumbnailUrl,
    ])
    expect(doc.querySelectorAll('a').some((a) => a.getAttribute('href')?.includes('evil'))).toBe(false)
    // Only the header table and the results table: nothing in the prompt made a table or closed one.
    expect(doc.querySelectorAll('table')).toHaveLength(2)
    const cell = headerRows(doc).get('Prompt')
    expect(cell).toBeDefined()
    expect(cell?.querySelectorAll('code')).toHaveLength(0)
    expect(cellText(cell as HTMLElement)).toBe(prompt.replace(/\r\n?/g, '\n'))
    expect(resultRows(doc)).toHaveLength(2)
  })

  it('shows an error message as text too', () => {
    const error = 'Execution vg_tool_x failed: <b>bad</b> | **no**\n\nsecond line'
    const doc = html(renderSummary({ ...base, status: 'failed', clips: [], error }))
    expect(doc.querySelectorAll('b, strong')).toHaveLength(0)
    expect(cellText(headerRows(doc).get('Error') as HTMLElement)).toBe(error)
  })

  it('cuts rows to stay under the budget, and says how many were left out', () => {
    const longUrl = (i: number, kind: string) =>
      `https://storage.example/${kind}/${i}.mp4?${'X-Amz-Signature='.padEnd(3000, 'f')}`
    const clips = Array.from({ length: 100 }, (_, i) =>
      clip(i + 1, { url: longUrl(i, 'clip'), thumbnailUrl: longUrl(i, 'thumb') }),
    )
    const budget = 64 * 1024
    const markdown = renderSummary({ ...base, clips }, budget)
    expect(Buffer.byteLength(markdown)).toBeLessThanOrEqual(budget)
    const doc = html(markdown)
    const shown = resultRows(doc).length
    expect(shown).toBeGreaterThan(0)
    expect(shown).toBeLessThan(100)
    const note = doc.querySelectorAll('p').find((p) => p.text.includes('left out'))
    expect(note?.text).toContain(`${100 - shown} of 100 results are left out`)
    expect(note?.text).toContain('videogen-output/vg_tool_abc123.json')
    // The rows shown are the first ones, complete.
    expect(resultRows(doc).map((r) => r.querySelector('td')?.text)).toEqual(
      Array.from({ length: shown }, (_, i) => String(i + 1)),
    )
  })

  it('fits 100 realistic results (signed URLs of ~1 KB each) under the default budget and far under 1 MiB', () => {
    const signed = (i: number, kind: string) =>
      `https://videogen-prod.s3.us-east-1.amazonaws.com/${kind}/vg_file_${String(i).padStart(22, 'x')}.mp4?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=${'A'.repeat(20)}%2F20261124%2Fus-east-1%2Fs3%2Faws4_request&X-Amz-Date=20261124T230000Z&X-Amz-Expires=3600&X-Amz-Security-Token=${'T'.repeat(600)}&X-Amz-Signature=${'f'.repeat(64)}&X-Amz-SignedHeaders=host`
    const clips = Array.from({ length: 100 }, (_, i) =>
      clip(i + 1, { url: signed(i, 'clips'), thumbnailUrl: signed(i, 'thumbs') }),
    )
    const markdown = renderSummary({ ...base, prompt: 'p'.repeat(5000), clips })
    expect(Buffer.byteLength(markdown)).toBeLessThanOrEqual(SUMMARY_BUDGET_BYTES)
    expect(Buffer.byteLength(markdown)).toBeLessThan(1024 * 1024)
    const doc = html(markdown)
    expect(resultRows(doc)).toHaveLength(100)
    expect(markdown).not.toContain('left out')
    // A long prompt is cut in the summary, and says so.
    expect(headerRows(doc).get('Prompt')?.text).toMatch(/… \(5000 characters in all\)$/)
  })
})
