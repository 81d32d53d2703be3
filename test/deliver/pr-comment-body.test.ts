// The pull-request comment, rendered the way GitHub does it (Markdown with raw HTML) and parsed back, so the
// assertions are about what a reader of the pull request sees.
import { marked } from 'marked'
import { type HTMLElement, parse } from 'node-html-parser'
import { describe, expect, it } from 'vitest'
import type { Clip } from '../../src/clip.js'
import {
  PR_COMMENT_LIMIT,
  type PrCommentInput,
  commentMarker,
  hasMarker,
  namesAuthor,
  renderPrComment,
  withAuthor,
} from '../../src/deliver/pr-comment-body.js'

const rendered = (markdown: string): string => marked.parse(markdown, { async: false, gfm: true })
const html = (markdown: string): HTMLElement => parse(rendered(markdown))

const RUN = 'https://github.com/octo/demo/actions/runs/77/attempts/2'
const SIGNED = 'https://storage.example/clips/1.mp4?expires=1769900000&sig=abc'
const SIGNED_THUMB = 'https://storage.example/thumbs/1.jpg?expires=1769900000&sig=def'

function clip(index: number, over: Partial<Clip> = {}): Clip {
  return {
    index,
    fileId: `vg_file_clip${index}`,
    url: SIGNED.replace('1.mp4', `${index}.mp4`),
    urlExpiresAt: 1769900000,
    thumbnailUrl: SIGNED_THUMB.replace('1.jpg', `${index}.jpg`),
    durationSeconds: 8,
    bytes: 5 * 1024 * 1024,
    ...over,
  }
}

const base: PrCommentInput = {
  marker: commentMarker('Preview/clip'),
  status: 'succeeded',
  executionId: 'vg_tool_abc123',
  prompt: 'A paper boat drifting down a rain-soaked street',
  clips: [
    clip(1, { publicUrl: 'https://cdn.videogen.example/public/p1.mp4' }),
    clip(2, { publicUrl: 'https://cdn.videogen.example/public/p2.mp4' }),
  ],
  runUrl: RUN,
  commit: 'a'.repeat(40),
}

/** Rows of the clips table (the one with a Clip column), without its header row. */
function clipRows(doc: HTMLElement): HTMLElement[] {
  const table = doc.querySelectorAll('table').find((t) => t.querySelectorAll('th').some((th) => th.text === 'Clip'))
  return table ? table.querySelectorAll('tr').filter((tr) => tr.querySelectorAll('td').length > 0) : []
}

/** The details table as label → cell. */
function detailRows(doc: HTMLElement): Map<string, HTMLElement> {
  const table = doc.querySelector('h3 + table')
  if (!table) return new Map()
  return new Map(
    table
      .querySelectorAll('tr')
      .map((tr) => [tr.querySelector('th')?.text ?? '', tr.querySelector('td') as HTMLElement]),
  )
}

/** Text of a cell as the reader sees it: <br> as a newline, the zero-width space after @ and # left out. */
const cellText = (cell: HTMLElement | undefined): string =>
  parse((cell?.innerHTML ?? '').replace(/<br\s*\/?>/g, '\n')).textContent.replace(/([@#])\u200b/g, '$1')

const hrefs = (doc: HTMLElement) => doc.querySelectorAll('a').map((a) => a.getAttribute('href'))

describe('pull-request comment body', () => {
  it('starts with the hidden marker, then status, prompt, one row per clip and the execution line', () => {
    const markdown = renderPrComment(base)
    expect(markdown.startsWith(`${base.marker}\n`)).toBe(true)
    const doc = html(markdown)
    // The marker is an HTML comment: nothing of it is visible.
    expect(doc.text).not.toContain('videogen-action')
    const first = parse(rendered(markdown), { comment: true }).childNodes[0]
    expect(first?.nodeType).toBe(8) // a comment node
    expect(`<!--${first?.rawText}-->`).toBe(base.marker)
    expect(doc.querySelector('h3')?.text).toBe('✅ VideoGen clip: succeeded (2 clips)')
    expect(cellText(detailRows(doc).get('Prompt'))).toBe(base.prompt)

    const rows = clipRows(doc)
    expect(rows).toHaveLength(2)
    rows.forEach((row, i) => {
      const cells = row.querySelectorAll('td')
      expect(cells.map((c) => cellText(c))).toEqual([
        String(i + 1),
        `▶️ Watch clip ${i + 1}\nvg_file_clip${i + 1}`,
        '8 s',
        '5.0 MiB',
      ])
      expect(cells[1]?.querySelector('a')?.getAttribute('href')).toBe(base.clips[i]?.publicUrl)
    })
    const footer = doc.querySelectorAll('sub')[0]
    expect(footer?.text).toBe(`Execution vg_tool_abc123, new · for commit aaaaaaa · workflow run`)
    expect(footer?.querySelector('a')?.getAttribute('href')).toBe(RUN)
    // Public links last: no note about expiring links.
    expect(doc.text).not.toMatch(/expire/)
  })

  it('never shows a signed URL: without public links each clip links the artifact, a release asset or the run', () => {
    const signedOnly = renderPrComment({ ...base, clips: [clip(1), clip(2, { durationSeconds: undefined })] })
    expect(signedOnly).not.toContain('storage.example')
    expect(signedOnly).not.toMatch(/sig=|expires=/)
    const doc = html(signedOnly)
    expect(hrefs(doc).filter((h) => h !== RUN)).toEqual([])
    expect(clipRows(doc).map((r) => cellText(r.querySelectorAll('td')[1]))).toEqual([
      '🎞️ Clip 1 (in the workflow run)\nvg_file_clip1',
      '🎞️ Clip 2 (in the workflow run)\nvg_file_clip2',
    ])
    expect(cellText(clipRows(doc)[1]?.querySelectorAll('td')[2])).toBe('—')
    expect(doc.text).toContain('signed and expire, so this comment links the workflow run')

    const artifact = { name: 'clips', url: 'https://github.com/octo/demo/actions/runs/77/artifacts/9' }
    const kept = html(
      renderPrComment({
        ...base,
        artifact,
        clips: [clip(1), clip(2, { releaseAssetUrl: 'https://github.com/octo/demo/releases/download/v1/c2.mp4' })],
      }),
    )
    expect(clipRows(kept).map((r) => r.querySelector('a')?.getAttribute('href'))).toEqual([
      artifact.url,
      'https://github.com/octo/demo/releases/download/v1/c2.mp4',
    ])
    expect(clipRows(kept).map((r) => cellText(r.querySelectorAll('td')[1]))).toEqual([
      '📦 Clip 1 (in artifact clips)\nvg_file_clip1',
      '⬇️ Clip 2 (release asset)\nvg_file_clip2',
    ])
    expect(kept.toString()).not.toContain('storage.example')
    expect(kept.text).not.toMatch(/expire/)
  })

  it('says when the run failed, with the reason, and keeps the clips of a failed delivery', () => {
    const failed = html(
      renderPrComment({
        ...base,
        status: 'failed',
        clips: [],
        error: 'Execution vg_tool_abc123 failed: content policy (code content_policy).',
        requestId: 'req_42',
      }),
    )
    expect(failed.querySelector('h3')?.text).toBe('❌ VideoGen clip: failed')
    expect(cellText(detailRows(failed).get('Error'))).toBe(
      'Execution vg_tool_abc123 failed: content policy (code content_policy).',
    )
    expect(cellText(detailRows(failed).get('Request id'))).toBe('req_42')
    expect(clipRows(failed)).toEqual([])

    const timedOut = html(renderPrComment({ ...base, status: 'timed-out', clips: [], error: 'Timed out after 30m' }))
    expect(timedOut.querySelector('h3')?.text).toBe('⏱️ VideoGen clip: timed out')

    const delivery = html(
      renderPrComment({
        ...base,
        error: 'The execution succeeded, but delivery failed: disk full.',
        nextStep: 'Resume with execution-id: vg_tool_abc123',
      }),
    )
    expect(delivery.querySelector('h3')?.text).toBe('❌ VideoGen clip: delivery failed')
    expect(cellText(detailRows(delivery).get('Next step'))).toBe('Resume with execution-id: vg_tool_abc123')
    expect(clipRows(delivery)).toHaveLength(2)

    const none = html(renderPrComment({ ...base, status: 'error', executionId: undefined, clips: [], error: 'x' }))
    expect(none.querySelector('sub')?.text).toMatch(/^No execution id · /)
  })

  it('says when the clips came from the cache', () => {
    const doc = html(renderPrComment({ ...base, cacheHit: true }))
    expect(doc.querySelector('sub')?.text).toMatch(/^Execution vg_tool_abc123, from the cache \(no new execution\) · /)
  })

  it('names its author on a second hidden line, which a quoting comment by another author does not match', () => {
    const marker = commentMarker('Preview/clip')
    const body = withAuthor(`${marker}\n\n<h3>x</h3>`, marker, 'my-app[bot]')
    expect(body).toBe(`${marker}\n<!-- videogen-action:by:my-app[bot] -->\n\n<h3>x</h3>`)
    expect(namesAuthor(body, marker, 'my-app[bot]')).toBe(true)
    expect(namesAuthor(body, marker, 'triage-helper[bot]')).toBe(false)
    // A login cannot end the HTML comment early.
    expect(withAuthor(marker, marker, 'x --> <b>y</b>')).toBe(`${marker}\n<!-- videogen-action:by:x--byb -->`)
  })

  it('an @ or # in API or user text is neither a mention nor an issue reference once GitHub decodes it', () => {
    const text = 'ping @octo/team and @alice about #12 and octo/demo#3'
    const doc = html(renderPrComment({ ...base, prompt: text, status: 'failed', error: text, clips: [] }))
    for (const cell of [detailRows(doc).get('Prompt'), detailRows(doc).get('Error')]) {
      const shown = parse((cell?.innerHTML ?? '').replace(/<br\s*\/?>/g, '\n')).textContent
      expect(shown).not.toMatch(/@[A-Za-z0-9]|#\d/)
      expect(shown.replace(/\u200b/g, '')).toBe(text)
    }
  })

  it('shows hostile prompt, error and API text as text: no element, no emphasis, no end of the marker', () => {
    const hostile =
      '<script>alert(1)</script> **bold** _em_ | a | b |\n\n# heading --> <!-- x [link](https://evil.example) `code`'
    const markdown = renderPrComment({
      ...base,
      prompt: hostile,
      status: 'succeeded',
      error: `-->${hostile}`,
      nextStep: hostile,
      artifact: { name: hostile, url: 'javascript:alert(1)' },
      clips: [
        clip(1, { fileId: '<b>x</b> **y** | z', publicUrl: 'javascript:alert(1)' }),
        clip(2, { fileId: '--><img src=x onerror=alert(1)>', publicUrl: 'https://ok.example/a b"onmouseover=x' }),
      ],
    })
    const doc = html(markdown)
    for (const tag of ['script', 'strong', 'em', 'b', 'h1', 'img', 'code > a'])
      expect(doc.querySelectorAll(tag), tag).toHaveLength(0)
    // The only HTML comment is the marker, whole; the only links are the run and the neutralised ones.
    expect(markdown.match(/<!--/g)).toHaveLength(1)
    expect(markdown.match(/-->/g)).toHaveLength(1)
    expect(hrefs(doc).every((h) => h === RUN || h === '#')).toBe(true)
    const details = detailRows(doc)
    expect(cellText(details.get('Prompt'))).toBe(hostile)
    expect(cellText(details.get('Error'))).toBe(`-->${hostile}`)
    expect(cellText(details.get('Next step'))).toBe(hostile)
    const rows = clipRows(doc)
    expect(rows).toHaveLength(2)
    expect(cellText(rows[0]?.querySelectorAll('td')[1])).toBe('▶️ Watch clip 1\n<b>x</b> **y** | z')
    expect(cellText(rows[1]?.querySelectorAll('td')[1])).toBe('▶️ Watch clip 2\n--><img src=x onerror=alert(1)>')
  })

  it('cuts the prompt as the summary does', () => {
    const long = 'x'.repeat(5000)
    const doc = html(renderPrComment({ ...base, prompt: long }))
    expect(cellText(detailRows(doc).get('Prompt'))).toBe(`${'x'.repeat(2000)}… (5000 characters in all)`)
  })

  it(`stays within GitHub's ${PR_COMMENT_LIMIT} characters for 100 clips, counting the rows left out`, () => {
    const clips = Array.from({ length: 100 }, (_, i) => clip(i + 1))
    const plain = renderPrComment({ ...base, clips })
    expect(plain.length).toBeLessThanOrEqual(PR_COMMENT_LIMIT)
    expect(clipRows(html(plain))).toHaveLength(100)
    expect(plain).not.toContain('more in the')

    // The worst case: every text at its cut length and made of characters that escape to five or six.
    const worst = renderPrComment({
      ...base,
      prompt: '|'.repeat(10_000),
      error: '<'.repeat(10_000),
      nextStep: '('.repeat(10_000),
      requestId: '*'.repeat(10_000),
      artifact: { name: '['.repeat(1000), url: 'https://github.com/octo/demo/actions/runs/77/artifacts/9' },
      clips: clips.map((c) => ({ ...c, fileId: '_'.repeat(1000) })),
    })
    expect(worst.length).toBeLessThanOrEqual(PR_COMMENT_LIMIT)
    const doc = html(worst)
    const shown = clipRows(doc).length
    expect(shown).toBeGreaterThan(10)
    expect(shown).toBeLessThan(100)
    const more = doc.querySelectorAll('p').find((p) => p.text.startsWith('…'))
    expect(more?.text).toBe(
      `… and ${100 - shown} more in the run summary (a pull-request comment is limited to ${PR_COMMENT_LIMIT} characters).`,
    )
    expect(more?.querySelector('a')?.getAttribute('href')).toBe(RUN)
    // The footer survives the cut.
    expect(doc.querySelector('sub')?.text).toMatch(/^Execution vg_tool_abc123/)

    // A smaller limit is honoured the same way.
    expect(renderPrComment({ ...base, clips }, 5000).length).toBeLessThanOrEqual(5000)
  })
})

describe('comment marker', () => {
  it('is the same for the same key, different for another, and holds no text of the key', () => {
    expect(commentMarker('wf/job')).toBe(commentMarker('wf/job'))
    expect(commentMarker('wf/job')).not.toBe(commentMarker('wf/job2'))
    const hostile = commentMarker('x --> <script>')
    expect(hostile).toMatch(/^<!-- videogen-action:pr-comment:[0-9a-f]{32} -->$/)
  })

  it('matches only a body that starts with it', () => {
    const marker = commentMarker('k')
    expect(hasMarker(`${marker}\n\nhello`, marker)).toBe(true)
    expect(hasMarker(`quoted:\n${marker}`, marker)).toBe(false)
    expect(hasMarker(`${commentMarker('other')}\n`, marker)).toBe(false)
    expect(hasMarker(undefined, marker)).toBe(false)
    expect(hasMarker(42, marker)).toBe(false)
  })
})
