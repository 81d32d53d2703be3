// Delivery steps that may fail without failing a paid run, through the bundled action: public previews
// that cannot be enabled on a fresh run, a job summary that cannot be written (or is turned off), and a
// results file that cannot be written.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { marked } from 'marked'
import { parse } from 'node-html-parser'
import { describe, expect, it } from 'vitest'
import { actionEnv, errorsOf, inputsFor, warningsOf, withEmulator, workspaceWith } from '../faults/harness.js'
import { runAction, startAction } from '../runner/run-action.js'

const PREVIEW = /\/enable-public-preview$/

/** The href of each clip row's link in a rendered summary. */
function clipLinks(summary: string): Array<string | undefined> {
  const doc = parse(marked.parse(summary, { async: false }))
  return doc
    .querySelectorAll('table')
    .flatMap((t) => t.querySelectorAll('tr'))
    .filter((tr) => tr.querySelectorAll('td').length > 2)
    .map((row) => row.querySelector('a')?.getAttribute('href'))
}

describe.concurrent('public-preview on a fresh run', () => {
  it('refused by the API: a warning, exit 0, the summary links the signed URLs and says they expire', async () => {
    await withEmulator({}, async (e) => {
      e.inject({ method: 'POST', path: PREVIEW, kind: 'status', status: 403, times: Infinity })
      const r = await runAction({
        inputs: inputsFor(e, { 'public-preview': 'true', 'num-results': '2' }),
        env: actionEnv(),
        workspace: workspaceWith(),
      })
      expect(r.code, r.stdout + r.stderr).toBe(0)
      expect(warningsOf(r.stdout)).toEqual([
        expect.stringMatching(
          /^Public preview: Enable public preview of vg_file_\S+ failed: HTTP 403 .*; the summary uses the signed links, which expire$/,
        ),
      ])
      expect(e.createCount()).toBe(1)
      expect(r.outputs.status).toBe('succeeded')
      expect(r.outputs['public-url']).toBeUndefined()
      expect(r.outputs['public-urls']).toBeUndefined()
      const urls = JSON.parse(r.outputs.urls as string) as string[]
      expect(urls).toHaveLength(2)
      expect(clipLinks(r.summary)).toEqual(urls)
      expect(r.summary).not.toContain('public link, does not expire')
      expect(r.summary).toContain('Signed links and thumbnails expire')
    })
  })

  it('enabled, but the answer has no public link: a warning naming the file, exit 0', async () => {
    await withEmulator({}, async (e) => {
      e.inject({
        kind: 'rewrite',
        method: 'POST',
        path: PREVIEW,
        times: Infinity,
        rewrite: (body) => {
          const { staticPublicPreviewSource: _s, publicHlsUrl: _h, ...rest } = body as Record<string, unknown>
          return rest
        },
      })
      const r = await runAction({
        inputs: inputsFor(e, { 'public-preview': 'true' }),
        env: actionEnv(),
        workspace: workspaceWith(),
      })
      expect(r.code, r.stdout + r.stderr).toBe(0)
      const fileId = r.outputs['file-id'] as string
      expect(warningsOf(r.stdout)).toEqual([
        `Public preview: Public preview of ${fileId} was enabled but VideoGen returned no public URL; the summary uses the signed links, which expire`,
      ])
      expect(r.outputs['public-url']).toBeUndefined()
      expect(clipLinks(r.summary)).toEqual([r.outputs.url])
    })
  })
})

describe.concurrent('job summary', () => {
  it('GITHUB_STEP_SUMMARY is a directory: a warning, exit 0, every output still set', async () => {
    await withEmulator({}, async (e) => {
      const workspace = workspaceWith()
      const dir = path.join(workspace, 'summary-dir')
      mkdirSync(dir)
      const r = await runAction({
        inputs: inputsFor(e),
        env: actionEnv({ GITHUB_STEP_SUMMARY: dir }),
        workspace,
      })
      expect(r.code, r.stdout + r.stderr).toBe(0)
      expect(warningsOf(r.stdout)).toEqual([expect.stringMatching(/^Could not write the job summary: .*EISDIR/)])
      expect(r.outputs).toMatchObject({ status: 'succeeded', 'execution-id': expect.stringMatching(/^vg_tool_/) })
      for (const name of ['file-id', 'url', 'path', 'results-file']) expect(r.outputs[name]).toBeTruthy()
    })
  })

  it('GITHUB_STEP_SUMMARY in a folder that does not exist, on a failed execution: the failure is reported, the summary only warned about', async () => {
    await withEmulator(
      { job: { outcome: 'failed', error: { message: 'The prompt was refused', code: 'content_policy' } } },
      async (e) => {
        const workspace = workspaceWith()
        const r = await runAction({
          inputs: inputsFor(e),
          env: actionEnv({ GITHUB_STEP_SUMMARY: path.join(workspace, 'no-such-dir', 'summary.md') }),
          workspace,
        })
        expect(r.code).toBe(1)
        expect(errorsOf(r.stdout)).toEqual([
          `Execution ${r.outputs['execution-id']} failed: The prompt was refused (code content_policy).`,
        ])
        expect(warningsOf(r.stdout)).toEqual([
          expect.stringMatching(/^Could not write the job summary: Unable to access summary file/),
        ])
        expect(r.outputs.status).toBe('failed')
      },
    )
  })

  it('summary: false writes none, on success as on a dry run', async () => {
    await withEmulator({}, async (e) => {
      const r = await runAction({ inputs: inputsFor(e, { summary: 'false' }), env: actionEnv() })
      expect(r.code, r.stdout + r.stderr).toBe(0)
      expect(r.outputs.status).toBe('succeeded')
      expect(r.summary).toBe('')
      const dry = await runAction({ inputs: inputsFor(e, { summary: 'false', 'dry-run': 'true' }), env: actionEnv() })
      expect(dry.outputs.status).toBe('dry-run')
      expect(dry.summary).toBe('')
    })
  })
})

describe('results file', () => {
  it('download-dir became a file while the clip was generated: a warning, exit 0, the other outputs set', async () => {
    await withEmulator({}, async (e) => {
      const running = startAction({
        inputs: inputsFor(e, { download: 'false', 'download-dir': 'out' }),
        env: actionEnv(),
        workspace: workspaceWith(),
      })
      await running.waitFor(/^Created execution /)
      // Before the first poll (1 s after the create): another step of the job wrote a file there.
      writeFileSync(path.join(running.workspace, 'out'), 'not a directory')
      const r = await running.result
      expect(r.code, r.stdout + r.stderr).toBe(0)
      expect(warningsOf(r.stdout)).toEqual([
        expect.stringMatching(/^Could not write the results file in out: .*out exists and is not a directory$/),
      ])
      expect(r.outputs['results-file']).toBeUndefined()
      expect(r.outputs).toMatchObject({ status: 'succeeded', 'file-id': expect.stringMatching(/^vg_file_/) })
      expect(r.outputs.url).toMatch(/^http:/)
      expect(readFileSync(path.join(r.workspace, 'out'), 'utf8')).toBe('not a directory')
      expect(r.summary).not.toContain('Results file')
    })
  })
})
