// The invariant checks themselves, in process: each must catch what it is there for (a check that never
// fires would let every property pass), and let through what the action legitimately writes.
import { mkdirSync, utimesSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { checkStdout, checkSummary, checkTree, commandIn, snapshotTree } from './invariants.js'
import { newSandbox } from './sandbox.js'

describe('checkStdout', () => {
  const key = 'vg_key_abc'

  it("lets through the action's own commands", () => {
    const stdout = [
      `::add-mask::${key}`,
      '::group::Inputs',
      'API http://127.0.0.1:1; timeout 3.0s',
      '::endgroup::',
      '::debug::GET /v1/tools/executions → 200 (request id ##[set-output name=x;]y)',
      '::error::Execution failed: ##[add-mask]x%0A::set-output name=x::y',
      '::warning title=Public preview::no public URL',
      '::notice::done',
    ].join('\n')
    expect(checkStdout(stdout, key)).toEqual([])
  })

  it.each([
    ['::set-output name=x::y', '::set-output'],
    ['  ::save-state name=disposition::terminal', '::save-state'],
    ['\u0085::stop-commands::tok', '::stop-commands'],
    ['::add-mask::something-else', '::add-mask'],
    ['::debug title=x::y', '::debug'],
    ['Uploaded refs/x##[stop-commands]tok.png (200 bytes)', '##[stop-commands'],
    ['status ##[set-output name=x;]y', '##[set-output'],
    ['::unknown::x ##[add-path]/tmp', '##[add-path'],
    ['a\rb ##[error]x', '##[error'],
  ])('flags %j', (line, what) => {
    const violations = checkStdout(`ok\n${line}\nok`, key)
    expect(violations).toHaveLength(1)
    expect(violations[0]).toContain(what)
  })

  it('reads commands as the runner does: ::name after blanks, or ##[name] anywhere; unknown names are text', () => {
    expect(commandIn('::error file=a,line=1::msg')).toMatchObject({
      name: 'error',
      props: 'file=a,line=1',
      data: 'msg',
    })
    expect(commandIn('text ##[set-output name=x;]y')).toMatchObject({ name: 'set-output', form: '##[' })
    expect(commandIn('::nonsense::x')).toBeUndefined()
    expect(commandIn('##[nonsense]x')).toBeUndefined()
    expect(commandIn('a :: b')).toBeUndefined()
  })
})

describe('checkSummary', () => {
  const origins = ['http://127.0.0.1:1000']
  const row = (href: string, src: string) =>
    `<table>\n<tr><td><a href="${href}"><img src="${src}" width="240" alt="clip 1 thumbnail"></a></td></tr>\n</table>\n`

  it('lets through emulator links, links the API gave, and #', () => {
    const given = 'https://127.0.0.1:9/x.mp4?a=1&b="2"'
    const summary = `<h2>✅ VideoGen clip: succeeded</h2>\n${row(given.replace(/&/g, '&amp;').replace(/"/g, '%22'), 'http://127.0.0.1:1000/t.jpg')}${row('#', '#')}`
    expect(checkSummary(summary, origins, new Set([given]), 4)).toEqual([])
  })

  it.each([
    ['<h1>x</h1>', '<h1>'],
    ['<script>alert(1)</script>', '<script>'],
    ['<iframe src="x"></iframe>', '<iframe>'],
    ['\n# heading\n', '<h1>'],
    [row('javascript:alert(1)', '#'), 'javascript:'],
    [row('https://127.0.0.1:9/not-given', '#'), 'not-given'],
    ['<table><tr><td onclick="x">y</td></tr></table>', 'onclick'],
  ])('flags %j', (html, what) => {
    const violations = checkSummary(`<h2>x</h2>\n${html}`, origins, new Set(), 4)
    expect(violations.join('\n')).toContain(what)
  })
})

describe('checkTree', () => {
  it('allows changes under download-dir and the creation of its parents only', () => {
    const s = newSandbox()
    try {
      const before = snapshotTree(s.root)
      mkdirSync(path.join(s.workspace, 'out', 'sub'), { recursive: true })
      writeFileSync(path.join(s.workspace, 'out', 'sub', 'clip.mp4'), 'x')
      expect(checkTree(before, snapshotTree(s.root), path.join('ws', 'out', 'sub'))).toEqual([])

      writeFileSync(path.join(s.workspace, 'stray.txt'), 'x')
      writeFileSync(path.join(s.outside, 'victim.txt'), 'changed')
      const past = new Date(Date.now() - 60_000)
      utimesSync(path.join(s.outside, 'victim.png'), past, past)
      const violations = checkTree(before, snapshotTree(s.root), path.join('ws', 'out', 'sub'))
      expect(violations).toHaveLength(3)
      expect(violations.join('\n')).toMatch(/created "ws\/stray.txt"/)
      expect(violations.join('\n')).toMatch(/changed "outside\/victim.txt"/)
      expect(violations.join('\n')).toMatch(/changed "outside\/victim.png"/)
    } finally {
      s.dispose()
    }
  })
})
