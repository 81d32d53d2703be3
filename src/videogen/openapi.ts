// Validation against VideoGen's own OpenAPI document (openapi/, see its README): request bodies the action
// sends and response bodies the emulator answers are checked against the same schemas. Nothing is compiled
// at import; each schema compiles on first use and is cached.
import { Ajv2020, type ErrorObject, type ValidateFunction } from 'ajv/dist/2020.js'
import addFormatsModule, { type FormatsPlugin } from 'ajv-formats'
import document from '../../openapi/videogen-openapi-2026-10.excerpt.json' with { type: 'json' }

/** Date label of the document in openapi/. */
export const API_DOCUMENT = '2026-10'

export interface SchemaIssue {
  /** Field path: `durationSeconds`, `aspectRatio.width`, `imageFileIds[2]`; '' for the body itself. */
  path: string
  /** What is wrong, without the path: `must be <= 30`, `is not a property declared by the API document`. */
  message: string
  /** The JSON Schema keyword that failed (`type`, `enum`, `maximum`, `required`, `unevaluatedProperties`, …). */
  keyword: string
  /** The component schema that declares the failing rule (e.g. `AspectRatio` for `aspectRatio.width`), when known. */
  schema?: string
}

export interface OperationSchemas {
  /** Component schema of the JSON request body, if the operation takes one. */
  request?: string
  /** Status code (`'200'`, `'202'`) or `'default'` → component schema of the JSON response body. */
  responses: Record<string, string>
}

type Schema = Record<string, unknown>
interface Document {
  paths: Record<string, Record<string, Schema>>
  components: { schemas: Record<string, Schema> }
}

const doc = document as unknown as Document
const BASE = 'https://openapi.invalid/videogen/'
const SCHEMA_REF = '#/components/schemas/'
const UNDECLARED = 'is not a property declared by the API document'
/** Keywords whose value is one schema, or a list of schemas (those the document uses and their kin). */
const SUBSCHEMA = new Set(['items', 'additionalProperties', 'not', 'if', 'then', 'else', 'contains'])
const SUBSCHEMAS = new Set(['anyOf', 'oneOf', 'allOf', 'prefixItems'])
const isObject = (v: unknown): v is Schema => v !== null && typeof v === 'object' && !Array.isArray(v)

interface Compiled {
  ajv: Ajv2020
  /** Which component each (cloned) object schema came from, to name it in issues. */
  owners: WeakMap<object, string>
  validators: Map<string, ValidateFunction>
}
let compiled: Compiled | undefined

/**
 * A copy of the components with absolute refs; `strict` closes every object schema to undeclared properties.
 * `owners` learns which component each copied schema object belongs to.
 */
function components(id: string, strict: boolean, owners: WeakMap<object, string>): Schema {
  let owner = ''
  // Only schema nodes are rewritten: a `properties` map, an `example` or a `default` is data, whatever its keys.
  const copy = (schema: Schema): Schema => {
    const out: Schema = {}
    for (const [k, v] of Object.entries(schema)) {
      if (k === '$ref' && typeof v === 'string' && v.startsWith('#/')) out[k] = id + v
      else if (k === 'properties' && isObject(v))
        out[k] = Object.fromEntries(Object.entries(v).map(([p, s]) => [p, isObject(s) ? copy(s) : s]))
      else if (SUBSCHEMA.has(k) && isObject(v)) out[k] = copy(v)
      else if (SUBSCHEMAS.has(k) && Array.isArray(v)) out[k] = v.map((s: unknown) => (isObject(s) ? copy(s) : s))
      else out[k] = structuredClone(v)
    }
    if (strict && (out.type === 'object' || 'properties' in out)) out.unevaluatedProperties = false
    owners.set(out, owner)
    return out
  }
  const schemas: Record<string, Schema> = {}
  for (const [name, schema] of Object.entries(doc.components.schemas)) {
    owner = name
    schemas[name] = copy(schema)
  }
  return { $id: id, components: { schemas } }
}

function setup(): Compiled {
  if (compiled) return compiled
  // strict: false: the document is not ours to lint (it carries `example` and OpenAPI keywords), and
  // Ajv's strict mode would log to the console. verbose: errors carry their schema, to name its component.
  const ajv = new Ajv2020({ strict: false, allErrors: true, verbose: true, logger: false })
  // ajv-formats is CommonJS: Node hands over module.exports, a bundler may hand over the module object.
  const plugin = addFormatsModule as unknown as FormatsPlugin & { default?: FormatsPlugin }
  const addFormats = plugin.default ?? plugin
  addFormats(ajv)
  const owners = new WeakMap<object, string>()
  ajv.addSchema(components(`${BASE}${API_DOCUMENT}/components.json`, false, owners))
  ajv.addSchema(components(`${BASE}${API_DOCUMENT}/components-strict.json`, true, owners))
  compiled = { ajv, owners, validators: new Map() }
  return compiled
}

function componentSchema(name: string): Schema {
  const schema = Object.hasOwn(doc.components.schemas, name) ? doc.components.schemas[name] : undefined
  if (!schema) throw new Error(`The API document ${API_DOCUMENT} has no component schema ${JSON.stringify(name)}`)
  return schema
}

function validator(name: string, strict: boolean): { validate: ValidateFunction; owners: WeakMap<object, string> } {
  componentSchema(name)
  const c = setup()
  const key = `${strict ? 'strict' : 'lax'}:${name}`
  let validate = c.validators.get(key)
  if (!validate) {
    const id = `${BASE}${API_DOCUMENT}/${strict ? 'components-strict' : 'components'}.json`
    validate = c.ajv.compile({ $ref: `${id}${SCHEMA_REF}${name}` })
    c.validators.set(key, validate)
  }
  return { validate, owners: c.owners }
}

const IDENTIFIER = /^[A-Za-z_$][\w$]*$/

/** JSON pointer (`/aspectRatio/width`, `/imageFileIds/2`) → `aspectRatio.width`, `imageFileIds[2]`. */
function fieldPath(pointer: string, extra?: string): string {
  const parts = pointer === '' ? [] : pointer.slice(1).split('/')
  if (extra !== undefined) parts.push(extra.replaceAll('~', '~0').replaceAll('/', '~1'))
  let out = ''
  for (const raw of parts) {
    const part = raw.replaceAll('~1', '/').replaceAll('~0', '~')
    if (/^(0|[1-9]\d*)$/.test(part)) out += `[${part}]`
    else if (IDENTIFIER.test(part)) out += out === '' ? part : `.${part}`
    else out += `[${JSON.stringify(part)}]`
  }
  return out
}

const isNullBranch = (e: ErrorObject) =>
  e.keyword === 'type' && e.params.type === 'null' && /\/anyOf\/\d+\/type$/.test(e.schemaPath)

function typeNames(type: unknown): string {
  const list = (Array.isArray(type) ? type : [type]).map(String)
  return list
    .map((t) => (t === 'integer' || t === 'object' || t === 'array' ? `an ${t}` : t === 'null' ? 'null' : `a ${t}`))
    .join(' or ')
}

function toIssue(e: ErrorObject, owners: WeakMap<object, string>, nullable: boolean): SchemaIssue {
  const owner = e.parentSchema ? owners.get(e.parentSchema) : undefined
  const base = { keyword: e.keyword, ...(owner && { schema: owner }) }
  switch (e.keyword) {
    case 'unevaluatedProperties':
    case 'additionalProperties': {
      const name = String(e.params.unevaluatedProperty ?? e.params.additionalProperty)
      return { ...base, path: fieldPath(e.instancePath, name), message: UNDECLARED }
    }
    case 'required':
      return { ...base, path: fieldPath(e.instancePath, String(e.params.missingProperty)), message: 'is required' }
    case 'type':
      return {
        ...base,
        path: fieldPath(e.instancePath),
        message: `must be ${typeNames(e.params.type)}${nullable ? ' or null' : ''}`,
      }
    case 'enum':
      return {
        ...base,
        path: fieldPath(e.instancePath),
        message: `must be one of ${(e.params.allowedValues as unknown[]).map((v) => JSON.stringify(v)).join(', ')}`,
      }
    default:
      return { ...base, path: fieldPath(e.instancePath), message: e.message ?? `fails ${e.keyword}` }
  }
}

/**
 * Checks `value` against the component schema `name` (e.g. `GenerateVideoClipRequest`, `ExecutedTool`,
 * `ApiError`). `strict` also rejects properties the document does not declare, which the service is assumed
 * to drop silently. Returns no issues when the value is valid. Throws for an unknown schema name.
 */
export function validateSchema(name: string, value: unknown, options: { strict?: boolean } = {}): SchemaIssue[] {
  const { validate, owners } = validator(name, options.strict === true)
  if (validate(value)) return []
  const errors = validate.errors ?? []
  // A nullable reference (`anyOf: [{$ref}, {type: null}]`) fails both branches and the anyOf: report the
  // referenced schema's complaint, saying that null was allowed too.
  const nullAllowed = new Set(errors.filter(isNullBranch).map((e) => e.instancePath))
  const issues: SchemaIssue[] = []
  const seen = new Set<string>()
  for (const e of errors) {
    if (isNullBranch(e)) {
      if (
        errors.some(
          (o) => o !== e && !isNullBranch(o) && o.keyword !== 'anyOf' && o.instancePath.startsWith(e.instancePath),
        )
      )
        continue
    } else if (e.keyword === 'anyOf') {
      if (errors.some((o) => o !== e && o.instancePath.startsWith(e.instancePath))) continue
    }
    const issue = toIssue(e, owners, e.keyword === 'type' && !isNullBranch(e) && nullAllowed.has(e.instancePath))
    const key = `${issue.path}\n${issue.message}`
    if (!seen.has(key)) issues.push(issue)
    seen.add(key)
  }
  return issues
}

/** `aspectRatio.width: must be >= 1`, or the message alone for the body itself. */
export function describeIssue(issue: SchemaIssue): string {
  return issue.path === '' ? issue.message : `${issue.path}: ${issue.message}`
}

/** Whether an issue is about a property the document does not declare (only found by a strict check). */
export function isUndeclared(issue: SchemaIssue): boolean {
  return issue.keyword === 'unevaluatedProperties' || issue.keyword === 'additionalProperties'
}

/** Property names that the component schema `name` declares, in document order. */
export function declaredProperties(name: string): string[] {
  const properties = componentSchema(name).properties
  return properties && typeof properties === 'object' ? Object.keys(properties) : []
}

const schemaName = (schema: unknown): string | undefined => {
  const ref = (schema as { $ref?: unknown } | undefined)?.$ref
  return typeof ref === 'string' && ref.startsWith(SCHEMA_REF) ? ref.slice(SCHEMA_REF.length) : undefined
}
const jsonSchemaOf = (holder: unknown): unknown =>
  (holder as { content?: Record<string, { schema?: unknown }> } | undefined)?.content?.['application/json']?.schema

/**
 * Request and response schemas of an operation, by method and path template as the document writes it
 * (`POST`, `/v1/files/{fileId}/hydrate`). Throws for an operation the document does not describe.
 */
export function operationSchemas(method: string, pathTemplate: string): OperationSchemas {
  const operation = Object.hasOwn(doc.paths, pathTemplate) ? doc.paths[pathTemplate]?.[method.toLowerCase()] : undefined
  if (!operation)
    throw new Error(`The API document ${API_DOCUMENT} has no operation ${method.toUpperCase()} ${pathTemplate}`)
  const request = schemaName(jsonSchemaOf(operation.requestBody))
  const responses: Record<string, string> = {}
  for (const [status, response] of Object.entries((operation.responses ?? {}) as Record<string, unknown>)) {
    const name = schemaName(jsonSchemaOf(response))
    if (name) responses[status] = name
  }
  return { ...(request && { request }), responses }
}

/**
 * The path template of the document that a concrete path belongs to (`/v1/files/vg_file_x/hydrate` →
 * `/v1/files/{fileId}/hydrate`), preferring literal segments; undefined when no operation matches.
 */
export function matchOperation(method: string, path: string): string | undefined {
  const m = method.toLowerCase()
  const candidates = Object.keys(doc.paths)
    .filter((template) => doc.paths[template]?.[m])
    .sort((a, b) => (a.match(/\{/g)?.length ?? 0) - (b.match(/\{/g)?.length ?? 0))
  const segments = path.split('/')
  return candidates.find((template) => {
    const parts = template.split('/')
    return (
      parts.length === segments.length &&
      parts.every((p, i) => (p.startsWith('{') && p.endsWith('}') ? segments[i] !== '' : p === segments[i]))
    )
  })
}
