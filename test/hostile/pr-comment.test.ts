// pr-comment against hostile input: a comment of another bot that starts with this step's marker, event
// payloads with odd pull-request numbers, and a clip list far past GitHub's 65,536-character body limit.
import { marked } from 'marked'
import { parse } from 'node-html-parser'
import { describe, expect, it } from 'vitest'
import { commentMarker } from '../../src/deliver/pr-comment-body.js'
import { PR, usePrWorld } from '../deliver/pr-world.js'
import { ACTIONS_BOT, COMMENT_BODY_LIMIT } from '../standins/github-issues.js'

const { world, run: runWith } = usePrWorld({ job: { queuedMs: 20, durationMs: 200 } })
const run = (inputs: Record<string, string>, payload?: unknown) =>
  runWith({ prompt: 'a kite over the dunes', ...inputs }, { payload })

describe('hostile: pr-comment', () => {
  it("another bot's comment that starts with this step's marker is left alone", async () => {
    world.gh.addPullRequest(PR)
    const marker = commentMarker('Preview/clip')
    // Another app quotes the marker (it is in every comment the action writes) at the start of its own comment.
    const other = world.gh.issues.addComment(PR, `${marker}\nanother app's report`, {
      login: 'other-app[bot]',
      type: 'Bot',
    })
    const own = world.gh.issues.addComment(PR, `${marker}\nan earlier run's comment`, ACTIONS_BOT)
    const r = await run({})
    expect(r.code, r.stdout).toBe(0)
    expect(other.body).toBe(`${marker}\nanother app's report`)
    expect(parse(marked.parse(own.body, { async: false })).text).toContain(r.outputs['execution-id'])
  })

  it.each([
    ['a number past any pull request (1e9)', 1e9],
    ['a number as a string ("7")', '7'],
    ['a negative number', -7],
  ])('an event payload with %s: no comment on another pull request', async (_name, number) => {
    world.gh.addPullRequest(PR)
    const r = await run({}, { number, pull_request: { number } })
    expect(world.gh.issues.comments).toEqual([])
    // Held either way: refused before anything is billed (no such pull request), or ignored with a notice.
    if (r.code === 1) expect(world.emulator.createCount()).toBe(0)
    else expect(r.stdout).toMatch(/::notice::pr-comment is ignored/)
  })

  it('a thousand clips with long file ids: the comment stays within 65,536 characters and says how many are left out', async () => {
    world.gh.addPullRequest(PR)
    world.emulator.inject({
      kind: 'rewrite',
      method: 'GET',
      path: /^\/v1\/tools\/executions\/[^/]+$/,
      times: Infinity,
      rewrite: (body) => {
        const x = body as { status: string; results: unknown[] }
        if (x.status === 'succeeded')
          x.results = Array.from({ length: 1000 }, (_, i) => ({
            fileId: `vg_file_${String(i).padStart(4, '0')}${'_'.repeat(96)}`,
          }))
        return undefined
      },
    })
    const r = await run({ download: 'false' })
    const [comment] = world.gh.issues.comments
    expect(comment, r.stdout).toBeDefined()
    expect([...(comment?.body ?? '')].length).toBeLessThanOrEqual(COMMENT_BODY_LIMIT)
    expect(comment?.body).toMatch(/… and \d+ more in the/)
  })
})
