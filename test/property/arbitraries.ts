// Generators of hostile input: values for every field of every API response the action reads, error
// bodies, storage error XML, request-id headers, and repository layouts (file names, symlinks, FIFOs,
// sparse files) for the path inputs. Values are printable in a counterexample: a huge string or a raw
// JSON token is a small marker object, expanded only when a response is written (see materialize.ts).
import fc from 'fast-check'

// ---------------------------------------------------------------------------------------------------
// Markers, expanded per run (the emulator's ports and the clock are known only then)

/** `unit` repeated `count` times. */
export class Huge {
  constructor(
    readonly unit: string,
    readonly count: number,
  ) {}
  [fc.toStringMethod](): string {
    return `huge(${JSON.stringify(this.unit)} x ${this.count})`
  }
}

/** Raw JSON text put into the body as it is: numbers JSON can spell but JavaScript cannot keep (1e309). */
export class Raw {
  constructor(readonly text: string) {}
  [fc.toStringMethod](): string {
    return `raw(${this.text.length > 60 ? `${this.text.slice(0, 60)}…` : this.text})`
  }
}

/** Arrays nested `depth` deep, as raw JSON: a recursive walk or JSON.stringify of it overflows the stack. */
export class Deep {
  constructor(readonly depth: number) {}
  [fc.toStringMethod](): string {
    return `deep(${this.depth})`
  }
}

/** The field's original value with text around it (a real URL or id with something appended). */
export class Around {
  constructor(
    readonly prefix: string,
    readonly suffix: string,
  ) {}
  [fc.toStringMethod](): string {
    return `around(${JSON.stringify(this.prefix)}, original, ${JSON.stringify(this.suffix)})`
  }
}

/** A time relative to the run: now + offset seconds, in seconds, milliseconds or microseconds. */
export class RelTime {
  constructor(
    readonly offsetSeconds: number,
    readonly scale: 1 | 1000 | 1_000_000,
  ) {}
  [fc.toStringMethod](): string {
    return `now${this.offsetSeconds >= 0 ? '+' : ''}${this.offsetSeconds}s${this.scale === 1 ? '' : ` x${this.scale}`}`
  }
}

export type Marker = Huge | Raw | Deep | Around | RelTime
export type Hostile = string | number | boolean | null | Marker | Hostile[] | { [key: string]: Hostile }

/** Placeholders in generated strings, replaced per run: the storage and API origins, a closed loopback port. */
export const STORAGE = '{storage}'
export const API = '{api}'
export const CLOSED = '{closed}'
/** The sandbox's directory beside the workspace (an absolute path outside it). */
export const OUTSIDE = '{outside}'

// ---------------------------------------------------------------------------------------------------
// Strings

export const LINE_BREAKS = ['\n', '\r', '\r\n', '\u2028', '\u2029', '\u0085', '\u000b', '\u000c'] as const

/** Workflow commands, in the `::` form the runner reads at a line start and the legacy `##[` form it reads anywhere. */
export const COMMANDS = [
  '::set-output name=x::y',
  '::save-state name=disposition::terminal',
  '::save-state name=executionId::vg_tool_evil',
  '::add-mask::vg',
  '::stop-commands::tok',
  '::error::injected error',
  '::error title=t,file=/etc/passwd,line=1::injected',
  '::warning::injected warning',
  '::notice::injected notice',
  '::set-env name=NODE_OPTIONS::--require /tmp/evil.js',
  '::add-path::/tmp/evil',
  '::group::injected group',
  '::endgroup::',
  '::debug::injected debug',
  '::add-matcher::/tmp/matcher.json',
  '::echo::on',
  '  ::set-output name=x::indented',
  '\t::error::tabbed',
  '%0A::set-output name=x::encoded',
  '##[set-output name=x;]legacy',
  '##[save-state name=disposition;]terminal',
  '##[add-mask]vg',
  '##[stop-commands]tok',
  '##[error]legacy error',
  '##[add-path]/tmp/evil',
] as const

export const PATHS = [
  '../',
  '../../../../etc/passwd',
  '..\\..\\windows',
  '/etc/passwd',
  '~/.ssh/id_rsa',
  '%2e%2e%2f%2e%2e%2f',
  'a/../../b',
  '.',
  '..',
  './',
  'C:\\x',
] as const

export const HTML = [
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '<iframe src="javascript:alert(1)"></iframe>',
  '</code></td></tr></table><h1>injected</h1>',
  '"><a href="javascript:alert(1)">x</a>',
  "'><svg onload=alert(1)>",
  '<a href=//127.0.0.1:1/x>x</a>',
  '&lt;script&gt;&amp;',
  '<!--',
  '<style>*{display:none}</style>',
  '<details open><summary>x</summary>',
] as const

export const MARKDOWN = [
  '# injected heading',
  '\n\n# injected heading',
  '[link](javascript:alert(1))',
  '![i](http://127.0.0.1:1/i.png)',
  '| a | b |\n|---|---|\n| c | d |',
  '```\nfenced',
  '**bold** _em_ ~~strike~~',
  '---',
  '\\',
  '`',
  '<https://127.0.0.1:1/autolink>',
  '- list\n- list',
] as const

export const UNICODE = [
  '\u202e',
  '\u200b',
  '\ufeff',
  '\u0000',
  '\u001b[31m',
  '\u0007',
  '\u007f',
  '\u009b',
  '\ud800',
  'é',
  '\u{1d54f}',
  '\u2066',
  '\u00a0',
] as const

/** Commands weigh most: a command the runner reads is the worst a string can do in a log line. */
const piece: fc.Arbitrary<string> = fc.oneof(
  { arbitrary: fc.constantFrom(...LINE_BREAKS), weight: 2 },
  { arbitrary: fc.constantFrom(...COMMANDS), weight: 4 },
  { arbitrary: fc.constantFrom(...PATHS), weight: 1 },
  { arbitrary: fc.constantFrom(...HTML), weight: 2 },
  { arbitrary: fc.constantFrom(...MARKDOWN), weight: 1 },
  { arbitrary: fc.constantFrom(...UNICODE), weight: 1 },
  { arbitrary: fc.string({ maxLength: 8 }), weight: 1 },
)

/** A hostile string: one dangerous piece, or several joined (a line break then a command is the classic). */
export const hostileString: fc.Arbitrary<string> = fc.oneof(
  { arbitrary: piece, weight: 3 },
  { arbitrary: fc.array(piece, { minLength: 2, maxLength: 5 }).map((parts) => parts.join('')), weight: 4 },
  {
    arbitrary: fc
      .tuple(fc.constantFrom(...LINE_BREAKS), fc.constantFrom(...COMMANDS))
      .map(([br, cmd]) => `ok${br}${cmd}`),
    weight: 3,
  },
  { arbitrary: fc.constantFrom('', ' ', '\t', '\n', '   \n  '), weight: 1 },
)

/** Header values: only what Node lets a server send (no line breaks), so commands ride in as plain text. */
export const headerValue: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(
    '::set-output name=x::y',
    '::stop-commands::tok',
    '##[set-output name=x;]y',
    '##[stop-commands]tok',
    '<script>alert(1)</script>',
    '</code><h1>x</h1>',
    '%0A::error::x',
    '\u0085::error::nel',
    '../../etc/passwd',
    ' ',
    'req_ok',
  ),
  fc.constant('x'.repeat(5000)),
  fc.string({ unit: fc.constantFrom('a', ':', '#', '[', ']', '<', '>', '\t', ' ', '%', '\u0085', '\u00a0') }),
)

const huge: fc.Arbitrary<Huge> = fc
  .tuple(
    fc.constantFrom('A', '\n', '::set-output name=x::y\n', '##[add-mask]x ', '<b>', 'é', '%0A'),
    fc.constantFrom(3_000, 70_000),
  )
  .map(([unit, count]) => new Huge(unit, count))

// ---------------------------------------------------------------------------------------------------
// Wrong types and out-of-range numbers

export const hostileNumber: fc.Arbitrary<number | Raw | RelTime> = fc.oneof(
  fc.constantFrom(0, -1, -0.5, 0.5, 1.5, 99.999, 100.0001, 101, 1e308, -1e308, 2 ** 53 + 2, -(2 ** 31), 5e-324),
  fc.constantFrom('1e309', '-1e309', '1E400', '123456789012345678901234567890', '-0', '1e-400').map((t) => new Raw(t)),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.integer(),
)

const wrongType: fc.Arbitrary<Hostile> = fc.oneof(
  fc.constantFrom<Hostile>(null, true, false, [], {}, '', [null], { length: 1 }, { toString: 'x' }),
  hostileNumber,
  fc.constantFrom(new Deep(20_000), new Deep(200)),
  hostileString.map((s) => [s]),
  hostileString.map((s) => ({ value: s, url: s })),
)

/** Any value at all: the generic field value. */
export const hostileValue: fc.Arbitrary<Hostile> = fc.oneof(
  { arbitrary: hostileString, weight: 4 },
  { arbitrary: wrongType, weight: 3 },
  { arbitrary: huge, weight: 1 },
)

// ---------------------------------------------------------------------------------------------------
// Field-shaped values: almost valid, so they get past the first check

const idSuffix = fc.oneof(hostileString, fc.constantFrom('../../x', '..', 'a/b', 'a%2Fb', 'ok'), huge)

export const executionId: fc.Arbitrary<Hostile> = fc.oneof(
  idSuffix.map((s) => (typeof s === 'string' ? `vg_tool_${s}` : new Around('vg_tool_', ''))),
  fc.constantFrom('vg_tool_', 'vg_tool_' + 'a'.repeat(101), 'vg_file_notanexecution', 'VG_TOOL_x', 'vg_tool_x y'),
  fc.constantFrom('vg_tool_doesnotexist', 'vg_exec_doesnotexist'),
  fc.constant(new Around('', '\n::set-output name=x::y')),
  fc.constant(new Around('##[add-mask]', '')),
  hostileValue,
)

export const fileId: fc.Arbitrary<Hostile> = fc.oneof(
  idSuffix.map((s) => (typeof s === 'string' ? `vg_file_${s}` : new Around('vg_file_', ''))),
  fc.constantFrom('vg_file_', 'vg_file_doesnotexist', 'vg_tool_notafile', 'vg_file_' + 'a'.repeat(101)),
  fc.constant(new Around('', '/../../x')),
  hostileValue,
)

export const executionStatus: fc.Arbitrary<Hostile> = fc.oneof(
  fc.constantFrom('pending', 'running', 'succeeded', 'failed', 'cancelled', 'canceled', 'SUCCEEDED', 'unknown'),
  hostileString.map((s) => `succeeded${s}`),
  hostileString.map((s) => `running ${s}`),
  hostileValue,
)

export const sourceStatus: fc.Arbitrary<Hostile> = fc.oneof(
  fc.constantFrom('pending', 'ready', 'failed', 'skipped', 'READY'),
  hostileString.map((s) => `ready${s}`),
  hostileValue,
)

/** URL values. Every host is on loopback: a decoder defect must never send a request off this machine. */
export const url: fc.Arbitrary<Hostile> = fc.oneof(
  fc.constantFrom(
    'javascript:alert(1)',
    'JaVaScRiPt:alert(1)',
    ' javascript:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'file:///etc/passwd',
    'vbscript:msgbox(1)',
    `${STORAGE}/files/x/../../../etc/passwd`,
    `${STORAGE}/%2e%2e/%2e%2e/etc/passwd`,
    `${STORAGE}/x"><script>alert(1)</script>`,
    `${STORAGE}/x' onerror='alert(1)`,
    `${STORAGE}/x?a=<img src=x onerror=alert(1)>`,
    `${STORAGE}/x#"><h1>x</h1>`,
    `${API}/v1/me`,
    `http://user:secret@127.0.0.1:${CLOSED}/x.mp4`,
    `https://127.0.0.1:${CLOSED}/x.mp4`,
    `http://127.0.0.1:${CLOSED}/x.mp4\n::set-output name=x::y`,
    `http://127.0.0.1:${CLOSED}/##[set-output name=x;]y`,
    `http://[::1]:${CLOSED}/x`,
    `http://localhost:${CLOSED}/a b`,
    `HTTP://127.0.0.1:${CLOSED}/UPPER`,
    `//127.0.0.1:${CLOSED}/protocol-relative`,
    '/relative/path.mp4',
    '',
    ' ',
    '#',
    `ftp://127.0.0.1:${CLOSED}/x`,
    `http://127.0.0.1:${CLOSED}/${'a'.repeat(9000)}`,
  ),
  fc.constantFrom(
    new Around('', '\n::set-output name=x::y'),
    new Around('', '"><script>alert(1)</script>'),
    new Around('', '#\u2028::error::x'),
    new Around('', '##[add-mask]x'),
    new Around('javascript:', ''),
    new Around(' ', ''),
  ),
  hostileString.map((s) => `http://127.0.0.1:${CLOSED}/${s}`),
  hostileValue,
)

export const expiry: fc.Arbitrary<Hostile> = fc.oneof(
  fc.constantFrom(
    new RelTime(-3600, 1),
    new RelTime(-1, 1),
    new RelTime(30, 1),
    new RelTime(86_400 * 365 * 3000, 1),
    new RelTime(3600, 1000),
    new RelTime(3600, 1_000_000),
  ),
  fc.constantFrom('2026-11-24T23:10:00Z', '2026-11-24T23:10:00.000000Z', 'Tue, 24 Nov 2026 23:10:00 GMT', '1795801640'),
  fc.constantFrom(1e11, 1e11 - 1, 1e9, 8.64e12, 8.64e12 + 1, 253402300800),
  hostileNumber,
  hostileValue,
)

export const seconds: fc.Arbitrary<Hostile> = fc.oneof(
  fc.constantFrom(-1, 0, 0.001, 8.5, 86_400, 86_401, 1e21, 1e308, '8', '8s', 'PT8S'),
  hostileNumber,
  hostileValue,
)

export const percent: fc.Arbitrary<Hostile> = fc.oneof(
  fc.constantFrom(-5, 0, 99.99, 100, 101, 1e308, '50', '50%'),
  hostileNumber,
  hostileValue,
)

export const count: fc.Arbitrary<Hostile> = fc.oneof(
  fc.constantFrom(-1, 0, 1.5, 2 ** 53 + 2, 1e308, '1'),
  hostileNumber,
  hostileValue,
)

export const apiError: fc.Arbitrary<Hostile> = fc.record(
  {
    message: fc.oneof(hostileString, huge, wrongType),
    code: fc.oneof(hostileString, wrongType),
    requirement: fc.oneof(
      wrongType,
      fc.record(
        {
          type: fc.oneof(hostileString, wrongType),
          details: fc.oneof(wrongType, fc.dictionary(hostileString, hostileValue, { maxKeys: 4 })),
        },
        { requiredKeys: [] },
      ),
    ),
    internalErrorCode: hostileString,
  },
  { requiredKeys: [] },
)

export const result: fc.Arbitrary<Hostile> = fc.record(
  {
    fileId,
    type: fc.oneof(fc.constantFrom('VIDEO', 'IMAGE'), hostileValue),
    downloadUrl: url,
    downloadUrlExpiresAt: expiry,
    thumbnailUrl: url,
    thumbnailUrlExpiresAt: expiry,
    file: fc.oneof(
      wrongType,
      fc.record(
        {
          fileId,
          durationSeconds: seconds,
          downloadSource: fc.record({ status: sourceStatus, url, expiresAt: expiry, fileBytes: count }),
        },
        { requiredKeys: [] },
      ),
    ),
  },
  { requiredKeys: [] },
)

const execution: fc.Arbitrary<Hostile> = fc.record(
  {
    toolExecutionId: executionId,
    status: executionStatus,
    progressPercentage: percent,
    results: fc.oneof(wrongType, fc.array(result, { maxLength: 2 })),
    error: fc.oneof(wrongType, apiError),
  },
  { requiredKeys: [] },
)

/** A whole response body: not JSON, truncated, the wrong shape, duplicate keys, a prototype key. */
export const body: fc.Arbitrary<Hostile> = fc.oneof(
  fc.constantFrom(
    new Raw(''),
    new Raw('{"status":'),
    new Raw('<html><body><h1>502 Bad Gateway</h1></body></html>'),
    new Raw('null'),
    new Raw('[]'),
    new Raw('"succeeded"'),
    new Raw('{"status":"running","status":"succeeded"}'),
    new Raw('{"__proto__":{"status":"succeeded","toolExecutionId":"vg_tool_proto"}}'),
    new Raw('\ufeff{}'),
    new Deep(20_000),
  ),
  wrongType,
)

// ---------------------------------------------------------------------------------------------------
// Mutations of the emulator's responses

export type Route = 'list' | 'create' | 'execution' | 'upload' | 'file' | 'hydrate' | 'preview' | 'cancel'

/** The request each route answers, as the emulator records it. */
export const ROUTES: Record<Route, { method: string; path: RegExp }> = {
  list: { method: 'GET', path: /^\/v1\/tools\/executions$/ },
  create: { method: 'POST', path: /^\/v1\/tools\/generate-video-clip$/ },
  execution: { method: 'GET', path: /^\/v1\/tools\/executions\/[^/]+$/ },
  cancel: { method: 'POST', path: /^\/v1\/tools\/executions\/[^/]+\/cancel$/ },
  upload: { method: 'POST', path: /^\/v1\/files\/upload$/ },
  file: { method: 'GET', path: /^\/v1\/files\/[^/]+$/ },
  hydrate: { method: 'POST', path: /^\/v1\/files\/[^/]+\/hydrate$/ },
  preview: { method: 'POST', path: /^\/v1\/files\/[^/]+\/enable-public-preview$/ },
}

const R0 = 'results.0'
const F0 = 'results.0.file'

/** Every field the action reads, per route, with the generator that fits it ('' is the whole body). */
const FIELDS: Record<Route, Array<[string, fc.Arbitrary<Hostile>]>> = {
  list: [
    ['toolExecutions', fc.oneof(wrongType, fc.array(execution, { minLength: 1, maxLength: 3 }))],
    ['hasMore', hostileValue],
    ['nextCursor', hostileValue],
    ['', body],
  ],
  create: [
    ['toolExecutionId', executionId],
    ['status', executionStatus],
    ['', body],
  ],
  execution: [
    ['toolExecutionId', executionId],
    ['status', executionStatus],
    ['progressPercentage', percent],
    ['attemptIndex', count],
    ['toolType', hostileValue],
    ['error', fc.oneof(apiError, wrongType)],
    ['results', fc.oneof(wrongType, fc.array(result, { maxLength: 3 }))],
    [R0, result],
    ['results.1', result],
    [`${R0}.fileId`, fileId],
    [`${R0}.type`, hostileValue],
    [`${R0}.downloadUrl`, url],
    [`${R0}.downloadUrlExpiresAt`, expiry],
    [`${R0}.thumbnailUrl`, url],
    [`${R0}.thumbnailUrlExpiresAt`, expiry],
    [F0, hostileValue],
    [`${F0}.fileId`, fileId],
    [`${F0}.durationSeconds`, seconds],
    [`${F0}.downloadUrl`, url],
    [`${F0}.downloadSource`, hostileValue],
    [`${F0}.downloadSource.url`, url],
    [`${F0}.downloadSource.status`, sourceStatus],
    [`${F0}.downloadSource.expiresAt`, expiry],
    [`${F0}.downloadSource.fileBytes`, count],
    [`${F0}.thumbnailSource.url`, url],
    [`${F0}.staticPublicPreviewSource.url`, url],
    ['', body],
  ],
  cancel: [['', body]],
  upload: [
    ['fileId', fileId],
    ['uploadUrl', url],
    ['', body],
  ],
  file: [
    ['fileId', fileId],
    ['type', hostileValue],
    ['durationSeconds', seconds],
    ['downloadSource', hostileValue],
    ['downloadSource.status', sourceStatus],
    ['', body],
  ],
  hydrate: [
    ['fileId', fileId],
    ['downloadUrl', url],
    ['downloadUrlExpiresAt', expiry],
    ['thumbnailUrl', url],
    ['thumbnailUrlExpiresAt', expiry],
    ['durationSeconds', seconds],
    ['downloadSource.url', url],
    ['downloadSource.expiresAt', expiry],
    ['downloadSource.fileBytes', count],
    ['', body],
  ],
  preview: [
    ['staticPublicPreviewSource', hostileValue],
    ['staticPublicPreviewSource.url', url],
    ['publicHlsUrl', url],
    ['fileId', fileId],
    ['', body],
  ],
}

/** Replace one field (path of keys and indexes; '' = the body) of a route's JSON responses. */
export interface FieldMutation {
  kind: 'field'
  route: Route
  path: string
  value: Hostile
  skip: number
  times: number
}

/** Answer a route with an error before processing: status, hostile body, hostile x-request-id. */
export interface ErrorMutation {
  kind: 'error'
  route: Route
  status: number
  body: Hostile
  requestId?: string
  skip: number
  times: number
}

/** Storage answers a download (or an upload PUT) with S3-style error XML holding hostile text. */
export interface StorageMutation {
  kind: 'storage'
  op: 'download' | 'upload'
  status: number
  code: string
  message: string
  requestId?: string
  skip: number
  times: number
}

/** A successful response with a hostile x-request-id header. */
export interface RequestIdMutation {
  kind: 'request-id'
  route: Route
  value: string
  skip: number
  times: number
}

/** A body that never ends, or a huge error body, on an API route or on storage downloads. */
export interface StreamMutation {
  kind: 'stream'
  target: Route | 'storage-download'
  fault: 'endless' | 'huge-body'
  status: number
  skip: number
  times: number
}

export type Mutation = FieldMutation | ErrorMutation | StorageMutation | RequestIdMutation | StreamMutation

/** How many matching responses a mutation skips, then changes: mostly one or two, sometimes every one. */
const window = (times: number[]) =>
  fc.record({ skip: fc.constantFrom(0, 0, 0, 1, 2), times: fc.constantFrom(...times) })

const fieldMutation = (routes: Route[]): fc.Arbitrary<FieldMutation> =>
  fc
    .constantFrom(...routes.flatMap((route) => FIELDS[route].map((_field, i) => ({ route, i }))))
    .chain(({ route, i }) => {
      const [path, value] = FIELDS[route][i] as [string, fc.Arbitrary<Hostile>]
      return fc
        .record({ value, w: window([1, 1, 1, 2, 3, Infinity]) })
        .map(({ value: v, w }) => ({ kind: 'field' as const, route, path, value: v, ...w }))
    })

const errorMutation = (routes: Route[]): fc.Arbitrary<ErrorMutation> =>
  fc
    .record({
      route: fc.constantFrom(...routes),
      status: fc.constantFrom(400, 401, 403, 404, 409, 410, 422, 500, 502, 503),
      body: fc.oneof(
        apiError,
        body,
        hostileString.map((s) => new Raw(s)),
      ),
      requestId: fc.option(headerValue, { nil: undefined }),
      w: window([1, 1, 2, Infinity]),
    })
    .map(({ w, requestId, ...m }) => ({
      kind: 'error' as const,
      ...m,
      ...(requestId !== undefined && { requestId }),
      ...w,
    }))

const storageMutation: fc.Arbitrary<StorageMutation> = fc
  .record({
    op: fc.constantFrom<'download' | 'upload'>('download', 'download', 'upload'),
    status: fc.constantFrom(400, 403, 404, 409, 416, 500, 503),
    code: fc.oneof(fc.constantFrom('AccessDenied', 'NoSuchKey', 'SlowDown', 'InternalError'), hostileString),
    message: hostileString,
    requestId: fc.option(headerValue, { nil: undefined }),
    w: window([1, 1, 2, Infinity]),
  })
  .map(({ w, requestId, ...m }) => ({
    kind: 'storage' as const,
    ...m,
    ...(requestId !== undefined && { requestId }),
    ...w,
  }))

const requestIdMutation = (routes: Route[]): fc.Arbitrary<RequestIdMutation> =>
  fc
    .record({ route: fc.constantFrom(...routes), value: headerValue, w: window([1, 2, Infinity]) })
    .map(({ w, ...m }) => ({ kind: 'request-id' as const, ...m, ...w }))

const streamMutation = (routes: Route[]): fc.Arbitrary<StreamMutation> =>
  fc
    .record({
      target: fc.constantFrom<Route | 'storage-download'>(...routes, 'storage-download'),
      fault: fc.constantFrom<'endless' | 'huge-body'>('endless', 'huge-body'),
      status: fc.constantFrom(200, 403, 500, 503),
      w: window([1, 1, 2]),
    })
    .map(({ w, ...m }) => ({ kind: 'stream' as const, ...m, ...w }))

/** Mutations of these routes' responses; `storage`: also storage error XML, request-id headers, endless and huge bodies. */
export function mutationOf(routes: Route[], storage: boolean): fc.Arbitrary<Mutation> {
  return fc.oneof(
    { arbitrary: fieldMutation(routes), weight: 8 },
    { arbitrary: errorMutation(routes), weight: 2 },
    ...(storage
      ? [
          { arbitrary: storageMutation as fc.Arbitrary<Mutation>, weight: 2 },
          { arbitrary: requestIdMutation(Object.keys(ROUTES) as Route[]) as fc.Arbitrary<Mutation>, weight: 1 },
          { arbitrary: streamMutation(routes) as fc.Arbitrary<Mutation>, weight: 1 },
        ]
      : []),
  )
}

/** One run of the action against a hostile API: the mutations, and the inputs that make their routes happen. */
export interface ApiCase {
  mutations: Mutation[]
  /** Upload a reference image (exercises the upload ticket, the PUT and the file GET). */
  image: boolean
  publicPreview: boolean
  numResults: 1 | 2
  /** Step debug on: request ids and details reach the log too. */
  debug: boolean
  /** The execution fails, with a hostile error of its own. */
  fails: false | { message: string; code: string }
}

export function apiCaseOf(routes: Route[], storage: boolean): fc.Arbitrary<ApiCase> {
  return fc
    .record({
      mutations: fc.array(mutationOf(routes, storage), { minLength: 1, maxLength: 3 }),
      image: fc.boolean(),
      publicPreview: fc.boolean(),
      numResults: fc.constantFrom<1 | 2>(1, 1, 2),
      debug: fc.boolean(),
      fails: fc.oneof(
        { arbitrary: fc.constant<false>(false), weight: 6 },
        { arbitrary: fc.record({ message: hostileString, code: hostileString }), weight: 1 },
      ),
    })
    .map((c) => {
      // Routes that only happen with an input: turn the input on, so the mutation is not wasted.
      const used = new Set<string>(
        c.mutations.map((m) => (m.kind === 'storage' ? `storage-${m.op}` : m.kind === 'stream' ? m.target : m.route)),
      )
      return {
        ...c,
        image: c.image || used.has('upload') || used.has('file') || used.has('storage-upload'),
        publicPreview: c.publicPreview || used.has('preview'),
      }
    })
}

// ---------------------------------------------------------------------------------------------------
// Hostile repositories

/** File name segments a repository can commit (no '/' and no NUL: the file system refuses those). */
export const fileName: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(
    'ref.png',
    'a\nb.png',
    'x\r.png',
    'a\u2028b.png',
    '::set-output name=x::y.png',
    '::stop-commands::tok.png',
    '##[add-mask]x.png',
    '##[set-output name=x;]y.png',
    '<img src=x onerror=alert(1)>.png',
    '-rf.png',
    ' lead.png',
    '*.png',
    '[a].png',
    '{a,b}.png',
    '!x.png',
    '#c.png',
    'a,b.png',
    '\u202egnp.exe.png',
    '%0A.png',
    '..png',
    `${'n'.repeat(240)}.png`,
  ),
  fc
    .tuple(
      fc.constantFrom(...LINE_BREAKS, ...COMMANDS.filter((c) => !c.includes('/'))),
      fc.constantFrom('.png', '.jpg'),
    )
    .map(([a, ext]) => `x${a}${ext}`),
)

export type EntryKind = 'png' | 'text' | 'empty' | 'fifo' | 'sparse' | 'link-out' | 'link-in' | 'link-loop' | 'dir'

export interface RepoEntry {
  name: string
  kind: EntryKind
}

export type DownloadDir =
  | { kind: 'default' | 'nested' | 'link-out' | 'link-in' | 'link-chain' | 'file' | 'fifo' }
  | { kind: 'text'; value: string }

/** What is planted in download-dir under the names the action will write (resume: the id is known). */
export type Plant = 'link-clip' | 'link-json' | 'fifo-clip' | 'dir-clip' | 'dir-json' | 'link-dir-clip'

export type PromptFile = { kind: 'text'; text: string } | { kind: 'fifo' | 'sparse' | 'link-out' | 'dir' | 'empty' }

export interface RepoCase {
  /** Files under refs/. */
  entries: RepoEntry[]
  /** Entries of the images input: refs/<entry>, globs and hostile paths. */
  images: string[]
  /** prompt-file: a repository file of some kind (text: hostile content), or none (a plain prompt). */
  promptFile: PromptFile | undefined
  downloadDir: DownloadDir
  /** Resume an execution created beforehand, whose id is known, with these names planted. */
  resume: false | Plant[]
}

const entryKind = fc.constantFrom<EntryKind>(
  'png',
  'png',
  'png',
  'text',
  'empty',
  'fifo',
  'sparse',
  'link-out',
  'link-in',
  'link-loop',
  'dir',
)

const imageEntries = (entries: RepoEntry[]): fc.Arbitrary<string[]> =>
  fc.array(
    fc.oneof(
      ...(entries.length ? [fc.constantFrom(...entries.map((e) => `refs/${e.name}`))] : []),
      fc.constantFrom(
        'refs/*.png',
        'refs/**',
        'refs/{*.png,*.jpg}',
        '!refs/ref.png',
        '../outside/victim.png',
        'refs/../../outside/victim.png',
        '/etc/passwd',
        'refs/../refs/ref.png',
        '~/x.png',
        'vg_file_../../x',
        'vg_tool_x',
      ),
    ),
    { minLength: 1, maxLength: 3 },
  )

const downloadDir: fc.Arbitrary<DownloadDir> = fc.oneof(
  { arbitrary: fc.constantFrom({ kind: 'default' as const }), weight: 4 },
  {
    arbitrary: fc.constantFrom<DownloadDir>(
      { kind: 'nested' },
      { kind: 'link-out' },
      { kind: 'link-in' },
      { kind: 'link-chain' },
      { kind: 'file' },
      { kind: 'fifo' },
    ),
    weight: 4,
  },
  {
    arbitrary: fc
      .oneof(
        fc.constantFrom(
          '../outside',
          '/tmp',
          'out/../../outside',
          'out\n::set-output name=x::y',
          '.',
          './',
          'a/./b/../c',
        ),
        hostileString.filter((s) => s.trim() !== '' && !s.includes('\0')),
      )
      .map((value) => ({ kind: 'text' as const, value })),
    weight: 2,
  },
)

/** Content of a hostile prompt file. */
export const promptText: fc.Arbitrary<string> = fc
  .array(hostileString, { minLength: 1, maxLength: 6 })
  .map((parts) => parts.join('\n'))

const promptFile: fc.Arbitrary<PromptFile> = fc.oneof(
  { arbitrary: promptText.map((text) => ({ kind: 'text' as const, text })), weight: 3 },
  {
    arbitrary: fc.constantFrom<PromptFile>(
      { kind: 'fifo' },
      { kind: 'sparse' },
      { kind: 'link-out' },
      { kind: 'dir' },
      { kind: 'empty' },
    ),
    weight: 2,
  },
)

export const repoCase: fc.Arbitrary<RepoCase> = fc
  .uniqueArray(fc.record({ name: fileName, kind: entryKind }), {
    minLength: 1,
    maxLength: 4,
    selector: (e) => e.name.toLowerCase(),
  })
  .chain((entries) =>
    fc.record({
      entries: fc.constant(entries),
      images: imageEntries(entries),
      promptFile: fc.option(promptFile, { nil: undefined }),
      downloadDir,
      resume: fc.oneof(
        { arbitrary: fc.constant<false>(false), weight: 3 },
        {
          arbitrary: fc.uniqueArray(
            fc.constantFrom<Plant>('link-clip', 'link-json', 'fifo-clip', 'dir-clip', 'dir-json', 'link-dir-clip'),
            { minLength: 1, maxLength: 3 },
          ),
          weight: 2,
        },
      ),
    }),
  )
