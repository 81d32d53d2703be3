// artifact-name when the results service fails, through the bundled action: after the clips are paid for,
// a failed upload or a name taken since the pre-flight check fails the step with the advice to resume (which
// delivers without a second execution); a pre-flight check that cannot be made only warns.
import { describe, expect, it } from 'vitest'
import type { Emulator, EmulatorOptions } from '../emulator/index.js'
import { actionEnv, errorsOf, inputsFor, warningsOf, withEmulator, workspaceWith } from '../faults/harness.js'
import { runAction, startAction } from '../runner/run-action.js'
import { DUPLICATE_ARTIFACT_MSG, type ResultsService, startResultsService } from '../standins/results-service.js'

/** An emulator and a results service of its own (faults of one case must not reach another). */
async function withServices(
  options: EmulatorOptions,
  test: (e: Emulator, svc: ResultsService) => Promise<void>,
): Promise<void> {
  const svc = await startResultsService({ azurite: false })
  try {
    await withEmulator(options, (e) => test(e, svc))
  } finally {
    await svc.close()
  }
}

const run = (e: Emulator, svc: ResultsService, inputs: Record<string, string>) =>
  runAction({ inputs: inputsFor(e, inputs), env: actionEnv(svc.env()), workspace: workspaceWith() })

/** Resume inputs: the execution only, no request inputs (they cannot be combined with execution-id). */
const resumeInputs = (e: Emulator, id: string, name: string) => ({
  'api-key': e.key,
  'base-url': e.url,
  'execution-id': id,
  'artifact-name': name,
  timeout: '30s',
})

const resumeAdvice = (id: string) =>
  `To deliver it without paying again, run the step with execution-id: ${id} (not a plain re-run).`

describe.concurrent('artifact upload after the execution succeeded', () => {
  it('CreateArtifact, then FinalizeArtifact refused: fails with the resume advice each time; resuming delivers, billed once', async () => {
    await withServices({}, async (e, svc) => {
      const name = 'clips-refused'
      svc.failCalls('CreateArtifact', 'permission_denied', 'the token may not create artifacts')
      const first = await run(e, svc, { 'artifact-name': name })
      expect(first.code).toBe(1)
      const id = first.outputs['execution-id'] as string
      expect(errorsOf(first.stdout)).toEqual([
        `The execution succeeded, but delivery failed: Upload of artifact '${name}' failed: Failed to CreateArtifact: Received non-retryable error: Failed request: (403) Forbidden: the token may not create artifacts. ${resumeAdvice(id)}`,
      ])
      // Everything else was delivered: the clip is on disk and in the outputs, and the summary says what to do.
      expect(first.outputs).toMatchObject({ status: 'succeeded', path: `videogen-output/${id}-1.mp4` })
      expect(first.summary).toContain(`Resume with execution-id: ${id.replaceAll('_', '&#95;')}`)
      expect(svc.artifacts.filter((a) => a.name === name && a.finalized)).toEqual([])

      svc.failCalls('FinalizeArtifact', 'failed_precondition', 'the upload does not match its declared size')
      const second = await runAction({ inputs: resumeInputs(e, id, name), env: actionEnv(svc.env()) })
      expect(second.code).toBe(1)
      expect(errorsOf(second.stdout)).toEqual([
        expect.stringMatching(
          new RegExp(
            `^The execution succeeded, but delivery failed: Upload of artifact '${name}' failed: Failed to FinalizeArtifact: .*\\(412\\).*the upload does not match its declared size\\. To deliver it without paying again`,
          ),
        ),
      ])

      const third = await runAction({ inputs: resumeInputs(e, id, name), env: actionEnv(svc.env()) })
      expect(third.code, third.stdout + third.stderr).toBe(0)
      const artifact = svc.artifacts.find((a) => a.name === name && a.finalized)
      expect(third.outputs['artifact-id']).toBe(artifact?.id)
      expect(e.createCount()).toBe(1)
    })
  })

  it('the name was taken since the pre-flight check (CreateArtifact answers 409): says so, with both ways out', async () => {
    await withServices({}, async (e, svc) => {
      const name = 'clips-raced'
      svc.failCalls('CreateArtifact', 'already_exists', DUPLICATE_ARTIFACT_MSG)
      const r = await run(e, svc, { 'artifact-name': name })
      expect(r.code).toBe(1)
      const id = r.outputs['execution-id'] as string
      const [error] = errorsOf(r.stdout)
      expect(error).toMatch(
        new RegExp(
          `^The execution succeeded, but delivery failed: Input 'artifact-name': an artifact named '${name}' already exists in this workflow run`,
        ),
      )
      expect(error).toContain(resumeAdvice(id))
      expect(e.createCount()).toBe(1)
    })
  })

  it('another job finished an artifact of the same name while this one generated: found by the check before the upload', async () => {
    await withServices({ job: { queuedMs: 50, durationMs: 1500 } }, async (e, svc) => {
      const name = 'clips-taken-meanwhile'
      const running = startAction({
        inputs: inputsFor(e, { 'artifact-name': name }),
        env: actionEnv(svc.env()),
        workspace: workspaceWith(),
      })
      await running.waitFor(/^Created execution /)
      svc.artifacts.push({
        id: '9999',
        name,
        size: 1,
        finalized: true,
        blobName: 'artifacts/9999-other-job',
        runId: 'run1',
        jobId: 'job2',
        createdAt: new Date().toISOString(),
      })
      const r = await running.result
      expect(r.code).toBe(1)
      expect(errorsOf(r.stdout)[0]).toMatch(
        new RegExp(`^The execution succeeded, but delivery failed: Input 'artifact-name': an artifact named '${name}'`),
      )
      const creates = svc.calls.filter(
        (c) => c.method === 'CreateArtifact' && (c.body as { name?: string }).name === name,
      )
      expect(creates).toEqual([]) // refused before uploading anything
      expect(e.createCount()).toBe(1)
    })
  })
})

describe.concurrent('artifact pre-flight', () => {
  it('the name cannot be checked before creating: a warning, the run goes on and uploads', async () => {
    await withServices({}, async (e, svc) => {
      const name = 'clips-unchecked'
      svc.failCalls('ListArtifacts', 'permission_denied', 'listing is not allowed')
      const r = await run(e, svc, { 'artifact-name': name })
      expect(r.code, r.stdout + r.stderr).toBe(0)
      expect(warningsOf(r.stdout)).toEqual([
        expect.stringMatching(
          new RegExp(
            `^Could not check whether artifact name '${name}' is free \\(.*listing is not allowed\\); it is checked again before the upload$`,
          ),
        ),
      ])
      expect(r.outputs['artifact-id']).toBe(svc.artifacts.find((a) => a.name === name && a.finalized)?.id)
    })
  })
})
