// The VideoGen REST API (/v1): auth, rate limits, body rules (the API document's schemas first) and the routes.
import type { IncomingMessage } from 'node:http'
import { matchOperation, operationSchemas } from '../../src/videogen/openapi.js'
import { authenticate } from './auth.js'
import { EXECUTION_PREFIXES, type ExecutionStore } from './executions.js'
import type { FileRecord, FileStore } from './files.js'
import { BodyTooLargeError, type Reply, apiError, json, readBody } from './http-io.js'
import { derivedId } from './ids.js'
import { paginate, paginateByKey } from './pagination.js'
import { type RateInfo, type RateLimiter, rateHeaders } from './rate-limit.js'
import type { RequestContext } from './server.js'
import { resolveScript } from './timeline.js'
import type { EmulatorOptions, RateGroup, RecordedRequest } from './types.js'
import { schemaProblem, validateGenerate, validateUpload } from './validate.js'
import type { MeResponse } from './wire.js'

export interface ApiDeps {
  /** The live options object (configure() mutates it). */
  options: EmulatorOptions
  files: FileStore
  executions: ExecutionStore
  limiter: RateLimiter
  cancelCalls: string[]
}

interface Ctx {
  params: string[]
  query: URLSearchParams
  body: Record<string, unknown> | undefined
  token: string
  now: number
}

interface Route {
  method: 'GET' | 'POST'
  pattern: RegExp
  group: RateGroup
  /** json: a JSON object body is required; none: no body expected (an empty one or any JSON is tolerated). */
  body?: 'json' | 'none'
  handle(ctx: Ctx): Reply
}

const BODY_LIMIT = 1024 * 1024
const ID = '([^/]+)'

const invalidRequest = (message: string) => apiError(400, 'invalid_request', message)
const notFound = (what: string) => apiError(404, 'not_found', `${what} not found.`)

function isJsonContentType(header: string | undefined): boolean {
  return (header ?? '').split(';')[0]!.trim().toLowerCase() === 'application/json'
}

function hasBody(req: IncomingMessage): boolean {
  return Number(req.headers['content-length'] ?? 0) > 0 || req.headers['transfer-encoding'] !== undefined
}

/** Default ApiError body for an injected status without a body. */
export function defaultErrorFor(status: number): { code: string | null; message: string } {
  if (status === 429) return { code: 'rate_limited', message: 'Rate limit exceeded. Retry after X-RateLimit-Reset.' }
  if (status === 401) return { code: 'invalid_api_key', message: 'API key is invalid or has been revoked.' }
  if (status === 403) return { code: 'not_authorized', message: 'Not authorized.' }
  if (status === 404) return { code: 'not_found', message: 'Not found.' }
  if (status === 409) return { code: 'conflict', message: 'Conflict.' }
  if (status === 400) return { code: 'invalid_request', message: 'Invalid request.' }
  if (status === 503) return { code: 'service_unavailable', message: 'Service temporarily unavailable.' }
  if (status >= 500) return { code: 'internal_error', message: 'Internal server error.' }
  return { code: null, message: `HTTP ${status}` }
}

function bearerToken(req: IncomingMessage): string {
  return /^Bearer\s+(.+)$/i.exec(req.headers.authorization?.trim() ?? '')?.[1]?.trim() ?? ''
}

export class ApiHandler {
  private readonly routes: Route[]

  constructor(private readonly deps: ApiDeps) {
    this.routes = this.buildRoutes()
  }

  private match(method: string, path: string): { route: Route; params: string[] } | undefined {
    for (const route of this.routes) {
      if (route.method !== method) continue
      const m = route.pattern.exec(path)
      if (m) return { route, params: m.slice(1) }
    }
    return undefined
  }

  private groupOf(method: string, path: string): RateGroup {
    return (
      this.match(method, path)?.route.group ??
      (method === 'POST' && path.startsWith('/v1/tools/') ? 'tools-post' : 'other')
    )
  }

  private withRate(reply: Reply, info: RateInfo): Reply {
    return { ...reply, headers: { ...reply.headers, ...rateHeaders(info) } }
  }

  /** Reply for an injected status fault: ApiError by default, rate-limit headers unless overridden. */
  faultReply(
    { req, url }: RequestContext,
    status: number,
    body: string | object | undefined,
    headers: Record<string, string> | undefined,
  ): Reply {
    const info = this.deps.limiter.peek(bearerToken(req), this.groupOf(req.method ?? 'GET', url.pathname), Date.now())
    let reply: Reply
    if (typeof body === 'string') reply = { status, headers: { 'Content-Type': 'text/plain; charset=utf-8' }, body }
    else if (body !== undefined) reply = json(status, body)
    else {
      const d = defaultErrorFor(status)
      reply = apiError(status, d.code, d.message)
    }
    reply = this.withRate(reply, status === 429 ? { ...info, remaining: 0 } : info)
    return { ...reply, headers: { ...reply.headers, ...headers } }
  }

  async handle({ req, url, record }: RequestContext): Promise<Reply> {
    const method = req.method ?? 'GET'
    const path = url.pathname
    const now = Date.now()
    const group = this.groupOf(method, path)
    const auth = authenticate(req.headers.authorization, this.deps.options.apiKeys)
    if (!auth.ok)
      return this.withRate(apiError(401, auth.code, auth.message), this.deps.limiter.peek(bearerToken(req), group, now))

    const { allowed, info } = this.deps.limiter.take(auth.token, group, now)
    if (!allowed)
      return this.withRate(
        apiError(
          429,
          'rate_limited',
          `Rate limit of ${info.limit} requests per hour exceeded for this endpoint group.`,
        ),
        info,
      )

    const found = this.match(method, path)
    if (!found) return this.withRate(apiError(404, 'not_found', `No route for ${method} ${path}.`), info)
    const { route, params } = found

    let body: Record<string, unknown> | undefined
    if (method !== 'GET') {
      const parsed = await this.readJson(req, route.body ?? 'none', record)
      if ('reply' in parsed) return this.withRate(parsed.reply, info)
      body = parsed.body
      const problem = body && this.schemaProblem(method, path, body)
      if (problem) return this.withRate(invalidRequest(problem), info)
    }
    let decoded: string[]
    try {
      decoded = params.map((p) => decodeURIComponent(p))
    } catch {
      return this.withRate(apiError(400, 'invalid_id', 'Malformed id in path.'), info)
    }
    return this.withRate(route.handle({ params: decoded, query: url.searchParams, body, token: auth.token, now }), info)
  }

  private async readJson(
    req: IncomingMessage,
    kind: 'json' | 'none',
    record: RecordedRequest,
  ): Promise<{ body: Record<string, unknown> | undefined } | { reply: Reply }> {
    const contentTypeOk = isJsonContentType(req.headers['content-type'])
    if (kind === 'json' && !contentTypeOk) return { reply: invalidRequest('Content-Type must be application/json.') }
    if (kind === 'none' && !hasBody(req)) return { body: undefined }
    let raw: Buffer
    try {
      raw = await readBody(req, BODY_LIMIT, (n) => (record.bodyBytes += n))
    } catch (e) {
      if (e instanceof BodyTooLargeError) return { reply: invalidRequest('Request body is too large.') }
      throw e
    }
    if (raw.length === 0)
      return kind === 'json' ? { reply: invalidRequest('Request body is required.') } : { body: undefined }
    if (!contentTypeOk) return { reply: invalidRequest('Content-Type must be application/json.') }
    let value: unknown
    try {
      value = JSON.parse(raw.toString('utf8'))
    } catch {
      return { reply: invalidRequest('Request body is not valid JSON.') }
    }
    if (kind === 'none') return { body: undefined }
    if (typeof value !== 'object' || value === null || Array.isArray(value))
      return { reply: invalidRequest('Request body must be a JSON object.') }
    return { body: value as Record<string, unknown> }
  }

  /** Checks a request body against the document's schema for this operation, before any rule of our own. */
  private schemaProblem(method: string, path: string, body: Record<string, unknown>): string | undefined {
    const template = matchOperation(method, path)
    const schema = template && operationSchemas(method, template).request
    return schema ? schemaProblem(schema, body, this.deps.options.strictBodies !== false) : undefined
  }

  private fileOr(id: string, then: (file: FileRecord) => Reply): Reply {
    if (!id.startsWith('vg_file_'))
      return apiError(400, 'invalid_id', `"${id}" is not a file id (expected prefix vg_file_).`)
    const file = this.deps.files.get(id)
    return file ? then(file) : notFound(`File ${id}`)
  }

  private executionId(id: string): Reply | undefined {
    if (!EXECUTION_PREFIXES.some((p) => id.startsWith(p)))
      return apiError(400, 'invalid_id', `"${id}" is not a tool execution id (expected prefix vg_tool_).`)
    return this.deps.executions.find(id) ? undefined : notFound(`Tool execution ${id}`)
  }

  private buildRoutes(): Route[] {
    const { files, executions, options } = this.deps
    return [
      {
        method: 'GET',
        pattern: /^\/v1\/me$/,
        group: 'other',
        handle: ({ token }) => {
          const me: MeResponse = {
            apiKeyId: derivedId('vg_key_', token),
            apiKeyNickname: 'emulator',
            email: 'emulator@videogen.test',
            displayName: 'VideoGen Emulator',
            teamId: derivedId('vg_team_', 'emulator-team'),
          }
          return json(200, me)
        },
      },
      {
        method: 'POST',
        pattern: /^\/v1\/files\/upload$/,
        group: 'upload',
        body: 'json',
        handle: ({ body, now }) => {
          const checked = validateUpload(body!)
          if (!checked.ok) return invalidRequest(checked.message)
          const file = files.createUpload(checked.value, now)
          return json(200, { fileId: file.id, uploadUrl: files.uploadUrl(file, now) })
        },
      },
      {
        method: 'GET',
        pattern: /^\/v1\/files$/,
        group: 'files-get',
        handle: ({ query, now }) => {
          const page = paginate(files.listable(), query)
          if (!page.ok) return invalidRequest(page.message)
          return json(200, {
            files: page.items.map((f) => files.view(f, null, now)),
            hasMore: page.hasMore,
            nextCursor: page.nextCursor,
          })
        },
      },
      {
        method: 'GET',
        pattern: new RegExp(`^/v1/files/${ID}$`),
        group: 'files-get',
        handle: ({ params, now }) => this.fileOr(params[0]!, (file) => json(200, files.view(file, null, now))),
      },
      {
        method: 'POST',
        pattern: new RegExp(`^/v1/files/${ID}/hydrate$`),
        group: 'hydrate',
        handle: ({ params, now }) => this.fileOr(params[0]!, (file) => json(200, files.view(file, 'fresh', now))),
      },
      {
        method: 'POST',
        pattern: new RegExp(`^/v1/files/${ID}/archive$`),
        group: 'other',
        handle: ({ params, now }) =>
          this.fileOr(params[0]!, (file) => {
            files.archive(file, now)
            return json(200, files.view(file, null, now))
          }),
      },
      ...(['enable', 'disable'] as const).map((action): Route => ({
        method: 'POST',
        pattern: new RegExp(`^/v1/files/${ID}/${action}-public-preview$`),
        group: 'other',
        handle: ({ params, now }) =>
          this.fileOr(params[0]!, (file) => {
            files.setPublicPreview(file, action === 'enable', now)
            return json(200, files.view(file, 'fresh', now))
          }),
      })),
      {
        method: 'POST',
        pattern: /^\/v1\/tools\/generate-video-clip$/,
        group: 'tools-post',
        body: 'json',
        handle: ({ body, now, token }) => {
          const checked = validateGenerate(body!)
          if (!checked.ok) return invalidRequest(checked.message)
          for (const { field, id, kind } of checked.value.fileRefs) {
            const shown = JSON.stringify(id)
            if (!id.startsWith('vg_file_')) return invalidRequest(`${field}: ${shown} is not a file id.`)
            const file = files.get(id)
            if (!file) return invalidRequest(`${field}: file ${shown} does not exist.`)
            const state = files.state(file, now)
            if (state !== 'ready') return invalidRequest(`${field}: file ${shown} is not ready (processing ${state}).`)
            const type = files.effectiveType(file, now)
            if (type !== kind)
              return invalidRequest(
                `${field}: file ${shown} has type ${type ?? 'unknown'}; ${field.replace(/\[\d+\]$/, '')} takes ${kind} files only.`,
              )
          }
          if (checked.value.watermarkMode === 'NONE' && !options.watermarkNoneAllowed) {
            return apiError(403, 'not_authorized', 'watermarkMode NONE requires the Production API add-on.', {
              requirement: { type: 'purchase_add_on', details: { addOn: 'production_api' } },
            })
          }
          const credits = options.credits ?? Infinity
          if (credits <= 0)
            return apiError(429, 'insufficient_credits', 'The team has no credits left to run this tool.')
          if (Number.isFinite(credits)) options.credits = credits - 1
          const record = executions.create(
            options.executionIdPrefix ?? 'vg_tool_',
            body!,
            resolveScript({ ...options.job, ...options.jobFor?.(body!) }),
            now,
            token,
          )
          return json(202, { toolExecutionId: record.id })
        },
      },
      {
        method: 'GET',
        pattern: /^\/v1\/tools\/executions$/,
        group: 'executions-list',
        handle: ({ query, now, token }) => {
          const selfOnly = query.get('selfOnly')
          if (selfOnly !== null && selfOnly !== 'true' && selfOnly !== 'false')
            return invalidRequest('selfOnly must be true or false.')
          // The emulator's team is every key it accepts: selfOnly narrows the list to the calling key's.
          const all = executions.newestFirst(selfOnly === 'true' ? token : undefined)
          const page = paginateByKey(all, query, (r) => [r.createdAt, r.seq], 'x')
          if (!page.ok) return invalidRequest(page.message)
          // The list does not re-sign result URLs: they may have expired.
          return json(200, {
            toolExecutions: page.items.map((r) => executions.view(r, 'stored', now)),
            hasMore: page.hasMore,
            nextCursor: page.nextCursor,
          })
        },
      },
      {
        method: 'GET',
        pattern: new RegExp(`^/v1/tools/executions/${ID}$`),
        group: 'executions-get',
        handle: ({ params, now }) =>
          this.executionId(params[0]!) ?? json(200, executions.view(executions.find(params[0]!)!, 'refresh', now)),
      },
      {
        method: 'POST',
        pattern: new RegExp(`^/v1/tools/executions/${ID}/cancel$`),
        group: 'cancel',
        handle: ({ params, now }) => {
          const id = params[0]!
          this.deps.cancelCalls.push(id)
          const invalid = this.executionId(id)
          if (invalid) return invalid
          const record = executions.find(id)!
          executions.cancel(record, now)
          return json(202, { toolExecutionId: record.id })
        },
      },
    ]
  }
}
