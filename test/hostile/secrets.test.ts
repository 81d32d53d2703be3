// "The key stays secret": a server or gateway that echoes the key back, in a header or in a body, must not
// get it into what the runner does not mask (the results file, outputs, the summary, the saved state).
import { describe, expect, it } from 'vitest'
import { actionEnv, inputsFor, withEmulator, workspaceWith } from '../faults/harness.js'
import { runAction } from '../runner/run-action.js'
import { batchInputs, logLinesWith, whereSecretShows } from './world.js'

const TWO = [
  { id: 'first', prompt: 'a lighthouse at night' },
  { id: 'second', prompt: 'a ferry at dawn' },
]
const CREATE = '/v1/tools/generate-video-clip'

describe.concurrent('hostile: the key stays secret', () => {
  it('a create refused with the key echoed in X-Request-Id: the key is in no output, file or summary', async () => {
    await withEmulator({}, async (e) => {
      e.inject({ method: 'POST', path: CREATE, kind: 'status', status: 400, headers: { 'X-Request-Id': e.key } })
      const r = await runAction({ workspace: workspaceWith(), inputs: batchInputs(e, TWO), env: actionEnv() })
      expect(r.code).toBe(1) // one item was refused
      expect(whereSecretShows(r, e.key)).toEqual([])
    })
  })

  it('an error body that spells the key with a JSON escape (\\u0076…): the key is in no output, file or summary', async () => {
    await withEmulator({}, async (e) => {
      // Valid JSON for "Invalid key <key>": the parser decodes the escape, the raw text never holds the key.
      const escaped = `\\u${e.key.charCodeAt(0).toString(16).padStart(4, '0')}${e.key.slice(1)}`
      const body = `{"message":"Invalid key ${escaped}","code":"invalid_request"}`
      e.inject({ method: 'POST', path: CREATE, kind: 'status', status: 400, body })
      const r = await runAction({ workspace: workspaceWith(), inputs: batchInputs(e, TWO), env: actionEnv() })
      expect(r.code).toBe(1)
      expect(whereSecretShows(r, e.key)).toEqual([])
    })
  })

  it('a gateway page that echoes the key where the 8 KiB error read ends: no prefix of the key is shown', async () => {
    await withEmulator({}, async (e) => {
      // One long tag (stripped from the excerpt), then the key, cut by the 8 KiB read one character short:
      // the redaction looks for the whole key, the runner masks only the whole key.
      const filler = 8192 - 2 - (e.key.length - 1)
      const body = `<${'a'.repeat(filler)}>${e.key}</p>`
      e.inject({ method: 'POST', path: CREATE, kind: 'status', status: 400, body })
      const r = await runAction({ workspace: workspaceWith(), inputs: batchInputs(e, TWO), env: actionEnv() })
      expect(r.code).toBe(1)
      const prefix = e.key.slice(0, -1)
      expect(whereSecretShows(r, prefix)).toEqual([])
      expect(logLinesWith(r, prefix)).toEqual([])
    })
  })

  it.each([
    ['verbatim in an error body', { kind: 'status', status: 400, body: '{"message":"Invalid key KEY"}' }],
    [
      'in a redirect target',
      { kind: 'status', status: 302, headers: { Location: 'https://evil.example/KEY/x?k=KEY' } },
    ],
  ] as const)('a create answered with the key %s: redacted everywhere', async (_name, fault) => {
    await withEmulator({}, async (e) => {
      const withKey = JSON.parse(JSON.stringify(fault).replace(/KEY/g, e.key))
      e.inject({ method: 'POST', path: CREATE, ...withKey })
      const r = await runAction({ workspace: workspaceWith(), inputs: batchInputs(e, TWO), env: actionEnv() })
      expect(r.code).toBe(1)
      expect(r.outputs.results).toContain('***') // the echo was there, and redacted: held
      expect(whereSecretShows(r, e.key)).toEqual([])
      expect(logLinesWith(r, e.key)).toEqual([])
    })
  })

  it('step debug logging through a retried poll and a renewed download link: no key, no signed query', async () => {
    await withEmulator({}, async (e) => {
      e.inject({ method: 'GET', path: /^\/v1\/tools\/executions\//, kind: 'status', status: 503, times: 1 })
      e.inject({ method: 'GET', path: /\.mp4$/, server: 'storage', kind: 'status', status: 403, times: 1 })
      const r = await runAction({
        workspace: workspaceWith(),
        inputs: inputsFor(e),
        env: actionEnv({ ACTIONS_STEP_DEBUG: 'true', RUNNER_DEBUG: '1' }),
      })
      expect(r.code, r.stdout).toBe(0)
      expect(r.stdout).toContain('::debug::')
      expect(logLinesWith(r, e.key)).toEqual([])
      expect(logLinesWith(r, 'sig=')).toEqual([])
    })
  })
})
