// The settings row of the summary header, from the validated settings.
import type { Settings } from '../settings.js'

export function summarySettings(s: Settings): Array<[string, string]> {
  const r = s.request
  const rows: Array<[string, string]> = [
    ['Aspect ratio', r.aspectRatio ? `${r.aspectRatio.width}:${r.aspectRatio.height}` : '16:9 (API default)'],
    ['Results', String(r.numResults)],
    ['Watermark', r.watermarkMode],
    ['Audio', r.generateAudio ? 'guaranteed' : 'not requested'],
  ]
  if (r.isOutputTemporary) rows.push(['Output', 'temporary'])
  const files = [...s.images, ...(s.video ? [s.video] : [])].map((ref) =>
    'fileId' in ref ? ref.fileId : ref.file.relPath,
  )
  if (files.length) rows.push(['Inputs', files.join(', ')])
  const extra = Object.keys(s.params)
  if (extra.length) rows.push(['params', extra.join(', ')])
  return rows
}
