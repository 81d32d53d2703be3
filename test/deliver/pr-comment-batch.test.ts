// A batch on a fork's pull request with a read-only token; hostile API text in a batch's comment.
import { describe, expect, it } from 'vitest'
import { foreignCommands } from '../hostile/harness.js'
import { PR, usePrWorld } from './pr-world.js'

const { world, run: runWith } = usePrWorld({
  jobFor: (body) =>
    String(body.prompt).includes('fail') ? { queuedMs: 20, durationMs: 300, outcome: 'failed' } : undefined,
})
const run = (requests: unknown) => runWith({ requests: JSON.stringify(requests) })

describe('batch pr-comment', () => {
  it('fork with a read-only token: a warning, exit 0', async () => {
    world.gh.addPullRequest(PR, { headRepo: 'someone/demo' })
    world.gh.issues.permission = 'read'
    const r = await run([
      { id: 'a', prompt: 'x' },
      { id: 'b', prompt: 'y' },
    ])
    expect(r.code, r.stdout).toBe(0)
    expect(r.stdout).toMatch(/::warning::.*fork/)
    expect(world.gh.issues.comments).toEqual([])
  })

  it('API error text with markup and commands is escaped in the comment and the log', async () => {
    world.gh.addPullRequest(PR)
    world.emulator.inject({
      kind: 'rewrite',
      method: 'GET',
      path: /^\/v1\/tools\/executions/,
      times: Infinity,
      rewrite: (body) => {
        const fix = (x: Record<string, unknown>) =>
          x.status === 'failed'
            ? {
                ...x,
                error: {
                  code: 'x',
                  message: '<img src=x onerror=alert(1)> [a](javascript:alert(1)) @octo/team\n\n::set-output name=a::b',
                },
              }
            : x
        const b = body as Record<string, unknown>
        return Array.isArray(b.toolExecutions)
          ? { ...b, toolExecutions: (b.toolExecutions as Record<string, unknown>[]).map(fix) }
          : fix(b)
      },
    })
    const r = await run([
      { id: 'a', prompt: 'x' },
      { id: 'b', prompt: 'will fail' },
    ])
    expect(r.code).toBe(1)
    expect(foreignCommands(r.stdout)).toEqual([])
    const body = world.gh.issues.comments[0]?.body as string
    expect(body).not.toMatch(/<img src=x/)
    expect(body).not.toMatch(/\]\(javascript/)
    expect(body).not.toMatch(/@octo/) // no team is pinged by an API's text
  })
})
