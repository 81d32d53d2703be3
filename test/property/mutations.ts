// Turns generated mutations into emulator faults: one `rewrite` hook that changes the fields and headers of
// the API's JSON responses, and `status` faults for error answers (API error bodies, storage error XML).
// Every string that reaches a response is remembered, so the summary check can tell a link the API handed
// over (allowed: the action shows the API's own links) from one the action made up.
import type { Emulator, FaultRule, RewriteTarget } from '../emulator/index.js'
import {
  API,
  Around,
  CLOSED,
  Deep,
  type Hostile,
  Huge,
  type Mutation,
  ROUTES,
  Raw,
  RelTime,
  type Route,
  STORAGE,
} from './arbitraries.js'

export interface Materializer {
  emulator: Pick<Emulator, 'url' | 'storageUrl'>
  closedPort: number
  /** Every string put into a response (after placeholders), for the summary's link check. */
  injected: Set<string>
}

/** A value with its markers resolved, except Raw and Deep, which only JSON text can hold (see toJson). */
export function materialize(value: Hostile, original: unknown, m: Materializer): unknown {
  if (typeof value === 'string') return remember(m, placeholders(value, m))
  if (value instanceof Huge) return remember(m, value.unit.repeat(value.count))
  if (value instanceof Around) {
    const text = `${value.prefix}${typeof original === 'string' ? original : (JSON.stringify(original) ?? '')}${value.suffix}`
    return remember(m, text)
  }
  if (value instanceof RelTime) return Math.floor((Date.now() / 1000 + value.offsetSeconds) * value.scale)
  if (value instanceof Raw || value instanceof Deep) return value
  if (Array.isArray(value)) return value.map((v) => materialize(v, undefined, m))
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {}
    for (const [k, v] of Object.entries(value)) out[k] = materialize(v, undefined, m)
    return out
  }
  return value
}

function placeholders(text: string, m: Materializer): string {
  return text
    .replaceAll(STORAGE, m.emulator.storageUrl)
    .replaceAll(API, m.emulator.url)
    .replaceAll(CLOSED, String(m.closedPort))
}

function remember(m: Materializer, text: string): string {
  m.injected.add(text)
  return text
}

const RAW_TOKEN = /"\\u0000raw(\d+)\\u0000"/g

/** JSON text of a body that may hold Raw and Deep markers, which are written as they are. */
export function toJson(value: unknown): string {
  const raws: string[] = []
  const token = (text: string) => `\u0000raw${raws.push(text) - 1}\u0000`
  const text = JSON.stringify(value, (_key, v: unknown) =>
    v instanceof Raw ? token(v.text) : v instanceof Deep ? token(`${'['.repeat(v.depth)}${']'.repeat(v.depth)}`) : v,
  )
  // A Raw body stands alone (JSON.stringify of a top-level marker gives its token as a JSON string).
  return (text ?? '').replace(RAW_TOKEN, (_m, i: string) => raws[Number(i)] as string)
}

/** Sets `path` (dot-separated keys and indexes) in `body`; false when a container on the way is missing. */
function setPath(body: unknown, path: string, value: Hostile, mat: Materializer): boolean {
  const keys = path.split('.')
  let node: unknown = body
  for (const key of keys.slice(0, -1)) {
    if (node === null || typeof node !== 'object') return false
    node = (node as Record<string, unknown>)[key]
  }
  if (node === null || typeof node !== 'object') return false
  const last = keys[keys.length - 1] as string
  // A missing last key is added: results.1 of a single result appends an entry.
  const record = node as Record<string, unknown>
  record[last] = materialize(value, record[last], mat)
  return true
}

const routeOf = (method: string, path: string): Route | undefined =>
  (Object.keys(ROUTES) as Route[]).find((r) => ROUTES[r].method === method && ROUTES[r].path.test(path))

function setHeader(target: RewriteTarget, name: string, value: string): void {
  for (const key of Object.keys(target.headers)) if (key.toLowerCase() === name) delete target.headers[key]
  target.headers[name] = value
}

/** A mutation's window over the responses it applies to: skip some, then change `times` of them. */
class Window {
  private seen = 0
  constructor(private readonly mutation: { skip: number; times: number }) {}
  /** Counts one applicable response; whether to change it. */
  take(): boolean {
    const n = this.seen++
    return n >= this.mutation.skip && n < this.mutation.skip + this.mutation.times
  }
}

/** Installs the mutations of one case on a freshly reset emulator. */
export function installMutations(emulator: Emulator, mutations: Mutation[], mat: Materializer): void {
  const rewrites = mutations
    .filter((x) => x.kind === 'field' || x.kind === 'request-id')
    .map((mutation) => ({ mutation, window: new Window(mutation) }))
  if (rewrites.length > 0) {
    emulator.inject({
      kind: 'rewrite',
      server: 'api',
      times: Infinity,
      rewrite: (body, target) => {
        // Only the API's real answers: an error injected below keeps its generated body.
        if (target.status >= 300) return undefined
        const route = routeOf(target.method, target.path)
        let out: unknown = body
        let changed = false
        for (const { mutation, window } of rewrites) {
          if (mutation.route !== route) continue
          if (mutation.kind === 'request-id') {
            if (window.take()) setHeader(target, 'x-request-id', mutation.value)
            continue
          }
          if (mutation.path === '') {
            if (window.take()) {
              out = materialize(mutation.value, out, mat)
              changed = true
            }
            continue
          }
          if (out === null || typeof out !== 'object') continue
          // Only responses that have the field's parent count: results.0.* waits for the terminal poll.
          const parent = mutation.path.split('.').slice(0, -1).join('.')
          if (parent !== '' && !hasPath(out, parent)) continue
          if (window.take()) changed = setPath(out, mutation.path, mutation.value, mat) || changed
        }
        if (!changed) return undefined
        setHeader(target, 'content-type', 'application/json; charset=utf-8')
        return toJson(out)
      },
    })
  }
  for (const mutation of mutations) {
    const rule = errorRule(mutation, mat)
    if (rule) emulator.inject(rule)
  }
}

function hasPath(body: unknown, path: string): boolean {
  let node: unknown = body
  for (const key of path.split('.')) {
    if (node === null || typeof node !== 'object') return false
    node = (node as Record<string, unknown>)[key]
  }
  return node !== null && typeof node === 'object'
}

const xmlError = (code: string, message: string) =>
  `<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>${code}</Code><Message>${message}</Message><RequestId>req</RequestId></Error>`

function errorRule(mutation: Mutation, mat: Materializer): FaultRule | undefined {
  const window = { after: mutation.skip, times: mutation.times }
  if (mutation.kind === 'error') {
    const { method, path } = ROUTES[mutation.route]
    const value = materialize(mutation.body, undefined, mat)
    return {
      kind: 'status',
      server: 'api',
      method,
      path,
      status: mutation.status,
      body: value instanceof Raw ? value.text : toJson(value),
      headers: {
        'Content-Type': 'application/json; charset=utf-8',
        ...(mutation.requestId !== undefined && { 'x-request-id': mutation.requestId }),
      },
      ...window,
    }
  }
  if (mutation.kind === 'storage') {
    const code = materialize(mutation.code, undefined, mat) as string
    const message = materialize(mutation.message, undefined, mat) as string
    return {
      kind: 'status',
      server: 'storage',
      method: mutation.op === 'download' ? 'GET' : 'PUT',
      path:
        mutation.op === 'download' ? /^\/files\/[^/]+\/video\.mp4$/ : /^\/storage-files-prod\/[^/]+\/primary-source$/,
      status: mutation.status,
      body: xmlError(code, message),
      headers: {
        'Content-Type': 'application/xml',
        ...(mutation.requestId !== undefined && { 'x-amz-request-id': mutation.requestId }),
      },
      ...window,
    }
  }
  if (mutation.kind === 'stream') {
    const where =
      mutation.target === 'storage-download'
        ? { server: 'storage' as const, method: 'GET', path: /^\/files\/[^/]+\/video\.mp4$/ }
        : { server: 'api' as const, ...ROUTES[mutation.target] }
    return mutation.fault === 'endless'
      ? { kind: 'endless', status: mutation.status, ...where, ...window }
      : // Larger than any body worth reading whole; streamed by the emulator from one buffer.
        {
          kind: 'huge-body',
          status: mutation.status === 200 ? 500 : mutation.status,
          bytes: 2 * 1024 ** 3,
          ...where,
          ...window,
        }
  }
  return undefined
}
