import { describe, expect, it } from 'vitest'
import { PollScheduler } from '../../src/wait.js'

type Shape = (elapsedMs: number) => number

/** Drives the scheduler on a virtual clock against a job script; returns polls and lag after the end. */
function simulate(durationMs: number, shape: Shape, queuedMs = 100, attempts = 1) {
  const created = 0
  const scheduler = new PollScheduler(created)
  const end = queuedMs + durationMs * attempts
  let now = 0
  let polls = 0
  for (;;) {
    polls++
    const running = now >= queuedMs && now < end
    const attemptIndex = running ? Math.floor((now - queuedMs) / durationMs) : attempts - 1
    const elapsed = (now - queuedMs) % durationMs
    const execution =
      now >= end
        ? { status: 'succeeded', progressPercentage: 100, attemptIndex }
        : running
          ? { status: 'running', progressPercentage: shape(elapsed), attemptIndex }
          : { status: 'pending', progressPercentage: 0, attemptIndex: 0 }
    scheduler.observe(now, execution)
    if (execution.status === 'succeeded') return { polls, lagMs: now - end }
    now += scheduler.nextDelay(now)
    if (polls > 1000) throw new Error('runaway')
  }
}

const linear =
  (d: number): Shape =>
  (e) =>
    Math.min(99, Math.floor((100 * e) / d))
const steps =
  (d: number): Shape =>
  (e) =>
    [0, 25, 50, 75][Math.min(3, Math.floor((4 * e) / d))] as number

describe('PollScheduler', () => {
  it('finishes a 20 s linear job within 1 s of its end in at most 7 polls', () => {
    const { polls, lagMs } = simulate(20_000, linear(20_000))
    expect(polls).toBeLessThanOrEqual(7)
    expect(lagMs).toBeLessThan(1000)
  })

  it('stays within 2 s of a step-shaped job with no more polls than a 1.5 s poller', () => {
    const { polls, lagMs } = simulate(20_000, steps(20_000))
    expect(lagMs).toBeLessThan(2000)
    expect(polls).toBeLessThanOrEqual(Math.ceil(20_100 / 1500) + 1)
  })

  it('treats progress falling on a new attempt as normal and still finds the end', () => {
    const { lagMs } = simulate(6_000, linear(6_000), 100, 2)
    expect(lagMs).toBeLessThan(1500)
  })

  it('backs off to the blind ceiling when progress says nothing', () => {
    const scheduler = new PollScheduler(0)
    const delays: number[] = []
    let now = 0
    for (let i = 0; i < 8; i++) {
      scheduler.observe(now, { status: 'running', progressPercentage: 0, attemptIndex: 0 })
      const d = scheduler.nextDelay(now)
      delays.push(d)
      now += d
    }
    expect(delays[0]).toBe(1000)
    expect(delays.at(-1)).toBe(5000)
    expect(delays).toEqual([...delays].sort((a, b) => a - b))
  })

  it('never polls faster than the floor nor slower than the ceiling on a long job', () => {
    const scheduler = new PollScheduler(0)
    let now = 0
    const delays: number[] = []
    for (let p = 0; p < 100; p++) {
      now += 6000
      scheduler.observe(now, {
        status: 'running',
        progressPercentage: Math.min(99, Math.floor((now / 600_000) * 100)),
        attemptIndex: 0,
      })
      delays.push(scheduler.nextDelay(now))
    }
    expect(Math.min(...delays)).toBeGreaterThanOrEqual(500)
    expect(Math.max(...delays)).toBeLessThanOrEqual(15_000)
  })
})
