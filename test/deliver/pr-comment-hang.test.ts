// After the runner's SIGINT the pull-request comment gets only what is left before the kill: with GitHub hanging
// on every comment call (the listing included), the step still ends by itself before the SIGKILL at 10 s.
import http from 'node:http'
import { beforeEach, describe, expect, it } from 'vitest'
import { startAction } from '../runner/run-action.js'
import { cancelLikeRunner, liveExecutions } from '../hostile/world.js'
import { PR, usePrWorld } from '../deliver/pr-world.js'

const { world, options } = usePrWorld({ job: { queuedMs: 20, durationMs: 60_000 } })
beforeEach(() => void world.gh.addPullRequest(PR))

async function hangingFront(hang: (req: http.IncomingMessage) => boolean) {
  const server = http.createServer((req, res) => {
    if (hang(req)) return // never answers
    const target = new URL(req.url ?? '/', world.gh.url)
    const chunks: Buffer[] = []
    req.on('data', (c: Buffer) => chunks.push(c))
    req.on('end', () => {
      const fwd = http.request(target, { method: req.method, headers: { ...req.headers, host: target.host } }, (up) => {
        res.writeHead(up.statusCode ?? 502, up.headers)
        up.pipe(res)
      })
      fwd.end(Buffer.concat(chunks))
    })
  })
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r))
  const { port } = server.address() as { port: number }
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => {
      server.closeAllConnections()
      return new Promise<void>((r) => server.close(() => r()))
    },
  }
}

describe('pr-comment after a cancel, with GitHub hanging', () => {
  it.each([
    ['single', { prompt: 'a slow kite' }],
    [
      'batch',
      {
        requests: JSON.stringify([
          { id: 'a', prompt: 'one' },
          { id: 'b', prompt: 'two' },
        ]),
      },
    ],
  ])(
    '%s: GitHub hangs on the comment: ends before the kill, executions cancelled',
    async (_n, inputs) => {
      const front = await hangingFront((req) => /\/issues\/\d+\/comments|\/user$/.test(req.url ?? ''))
      try {
        const running = startAction(options(inputs, { apiUrl: front.url }))
        await running.waitFor(/[Cc]reated execution/)
        await new Promise((r) => setTimeout(r, 300))
        const { result } = await cancelLikeRunner(running)
        expect(result.signal).not.toBe('SIGKILL')
        expect(result.code).toBe(1)
        expect(result.stdout).toMatch(/::warning::Could not comment on pull request #7/)
        expect(liveExecutions(world.emulator)).toEqual([])
      } finally {
        await front.close()
      }
    },
    60_000,
  )
})
