// The bundled action over HTTPS through a CONNECT-only proxy (HTTPS_PROXY), as behind a corporate egress
// proxy: every request tunnels, to the API origin and to the storage origin, and NO_PROXY exempts exactly
// what it names. The proxy sees only CONNECT lines (never the key); the emulator's connection count shows
// that nothing went around it.
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import type { Emulator } from '../emulator/index.js'
import { type ConnectProxy, startConnectProxy } from '../faults/connect-proxy.js'
import { errorsOf, fixture, inputsFor, sha256, withEmulator, workspaceWith } from '../faults/harness.js'
import { runAction, startAction } from '../runner/run-action.js'
import { hostPort, isDownload, isUpload, pki, trustingEnv } from './harness.js'

async function withProxy<T>(run: (proxy: ConnectProxy) => Promise<T>): Promise<T> {
  const proxy = await startConnectProxy()
  try {
    return await run(proxy)
  } finally {
    await proxy.close()
  }
}

/** The full flow with an image: upload PUT to storage, create, polls, download from storage. */
async function runWithImage(e: Emulator, env: Record<string, string>) {
  const r = await runAction({
    inputs: inputsFor(e, { images: 'refs/ref.png' }),
    env,
    workspace: workspaceWith({ 'refs/ref.png': 'ref.png' }),
    timeoutMs: 45_000,
  })
  expect(r.code, `${r.stdout}\n${r.stderr}`).toBe(0)
  expect(errorsOf(r.stdout)).toEqual([])
  expect(e.createCount()).toBe(1)
  expect(e.requests.filter(isUpload)).toHaveLength(1)
  expect(e.requests.filter(isDownload)).toHaveLength(1)
  const clip = readFileSync(path.join(r.workspace, r.outputs.path as string))
  expect(sha256(clip)).toBe(sha256(fixture('clip.mp4')))
  return r
}

/** CONNECTs to `origin` (all answered 200). */
const tunnelsTo = (proxy: ConnectProxy, origin: string) => proxy.connects.filter((c) => c.target === hostPort(origin))

describe.concurrent('HTTPS_PROXY with a CONNECT-only proxy', () => {
  it('every request tunnels: CONNECTs to the API and storage origins, nothing reaches the emulator directly', async () => {
    await withProxy(async (proxy) => {
      await withEmulator({ tls: pki.server }, async (e) => {
        await runWithImage(e, trustingEnv({ HTTPS_PROXY: proxy.url }))

        expect(proxy.others).toEqual([])
        expect(new Set(proxy.connects.map((c) => c.target))).toEqual(new Set([hostPort(e.url), hostPort(e.storageUrl)]))
        expect(new Set(proxy.connects.map((c) => c.status))).toEqual(new Set([200]))
        // Each tunnel is one TCP connection to the emulator: any more would have gone around the proxy.
        expect(e.connectionCount('api')).toBe(tunnelsTo(proxy, e.url).length)
        expect(e.connectionCount('storage')).toBe(tunnelsTo(proxy, e.storageUrl).length)
        // The key travels inside TLS only, never in a CONNECT.
        for (const c of proxy.connects) {
          expect(c.headers.authorization).toBeUndefined()
          expect(JSON.stringify(c.headers)).not.toContain(e.key)
        }
      })
    })
  })

  it('NO_PROXY naming the storage host:port sends storage direct and still tunnels the API', async () => {
    await withProxy(async (proxy) => {
      await withEmulator({ tls: pki.server }, async (e) => {
        await runWithImage(
          e,
          trustingEnv({ HTTPS_PROXY: proxy.url, NO_PROXY: `example.com,${hostPort(e.storageUrl)}` }),
        )

        expect(tunnelsTo(proxy, e.storageUrl)).toEqual([])
        expect(e.connectionCount('storage')).toBeGreaterThan(0)
        expect(tunnelsTo(proxy, e.url).length).toBeGreaterThan(0)
        expect(proxy.connects.map((c) => c.target)).toEqual(tunnelsTo(proxy, e.url).map((c) => c.target))
        expect(e.connectionCount('api')).toBe(tunnelsTo(proxy, e.url).length)
      })
    })
  })

  it('the post step after a SIGKILL tunnels too, and cancels through the proxy', async () => {
    await withProxy(async (proxy) => {
      await withEmulator({ tls: pki.server, job: { queuedMs: 50, durationMs: 60_000 } }, async (e) => {
        const env = trustingEnv({ HTTPS_PROXY: proxy.url })
        const running = startAction({ inputs: inputsFor(e), env, workspace: workspaceWith(), timeoutMs: 45_000 })
        await running.waitFor(/^Created execution /)
        running.child.kill('SIGKILL')
        const main = await running.result
        const tunnelsOfMain = proxy.connects.length
        const post = await runAction({
          inputs: inputsFor(e),
          env,
          workspace: main.workspace,
          stage: 'post',
          state: main.state,
        })
        expect(post.code, post.stdout).toBe(0)
        expect(e.cancelCalls()).toHaveLength(1)
        expect(proxy.connects.length).toBeGreaterThan(tunnelsOfMain)
        expect(e.connectionCount('api')).toBe(tunnelsTo(proxy, e.url).length)
      })
    })
  })

  it('NO_PROXY=localhost does not exempt 127.0.0.1: only what NO_PROXY names goes direct', async () => {
    await withProxy(async (proxy) => {
      await withEmulator({ tls: pki.server }, async (e) => {
        await runWithImage(e, trustingEnv({ HTTPS_PROXY: proxy.url, NO_PROXY: 'localhost' }))
        expect(e.connectionCount('api')).toBe(tunnelsTo(proxy, e.url).length)
        expect(e.connectionCount('storage')).toBe(tunnelsTo(proxy, e.storageUrl).length)
        expect(tunnelsTo(proxy, e.url).length).toBeGreaterThan(0)
      })
    })
  })

  it('NO_PROXY=127.0.0.1 (host without port) exempts both origins: no CONNECT at all', async () => {
    await withProxy(async (proxy) => {
      await withEmulator({ tls: pki.server }, async (e) => {
        await runWithImage(e, trustingEnv({ HTTPS_PROXY: proxy.url, NO_PROXY: '127.0.0.1' }))
        expect(proxy.connects).toEqual([])
        expect(proxy.others).toEqual([])
        expect(e.connectionCount()).toBeGreaterThan(0)
      })
    })
  })
})
