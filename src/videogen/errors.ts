// Errors of the API client. Every API error carries status, code, message and request id, and prints them.
import type { ApiErrorBody } from './types.js'

export class VideoGenApiError extends Error {
  override readonly name = 'VideoGenApiError'
  readonly code: string | undefined
  readonly requirement: ApiErrorBody['requirement']
  /** What the server asked to wait before retrying (Retry-After, or X-RateLimit-Reset on a 429). */
  retryAfterMs: number | undefined

  constructor(
    readonly status: number,
    body: ApiErrorBody,
    readonly requestId: string | undefined,
    readonly operation: string,
  ) {
    super(describeApiError(status, body, requestId, operation))
    this.code = body.code ?? undefined
    this.requirement = body.requirement ?? undefined
  }
}

export function describeRequirement(requirement: ApiErrorBody['requirement']): string {
  if (!requirement) return ''
  const details = Object.entries(requirement.details ?? {}).map(([k, v]) => `${k}: ${v}`)
  const hint =
    requirement.type === 'purchase_add_on'
      ? 'this needs an add-on on the VideoGen account'
      : requirement.type === 'upgrade_plan'
        ? 'this needs a higher VideoGen plan'
        : `requirement ${requirement.type}`
  return ` Requirement: ${hint}${details.length ? ` (${details.join(', ')})` : ''}.`
}

function describeApiError(
  status: number,
  body: ApiErrorBody,
  requestId: string | undefined,
  operation: string,
): string {
  const code = body.code ? ` ${body.code}` : ''
  const message = body.message?.trim() || '(no message)'
  const id = requestId ? ` [request id ${requestId}]` : ' [no request id]'
  let advice = ''
  if (status === 401) advice = ' Check the api-key secret: it is missing, invalid or revoked.'
  if (status === 429 && body.code === 'insufficient_credits')
    advice = ' The team is out of credits: top up at app.videogen.io before retrying.'
  return `${operation} failed: HTTP ${status}${code}: ${message}${id}.${describeRequirement(body.requirement)}${advice}`
}

/** The request failed before an HTTP status arrived (connection refused, reset, timeout). */
export class NetworkError extends Error {
  override readonly name = 'NetworkError'
  constructor(
    readonly operation: string,
    override readonly cause: unknown,
    /** True when the request can be known not to have reached the server (nothing was sent). */
    readonly notSent: boolean,
  ) {
    super(`${operation} failed: ${errorText(cause)}`)
  }
}

export function errorText(error: unknown): string {
  if (error instanceof Error) {
    const code = (error as { code?: string }).code
    return code && !error.message.includes(code) ? `${error.message} (${code})` : error.message
  }
  return String(error)
}

/** POST generate-video-clip failed in a way that may or may not have created (and billed) an execution. */
export class AmbiguousCreateError extends Error {
  override readonly name = 'AmbiguousCreateError'
  constructor(override readonly cause: Error) {
    super(
      `${cause.message}\nThe request reached VideoGen, so an execution may have been created and billed. ` +
        'It was not retried, to avoid paying twice. Check the executions list (GET /v1/tools/executions or the dashboard) ' +
        'and resume one with the execution-id input, or re-run the job.',
    )
  }
}
