// What the wait loop says while it polls, on a fake clock: a line when the status, the whole percent or the
// attempt changes, a heartbeat when nothing changed for a minute, a warning-free line for a status the API
// does not document, and the outcome at the deadline.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { Execution } from '../../src/videogen/types.js'
import { DEFAULT_TUNING, waitForExecution } from '../../src/wait.js'

const ID = 'vg_tool_wait'

beforeEach(() => {
  vi.useFakeTimers({ now: 1_800_000_000_000 })
})
afterEach(() => {
  vi.useRealTimers()
})

/** Serves `states` one per poll (the last one for ever after) and records the time of each poll. */
function script(states: Array<Partial<Execution>>) {
  const polls: number[] = []
  const getExecution = async (): Promise<Execution> => {
    polls.push(Date.now())
    const state = states[Math.min(polls.length - 1, states.length - 1)] as Partial<Execution>
    return { toolExecutionId: ID, status: 'running', results: [], ...state }
  }
  return { polls, getExecution }
}

/** Runs the wait to its end on the fake clock; returns its outcome and the lines it logged (time stripped). */
async function waitWith(states: Array<Partial<Execution>>, deadlineMs: number) {
  const start = Date.now()
  const lines: string[] = []
  const { polls, getExecution } = script(states)
  const outcome = waitForExecution(ID, {
    createdAt: start,
    deadline: start + deadlineMs,
    getExecution,
    log: (line) => lines.push(line.replace(/ · \d+ s elapsed( · ~\d+ s left)?$/, '')),
  })
  await vi.advanceTimersByTimeAsync(deadlineMs + DEFAULT_TUNING.ceilingMs)
  return { outcome: await outcome, lines, polls: polls.map((t) => t - start) }
}

describe('waitForExecution lines', () => {
  it('one line per change of status, whole percent or attempt; none while nothing changes', async () => {
    const { outcome, lines } = await waitWith(
      [
        { status: 'pending' },
        { status: 'pending' },
        { status: 'running', progressPercentage: 10.2 },
        { status: 'running', progressPercentage: 10.9 },
        { status: 'running', progressPercentage: 40 },
        { status: 'running', progressPercentage: 5, attemptIndex: 1 },
        { status: 'succeeded', progressPercentage: 100 },
      ],
      600_000,
    )
    expect(outcome).toMatchObject({ kind: 'terminal', polls: 7, execution: { status: 'succeeded' } })
    expect(lines).toEqual([
      `Execution ${ID}: queued`,
      `Execution ${ID}: running 10%`,
      `Execution ${ID}: running 40%`,
      `Execution ${ID}: running 5% (attempt 2)`,
    ])
  })

  it('a heartbeat at least once a minute when nothing changes, and the time elapsed in each line', async () => {
    const start = Date.now()
    const lines: Array<{ at: number; line: string }> = []
    const { getExecution } = script([{ status: 'pending' }])
    const outcome = waitForExecution(ID, {
      createdAt: start,
      deadline: start + 200_000,
      getExecution,
      log: (line) => lines.push({ at: Date.now() - start, line }),
    })
    await vi.advanceTimersByTimeAsync(220_000)
    expect(await outcome).toMatchObject({ kind: 'timeout', last: { status: 'pending' } })
    expect(lines.length).toBeGreaterThanOrEqual(4) // at 0 s, then about every minute until 200 s
    for (const [i, { at, line }] of lines.entries()) {
      expect(line).toBe(`Execution ${ID}: queued · ${Math.round(at / 1000)} s elapsed`)
      if (i > 0) {
        const gap = at - (lines[i - 1]?.at as number)
        expect(gap).toBeGreaterThanOrEqual(60_000)
        expect(gap).toBeLessThan(60_000 + DEFAULT_TUNING.blindCeilingMs + 1)
      }
    }
  })

  it('a status the API does not document is said (cleaned), and the wait goes on to the real end', async () => {
    const { outcome, lines } = await waitWith(
      [{ status: 'unknown', statusText: 'paused' }, { status: 'unknown', statusText: 'paused' }, { status: 'failed' }],
      60_000,
    )
    expect(lines).toEqual([`Execution ${ID}: status 'paused' (not one the API documents; still waiting)`])
    expect(outcome).toMatchObject({ kind: 'terminal', execution: { status: 'failed' } })
  })

  it('predicts the end from progress and says how long is left', async () => {
    const start = Date.now()
    const lines: string[] = []
    // Linear progress over 100 s, as the API reports it.
    const getExecution = async (): Promise<Execution> => {
      const elapsed = Date.now() - start
      return elapsed >= 100_000
        ? { toolExecutionId: ID, status: 'succeeded', results: [] }
        : { toolExecutionId: ID, status: 'running', progressPercentage: Math.floor(elapsed / 1000), results: [] }
    }
    const outcome = waitForExecution(ID, {
      createdAt: start,
      deadline: start + 300_000,
      getExecution,
      log: (l) => lines.push(l),
    })
    await vi.advanceTimersByTimeAsync(300_000)
    expect((await outcome).kind).toBe('terminal')
    const left = lines.map((l) => /~(\d+) s left$/.exec(l)?.[1]).filter((s) => s !== undefined)
    expect(left.length).toBeGreaterThan(0)
    for (const [i, l] of lines.entries()) {
      const percent = Number(/running (\d+)%/.exec(l)?.[1])
      const secondsLeft = /~(\d+) s left$/.exec(l)?.[1]
      // Once predicted, what is left agrees with the script within a few seconds.
      if (secondsLeft !== undefined) expect(Math.abs(Number(secondsLeft) - (100 - percent))).toBeLessThanOrEqual(3)
      else expect(i).toBeLessThan(2)
    }
  })
})
