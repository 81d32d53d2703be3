// Outside strings in the log and the job summary, through the bundled action: whatever the API, storage or
// the repository put in a status, an error, a header or a file name, no stdout line becomes a workflow
// command the action did not issue, and nothing in the summary becomes a heading, a link or markup.
import { marked } from 'marked'
import { type HTMLElement, parse } from 'node-html-parser'
import { describe, expect, it } from 'vitest'
import { runAction, startAction } from '../runner/run-action.js'
import { actionEnv, inputsFor, withEmulator, workspaceWith } from '../faults/harness.js'
import { foreignCommands, runnerState, story, until } from './harness.js'

const EXECUTION = /^\/v1\/tools\/executions\/[^/]+$/
const SAVE_STATE = '::save-state name=disposition::terminal'
const SET_OUTPUT = '::set-output name=x::y'

describe.concurrent('workflow-command injection', () => {
  it('an execution status and an x-request-id header carrying commands', async () => {
    await withEmulator({}, async (e) => {
      e.inject({
        method: 'GET',
        path: EXECUTION,
        kind: 'rewrite',
        times: 2,
        rewrite: (body) => ({ ...(body as object), status: `running\n${SET_OUTPUT}` }),
      })
      // A header cannot carry CR or LF, but it can carry the bytes of NEL (U+0085 in UTF-8: C2 85), which
      // read as UTF-8 or as Latin-1 hold a NEL either way.
      e.inject({
        method: 'GET',
        path: EXECUTION,
        kind: 'rewrite',
        times: Infinity,
        rewrite: (_body, target) => {
          target.headers['x-request-id'] = `req-1\xc2\x85${SAVE_STATE}`
        },
      })
      const r = await runAction({ inputs: inputsFor(e), env: actionEnv(), workspace: workspaceWith() })
      expect(r.code, story(r)).toBe(0)
      expect(e.requests.filter((q) => EXECUTION.test(q.path)).length).toBeGreaterThan(2)
      expect(foreignCommands(r.stdout)).toEqual([])
      // The hostile texts did reach the log (made harmless).
      expect(r.stdout).toContain(SET_OUTPUT)
      expect(r.stdout).toContain(`req-1`)
      expect(runnerState(r).disposition).toBe('terminal') // written by the action itself: the run ended
      expect(r.outputs.x).toBeUndefined()
    })
  })

  it("a failed execution's error code and message carrying commands", async () => {
    await withEmulator(
      {
        job: {
          outcome: 'failed',
          // @actions/core escapes CR and LF in an annotation; a Unicode line separator it leaves as it is.
          error: { message: `Content refused\u2028${SAVE_STATE}`, code: `policy\n${SET_OUTPUT}` },
        },
      },
      async (e) => {
        const r = await runAction({ inputs: inputsFor(e), env: actionEnv(), workspace: workspaceWith() })
        expect(r.code, story(r)).toBe(1)
        expect(r.outputs.status).toBe('failed')
        expect(foreignCommands(r.stdout)).toEqual([])
        expect(r.stdout).toContain(SAVE_STATE)
      },
    )
  })

  it('a storage error document whose <Code> carries a command (upload retried)', async () => {
    await withEmulator({}, async (e) => {
      e.inject({
        server: 'storage',
        method: 'PUT',
        kind: 'status',
        status: 500,
        body: `<Error><Code>SlowDown\n${SAVE_STATE}</Code><Message>slow down</Message></Error>`,
      })
      const r = await runAction({
        inputs: inputsFor(e, { images: 'refs/ref.png' }),
        env: actionEnv(),
        workspace: workspaceWith({ 'refs/ref.png': 'ref.png' }),
      })
      expect(r.code, story(r)).toBe(0)
      expect(e.requests.filter((q) => q.server === 'storage' && q.method === 'PUT').map((q) => q.status)).toEqual([
        500, 200,
      ])
      expect(foreignCommands(r.stdout)).toEqual([])
    })
  })

  it('a committed file name with a line break: no command, no forged disposition, and post still cancels', async () => {
    await withEmulator({ job: { queuedMs: 50, durationMs: 60_000 } }, async (e) => {
      const running = startAction({
        inputs: inputsFor(e, { images: 'refs/*.png' }),
        env: actionEnv(),
        workspace: workspaceWith({ [`refs/evil\n${SAVE_STATE}.png`]: 'ref.png' }),
        timeoutMs: 40_000,
      })
      // Killed (as by a runner crash) once the execution runs: only the post step can cancel it now.
      await until(
        () => e.createCount() === 1 && e.requests.some((q) => q.method === 'GET' && EXECUTION.test(q.path)),
        'the first poll',
      )
      running.child.kill('SIGKILL')
      const main = await running.result
      const [id] = [...e.executions.keys()] as string[]
      expect(e.files.size, story(main)).toBe(1) // the file was uploaded under its hostile name
      expect(foreignCommands(main.stdout)).toEqual([])
      expect(main.stdout).toContain(SAVE_STATE)
      const state = runnerState(main)
      expect(state.executionId).toBe(id)
      expect(state.disposition).toBeUndefined()

      const cleanup = await runAction({
        inputs: inputsFor(e),
        env: actionEnv(),
        workspace: main.workspace,
        stage: 'post',
        state,
      })
      expect(cleanup.code, story(cleanup)).toBe(0)
      expect(e.cancelCalls()).toEqual([id])
      expect(e.executions.get(id as string)?.status).toBe('cancelled')
      expect(foreignCommands(cleanup.stdout)).toEqual([])
    })
  })
})

const html = (markdown: string): HTMLElement => parse(marked.parse(markdown, { async: false, gfm: true }))

describe('summary injection', () => {
  it('a string durationSeconds holding HTML and a thumbnail URL holding a blank line and Markdown render as nothing', async () => {
    await withEmulator({}, async (e) => {
      e.inject({
        method: 'GET',
        path: EXECUTION,
        kind: 'rewrite',
        times: Infinity,
        rewrite: (body) => {
          const execution = body as { results?: Array<Record<string, unknown> & { file?: Record<string, unknown> }> }
          for (const result of execution.results ?? []) {
            result.thumbnailUrl = 'https://x/y.jpg\n\n# Heading [link](https://evil)'
            if (result.file) result.file.durationSeconds = '<b>x</b>'
          }
        },
      })
      const r = await runAction({ inputs: inputsFor(e), env: actionEnv(), workspace: workspaceWith() })
      expect(r.code, story(r)).toBe(0)
      expect(r.summary).not.toBe('')
      const doc = html(r.summary)
      expect(doc.querySelectorAll('h1').map((h) => h.toString())).toEqual([])
      expect(doc.querySelectorAll('b').map((b) => b.toString())).toEqual([])
      const targets = [...doc.querySelectorAll('a'), ...doc.querySelectorAll('img')].map(
        (el) => `${el.getAttribute('href') ?? ''}${el.getAttribute('src') ?? ''}`,
      )
      expect(targets.length).toBeGreaterThan(0)
      expect(targets.filter((t) => /evil|^https:\/\/x\//.test(t))).toEqual([])
      expect(doc.textContent).not.toContain('Heading')
    })
  })
})
