// The batch summary, rendered the way GitHub does it and parsed back.
import { marked } from 'marked'
import { parse } from 'node-html-parser'
import { describe, expect, it } from 'vitest'
import { type GalleryItem, renderGallery } from '../../src/deliver/gallery.js'
import { SUMMARY_BUDGET_BYTES } from '../../src/deliver/summary.js'

const html = (markdown: string) => parse(marked.parse(markdown, { async: false, gfm: true }))

function item(n: number, over: Partial<GalleryItem> = {}): GalleryItem {
  return {
    id: `item-${n}`,
    status: 'succeeded',
    executionId: `vg_tool_${'x'.repeat(22)}${n}`,
    clips: [1, 2].map((index) => ({
      index,
      fileId: `vg_file_${n}_${index}`,
      url: `https://storage.example/${n}/${index}.mp4?X-Amz-Signature=${'s'.repeat(200)}`,
      thumbnailUrl: `https://storage.example/${n}/${index}.jpg?sig=${'t'.repeat(200)}`,
      path: `videogen-output/item-${n}/clip-${index}.mp4`,
    })),
    ...over,
  }
}

describe('gallery', () => {
  it('one row per item with its thumbnails linking to its clips, the counts in the header', () => {
    const items = [item(1), item(2, { status: 'failed', clips: [], error: 'moderation **rejected** <b>x</b>' })]
    const doc = html(renderGallery({ status: 'failed', elapsedMs: 61_000, items }))
    expect(doc.querySelector('h2')?.text).toContain('VideoGen batch: failed')
    const header = doc.querySelectorAll('table')[0]?.text ?? ''
    expect(header).toContain('2: 1 succeeded, 1 failed')
    const rows = doc.querySelectorAll('tr').filter((tr) => tr.querySelectorAll('td').length === 5)
    expect(rows.map((r) => r.querySelector('code')?.text)).toEqual(['item-1', 'item-2'])
    const imgs = rows[0]?.querySelectorAll('img') ?? []
    expect(imgs.map((i) => i.parentNode?.getAttribute('href'))).toEqual(items[0]?.clips.map((c) => c.url))
    expect(rows[1]?.querySelectorAll('td')[4]?.text).toBe('moderation **rejected** <b>x</b>')
    expect(doc.querySelectorAll('b, strong')).toHaveLength(0)
  })

  it('200 items stay under the budget; what is cut is said', () => {
    const items = Array.from({ length: 200 }, (_, n) => item(n))
    const markdown = renderGallery({ status: 'succeeded', elapsedMs: 1000, items })
    expect(Buffer.byteLength(markdown)).toBeLessThanOrEqual(SUMMARY_BUDGET_BYTES)
    const doc = html(markdown)
    const shown = doc.querySelectorAll('tr').filter((tr) => tr.querySelectorAll('td').length === 5).length
    expect(shown).toBeGreaterThan(50)
    if (shown < 200) expect(doc.text).toContain(`${200 - shown} of 200 requests are left out`)
    const small = renderGallery({ status: 'succeeded', elapsedMs: 1000, items }, 64 * 1024)
    expect(Buffer.byteLength(small)).toBeLessThanOrEqual(64 * 1024)
    expect(small).toContain('requests are left out')
  })
})
