// A tiny Twirp (JSON only) server: routing, bearer-token check and Twirp-shaped errors.
import type http from 'node:http'
import { readBody, sendJson } from './http-util.js'

export const TWIRP_PACKAGE = 'github.actions.results.api.v1'

// The Twirp error codes the stand-ins use, with the HTTP status the Twirp spec assigns them.
const STATUS = {
  invalid_argument: 400,
  malformed: 400,
  unauthenticated: 401,
  permission_denied: 403,
  not_found: 404,
  bad_route: 404,
  already_exists: 409,
  failed_precondition: 412,
} as const
export type TwirpCode = keyof typeof STATUS

export class TwirpError extends Error {
  constructor(
    readonly code: TwirpCode,
    msg: string,
  ) {
    super(msg)
  }
}

export type TwirpBody = Record<string, unknown>
export type TwirpHandler = (body: TwirpBody) => unknown
export type TwirpServices = Record<string, Record<string, TwirpHandler>>

/**
 * Request listener for `POST /twirp/<package>.<Service>/<Method>`. `onCall` sees every routed call
 * (before the token check) with the short service name.
 */
export function twirpListener(opts: {
  token: string
  services: TwirpServices
  onCall(service: string, method: string, body: unknown): void
}): (req: http.IncomingMessage, res: http.ServerResponse) => Promise<void> {
  const fail = (res: http.ServerResponse, code: TwirpCode, msg: string): void =>
    sendJson(res, STATUS[code], { code, msg })

  return async (req, res) => {
    const raw = await readBody(req)
    const m = /^\/twirp\/([\w.]+)\.(\w+)\/(\w+)$/.exec(new URL(req.url ?? '/', 'http://x').pathname)
    const handler = m && m[1] === TWIRP_PACKAGE ? opts.services[m[2] ?? '']?.[m[3] ?? ''] : undefined
    if (!m || req.method !== 'POST' || !handler) {
      return fail(res, 'bad_route', `no handler for ${req.method} ${req.url}`)
    }
    let body: unknown
    try {
      body = JSON.parse(raw.toString('utf8') || '{}')
    } catch {
      return fail(res, 'malformed', 'request body is not JSON')
    }
    opts.onCall(m[2] ?? '', m[3] ?? '', body)
    if (req.headers.authorization !== `Bearer ${opts.token}`) {
      return fail(res, 'unauthenticated', 'missing or invalid bearer token')
    }
    if (!String(req.headers['content-type']).startsWith('application/json')) {
      return fail(res, 'bad_route', 'only the JSON Twirp encoding is served')
    }
    if (typeof body !== 'object' || body === null || Array.isArray(body)) {
      return fail(res, 'malformed', 'request body must be a JSON object')
    }
    try {
      sendJson(res, 200, await handler(body as TwirpBody))
    } catch (err) {
      if (err instanceof TwirpError) return fail(res, err.code, err.message)
      throw err
    }
  }
}

/** Reads a request field by its proto (snake_case) name, accepting the camelCase JSON name too. */
export function field(body: TwirpBody, snake: string): unknown {
  if (snake in body) return body[snake]
  return body[snake.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase())]
}

export function str(body: TwirpBody, snake: string): string {
  const v = field(body, snake)
  return typeof v === 'string' ? v : ''
}

/** Protobuf-JSON int64 arrives as a string (or a number from lenient clients). */
export function int(body: TwirpBody, snake: string): number {
  const v = field(body, snake)
  const n = typeof v === 'string' || typeof v === 'number' ? Number(v) : NaN
  return Number.isFinite(n) ? n : 0
}
