// Errors of the API client. Every API error carries status, code, message and request id, and prints them;
// every text that came from outside is cleaned before it is part of a message.
import { clean } from '../sanitize.js'
import type { NetworkFailure } from './network.js'
import type { ApiErrorBody } from './types.js'

export class VideoGenApiError extends Error {
  override readonly name = 'VideoGenApiError'
  readonly code: string | undefined
  readonly requirement: ApiErrorBody['requirement']
  /** What the server asked to wait before retrying (Retry-After, or X-RateLimit-Reset on a 429). */
  retryAfterMs: number | undefined

  constructor(
    readonly status: number,
    readonly body: ApiErrorBody,
    readonly requestId: string | undefined,
    readonly operation: string,
    /** The body was the API's own ApiError JSON (not a gateway's HTML page or nothing). */
    readonly fromApi: boolean,
  ) {
    super(describeApiError(status, body, requestId, operation))
    this.code = body.code
    this.requirement = body.requirement
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
  const message = body.message ?? '(no message)'
  const id = requestId ? ` [request id ${requestId}]` : ' [no request id]'
  let advice = ''
  if (status === 401) advice = ' Check the api-key secret: it is missing, invalid or revoked.'
  if (status === 429 && body.code === 'insufficient_credits')
    advice = ' The team is out of credits: top up at app.videogen.io before retrying.'
  return `${operation} failed: HTTP ${status}${code}: ${message}${id}.${describeRequirement(body.requirement)}${advice}`
}

/** The request failed before an HTTP status arrived (refused, reset, timeout, TLS, DNS, proxy). */
export class NetworkError extends Error {
  override readonly name = 'NetworkError'
  readonly notSent: boolean
  readonly transient: boolean

  constructor(
    readonly operation: string,
    override readonly cause: unknown,
    failure: NetworkFailure,
  ) {
    super(`${operation} failed: ${errorText(cause)}. ${failure.explanation}`)
    this.notSent = !failure.maybeSent
    this.transient = failure.transient
  }
}

/** One clean line for any error, own or foreign (a library's message may quote a path or a response). */
export function errorText(error: unknown): string {
  if (error instanceof Error) {
    const code = (error as { code?: unknown }).code
    const text =
      typeof code === 'string' && !error.message.includes(code) ? `${error.message} (${code})` : error.message
    return clean(text, 2000)
  }
  return clean(error, 2000)
}

/** POST generate-video-clip failed in a way that may or may not have created (and billed) an execution. */
export class AmbiguousCreateError extends Error {
  override readonly name = 'AmbiguousCreateError'
  constructor(override readonly cause: Error) {
    super(
      `${errorText(cause)} The request reached VideoGen, so an execution may have been created and billed. ` +
        'It was not retried, to avoid paying twice. Check the executions list (GET /v1/tools/executions or the dashboard) ' +
        'and resume one with the execution-id input, or re-run the job.',
    )
  }
}

/**
 * The API refused the request before doing anything with it: a 429 rate limit (not out of credits), or a
 * 503 that is the API's own answer (an ApiError body or a Retry-After). A gateway's HTML or empty 503
 * proves nothing: the API behind it may have processed the request.
 */
export function answeredBeforeProcessing(error: VideoGenApiError): boolean {
  if (error.status === 429) return error.code !== 'insufficient_credits'
  return error.status === 503 && (error.fromApi || error.retryAfterMs !== undefined)
}
