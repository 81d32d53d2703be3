// dry-run: everything but the requests. Validated settings, the files with their hashes, and the exact
// body that would be sent (with placeholders where upload ids would go).
import * as core from '@actions/core'
import type { AssetRef } from './assets.js'
import { renderSummary, writeSummary } from './deliver/summary.js'
import { sha256File } from './hash.js'
import { summarySettings } from './deliver/summary-settings.js'
import { buildRequestBody } from './request.js'
import type { Settings } from './settings.js'

async function describe(ref: AssetRef, label: string): Promise<string> {
  if ('fileId' in ref) {
    core.info(`  ${label}: existing file ${ref.fileId} (no upload)`)
    return ref.fileId
  }
  const { file } = ref
  const sha = await sha256File(file.absPath)
  core.info(
    `  ${label}: would upload ${file.relPath} (${file.kind}, ${file.contentType}, ${file.size} bytes, sha256 ${sha})`,
  )
  return `<upload:${file.relPath}>`
}

export async function dryRun(settings: Settings): Promise<void> {
  const started = Date.now()
  core.info('Dry run: inputs are valid; no request is made.')
  const refs = [...settings.images, ...(settings.video ? [settings.video] : [])]
  if (refs.length) core.info('Files:')
  const imageIds: string[] = []
  for (const ref of settings.images) imageIds.push(await describe(ref, 'image'))
  const videoId = settings.video ? await describe(settings.video, 'video') : undefined
  const { body, overridden } = buildRequestBody(settings, imageIds, videoId)
  for (const key of overridden) core.warning(`params.${key} is ignored: a typed input sets ${key}`)
  core.info(`Would send POST ${settings.baseUrl}/v1/tools/generate-video-clip with body:`)
  core.info(JSON.stringify(body, null, 2))
  core.setOutput('status', 'dry-run')
  core.setOutput('request-body', JSON.stringify(body))
  if (settings.summary) {
    await writeSummary(
      renderSummary({
        status: 'dry-run',
        elapsedMs: Date.now() - started,
        settings: summarySettings(settings),
        ...(settings.request.prompt && { prompt: settings.request.prompt }),
        clips: [],
      }) +
        `\n<details><summary>Request body</summary>\n\n\`\`\`json\n${JSON.stringify(body, null, 2).replace(/`/g, '\\u0060')}\n\`\`\`\n</details>\n`,
    )
  }
}
