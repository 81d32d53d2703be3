// GitHub's answers are outside input: an error body is read up to a few KiB, not whole. A 64 MiB one is
// let go after the first KiBs (the server never gets to finish sending it), and the error still says what
// GitHub said.
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type Emulator, startEmulator } from '../emulator/index.js'
import { errorsOf } from '../faults/harness.js'
import { runAction } from '../runner/run-action.js'

const KEY = 'sk_videogen_live_release_test_key_0123'
const TOTAL = 64 * 1024 * 1024
const CHUNK = 1024 * 1024
let emulator: Emulator
let api: http.Server
let sent = 0
let finished = false

beforeAll(async () => {
  emulator = await startEmulator({ apiKeys: [KEY], job: { queuedMs: 30, durationMs: 300 } })
  api = http.createServer((req, res) => {
    req.resume()
    res.writeHead(500, { 'content-type': 'application/json', 'content-length': String(TOTAL) })
    const head = Buffer.from('{"message":"Server Error: ')
    const filler = Buffer.alloc(CHUNK, 0x61)
    let n = 0
    const pump = () => {
      while (n < TOTAL / CHUNK) {
        const piece = n === 0 ? Buffer.concat([head, filler.subarray(head.length)]) : filler
        n++
        sent += piece.length
        if (!res.write(piece)) return void res.once('drain', pump)
      }
      res.end()
    }
    res.on('finish', () => (finished = true))
    pump()
  })
  await new Promise<void>((resolve) => api.listen(0, '127.0.0.1', resolve))
})
afterAll(async () => {
  api.closeAllConnections()
  await Promise.all([emulator?.close(), new Promise((resolve) => api.close(resolve))])
})

describe('GitHub error bodies', () => {
  it('a 64 MiB error body on the release lookup is read only in part; the step fails before any execution', async () => {
    const r = await runAction({
      inputs: { 'base-url': emulator.url, prompt: 'a teaser', 'release-tag': 'v1' },
      env: {
        VIDEOGEN_API_KEY: KEY,
        GITHUB_API_URL: `http://127.0.0.1:${(api.address() as AddressInfo).port}`,
        GITHUB_REPOSITORY: 'octo/demo',
      },
      githubToken: 'ghs_x',
    })
    expect(r.code).toBe(1)
    expect(errorsOf(r.stdout)).toEqual([expect.stringMatching(/^Looking up release v1 failed: .*Server Error: a+/)])
    expect(emulator.createCount()).toBe(0)
    expect(finished).toBe(false)
    expect(sent).toBeLessThan(TOTAL)
  }, 60_000)
})
