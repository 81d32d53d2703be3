// The settings rows of the summary header, from one validated request.
import type { ClipRequest } from '../inputs/settings.js'
import type { AssetRef } from '../workspace.js'

const name = (ref: AssetRef) => ('fileId' in ref ? ref.fileId : ref.file.relPath)

export function summarySettings(clip: ClipRequest | undefined): Array<[string, string]> {
  if (!clip) return []
  const r = clip.request
  const rows: Array<[string, string]> = [
    ['Aspect ratio', r.aspectRatio ? `${r.aspectRatio.width}:${r.aspectRatio.height}` : '16:9 (API default)'],
    ['Results', String(r.numResults)],
    ['Duration', r.durationSeconds !== undefined ? `${r.durationSeconds} s` : 'auto'],
    ['Quality', r.quality ?? "the account's default"],
    ['Watermark', r.watermarkMode],
    ['Audio', r.generateAudio ? 'guaranteed' : 'not requested'],
  ]
  if (r.suppressBackgroundMusic) rows.push(['Background music', 'suppressed'])
  if (r.spokenDialogue) rows.push(['Spoken dialogue', r.spokenDialogue])
  if (r.voiceDescription) rows.push(['Voice', r.voiceDescription])
  if (r.contentPolicyConfig) rows.push(['Prompt rewrites', `up to ${r.contentPolicyConfig.maxPromptRewrites}`])
  if (r.isOutputTemporary) rows.push(['Output', 'temporary'])
  if (r.hideFromUi) rows.push(['Media page', 'hidden'])
  const { images, videos, audio, startFrame } = clip.files
  if (startFrame) rows.push(['Start frame', name(startFrame)])
  if (images.length) rows.push(['Images', images.map(name).join(', ')])
  if (videos.length) rows.push(['Videos', videos.map(name).join(', ')])
  if (audio.length) rows.push(['Audio files', audio.map(name).join(', ')])
  const extra = Object.keys(clip.params)
  if (extra.length) rows.push(['params', extra.join(', ')])
  return rows
}
