// "Never billed twice / never left running" for a batch: a create that fails ambiguously, fail-fast on a
// refused create, the runner's cancellation (SIGINT, SIGTERM 7.5 s later, SIGKILL 2.5 s after that) at every
// stage followed by the post step, and a timeout with items still waiting.
import { describe, expect, it } from 'vitest'
import type { Emulator, EmulatorOptions, FaultRule } from '../emulator/index.js'
import { actionEnv, errorsOf, isGenerate, withEmulator, workspaceWith } from '../faults/harness.js'
import { type RunningAction, runAction, startAction } from '../runner/run-action.js'
import { batchInputs, batchPost, cancelLikeRunner, liveExecutions, resultsOf, sleep } from './world.js'

const items = (...ids: string[]) => ids.map((id) => ({ id, prompt: `a clip for ${id}` }))
const idFor = (e: Emulator, item: string) =>
  [...e.executions.values()].find((x) => x.body.prompt === `a clip for ${item}`)?.id

async function until(check: () => boolean, what: string, ms = 20_000): Promise<void> {
  const end = Date.now() + ms
  while (!check()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`)
    await sleep(20)
  }
}

const post = batchPost

describe.concurrent('hostile: batch billing', () => {
  it('a create that fails after processing (500): the step names the execution that may exist, and does not call it not-created', async () => {
    await withEmulator({ job: { queuedMs: 20, durationMs: 300 } }, async (e) => {
      e.inject({ method: 'POST', path: '/v1/tools/generate-video-clip', kind: 'status-after-processing', status: 500 })
      const requests = items('alpha', 'beta', 'gamma')
      const r = await runAction({
        workspace: workspaceWith(),
        inputs: batchInputs(e, requests, { 'max-running': '2' }),
        env: actionEnv(),
      })
      expect(r.code).toBe(1)
      expect(e.requests.filter(isGenerate)).toHaveLength(3) // not retried: held
      const maybe = idFor(e, 'alpha') as string
      expect(maybe).toBeDefined()
      // The failure the user reads first must say that alpha may have been created and name it.
      expect(errorsOf(r.stdout).join('\n')).toContain(maybe)
      // "not-created" invites a re-run of alpha, which pays a second time.
      expect(resultsOf(r.outputs).alpha?.status).not.toBe('not-created')
    })
  })

  it('fail-fast: a create refused mid-batch cancels the items already running', async () => {
    await withEmulator({ job: { queuedMs: 20, durationMs: 6000 } }, async (e) => {
      e.inject({ method: 'POST', path: '/v1/tools/generate-video-clip', kind: 'status', status: 400, after: 1 })
      const r = await runAction({
        workspace: workspaceWith(),
        inputs: batchInputs(e, items('alpha', 'beta', 'gamma'), { 'max-running': '3', 'fail-fast': 'true' }),
        env: actionEnv(),
      })
      expect(r.code).toBe(1)
      const results = resultsOf(r.outputs)
      expect(results.beta?.status).toBe('not-created')
      expect(results.gamma?.status).toBe('not-created') // no more creates: held
      const alpha = idFor(e, 'alpha') as string
      expect(e.cancelCalls()).toContain(alpha)
      expect(e.executions.get(alpha)?.status).toBe('cancelled')
    })
  })

  it('SIGINT while a slow create is in flight: the items already running are cancelled within the 7.5 s window', async () => {
    await withEmulator({ job: { queuedMs: 20, durationMs: 60_000 } }, async (e) => {
      // The second create reaches the API and is answered 9 s later (a slow gateway): after SIGTERM, before SIGKILL.
      e.inject({ method: 'POST', path: '/v1/tools/generate-video-clip', kind: 'delay', ms: 9000, after: 1 })
      const requests = items('alpha', 'beta')
      const running = startAction({
        workspace: workspaceWith(),
        inputs: batchInputs(e, requests, { 'max-running': '2' }),
        // The default request timeout (60 s): the create is still waiting for its answer.
        timeoutMs: 40_000,
      })
      await running.waitFor(/\[alpha\] created execution/)
      await until(() => e.requests.filter(isGenerate).length === 2, 'the second create')
      const { result: main, sentAt } = await cancelLikeRunner(running)
      await post(e, main, requests)
      const alpha = e.executions.get(idFor(e, 'alpha') as string)
      expect(alpha?.status).toBe('cancelled') // eventually, by the post step: held
      expect((alpha?.cancelledAt as number) - sentAt).toBeLessThan(7500)
    })
  }, 60_000)

  it('SIGINT while a create is unanswered: the message does not say that nothing was created', async () => {
    await withEmulator({ job: { queuedMs: 20, durationMs: 60_000 } }, async (e) => {
      // The second create reaches the API; its answer comes after the 1.5 s request timeout.
      e.inject({ method: 'POST', path: '/v1/tools/generate-video-clip', kind: 'delay', ms: 3000, after: 1 })
      const requests = items('alpha', 'beta')
      const running = startAction({
        workspace: workspaceWith(),
        inputs: batchInputs(e, requests, { 'max-running': '2' }),
        env: actionEnv(),
        timeoutMs: 40_000,
      })
      await running.waitFor(/\[alpha\] created execution/)
      await until(() => e.requests.filter(isGenerate).length === 2, 'the second create')
      const { result: main } = await cancelLikeRunner(running)
      expect(main.state.createInFlight).toMatch(/"count":1/) // the state knows: held
      const [error] = errorsOf(main.stdout)
      expect(error).toMatch(/may have been created/)
      expect(error).not.toMatch(/nothing new was created/)
      // The post step looks for it (the emulator drops a delayed create whose client left): held.
      const cleanup = await post(e, main, requests)
      expect(cleanup.stdout).toMatch(/looking for the execution it may have created/)
      expect(liveExecutions(e)).toEqual([])
    })
  })

  it('a timeout with items still waiting: the running one is cancelled, the waiting ones are not created', async () => {
    await withEmulator({ job: { queuedMs: 20, durationMs: 60_000 } }, async (e) => {
      const r = await runAction({
        workspace: workspaceWith(),
        // 6 s: alpha is created with a quarter of the timeout still left even on a loaded machine.
        inputs: batchInputs(e, items('alpha', 'beta', 'gamma'), { 'max-running': '1', timeout: '6s' }),
        env: actionEnv(),
      })
      expect(r.code).toBe(1)
      const results = resultsOf(r.outputs)
      expect(results.alpha?.status).toBe('timed-out')
      expect([results.beta?.status, results.gamma?.status]).toEqual(['not-created', 'not-created'])
      expect(e.createCount()).toBe(1)
      expect(liveExecutions(e)).toEqual([])
    })
  })
})

interface Stage {
  name: string
  emulator?: EmulatorOptions
  files?: Record<string, string>
  extra?: Record<string, string>
  faults?: FaultRule[]
  /** Resolves when the run is in the stage. */
  reached(e: Emulator, running: RunningAction): Promise<unknown>
}

const LIST = '/v1/tools/executions'
const STAGES: Stage[] = [
  {
    name: 'during the uploads',
    emulator: { fileOutcome: 'never' },
    files: { 'art/logo.png': 'ref.png' },
    extra: { images: 'art/logo.png' },
    reached: (_e, running) => running.waitFor(/hydrate → 200/),
  },
  {
    name: 'during the list call before the first create',
    faults: [{ method: 'GET', path: LIST, kind: 'hang' }],
    reached: (e) => until(() => e.requests.some((q) => q.method === 'GET' && q.path === LIST), 'the list call'),
  },
  {
    name: 'while a create is in flight (answered 2 s later)',
    faults: [{ method: 'POST', path: '/v1/tools/generate-video-clip', kind: 'delay', ms: 2000 }],
    reached: (e) => until(() => e.requests.some(isGenerate), 'the create'),
  },
  {
    name: 'between two creates (the tools budget is spent)',
    emulator: { rateLimits: { 'tools-post': 1 } },
    reached: (_e, running) => running.waitFor(/^Batch: 1 running, 2 waiting/),
  },
  {
    name: 'during the list polling (a list call hangs)',
    reached: async (e, running) => {
      await running.waitFor(/^Batch: 2 running/)
      e.inject({ method: 'GET', path: LIST, kind: 'hang', times: Infinity })
      const from = e.requests.length
      await until(() => e.requests.slice(from).some((q) => q.path === LIST), 'a hanging list call')
    },
  },
  {
    name: 'during the delivery (a download drips)',
    emulator: { job: { queuedMs: 20, durationMs: 200 } },
    faults: [{ method: 'GET', path: /\.mp4$/, server: 'storage', kind: 'drip', bytesPerSecond: 200, times: Infinity }],
    reached: (e) =>
      until(() => e.requests.some((q) => q.server === 'storage' && q.path.endsWith('.mp4')), 'a download'),
  },
]

describe.concurrent('hostile: the runner cancels a batch at every stage, then the post step runs', () => {
  it.each(STAGES)(
    '$name: nothing is left running, nothing is created twice',
    async (stage) => {
      await withEmulator({ job: { queuedMs: 20, durationMs: 60_000 }, ...stage.emulator }, async (e) => {
        for (const fault of stage.faults ?? []) e.inject(fault)
        const requests = items('alpha', 'beta', 'gamma')
        const running = startAction({
          workspace: workspaceWith(stage.files),
          inputs: batchInputs(e, requests, { 'max-running': '2', ...stage.extra }),
          env: actionEnv(),
          timeoutMs: 40_000,
        })
        await stage.reached(e, running)
        const { result: main } = await cancelLikeRunner(running)
        expect(main.code === 1 || main.signal !== null).toBe(true)
        const cleanup = await post(e, main, requests)
        expect(cleanup.code).toBe(0)
        expect(liveExecutions(e)).toEqual([])
        const prompts = [...e.executions.values()].map((x) => x.body.prompt)
        expect(new Set(prompts).size).toBe(prompts.length)
      })
    },
    60_000,
  )
})
