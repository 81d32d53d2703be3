// GET /v1/tools/executions as a batch uses it: newest created first, keyset paging over hundreds of
// executions, selfOnly per API key, and strict query checks.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type Emulator, type ExecutedTool, startEmulator } from './index.js'
import { TestClient } from './test-client.js'

let emu: Emulator
const client = new TestClient(() => emu)
const KEYS = ['key-a', 'key-b'] as const

interface ListPage {
  toolExecutions: ExecutedTool[]
  hasMore: boolean
  nextCursor: string | null
}

/** Creation order: [id, key]. */
const created: Array<[string, string]> = []

async function create(key: string): Promise<string> {
  const res = await client.api<{ toolExecutionId: string }>('POST', '/v1/tools/generate-video-clip', {
    body: { prompt: `clip ${created.length}` },
    key,
  })
  expect(res.status).toBe(202)
  created.push([res.body.toolExecutionId, key])
  return res.body.toolExecutionId
}

/** Follows nextCursor to the end; returns the ids in order and the page sizes. */
async function listAll(query: string, key: string = KEYS[0]) {
  const ids: string[] = []
  const sizes: number[] = []
  let cursor: string | null = null
  for (let page = 0; page < 100; page++) {
    const q = new URLSearchParams(query)
    if (cursor) q.set('cursor', cursor)
    const res = await client.api<ListPage>('GET', `/v1/tools/executions?${q}`, { key })
    expect(res.status).toBe(200)
    ids.push(...res.body.toolExecutions.map((e) => e.toolExecutionId))
    sizes.push(res.body.toolExecutions.length)
    expect(res.body.hasMore).toBe(res.body.nextCursor !== null)
    cursor = res.body.nextCursor
    if (!cursor) break
  }
  return { ids, sizes }
}

beforeAll(async () => {
  emu = await startEmulator({ apiKeys: [...KEYS], job: { queuedMs: 60_000 } })
  // 250 executions, three of every five by key-a; many share a millisecond.
  for (let i = 0; i < 250; i++) await create(KEYS[i % 5 < 3 ? 0 : 1])
})
afterAll(async () => {
  await emu.close()
  await client.close()
})

describe('GET /v1/tools/executions', () => {
  it('pages over every execution of the team, newest created first, with a stable order', async () => {
    const newestFirst = created.map(([id]) => id).reverse()
    const byDefault = await listAll('')
    expect(byDefault.sizes).toEqual([50, 50, 50, 50, 50])
    expect(byDefault.ids).toEqual(newestFirst)
    const big = await listAll('limit=200&selfOnly=false', KEYS[1])
    expect(big.sizes).toEqual([200, 50])
    expect(big.ids).toEqual(newestFirst)
    expect(new Set(big.ids).size).toBe(250)
  })

  it('selfOnly=true lists only the calling key’s executions', async () => {
    for (const key of KEYS) {
      const own = created.filter(([, k]) => k === key).map(([id]) => id)
      const { ids, sizes } = await listAll('selfOnly=true&limit=64', key)
      expect(ids).toEqual(own.reverse())
      expect(sizes.slice(0, -1).every((n) => n === 64)).toBe(true)
    }
    expect(created.filter(([, k]) => k === KEYS[0])).toHaveLength(150)
    // The emulator records the creating key of each execution.
    const [id, key] = created[7]!
    expect(emu.executions.get(id)?.apiKey).toBe(key)
  })

  it('continues after the last item seen when newer executions arrive between pages', async () => {
    const first = await client.api<ListPage>('GET', '/v1/tools/executions?limit=10')
    const seen = first.body.toolExecutions.map((e) => e.toolExecutionId)
    const newer = [await create(KEYS[0]), await create(KEYS[1])]
    const second = await client.api<ListPage>(
      'GET',
      `/v1/tools/executions?limit=10&cursor=${encodeURIComponent(first.body.nextCursor!)}`,
    )
    const next = second.body.toolExecutions.map((e) => e.toolExecutionId)
    const order = created.map(([id]) => id).reverse()
    expect(next).toEqual(order.slice(order.indexOf(seen.at(-1)!) + 1, order.indexOf(seen.at(-1)!) + 11))
    expect(next.some((id) => seen.includes(id) || newer.includes(id))).toBe(false)
    // A fresh first page shows them.
    const fresh = await client.api<ListPage>('GET', '/v1/tools/executions?limit=2')
    expect(fresh.body.toolExecutions.map((e) => e.toolExecutionId)).toEqual([...newer].reverse())
  })

  it('rejects a limit out of 1–200, a foreign or broken cursor and a non-boolean selfOnly', async () => {
    const bad = [
      'limit=0',
      'limit=201',
      'limit=abc',
      'limit=1.5',
      'limit=',
      'cursor=not-a-cursor',
      `cursor=${Buffer.from('o:10').toString('base64url')}`, // the files list's kind of cursor
      'selfOnly=yes',
    ]
    for (const query of bad) {
      const res = await client.api<{ code: string; message: string }>('GET', `/v1/tools/executions?${query}`)
      expect({ query, status: res.status, code: res.body.code }).toEqual({
        query,
        status: 400,
        code: 'invalid_request',
      })
    }
    expect((await client.api('GET', '/v1/tools/executions?limit=200')).status).toBe(200)
    expect((await client.api('GET', '/v1/tools/executions?limit=1')).status).toBe(200)
  })
})
