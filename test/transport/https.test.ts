// The bundled action against the emulator over HTTPS (API and storage), trusting the test CA the way a
// runner does (NODE_EXTRA_CA_CERTS): the whole flow with an upload, and a runner cancel.
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { runAction, startAction } from '../runner/run-action.js'
import { errorsOf, fixture, inputsFor, sha256, withEmulator, workspaceWith } from '../faults/harness.js'
import { isDownload, isStorage, isUpload, pki, trustingEnv } from './harness.js'

describe.concurrent('HTTPS', () => {
  it('image upload, create, polling and download all go over TLS; storage never sees Authorization', async () => {
    await withEmulator({ tls: pki.server }, async (e) => {
      expect(e.url).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/)
      expect(e.storageUrl).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/)
      const r = await runAction({
        inputs: inputsFor(e, { images: 'refs/ref.png' }),
        env: trustingEnv(),
        workspace: workspaceWith({ 'refs/ref.png': 'ref.png' }),
        timeoutMs: 45_000,
      })
      expect(r.code, `${r.stdout}\n${r.stderr}`).toBe(0)
      expect(errorsOf(r.stdout)).toEqual([])
      expect(e.createCount()).toBe(1)

      const uploads = e.requests.filter(isUpload)
      expect(uploads).toHaveLength(1)
      expect(uploads[0]?.bodyBytes).toBe(fixture('ref.png').length)
      const [file] = [...e.files.values()]
      expect(file?.sha256).toBe(sha256(fixture('ref.png')))
      expect(
        e.requests.filter((x) => x.server === 'api' && /^\/v1\/tools\/executions\/[^/]+$/.test(x.path)).length,
      ).toBeGreaterThan(0)
      expect(e.requests.filter(isDownload)).toHaveLength(1)

      const clip = readFileSync(path.join(r.workspace, r.outputs.path as string))
      expect(sha256(clip)).toBe(sha256(fixture('clip.mp4')))
      for (const x of e.requests.filter(isStorage))
        expect(x.headers.authorization, `${x.method} ${x.path}`).toBeUndefined()
      for (const x of e.requests.filter((y) => y.server === 'api'))
        expect(x.headers.authorization).toBe(`Bearer ${e.key}`)
    })
  })

  it('SIGINT while waiting: one cancel over TLS, confirmed, exit code 1', async () => {
    await withEmulator({ tls: pki.server, job: { queuedMs: 50, durationMs: 60_000 } }, async (e) => {
      const running = startAction({
        inputs: inputsFor(e),
        env: trustingEnv(),
        workspace: workspaceWith(),
        timeoutMs: 45_000,
      })
      const id = (await running.waitFor(/^Created execution /)).split(' ').pop() as string
      await running.waitFor(/: running \d+%/)
      running.child.kill('SIGINT')
      const main = await running.result

      expect(main.code).toBe(1)
      expect(e.cancelCalls()).toEqual([id])
      const cancelAt = e.requests.findIndex((x) => x.method === 'POST' && x.path.endsWith('/cancel'))
      expect(
        e.requests.slice(cancelAt + 1).some((x) => x.method === 'GET' && x.path === `/v1/tools/executions/${id}`),
      ).toBe(true)
      expect(e.executions.get(id)?.status).toBe('cancelled')
      expect(errorsOf(main.stdout)).toEqual([
        `Stopped: the workflow was cancelled (SIGINT). Execution ${id} was cancelled (status now cancelled).`,
      ])
    })
  })
})
