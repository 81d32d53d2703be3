// Every request input of the Oct 2026 API through the bundled action: reference videos (and the deprecated
// `video`), a start frame, audio, spoken dialogue and its voice, duration, quality, prompt rewrites and
// the booleans. The body the emulator received is checked against the API document with undeclared
// properties forbidden, and the summary shows each setting.
import { describe, expect, it } from 'vitest'
import { declaredProperties, validateSchema } from '../../src/videogen/openapi.js'
import { actionEnv, inputsFor, warningsOf, withEmulator, workspaceWith } from '../faults/harness.js'
import { runAction } from '../runner/run-action.js'

describe('every request input', () => {
  it('reaches the API as a body valid against the document (strictly), with each file of its kind', async () => {
    await withEmulator({}, async (e) => {
      const r = await runAction({
        inputs: inputsFor(e, {
          prompt: 'a singer on a rooftop at dusk',
          images: 'refs/look.png',
          videos: 'refs/motion.mp4',
          video: 'refs/legacy.mp4',
          'start-frame': 'refs/first.jpg',
          audio: 'refs/voice.wav',
          'spoken-dialogue': 'Hello from the roof',
          'voice-description': 'a warm, low voice',
          'aspect-ratio': '9:16',
          duration: '8s',
          quality: 'high',
          'generate-audio': 'true',
          'suppress-background-music': 'TRUE',
          'watermark-mode': 'video_gen',
          'num-results': '2',
          'temporary-output': 'True',
          'hide-from-ui': 'true',
          'max-prompt-rewrites': '2',
        }),
        env: actionEnv(),
        workspace: workspaceWith({
          'refs/look.png': 'ref.png',
          'refs/motion.mp4': 'clip.mp4',
          'refs/legacy.mp4': 'clip.mp4',
          'refs/first.jpg': 'ref.jpg',
          'refs/voice.wav': 'voice.wav',
        }),
      })
      expect(r.code, r.stdout + r.stderr).toBe(0)
      expect(warningsOf(r.stdout)).toEqual([
        "Input 'video' is deprecated: use 'videos' (up to 4 reference videos, sent as videoFileIds)",
      ])

      const body = e.executions.get(r.outputs['execution-id'] as string)?.body as Record<string, unknown>
      expect(validateSchema('GenerateVideoClipRequest', body, { strict: true })).toEqual([])
      // Every field the document declares is set by some input.
      expect(Object.keys(body).sort()).toEqual(declaredProperties('GenerateVideoClipRequest').sort())
      const { imageFileIds, videoFileIds, audioFileIds, startFrameFileId, ...fields } = body
      expect(fields).toEqual({
        prompt: 'a singer on a rooftop at dusk',
        spokenDialogue: 'Hello from the roof',
        voiceDescription: 'a warm, low voice',
        aspectRatio: { width: 9, height: 16 },
        durationSeconds: 8,
        quality: 'HIGH',
        generateAudio: true,
        suppressBackgroundMusic: true,
        watermarkMode: 'VIDEO_GEN',
        numResults: 2,
        isOutputTemporary: true,
        hideFromUi: true,
        contentPolicyConfig: { maxPromptRewrites: 2 },
      })
      // Each id is an upload of the right file: the deprecated video first, then the videos, in input order.
      const uploaded = (id: unknown) => {
        const file = e.files.get(id as string)
        return file && { name: file.displayName, kind: file.type ?? file.detectedType }
      }
      expect((imageFileIds as string[]).map(uploaded)).toEqual([{ name: 'look.png', kind: 'IMAGE' }])
      expect((videoFileIds as string[]).map(uploaded)).toEqual([
        { name: 'legacy.mp4', kind: 'VIDEO' },
        { name: 'motion.mp4', kind: 'VIDEO' },
      ])
      expect((audioFileIds as string[]).map(uploaded)).toEqual([{ name: 'voice.wav', kind: 'AUDIO' }])
      expect(uploaded(startFrameFileId)).toEqual({ name: 'first.jpg', kind: 'IMAGE' })

      // The summary header shows each setting as given.
      const row = (name: string, value: string) => `<tr><th align="left">${name}</th><td>${value}</td></tr>`
      const rows: Array<[string, string]> = [
        ['Aspect ratio', '9:16'],
        ['Results', '2'],
        ['Duration', '8 s'],
        ['Quality', 'HIGH'],
        ['Watermark', 'VIDEO&#95;GEN'],
        ['Audio', 'guaranteed'],
        ['Background music', 'suppressed'],
        ['Spoken dialogue', 'Hello from the roof'],
        ['Voice', 'a warm, low voice'],
        ['Prompt rewrites', 'up to 2'],
        ['Output', 'temporary'],
        ['Media page', 'hidden'],
        ['Start frame', 'refs/first.jpg'],
        ['Images', 'refs/look.png'],
        ['Videos', 'refs/legacy.mp4, refs/motion.mp4'],
        ['Audio files', 'refs/voice.wav'],
      ]
      for (const [name, value] of rows) expect(r.summary).toContain(row(name, value))
    })
  })
})
