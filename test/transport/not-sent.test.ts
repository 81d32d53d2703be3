// Failures where the request never reached VideoGen: an untrusted, expired or wrong-host certificate, a
// name that does not resolve, a refused connection, a proxy that refuses the tunnel. The step must say
// so plainly (nothing was sent, nothing was billed) and name the fix, not warn of a possible duplicate.
// These assert the intended messages; the transport classification in the action is being brought to them.
import { describe, expect, it } from 'vitest'
import type { Emulator } from '../emulator/index.js'
import { type RunResult, runAction } from '../runner/run-action.js'
import { closedPort, errorsOf, inputsFor, withEmulator, workspaceWith } from '../faults/harness.js'
import { startConnectProxy } from '../faults/connect-proxy.js'
import type { ServerCert } from '../tls/pki.js'
import { pki, trustingEnv } from './harness.js'

const NOT_SENT = /not sent|never reached|was not sent|did not reach/i
const AMBIGUOUS = /may have been created|billed/i

function run(e: Pick<Emulator, 'key' | 'url'>, env: Record<string, string>, inputs: Record<string, string> = {}) {
  return runAction({ inputs: inputsFor(e, inputs), env, workspace: workspaceWith(), timeoutMs: 45_000 })
}

/** The step failed, said the request was not sent, and did not speak of a possible (billed) execution. */
function expectNotSent(r: RunResult): string {
  expect(r.code).toBe(1)
  const errors = errorsOf(r.stdout).join('\n')
  expect(errors).toMatch(NOT_SENT)
  expect(errors).not.toMatch(AMBIGUOUS)
  return errors
}

/** Nothing reached the emulator: no request, no execution, and the one connection was not retried. */
function expectNothingReached(e: Emulator): void {
  expect(e.createCount()).toBe(0)
  expect(e.requests).toEqual([])
  // A certificate problem does not go away on a retry: one TLS attempt only.
  expect(e.connectionCount()).toBe(1)
}

describe.concurrent('the certificate is refused (the action trusts only the test CA)', () => {
  const cases: Array<[string, () => ServerCert, RegExp]> = [
    ['signed by an untrusted CA', () => pki.untrusted, /certificate/i],
    ['expired', () => pki.expired, /expired/i],
    ['for another host', () => pki.wrongHost, /example\.invalid|(does not|doesn't) match/i],
  ]
  it.each(cases)(
    '%s: not sent, names the problem and NODE_EXTRA_CA_CERTS, not retried',
    async (_name, cert, problem) => {
      await withEmulator({ tls: cert() }, async (e) => {
        const r = await run(e, trustingEnv())
        const errors = expectNotSent(r)
        expect(errors).toMatch(problem)
        expect(errors).toMatch(/NODE_EXTRA_CA_CERTS/)
        expectNothingReached(e)
      })
    },
  )
})

describe.concurrent('the certificate is refused on a request that is safe to repeat', () => {
  it('an image upload ticket: not sent, names NODE_EXTRA_CA_CERTS, not retried either', async () => {
    await withEmulator({ tls: pki.untrusted }, async (e) => {
      const r = await runAction({
        inputs: inputsFor(e, { images: 'refs/ref.png', timeout: '5s' }),
        env: trustingEnv(),
        workspace: workspaceWith({ 'refs/ref.png': 'ref.png' }),
        timeoutMs: 45_000,
      })
      const errors = expectNotSent(r)
      expect(errors).toMatch(/NODE_EXTRA_CA_CERTS/)
      expectNothingReached(e)
    })
  })
})

describe.concurrent('nothing to connect to', () => {
  it('a host name that does not resolve: not sent, names the host', async () => {
    const r = await run({ key: 'vg_key_test', url: 'https://nonexistent.invalid' }, trustingEnv(), { timeout: '3s' })
    const errors = expectNotSent(r)
    expect(errors).toMatch(/nonexistent\.invalid/)
  })

  it('a refused connection: not sent, retried as transient until the time runs out', async () => {
    const port = await closedPort()
    const r = await run({ key: 'vg_key_test', url: `https://127.0.0.1:${port}` }, trustingEnv(), { timeout: '3s' })
    const errors = expectNotSent(r)
    expect(errors).toMatch(new RegExp(`127\\.0\\.0\\.1:${port}`))
    expect(r.stdout).toMatch(/retrying in/)
  })
})

describe.concurrent('the proxy refuses the tunnel (HTTPS_PROXY, CONNECT)', () => {
  const cases: Array<[403 | 407, RegExp]> = [
    [407, /credential|authenticat/i],
    [403, /refused|forbidden|denied/i],
  ]
  it.each(cases)('%d: not sent, says why, nothing reached the server, not retried', async (status, why) => {
    const proxy = await startConnectProxy({ refuse: status })
    try {
      await withEmulator({ tls: pki.server }, async (e) => {
        const r = await run(e, trustingEnv({ HTTPS_PROXY: proxy.url }))
        const errors = expectNotSent(r)
        expect(errors).toMatch(new RegExp(`\\b${status}\\b`))
        expect(errors).toMatch(/proxy/i)
        expect(errors).toMatch(why)
        expect(e.createCount()).toBe(0)
        expect(e.connectionCount()).toBe(0)
        // A refusal by policy or for credentials does not change on a retry.
        expect(proxy.connects.map((c) => c.status)).toEqual([status])
      })
    } finally {
      await proxy.close()
    }
  })

  it('502 (the proxy could not reach the host): not sent, retried as transient', async () => {
    const proxy = await startConnectProxy()
    try {
      const port = await closedPort()
      const r = await run(
        { key: 'vg_key_test', url: `https://127.0.0.1:${port}` },
        trustingEnv({ HTTPS_PROXY: proxy.url }),
        {
          timeout: '3s',
        },
      )
      const errors = expectNotSent(r)
      expect(errors).toMatch(/proxy/i)
      expect(errors).toMatch(/\b502\b/)
      expect(proxy.connects.length).toBeGreaterThan(1)
      expect(new Set(proxy.connects.map((c) => c.status))).toEqual(new Set([502]))
    } finally {
      await proxy.close()
    }
  })
})
