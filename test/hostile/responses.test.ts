// Hostile answers from the API and storage, through the bundled action: expiry times in the wrong unit, a
// huge error body, an endless or dripping download, and one upload failing while another is in flight.
// Each must end the step in bounded time and memory, with what was paid for reported.
import { readdirSync, statSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import type { Emulator } from '../emulator/index.js'
import { type RunResult, runAction, startAction } from '../runner/run-action.js'
import { actionEnv, bigPng, errorsOf, inputsFor, withEmulator, workspaceWith } from '../faults/harness.js'
import { peakRssSampler, story } from './harness.js'

const EXECUTION = /^\/v1\/tools\/executions\/[^/]+$/
const DOWNLOAD = /^\/files\/[^/]+\/video\.mp4$/
const MiB = 1024 ** 2

/** The paid execution is reported whatever happened to its delivery: id, status, clip ids, how to resume. */
function expectPaidButUndelivered(e: Emulator, r: RunResult): void {
  const [id] = [...e.executions.keys()] as string[]
  expect(r.code, story(r)).toBe(1)
  expect(e.createCount()).toBe(1)
  expect(r.outputs).toMatchObject({ 'execution-id': id, status: 'succeeded' })
  expect(r.outputs['file-id']).toMatch(/^vg_file_/)
  const [error] = errorsOf(r.stdout)
  expect(error).toMatch(/succeeded, but delivery failed/)
  expect(error).toContain(`execution-id: ${id}`)
}

describe.concurrent('expiry times in another unit', () => {
  it.each([
    ['an ISO string', () => new Date(Date.now() + 3600_000).toISOString()],
    ['microseconds', () => (Date.now() + 3600_000) * 1000],
  ])('downloadUrlExpiresAt as %s: success, "expiry unknown" in the summary', async (_what, expiry) => {
    await withEmulator({}, async (e) => {
      e.inject({
        method: 'GET',
        path: EXECUTION,
        kind: 'rewrite',
        times: Infinity,
        rewrite: (body) => {
          type Links = Record<string, unknown>
          for (const result of (body as { results?: Array<Links & { file?: Links }> }).results ?? []) {
            for (const links of [result, result.file ?? {}]) {
              if ('downloadUrlExpiresAt' in links) links.downloadUrlExpiresAt = expiry()
              if ('thumbnailUrlExpiresAt' in links) links.thumbnailUrlExpiresAt = expiry()
            }
          }
        },
      })
      const r = await runAction({ inputs: inputsFor(e), env: actionEnv(), workspace: workspaceWith() })
      expect(`${r.stdout}${r.stderr}`).not.toContain('Invalid time value')
      expect(r.code, story(r)).toBe(0)
      expect(r.summary).toContain('expiry unknown')
      expect(r.outputs.path).toMatch(/\.mp4$/)
    })
  })
})

describe.concurrent('downloads that would never end well', () => {
  it('a 500 with a 400 MiB body on every download attempt: peak memory stays low; the paid execution is reported', async () => {
    await withEmulator({}, async (e) => {
      e.inject({
        server: 'storage',
        method: 'GET',
        path: DOWNLOAD,
        kind: 'huge-body',
        status: 500,
        bytes: 400 * MiB,
        times: Infinity,
      })
      const running = startAction({ inputs: inputsFor(e), env: actionEnv(), workspace: workspaceWith() })
      const memory = peakRssSampler(running.child.pid as number)
      const r = await running.result
      const peak = memory.stop()
      expect(e.requests.filter((q) => q.server === 'storage' && DOWNLOAD.test(q.path)).length).toBeGreaterThan(1)
      expect(peak, `peak RSS ${(peak / MiB).toFixed(0)} MiB`).toBeLessThan(200 * MiB)
      expectPaidButUndelivered(e, r)
    })
  })

  /** Stops a run whose download dir grows past `maxBytes` (an endless body written to disk), and says so. */
  function diskWatchdog(running: ReturnType<typeof startAction>, dir: string, maxBytes: number) {
    let tripped = false
    const size = () => {
      try {
        return readdirSync(dir).reduce((sum, name) => sum + statSync(path.join(dir, name)).size, 0)
      } catch {
        return 0
      }
    }
    const timer = setInterval(() => {
      if (size() > maxBytes) {
        tripped = true
        running.child.kill('SIGKILL')
      }
    }, 200)
    return {
      stop: () => {
        clearInterval(timer)
        return tripped
      },
    }
  }

  it.each([
    ['never ends (endless)', { kind: 'endless' } as const],
    ['drips at 10 bytes/s', { kind: 'drip', bytesPerSecond: 10 } as const],
  ])(
    'a download body that %s: bounded by the download deadline, reported with the resume advice',
    async (_what, fault) => {
      await withEmulator({}, async (e) => {
        e.inject({ server: 'storage', method: 'GET', path: DOWNLOAD, times: Infinity, ...fault })
        const workspace = workspaceWith()
        const running = startAction({
          inputs: inputsFor(e, { timeout: '10s' }),
          env: actionEnv(),
          workspace,
          timeoutMs: 45_000,
        })
        const watchdog = diskWatchdog(running, path.join(workspace, 'videogen-output'), 256 * MiB)
        const r = await running.result
        expect(watchdog.stop(), 'more than 256 MiB of an endless body written to disk').toBe(false)
        expect(r.signal, story(r)).toBeNull()
        // The 10 s timeout, and at least min(timeout, 10 min) for the downloads: far below 35 s.
        expect(r.durationMs).toBeLessThan(35_000)
        expectPaidButUndelivered(e, r)
      })
    },
    60_000,
  )
})

describe('uploads', () => {
  it('one upload refused (400) while another is in flight: the step ends right after its error, no retrying after it', async () => {
    await withEmulator({}, async (e) => {
      // Whichever PUT comes first hangs for 30 s (its body unread); the other is refused.
      e.inject({ server: 'storage', method: 'PUT', kind: 'delay', ms: 30_000 })
      e.inject({ server: 'storage', method: 'PUT', kind: 'status', status: 400 })
      const running = startAction({
        inputs: inputsFor(e, { images: 'refs/small.png\nrefs/large.png' }),
        env: actionEnv(),
        workspace: workspaceWith({ 'refs/small.png': 'ref.png', 'refs/large.png': bigPng(16 * MiB) }),
        timeoutMs: 45_000,
      })
      await running.waitFor(/^::error::/, 40_000)
      const errorAt = Date.now()
      const r = await running.result
      const exitedAfterMs = Date.now() - errorAt

      expect(r.code, story(r)).toBe(1)
      // Both were sent; the refused one answered, the other still unanswered when the step ended.
      const puts = e.requests.filter((q) => q.server === 'storage' && q.method === 'PUT')
      expect(puts.map((q) => q.status ?? 'in flight').sort()).toEqual([400, 'in flight'])
      const afterError = r.stdout.slice(r.stdout.indexOf('::error::'))
      expect(afterError).not.toMatch(/retrying/)
      expect(exitedAfterMs, story(r)).toBeLessThan(3000)
      expect(e.createCount()).toBe(0)
    })
  }, 60_000)
})
