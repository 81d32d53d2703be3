// The search for executions a killed create may have made (executionsSince: paging down to the mark, at
// most three pages) and cancel-and-confirm, against an in-memory executions list.
import { describe, expect, it } from 'vitest'
import { cancelAndConfirm, cancelOutcome, executionsSince } from '../../src/cancel.js'
import type { ToolsApi } from '../../src/videogen/tools.js'
import type { Execution } from '../../src/videogen/types.js'

const exec = (n: number, status: Execution['status'] = 'running', toolType?: string): Execution => ({
  toolExecutionId: `vg_tool_${n}`,
  status,
  results: [],
  ...(toolType && { toolType }),
})

/** A list of `executions` (newest first) served `limit` at a time with an opaque cursor; records each call. */
function listing(executions: Execution[]) {
  const calls: Array<{ limit?: number; cursor?: string }> = []
  const tools = {
    async listExecutions({ limit = 50, cursor }: { limit?: number; cursor?: string }) {
      calls.push({ limit, ...(cursor !== undefined && { cursor }) })
      const start = cursor === undefined ? 0 : Number(cursor.slice(1))
      const end = start + limit
      return {
        executions: executions.slice(start, end),
        ...(end < executions.length && { nextCursor: `@${end}` }),
      }
    },
  } as unknown as ToolsApi
  return { tools, calls }
}

const ids = (found: Execution[]) => found.map((e) => e.toolExecutionId)
const later = () => Date.now() + 10_000

describe('executionsSince', () => {
  it('pages down to the mark and keeps the running clip executions above it that are not known', async () => {
    // 120 executions, newest first; the mark is on the third page.
    const list = Array.from({ length: 120 }, (_, i) => exec(1000 - i))
    list[1] = exec(999, 'succeeded')
    list[2] = exec(998, 'running', 'GENERATE_IMAGE')
    list[60] = exec(940, 'pending', 'GENERATE_VIDEO_CLIP')
    const { tools, calls } = listing(list)
    const found = await executionsSince(tools, 'vg_tool_890', new Set(['vg_tool_1000']), later())
    // 1000 known, 999 ended, 998 another tool; every other one above 890 counts.
    expect(found).toHaveLength(110 - 3)
    expect(ids(found).slice(0, 2)).toEqual(['vg_tool_997', 'vg_tool_996'])
    expect(ids(found)).toContain('vg_tool_940')
    expect(ids(found).at(-1)).toBe('vg_tool_891')
    expect(calls).toEqual([{ limit: 50 }, { limit: 50, cursor: '@50' }, { limit: 50, cursor: '@100' }])
  })

  it('looks at three pages at most when the mark is deeper (or gone)', async () => {
    const { tools, calls } = listing(Array.from({ length: 400 }, (_, i) => exec(5000 - i)))
    const found = await executionsSince(tools, 'vg_tool_1', new Set(), later())
    expect(found).toHaveLength(150)
    expect(calls).toHaveLength(3)
  })

  it('without a mark, only the first page counts', async () => {
    const { tools, calls } = listing(Array.from({ length: 80 }, (_, i) => exec(100 - i)))
    expect(await executionsSince(tools, null, new Set(), later())).toHaveLength(50)
    expect(calls).toEqual([{ limit: 50 }])
  })

  it('ends at the last page, and at the mark on the first one', async () => {
    const short = listing([exec(3), exec(2, 'cancelled')])
    expect(ids(await executionsSince(short.tools, 'vg_tool_0', new Set(), later()))).toEqual(['vg_tool_3'])
    expect(short.calls).toHaveLength(1)
    const top = listing([exec(3), exec(2)])
    expect(await executionsSince(top.tools, 'vg_tool_3', new Set(), later())).toEqual([])
  })

  it('a failing list is the caller’s to report', async () => {
    const tools = {
      listExecutions: () => Promise.reject(new Error('HTTP 500')),
    } as unknown as ToolsApi
    await expect(executionsSince(tools, null, new Set(), later())).rejects.toThrow('HTTP 500')
  })
})

describe('cancelAndConfirm', () => {
  const log = () => {
    const lines: string[] = []
    return { lines, info: (m: string) => lines.push(`info ${m}`), warning: (m: string) => lines.push(`warning ${m}`) }
  }

  it('cancels, then returns the status a GET confirms', async () => {
    const calls: string[] = []
    const tools = {
      cancelExecution: async (id: string) => void calls.push(`cancel ${id}`),
      getExecution: async (id: string) => (calls.push(`get ${id}`), exec(7, 'cancelled')),
    } as unknown as ToolsApi
    const l = log()
    expect(await cancelAndConfirm(tools, 'vg_tool_7', 2000, l)).toBe('cancelled')
    expect(calls).toEqual(['cancel vg_tool_7', 'get vg_tool_7'])
    expect(l.lines).toEqual([])
  })

  it('a failed cancel is warned about and still confirmed; a failed GET confirms nothing', async () => {
    const tools = {
      cancelExecution: () => Promise.reject(new Error('HTTP 503')),
      getExecution: () => Promise.reject(new Error('socket hang up')),
    } as unknown as ToolsApi
    const l = log()
    expect(await cancelAndConfirm(tools, 'vg_tool_7', 2000, l)).toBeUndefined()
    expect(l.lines).toEqual([
      'warning Could not cancel execution vg_tool_7: HTTP 503',
      'warning Could not confirm the cancellation of vg_tool_7: socket hang up',
    ])
  })
})

describe('cancelOutcome', () => {
  it('says cancelled only when a GET confirmed it', () => {
    expect(cancelOutcome('cancelled')).toBe('was cancelled (status now cancelled)')
    expect(cancelOutcome('succeeded')).toBe('had already ended (succeeded) before the cancel took effect')
    expect(cancelOutcome('running')).toBe('was asked to cancel but is still running; the post step will try again')
    expect(cancelOutcome('running', 'cancel it by hand')).toBe(
      'was asked to cancel but is still running; cancel it by hand',
    )
    expect(cancelOutcome(undefined)).toBe(
      'was asked to cancel, but that could not be confirmed; the post step will try again',
    )
  })
})
