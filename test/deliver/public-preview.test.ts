// public-preview through the bundled action: permanent public links as outputs and in the summary.
import { marked } from 'marked'
import { parse } from 'node-html-parser'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type Emulator, startEmulator } from '../emulator/index.js'
import { runAction } from '../runner/run-action.js'

const KEY = 'sk_videogen_live_public_test_key_0123'

let emulator: Emulator

beforeAll(async () => {
  emulator = await startEmulator({ apiKeys: [KEY], job: { queuedMs: 30, durationMs: 300 } })
})
afterAll(async () => {
  await emulator?.close()
})

describe('public-preview', () => {
  it('outputs the static public URLs of the clips and links them in the summary', async () => {
    const r = await runAction({
      inputs: { 'base-url': emulator.url, prompt: 'a city timelapse', 'num-results': '2', 'public-preview': 'true' },
      env: { VIDEOGEN_API_KEY: KEY },
    })
    expect(r.code, r.stdout + r.stderr).toBe(0)
    const fileIds = JSON.parse(r.outputs['file-ids'] as string) as string[]
    expect(fileIds).toHaveLength(2)
    // What the emulator serves as each file's staticPublicPreviewSource once the preview is enabled.
    const expected = fileIds.map((id) => {
      const file = emulator.files.get(id)
      expect(file?.publicPreview).toBe(true)
      return `${emulator.storageUrl}/public/${file?.publicToken}.mp4`
    })
    expect(JSON.parse(r.outputs['public-urls'] as string)).toEqual(expected)
    expect(r.outputs['public-url']).toBe(expected[0])
    expect(
      emulator.requests
        .filter((q) => q.method === 'POST' && q.path.endsWith('/enable-public-preview'))
        .map((q) => q.path)
        .sort(),
    ).toEqual(fileIds.map((id) => `/v1/files/${id}/enable-public-preview`).sort())

    // The public link serves the clip, without any key.
    const served = Buffer.from(await (await fetch(expected[0] as string)).arrayBuffer())
    expect(served.subarray(4, 8).toString('latin1')).toBe('ftyp')

    // The summary links the public URLs (not the expiring signed ones) and says they do not expire.
    const doc = parse(marked.parse(r.summary, { async: false }))
    const rows = doc
      .querySelectorAll('table')
      .flatMap((t) => t.querySelectorAll('tr'))
      .filter((tr) => tr.querySelector('img'))
    expect(rows.map((row) => row.querySelector('a')?.getAttribute('href'))).toEqual(expected)
    for (const row of rows) expect(row.text).toContain('public link, does not expire')
    expect(r.summary).not.toContain(r.outputs.url as string)
  })
})
