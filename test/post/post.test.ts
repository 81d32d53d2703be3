// The post step through the bundled action, on the paths a plain run never takes: main left an execution
// open or a create in flight (killed, or stopped mid-create), and the post step has no key, a broken
// base-url, or an executions list that names none, one or several candidates.
import { describe, expect, it } from 'vitest'
import type { RecordedRequest } from '../emulator/index.js'
import { actionEnv, inputsFor, warningsOf, withEmulator, workspaceWith } from '../faults/harness.js'
import { createDirectly } from '../hostile/harness.js'
import { startAction } from '../runner/run-action.js'
import { createArrived, killedMidCreate, post } from './harness.js'

const LONG_JOB = { job: { queuedMs: 50, durationMs: 60_000 } }

const isCancel = (r: RecordedRequest) => r.method === 'POST' && r.path.endsWith('/cancel')
const isList = (r: RecordedRequest) => r.method === 'GET' && r.path === '/v1/tools/executions'

describe.concurrent('post step: an execution left open', () => {
  it('without a key or with a broken base-url it warns and exits 0; with the saved baseUrl it never re-reads base-url', async () => {
    await withEmulator(LONG_JOB, async (e) => {
      const running = startAction({
        inputs: inputsFor(e),
        env: actionEnv(),
        workspace: workspaceWith(),
        timeoutMs: 30_000,
      })
      const id = (await running.waitFor(/^Created execution /)).split(' ').pop() as string
      running.child.kill('SIGKILL')
      const main = await running.result
      expect(main.state).toMatchObject({ executionId: id, baseUrl: e.url })
      const requests = e.requests.length

      // No key: nothing can be checked or cancelled; said once, and the step still succeeds.
      const { 'api-key': _key, ...withoutKey } = inputsFor(e)
      const noKey = await post(e, main.state, withoutKey)
      expect(noKey.code).toBe(0)
      expect(warningsOf(noKey.stdout)).toEqual([
        `Execution ${id} may still be running, but no API key is available to cancel it`,
      ])

      // No saved baseUrl (a main from before it was saved) and a base-url that is not a URL: a warning, not a crash.
      const { baseUrl: _saved, ...withoutBaseUrl } = main.state
      const broken = await post(e, withoutBaseUrl, inputsFor(e, { 'base-url': 'not a url' }))
      expect(broken.code).toBe(0)
      expect(broken.stderr).toBe('')
      expect(warningsOf(broken.stdout)).toEqual([
        expect.stringMatching(
          new RegExp(
            `^Execution ${id} may still be running, but it cannot be checked: Input 'base-url': 'not a url' is not a URL`,
          ),
        ),
      ])
      expect(e.requests.length).toBe(requests) // neither of them sent anything

      // The saved baseUrl wins: the same broken input does not matter, and the execution is cancelled.
      const cleanup = await post(e, main.state, inputsFor(e, { 'base-url': 'not a url' }))
      expect(cleanup.code).toBe(0)
      expect(cleanup.stdout).toContain(`Execution ${id} was cancelled (status now cancelled)`)
      expect(e.cancelCalls()).toEqual([id])
      expect(e.executions.get(id)?.status).toBe('cancelled')
    })
  })

  it('a batch state lists every open execution; settled ones and malformed ids are left alone', async () => {
    await withEmulator(LONG_JOB, async (e) => {
      const [open, settled] = [await createDirectly(e, 'batch one'), await createDirectly(e, 'batch two')]
      const cleanup = await post(e, {
        isPost: 'true',
        baseUrl: e.url,
        executions: JSON.stringify({ [open]: '', [settled]: 'terminal', '../vg_tool_x': '' }),
      })
      expect(cleanup.code).toBe(0)
      expect(e.cancelCalls()).toEqual([open])
      expect(e.executions.get(open)?.status).toBe('cancelled')
      expect(e.executions.get(settled)?.status).not.toBe('cancelled')

      // Unreadable state is nothing to act on: no request at all.
      const before = e.requests.length
      const unreadable = await post(e, { isPost: 'true', baseUrl: e.url, executions: '{not json', createInFlight: '[' })
      expect(unreadable.code).toBe(0)
      expect(e.requests.length).toBe(before)
    })
  })
})

describe.concurrent('post step: a create was in flight when main stopped', () => {
  it('SIGINT during a hung create: main says the post step will look; it finds nothing and says so', async () => {
    await withEmulator({}, async (e) => {
      const earlier = await createDirectly(e, 'an earlier clip') // the mark main lists before creating
      e.inject({ method: 'POST', path: '/v1/tools/generate-video-clip', kind: 'hang' })
      const from = e.requests.length
      const running = startAction({
        inputs: inputsFor(e),
        env: actionEnv(),
        workspace: workspaceWith(),
        timeoutMs: 30_000,
      })
      await createArrived(e, from)
      running.child.kill('SIGINT')
      const main = await running.result
      expect(main.code).toBe(1)
      expect(main.stdout).toContain('Received SIGINT while the create request is in flight')
      expect(main.stdout).toMatch(
        /::error::Stopped: the workflow was cancelled \(SIGINT\)\. .*may have been created and billed.* The post step looks for it and cancels it\./,
      )
      expect(JSON.parse(main.state.createInFlight as string)).toEqual({ mark: earlier, known: true, count: 1 })

      const cleanup = await post(e, main.state)
      expect(cleanup.code).toBe(0)
      expect(warningsOf(cleanup.stdout)).toEqual([
        'The main step was stopped while a create request was in flight: looking for the execution it may have created',
        // How many reads fit in the 20 s depends on how long each takes on the machine.
        expect.stringMatching(
          new RegExp(
            `^No running execution appeared since the create was sent \\(the list was read \\d+ times over 20 s\\): it was not created, has ended already, or the API is still processing it\\. Check GET /v1/tools/executions\\?selfOnly=true for a clip execution newer than ${earlier}, or the dashboard, in a few minutes, and cancel it there\\.$`,
          ),
        ),
      ])
      expect(e.cancelCalls()).toEqual([])
    })
  })

  it('SIGKILL mid-create, and exactly one new running execution: the post step cancels it', async () => {
    await withEmulator(LONG_JOB, async (e) => {
      const earlier = await createDirectly(e, 'an earlier clip')
      let created = ''
      // The create went through on the API's side while the step was being killed.
      const main = await killedMidCreate(e, async () => {
        created = await createDirectly(e, 'the clip of the killed step')
      })
      expect(JSON.parse(main.state.createInFlight as string)).toEqual({ mark: earlier, known: true, count: 1 })

      const cleanup = await post(e, main.state)
      expect(cleanup.code).toBe(0)
      expect(warningsOf(cleanup.stdout)).toEqual([
        'The main step was stopped while a create request was in flight: looking for the execution it may have created',
        `Execution ${created}, created while the main step was stopped, was cancelled (status now cancelled)`,
      ])
      expect(e.cancelCalls()).toEqual([created])
      expect(e.executions.get(earlier)?.status).not.toBe('cancelled')
    })
  })

  it('two new running executions for one create: names both and cancels neither', async () => {
    await withEmulator(LONG_JOB, async (e) => {
      const mark = await createDirectly(e, 'an earlier clip')
      const a = await createDirectly(e, 'another job')
      const b = await createDirectly(e, 'yet another job')
      const cleanup = await post(e, {
        isPost: 'true',
        baseUrl: e.url,
        createInFlight: JSON.stringify({ mark, count: 1 }),
      })
      expect(cleanup.code).toBe(0)
      expect(warningsOf(cleanup.stdout)[1]).toBe(
        `2 running executions appeared since the create was sent, for 1 in flight: not cancelling any, since another job may own some. Check and cancel yours: ${b}, ${a}`,
      )
      expect(e.requests.filter(isCancel)).toEqual([])
    })
  })

  it('the executions list cannot be read: warns where to look, exits 0', async () => {
    await withEmulator({}, async (e) => {
      e.inject({ method: 'GET', path: '/v1/tools/executions', kind: 'status', status: 403, times: Infinity })
      const cleanup = await post(e, {
        isPost: 'true',
        baseUrl: e.url,
        createInFlight: JSON.stringify({ mark: null, count: 2 }),
      })
      expect(cleanup.code).toBe(0)
      const warnings = warningsOf(cleanup.stdout)
      expect(warnings[0]).toBe(
        'The main step was stopped while 2 create requests were in flight: looking for the execution it may have created',
      )
      expect(warnings[1]).toMatch(
        /^Could not list executions \(List executions failed: HTTP 403.*\): an execution may have been created and may be running\. Check GET \/v1\/tools\/executions or the dashboard and cancel it there\.$/,
      )
      expect(e.requests.filter(isList)).toHaveLength(1) // a 403 is not retried
      expect(e.requests.filter(isCancel)).toEqual([])
    })
  })
})
