// dry-run: everything but the requests. Validated settings, the files with their hashes, and the exact
// body that would be sent (with placeholders where upload ids would go).
import { log } from './log.js'
import { OUTPUTS, setOutput } from './deliver/outputs.js'
import { renderSummary, writeSummary } from './deliver/summary.js'
import { summarySettings } from './deliver/summary-settings.js'
import { sha256File } from './hash.js'
import type { ClipRequest, Settings } from './inputs/settings.js'
import { buildRequestBody, mapRequestFiles } from './request-body.js'
import { errorText } from './videogen/errors.js'
import type { AssetRef } from './workspace.js'

const LABELS = { images: 'image', videos: 'video', audio: 'audio', startFrame: 'start frame' } as const

async function describe(ref: AssetRef, label: string): Promise<string> {
  if ('fileId' in ref) {
    log.info(`  ${label}: existing file ${ref.fileId} (no upload)`)
    return ref.fileId
  }
  const { file } = ref
  const sha = await sha256File(file.absPath)
  log.info(
    `  ${label}: would upload ${file.label} (${file.kind}, ${file.contentType}, ${file.size} bytes, sha256 ${sha})`,
  )
  return `<upload:${file.relPath}>`
}

/** The body of one request, with its files listed as they are met. */
async function planBody(clip: ClipRequest): Promise<Record<string, unknown>> {
  const labels = new Map<AssetRef, string>()
  for (const [kind, label] of Object.entries(LABELS)) {
    const refs = clip.files[kind as keyof typeof LABELS]
    for (const ref of refs === undefined ? [] : Array.isArray(refs) ? refs : [refs]) labels.set(ref, label)
  }
  // One by one, in input order, so the listing reads as the inputs do.
  const described = new Map<AssetRef, string>()
  for (const [ref, label] of labels) described.set(ref, await describe(ref, label))
  const { body, overridden } = buildRequestBody(
    clip,
    await mapRequestFiles(clip.files, async (ref) => described.get(ref) as string),
  )
  for (const key of overridden) log.warning(`params.${key} is ignored: a typed input sets ${key}`)
  return body
}

/** The final body against the API document; undeclared params keys were already warned about. */
async function checkBody(body: Record<string, unknown>): Promise<void> {
  const { API_DOCUMENT, describeIssue, isUndeclared, validateSchema } = await import('./videogen/openapi.js')
  const all = validateSchema('GenerateVideoClipRequest', body, { strict: true })
  const issues = all.filter((i) => !isUndeclared(i))
  const extra = all.length > issues.length ? ', but for the fields it does not declare (warned above)' : ''
  if (issues.length === 0) log.info(`The body is valid against the API document of ${API_DOCUMENT}${extra}.`)
  for (const issue of issues)
    log.warning(`The body is not valid against the API document of ${API_DOCUMENT}: ${describeIssue(issue)}`)
}

/** Files, body and validity of one request, as the log shows them. */
async function plan(clip: ClipRequest, baseUrl: string): Promise<Record<string, unknown>> {
  const refs = [...clip.files.images, ...clip.files.videos, ...clip.files.audio]
  if (refs.length || clip.files.startFrame) log.info('Files:')
  const body = await planBody(clip)
  log.info(`Would send POST ${baseUrl}/v1/tools/generate-video-clip with body:`)
  log.info(JSON.stringify(body, null, 2))
  await checkBody(body)
  return body
}

export async function dryRun(settings: Settings): Promise<void> {
  const started = Date.now()
  log.info('Dry run: inputs are valid; no request is made.')
  if (settings.prComment) log.info('pr-comment: no comment in a dry run, which makes no request')
  const bodies = new Map<string, Record<string, unknown>>()
  for (const clip of settings.requests) {
    if (settings.batch) log.info(`Request ${clip.id}:`)
    bodies.set(clip.id ?? '', await plan(clip, settings.baseUrl))
  }
  // One request: its body; a batch: the bodies keyed by item id.
  const shown = settings.batch ? Object.fromEntries(bodies) : (bodies.get('') as Record<string, unknown>)
  setOutput(OUTPUTS.status, 'dry-run')
  setOutput(OUTPUTS.requestBody, JSON.stringify(shown))
  if (!settings.summary) return
  const first = settings.requests[0]
  try {
    const markdown = renderSummary({
      status: 'dry-run',
      elapsedMs: Date.now() - started,
      settings: settings.batch ? [['Requests', String(settings.requests.length)]] : summarySettings(first),
      ...(!settings.batch && first?.request.prompt && { prompt: first.request.prompt }),
      clips: [],
      requestBody: JSON.stringify(shown, null, 2),
    })
    await writeSummary(markdown)
  } catch (error) {
    log.warning(`Could not write the job summary: ${errorText(error)}`)
  }
}
