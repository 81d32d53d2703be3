// Where the action writes and what it reads, against hostile ids and a crafted repository, through the
// bundled action: an execution id from a response never names a path, committed symlinks in download-dir
// are replaced rather than written through, and path-list and prompt-file inputs behave as documented.
import { execFileSync } from 'node:child_process'
import { lstatSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import type { Emulator } from '../emulator/index.js'
import { runAction } from '../runner/run-action.js'
import { actionEnv, errorsOf, fixture, inputsFor, isGenerate, withEmulator, workspaceWith } from '../faults/harness.js'
import { changedOutside, createDirectly, sandbox, snapshot, story, until } from './harness.js'

const EXECUTION = /^\/v1\/tools\/executions\/[^/]+$/
/** From `<ws>/videogen-output`, this names `<root>/outside/pwned…`. */
const TRAVERSAL = '../../../outside/pwned'
const WORKSPACE_REL = path.join('a', 'ws')

describe.concurrent('an execution id from a response never names a path', () => {
  it('the execution GET answers with toolExecutionId ../../../outside/pwned: files stay in download-dir, named from the id the action holds', async () => {
    await withEmulator({}, async (e) => {
      e.inject({
        method: 'GET',
        path: EXECUTION,
        kind: 'rewrite',
        times: Infinity,
        rewrite: (body) => ({ ...(body as object), toolExecutionId: TRAVERSAL }),
      })
      const { root, workspace } = sandbox()
      const before = snapshot(root)
      const r = await runAction({ inputs: inputsFor(e), env: actionEnv(), workspace })
      const after = snapshot(root)

      expect(changedOutside(before, after, WORKSPACE_REL), story(r)).toEqual([])
      const [id] = [...e.executions.keys()] as string[]
      expect(r.code, story(r)).toBe(0)
      expect(r.outputs['execution-id']).toBe(id)
      expect(r.outputs.path).toBe(`videogen-output/${id}-1.mp4`)
      expect(r.outputs['results-file']).toBe(`videogen-output/${id}.json`)
      expect(readFileSync(path.join(workspace, r.outputs.path as string)).equals(fixture('clip.mp4'))).toBe(true)
      expect(lstatSync(path.join(workspace, r.outputs['results-file'] as string)).isFile()).toBe(true)
    })
  })

  it('the create answers 202 with a malformed id: an ambiguous-create failure, and nothing written anywhere', async () => {
    await withEmulator({}, async (e) => {
      e.inject({
        method: 'POST',
        path: '/v1/tools/generate-video-clip',
        kind: 'rewrite',
        rewrite: (body) => ({ ...(body as object), toolExecutionId: TRAVERSAL }),
      })
      const { root, workspace } = sandbox()
      const before = snapshot(root)
      const r = await runAction({ inputs: inputsFor(e), env: actionEnv(), workspace })
      const after = snapshot(root)

      expect(r.code, story(r)).toBe(1)
      expect(e.createCount()).toBe(1)
      expect(e.requests.filter(isGenerate)).toHaveLength(1)
      expect(errorsOf(r.stdout)[0]).toMatch(/may have been created/)
      expect([...after]).toEqual([...before])
      // The id was neither followed nor cancelled: it is no id.
      expect(e.requests.filter((q) => q.path.startsWith('/v1/tools/executions/'))).toEqual([])
    })
  })
})

/** An execution that has succeeded, created directly (as an earlier step with wait: false would have). */
async function finishedExecution(e: Emulator): Promise<string> {
  const id = await createDirectly(e, 'an earlier step')
  await until(() => e.executions.get(id)?.status === 'succeeded', 'the execution to succeed')
  return id
}

const resumeInputs = (e: Emulator, id: string, extra: Record<string, string> = {}) => ({
  'api-key': e.key,
  'base-url': e.url,
  'execution-id': id,
  'download-dir': 'out',
  timeout: '30s',
  ...extra,
})

describe.concurrent('symlinks committed in download-dir', () => {
  it('on resume, links named <id>.json, <id>-1.mp4 and a .part name leading outside: targets unchanged, regular files written', async () => {
    await withEmulator({}, async (e) => {
      const id = await finishedExecution(e)
      const { root, workspace, outside } = sandbox()
      writeFileSync(path.join(outside, 'victim.json'), 'ORIGINAL JSON')
      writeFileSync(path.join(outside, 'victim.mp4'), 'ORIGINAL MP4')
      mkdirSync(path.join(workspace, 'out'))
      symlinkSync(path.join(outside, 'victim.json'), path.join(workspace, 'out', `${id}.json`))
      symlinkSync(path.join(outside, 'victim.mp4'), path.join(workspace, 'out', `${id}-1.mp4`))
      // Dangling: writing through it would create the file outside.
      symlinkSync(path.join(outside, 'created.part'), path.join(workspace, 'out', `${id}-1.mp4.part`))
      const before = snapshot(root)

      const r = await runAction({ inputs: resumeInputs(e, id), env: actionEnv(), workspace })
      expect(changedOutside(before, snapshot(root), WORKSPACE_REL), story(r)).toEqual([])
      expect(r.code, story(r)).toBe(0)
      expect(e.createCount()).toBe(1)
      const clip = path.join(workspace, 'out', `${id}-1.mp4`)
      const results = path.join(workspace, 'out', `${id}.json`)
      expect(lstatSync(clip).isFile()).toBe(true)
      expect(readFileSync(clip).equals(fixture('clip.mp4'))).toBe(true)
      expect(lstatSync(results).isFile()).toBe(true)
      expect(JSON.parse(readFileSync(results, 'utf8')).execution.toolExecutionId).toBe(id)
      expect(r.outputs.path).toBe(`out/${id}-1.mp4`)
    })
  })

  it.each([
    ['inside the workspace', (ws: string, _outside: string) => path.join(ws, 'real')],
    ['outside the workspace', (_ws: string, outside: string) => outside],
  ])('download-dir itself a symlink %s: an input error naming download-dir, no request', async (_where, target) => {
    await withEmulator({}, async (e) => {
      const { root, workspace, outside } = sandbox()
      mkdirSync(path.join(workspace, 'real'))
      symlinkSync(target(workspace, outside), path.join(workspace, 'out'))
      const before = snapshot(root)
      const r = await runAction({ inputs: inputsFor(e, { 'download-dir': 'out' }), env: actionEnv(), workspace })

      expect(r.code, story(r)).toBe(1)
      expect(errorsOf(r.stdout).join('\n')).toMatch(/download-dir/)
      expect(e.requests).toEqual([])
      expect([...snapshot(root)]).toEqual([...before])
    })
  })
})

describe.concurrent('path lists and prompt-file', () => {
  const docs = { 'docs/hero.png': 'ref.png', 'docs/logo.png': 'ref.png', 'docs/other.png': 'ref.png' }
  const uploadedNames = (e: Emulator) =>
    [...e.files.values()]
      .filter((f) => f.origin === 'upload')
      .map((f) => f.displayName)
      .sort()
  const imageIds = (e: Emulator) => [...e.executions.values()][0]?.body.imageFileIds

  it('images: docs/{hero,logo}.png (a brace glob) uploads both', async () => {
    await withEmulator({}, async (e) => {
      const r = await runAction({
        inputs: inputsFor(e, { images: 'docs/{hero,logo}.png' }),
        env: actionEnv(),
        workspace: workspaceWith(docs),
      })
      expect(r.code, story(r)).toBe(0)
      expect(uploadedNames(e)).toEqual(['hero.png', 'logo.png'])
      expect(imageIds(e)).toHaveLength(2)
    })
  })

  it('images: docs/*.png with !docs/logo.png excludes it', async () => {
    await withEmulator({}, async (e) => {
      const r = await runAction({
        inputs: inputsFor(e, { images: 'docs/*.png\n!docs/logo.png' }),
        env: actionEnv(),
        workspace: workspaceWith(docs),
      })
      expect(r.code, story(r)).toBe(0)
      expect(uploadedNames(e)).toEqual(['hero.png', 'other.png'])
      expect(imageIds(e)).toHaveLength(2)
    })
  })

  it('a FIFO as prompt-file: "is a named pipe (FIFO)", at once, no request', async () => {
    await withEmulator({}, async (e) => {
      const workspace = workspaceWith()
      execFileSync('mkfifo', [path.join(workspace, 'prompt.txt')])
      const r = await runAction({
        inputs: { 'api-key': e.key, 'base-url': e.url, 'prompt-file': 'prompt.txt' },
        env: actionEnv(),
        workspace,
        timeoutMs: 20_000,
      })
      expect(r.signal, 'the action hung reading the pipe').toBeNull()
      expect(r.code, story(r)).toBe(1)
      expect(errorsOf(r.stdout).join('\n')).toMatch(/prompt-file.*is a named pipe \(FIFO\)/)
      expect(e.requests).toEqual([])
    })
  })
})
