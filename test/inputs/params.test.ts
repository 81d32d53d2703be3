// `params` and the input errors of the new inputs through the bundled action: a key a typed input also
// sets is overridden (with a warning), a key the API document does not declare is sent with a warning, a
// declared key with a value the document forbids fails before any request, naming params.<key>; several
// bad inputs give one annotation each.
import { describe, expect, it } from 'vitest'
import { API_DOCUMENT } from '../../src/videogen/openapi.js'
import { actionEnv, errorsOf, inputsFor, warningsOf, withEmulator, workspaceWith } from '../faults/harness.js'
import { runAction } from '../runner/run-action.js'

describe.concurrent('params', () => {
  it('a key a typed input sets is ignored, with a warning; the typed value is sent (and shown by a dry run)', async () => {
    await withEmulator({}, async (e) => {
      const inputs = inputsFor(e, { 'num-results': '2', params: '{"numResults": 3, "quality": "LOW"}' })
      const r = await runAction({ inputs, env: actionEnv(), workspace: workspaceWith() })
      expect(r.code, r.stdout + r.stderr).toBe(0)
      expect(warningsOf(r.stdout)).toEqual(['params.numResults is ignored: a typed input sets numResults'])
      const body = e.executions.get(r.outputs['execution-id'] as string)?.body
      expect(body).toMatchObject({ numResults: 2, quality: 'LOW' })
      expect(JSON.parse(r.outputs['file-ids'] as string)).toHaveLength(2)

      const dry = await runAction({ inputs: { ...inputs, 'dry-run': 'true' }, env: actionEnv() })
      expect(dry.code, dry.stdout + dry.stderr).toBe(0)
      expect(warningsOf(dry.stdout)).toEqual(['params.numResults is ignored: a typed input sets numResults'])
      expect(JSON.parse(dry.outputs['request-body'] as string)).toMatchObject({ numResults: 2, quality: 'LOW' })
      expect(e.createCount()).toBe(1)
    })
  })

  it('a key the API document does not declare is sent, with a warning naming it', async () => {
    // The emulator ignores undeclared properties here, as the real service is assumed to.
    await withEmulator({ strictBodies: false }, async (e) => {
      const r = await runAction({
        inputs: inputsFor(e, { params: 'cameraMotion: pan\nseed: 7' }),
        env: actionEnv(),
        workspace: workspaceWith(),
      })
      expect(r.code, r.stdout + r.stderr).toBe(0)
      expect(warningsOf(r.stdout)).toEqual([
        `params.cameraMotion, params.seed: not a field of generate-video-clip in the API document of ${API_DOCUMENT}; the API may ignore them`,
      ])
      expect(e.executions.get(r.outputs['execution-id'] as string)?.body).toMatchObject({
        cameraMotion: 'pan',
        seed: 7,
      })
    })
  })

  it('a field the document does not declare inside a declared object is warned about too; a dry run says so', async () => {
    const dry = await runAction({
      inputs: {
        'dry-run': 'true',
        prompt: 'a fox',
        params: '{"contentPolicyConfig": {"maxPromptRewrites": 1, "mode": "strict"}}',
      },
      env: actionEnv(),
      workspace: workspaceWith(),
    })
    expect(dry.code, dry.stdout + dry.stderr).toBe(0)
    expect(warningsOf(dry.stdout)).toEqual([
      `params.contentPolicyConfig.mode: not a field of generate-video-clip in the API document of ${API_DOCUMENT}; the API may ignore it`,
    ])
    expect(dry.stdout).toContain(
      `The body is valid against the API document of ${API_DOCUMENT}, but for the fields it does not declare (warned above).`,
    )
  })

  it('a declared key with a value the document forbids fails before any request, naming params.<key>', async () => {
    await withEmulator({}, async (e) => {
      const r = await runAction({
        inputs: inputsFor(e, { params: '{"durationSeconds": 99}' }),
        env: actionEnv(),
        workspace: workspaceWith(),
      })
      expect(r.code).toBe(1)
      expect(errorsOf(r.stdout)).toEqual([expect.stringMatching(/^Input 'params\.durationSeconds': .*30/)])
      expect(e.requests).toEqual([])
    })
  })
})

describe('several invalid inputs', () => {
  it('one annotation per input, titled with its name, then one failure; nothing is sent', async () => {
    await withEmulator({}, async (e) => {
      const r = await runAction({
        inputs: inputsFor(e, {
          duration: '31',
          quality: 'ULTRA',
          'max-prompt-rewrites': '5',
          'voice-description': 'a warm voice',
          'generate-audio': 'yes',
          params: '{"aspectRatio": {"width": 0, "height": 9}}',
        }),
        env: actionEnv(),
        workspace: workspaceWith(),
      })
      expect(r.code).toBe(1)
      const annotations = r.stdout.split('\n').filter((l) => l.startsWith('::error'))
      const titled = annotations.slice(0, -1).map((l) => /^::error title=Input '([^']+)'::/.exec(l)?.[1])
      expect(titled.sort()).toEqual(
        [
          'duration',
          'quality',
          'max-prompt-rewrites',
          'voice-description',
          'generate-audio',
          'params.aspectRatio',
        ].sort(),
      )
      const messages = errorsOf(r.stdout)
      expect(messages).toEqual(
        expect.arrayContaining([
          "Input 'duration': 31 seconds is out of range; use 1–30, or auto",
          "Input 'quality': 'ULTRA' is not one of LOW, STANDARD, HIGH, MAX",
          "Input 'max-prompt-rewrites': 5 is out of range; use an integer from 0 to 4",
          "Input 'voice-description': describes the voice of spoken-dialogue; give spoken-dialogue too",
          "Input 'generate-audio': 'yes' is not a boolean; use true or false",
          expect.stringMatching(/^Input 'params\.aspectRatio': width: .*1/),
        ]),
      )
      expect(messages.at(-1)).toBe('6 inputs are invalid (see above); nothing was sent')
      expect(e.requests).toEqual([])
    })
  })
})
