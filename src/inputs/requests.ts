// A batch: the `requests` input, a YAML or JSON list (inline, or a workspace file), each item a request
// whose fields override the step's own inputs. Every item is checked before any request; a problem names
// `requests[<id>].<input>`.
import { readFile } from 'node:fs/promises'
import type { Workspace } from '../workspace.js'
import { InputError, type Problems } from './input-error.js'
import { parseStructured } from './parse.js'
import { type ClipRequest, type InputSource, REQUEST_INPUTS, readClipRequest } from './request-inputs.js'

export const MAX_ITEMS = 500
const ITEM_ID = /^[A-Za-z0-9_-]{1,64}$/
const MAX_FILE_BYTES = 1024 * 1024
const INPUT = 'requests'
const EXAMPLE = 'a list such as [{"id": "intro", "prompt": "…"}, {"id": "outro", "prompt": "…"}]'

/** The input's text: inline, or the content of the workspace file it names. */
async function source(raw: string, workspace: Workspace): Promise<string> {
  const value = raw.trim()
  if (value.includes('\n') || !/\.(ya?ml|json)$/i.test(value)) return raw
  const { absPath, size } = await workspace.regularFile(INPUT, value)
  if (size > MAX_FILE_BYTES)
    throw new InputError(INPUT, `'${value}' is ${size} bytes; a requests file may hold at most 1 MiB`)
  return readFile(absPath, 'utf8')
}

/** An item's value for an input, as the text an input would have. */
function asInputText(name: string, value: unknown): string | undefined {
  if (typeof value === 'string') return value
  if (typeof value === 'number' || typeof value === 'boolean') return String(value)
  if (Array.isArray(value) && value.every((v) => typeof v === 'string')) return value.join('\n')
  if (name === 'params' && value !== null && typeof value === 'object') return JSON.stringify(value)
  return undefined
}

const ALLOWED = new Set<string>(['id', ...REQUEST_INPUTS])

/**
 * Reads the batch. Returns the requests in input order, or undefined when the list itself is unusable
 * (items with problems are reported and left out, so every problem is found in one run).
 */
export async function readBatch(
  raw: string,
  step: (name: string) => string,
  workspace: Workspace,
  problems: Problems,
  warnings: string[],
): Promise<ClipRequest[] | undefined> {
  const parsed = await problems.take(async () => parseStructured(INPUT, await source(raw, workspace), EXAMPLE))
  if (parsed === undefined) return undefined
  if (!Array.isArray(parsed) || parsed.length === 0) {
    problems.add(INPUT, `must be a non-empty list of requests, e.g. ${EXAMPLE}`)
    return undefined
  }
  if (parsed.length > MAX_ITEMS) {
    problems.add(INPUT, `${parsed.length} requests given; at most ${MAX_ITEMS} in one step`)
    return undefined
  }
  const seen = new Set<string>()
  const requests: ClipRequest[] = []
  for (const [index, item] of parsed.entries()) {
    if (item === null || typeof item !== 'object' || Array.isArray(item)) {
      problems.add(`${INPUT}[${index}]`, 'must be a mapping of input names to values, with an id')
      continue
    }
    const fields = item as Record<string, unknown>
    // An item whose id is unusable is still checked through, named by its place in the list, so that every
    // problem shows in one run.
    let usable = true
    const id = fields.id
    let key: string
    if (typeof id !== 'string' || !ITEM_ID.test(id)) {
      problems.add(`${INPUT}[${index}].id`, 'is required: letters, digits, - and _ (at most 64), unique in the list')
      usable = false
      key = String(index)
    } else if (seen.has(id)) {
      problems.add(`${INPUT}[${id}].id`, 'is used by another item; ids must be unique')
      usable = false
      key = String(index)
    } else {
      seen.add(id)
      key = id
    }
    const values = new Map<string, string>()
    for (const [name, value] of Object.entries(fields)) {
      if (name === 'id') continue
      if (!ALLOWED.has(name)) {
        problems.add(`${INPUT}[${key}].${name}`, `is not a request input; use one of ${REQUEST_INPUTS.join(', ')}`)
        usable = false
        continue
      }
      const text = asInputText(name, value)
      if (text === undefined) {
        problems.add(`${INPUT}[${key}].${name}`, 'must be text, a number, true/false or a list of text')
        usable = false
      } else values.set(name, text)
    }
    const src: InputSource = {
      value: (name) => values.get(name) ?? step(name),
      label: (name) => (values.has(name) ? `${INPUT}[${key}].${name}` : name),
    }
    const request = await readClipRequest(src, workspace, problems, { resuming: false, id: key, warnings })
    if (request && usable) requests.push(request)
  }
  return requests
}

/** `execution-id` given the `results` output of a batch: item id → execution id. */
export function parseBatchResume(raw: string, isExecutionId: (v: unknown) => boolean): Map<string, string> {
  let parsed: unknown
  try {
    parsed = JSON.parse(raw)
  } catch {
    throw new InputError(
      'execution-id',
      'looks like JSON but is not valid JSON; give the results output of a batch step',
    )
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
    throw new InputError(
      'execution-id',
      'must be one execution id, or the results output (a JSON object) of a batch step',
    )
  }
  const ids = new Map<string, string>()
  for (const [key, value] of Object.entries(parsed as Record<string, unknown>)) {
    const id = typeof value === 'string' ? value : (value as { executionId?: unknown } | null)?.executionId
    // An item that was never created (its entry has a status but no execution) has nothing to resume.
    if (id === undefined && value !== null && typeof value === 'object') continue
    if (!ITEM_ID.test(key) || !isExecutionId(id)) {
      throw new InputError(
        'execution-id',
        `item '${key}' has no valid execution id; give the results output of a batch step unchanged`,
      )
    }
    if ([...ids.values()].includes(id as string)) {
      throw new InputError(
        'execution-id',
        `execution ${id} is given for two items; give the results output of a batch step unchanged`,
      )
    }
    ids.set(key, id as string)
  }
  if (ids.size === 0 || ids.size > MAX_ITEMS)
    throw new InputError('execution-id', `names ${ids.size} executions; give 1 to ${MAX_ITEMS}`)
  return ids
}
