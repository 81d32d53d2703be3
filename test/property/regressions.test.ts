// Counterexamples the properties found, kept as fixed cases through the same runners and invariants, so a
// fix is checked deterministically whatever the properties' seed draws. Each is the shrunk case.
import { afterAll, beforeAll, describe, it } from 'vitest'
import { type ApiWorld, runApiCase, startApiWorld } from './api-case.js'
import {
  type ApiCase,
  Deep,
  type FieldMutation,
  type Hostile,
  RelTime,
  type RepoCase,
  type Route,
} from './arbitraries.js'
import { type RepoWorld, runRepoCase, startRepoWorld } from './repo-case.js'
import { killRunning } from './sandbox.js'

const apiCase = (over: Partial<ApiCase>): ApiCase => ({
  mutations: [],
  image: false,
  publicPreview: false,
  numResults: 1,
  debug: false,
  fails: false,
  ...over,
})

/** A run whose only hostile part is one field of the first response of `route` that has it. */
const oneField = (route: Route, path: string, value: Hostile): ApiCase =>
  apiCase({ mutations: [{ kind: 'field', route, path, value, skip: 0, times: 1 } satisfies FieldMutation] })

const repoCase = (over: Partial<RepoCase>): RepoCase => ({
  entries: [{ name: 'ref.png', kind: 'png' }],
  images: ['refs/ref.png'],
  promptFile: undefined,
  downloadDir: { kind: 'default' },
  resume: false,
  ...over,
})

let api: ApiWorld
let repo: RepoWorld
beforeAll(async () => {
  ;[api, repo] = await Promise.all([startApiWorld(), startRepoWorld()])
})
afterAll(async () => {
  killRunning()
  await Promise.all([api.emulator.close(), repo.emulator.close()])
})

// The runner reads the legacy `##[name props]data` form anywhere in a line, not only at its start, so
// defusing a leading `::` is not enough for an outside string in a log line.
describe('workflow commands in log lines', () => {
  it('an undocumented execution status holding ##[set-output is logged inert', async () => {
    await runApiCase(api, oneField('execution', 'status', 'running ##[set-output name=x;]y'))
  })

  it('a storage error <Code> holding a line break and ##[add-mask] is logged inert in the retry line', async () => {
    await runApiCase(
      api,
      apiCase({
        mutations: [
          {
            kind: 'storage',
            op: 'download',
            status: 403,
            code: 'ok\n##[add-mask]vg',
            message: 'denied',
            skip: 0,
            times: 1,
          },
        ],
      }),
    )
  })

  it('a committed file name holding ##[stop-commands] is logged inert when uploaded', async () => {
    await runRepoCase(
      repo,
      repoCase({
        entries: [{ name: 'x##[stop-commands]tok.png', kind: 'png' }],
        images: ['refs/x##[stop-commands]tok.png'],
      }),
    )
  })

  it('a download-dir holding ##[set-output is logged inert with the downloaded path', async () => {
    await runRepoCase(repo, repoCase({ downloadDir: { kind: 'text', value: '##[set-output name=x;]y' } }))
  })

  it('a download-dir holding a line break then ::set-output is logged inert with the downloaded path', async () => {
    await runRepoCase(repo, repoCase({ downloadDir: { kind: 'text', value: 'ok\n::set-output name=x::y' } }))
  })
})

// Delivery after the execution succeeded is bounded too: an endpoint that keeps failing must not hold the
// step for minutes when timeout is 3s (each call has the client's default retry budget: 8 attempts, up to
// 5 minutes). Each case runs up to the 30 s case bound, so they run side by side, each with its emulator.
describe.concurrent('a delivery endpoint that keeps answering 500', () => {
  const alone = async (c: ApiCase) => {
    const world = await startApiWorld()
    try {
      await runApiCase(world, c)
    } finally {
      await world.emulator.close()
    }
  }
  const down = (route: Route) =>
    ({ kind: 'error', route, status: 500, body: { message: 'down' }, skip: 0, times: Infinity }) as const

  it('enable-public-preview: the run ends within the case bound', async () => {
    await alone(apiCase({ publicPreview: true, mutations: [down('preview')] }))
  }, 60_000)

  it('hydrate, for a result whose link has expired: the run ends within the case bound', async () => {
    const expired = {
      kind: 'field',
      route: 'execution',
      path: 'results.0.downloadUrlExpiresAt',
      value: new RelTime(-3600, 1),
      skip: 0,
      times: Infinity,
    } as const
    await alone(apiCase({ mutations: [expired, down('hydrate')] }))
  }, 60_000)
})

// Arrays nested 20,000 deep are valid JSON that JSON.parse reads, but JSON.stringify or String() of them
// overflows the stack: a decoder that describes a bad value that way throws a RangeError instead.
describe('deeply nested JSON in a response', () => {
  it('as the execution status of one poll: no internal error', async () => {
    await runApiCase(api, oneField('execution', 'status', new Deep(20_000)))
  })

  it('as a detail of the execution error’s requirement: no internal error', async () => {
    await runApiCase(
      api,
      oneField('execution', 'error', { message: 'x', requirement: { type: 't', details: { a: new Deep(20_000) } } }),
    )
  })

  it('as the toolExecutionId of the 202: no internal error in the ambiguous-create message', async () => {
    await runApiCase(api, oneField('create', 'toolExecutionId', new Deep(20_000)))
  })
})
