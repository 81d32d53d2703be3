// `params` against the API document: a key the document does not declare may be dropped by the API (a
// warning names it); a declared key with a value the document forbids is an input error, before any
// request. The validator is loaded only when there are params to check.
import type { Problems } from './input-error.js'

const REQUEST_SCHEMA = 'GenerateVideoClipRequest'

export async function checkParams(
  params: Record<string, unknown>,
  input: string,
  problems: Problems,
  warnings: string[],
): Promise<void> {
  const keys = Object.keys(params)
  if (keys.length === 0) return
  const { API_DOCUMENT, declaredProperties, describeIssue, isUndeclared, validateSchema } =
    await import('../videogen/openapi.js')
  const declared = new Set(declaredProperties(REQUEST_SCHEMA))
  const undeclared = keys.filter((k) => !declared.has(k)).map((k) => `${input}.${k}`)
  for (const key of keys.filter((k) => declared.has(k))) {
    // Strict, so a field the document does not declare inside a declared object is found too.
    for (const issue of validateSchema(REQUEST_SCHEMA, { [key]: params[key] }, { strict: true })) {
      if (isUndeclared(issue)) undeclared.push(`${input}.${issue.path}`)
      else
        problems.add(
          `${input}.${key}`,
          describeIssue({ ...issue, path: issue.path.slice(key.length).replace(/^\./, '') }),
        )
    }
  }
  if (undeclared.length > 0) {
    warnings.push(
      `${undeclared.join(', ')}: not a field of generate-video-clip in the API document of ${API_DOCUMENT}; the API may ignore ${undeclared.length > 1 ? 'them' : 'it'}`,
    )
  }
}
