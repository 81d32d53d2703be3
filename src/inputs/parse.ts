// Parsers for single input values. Each throws InputError naming the input and what is allowed.
import { InputError } from './input-error.js'

const TRUE = new Set(['true', 'True', 'TRUE'])
const FALSE = new Set(['false', 'False', 'FALSE'])

/** YAML 1.2 core-schema booleans, as @actions/core's getBooleanInput accepts, but with our message. */
export function parseBoolean(input: string, raw: string, fallback: boolean): boolean {
  const value = raw.trim()
  if (value === '') return fallback
  if (TRUE.has(value)) return true
  if (FALSE.has(value)) return false
  throw new InputError(input, `'${value}' is not a boolean; use true or false`)
}

export function parseIntegerInRange(input: string, raw: string, min: number, max: number): number {
  const value = raw.trim()
  if (!/^[+]?\d+$/.test(value)) {
    throw new InputError(input, `'${value}' is not a whole number; use an integer from ${min} to ${max}`)
  }
  const n = Number(value)
  if (n < min || n > max) throw new InputError(input, `${n} is out of range; use an integer from ${min} to ${max}`)
  return n
}

export interface AspectRatio {
  width: number
  height: number
}

export function parseAspectRatio(input: string, raw: string): AspectRatio | undefined {
  const value = raw.trim()
  if (value === '') return undefined
  const match = /^(\d+)\s*:\s*(\d+)$/.exec(value)
  const width = Number(match?.[1])
  const height = Number(match?.[2])
  if (!match || width < 1 || height < 1 || !Number.isSafeInteger(width) || !Number.isSafeInteger(height)) {
    throw new InputError(input, `'${value}' is not W:H with positive integers, e.g. 16:9, 9:16 or 1:1`)
  }
  return { width, height }
}

export function parseEnum<T extends string>(input: string, raw: string, allowed: readonly T[], fallback: T): T {
  const value = raw.trim()
  if (value === '') return fallback
  const found = allowed.find((a) => a === value.toUpperCase())
  if (!found) throw new InputError(input, `'${value}' is not one of ${allowed.join(', ')}`)
  return found
}

const UNIT_MS: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 }
const MAX_TIMEOUT_MS = 7 * 86_400_000

/** Durations with units, combinable: `90s`, `20m`, `1h30m`. A bare number is refused: its unit would be a guess. */
export function parseDuration(input: string, raw: string): number {
  const value = raw.trim().toLowerCase().replace(/\s+/g, '')
  const parts = [...value.matchAll(/(\d+(?:\.\d+)?)(ms|s|m|h|d)/g)]
  const consumed = parts.map((p) => p[0]).join('')
  if (value === '' || parts.length === 0 || consumed !== value) {
    throw new InputError(
      input,
      `'${raw.trim()}' is not a duration; use a number with a unit, e.g. 90s, 20m, 1h or 1h30m`,
    )
  }
  const ms = parts.reduce((sum, p) => sum + Number(p[1]) * (UNIT_MS[p[2] as string] as number), 0)
  if (ms < 1000) throw new InputError(input, `'${raw.trim()}' is too short; use at least 1s`)
  if (ms > MAX_TIMEOUT_MS) throw new InputError(input, `'${raw.trim()}' is longer than 7d`)
  return Math.round(ms)
}

/**
 * JSON or YAML (YAML is a superset of JSON, so one parser serves both), as plain JSON data: the value
 * must survive a JSON round trip, so YAML anchors that refer to themselves, tags and other values that
 * cannot be sent are refused here, naming the input. The parser is loaded only when there is something
 * to parse: most runs leave these inputs empty, and start-up time counts.
 */
export async function parseStructured(input: string, raw: string, example: string): Promise<unknown> {
  const { parse: parseYaml } = await import('yaml')
  let parsed: unknown
  try {
    parsed = parseYaml(raw, { uniqueKeys: true, prettyErrors: false, maxAliasCount: 100 })
  } catch (error) {
    const reason = error instanceof Error ? error.message.split('\n')[0] : String(error)
    throw new InputError(input, `is neither valid JSON nor YAML (${reason}); give ${example}`)
  }
  try {
    return JSON.parse(JSON.stringify(parsed) ?? 'null') as unknown
  } catch (error) {
    const reason = error instanceof Error ? error.message.split('\n')[0] : String(error)
    throw new InputError(input, `cannot be sent as JSON (${reason}); give ${example} without self-referring anchors`)
  }
}

/** A JSON or YAML mapping, e.g. `params`. */
export async function parseObject(input: string, raw: string): Promise<Record<string, unknown>> {
  if (raw.trim() === '') return {}
  const parsed = await parseStructured(input, raw, 'an object such as {"quality": "HIGH"}')
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
    const kind = parsed === null ? 'null' : Array.isArray(parsed) ? 'an array' : `a ${typeof parsed}`
    throw new InputError(input, `must be an object (a mapping of API field names to values), got ${kind}`)
  }
  return parsed as Record<string, unknown>
}

/** `auto` (or empty) → undefined; otherwise whole seconds in range, with or without `s`: `8`, `8s`. */
export function parseSeconds(input: string, raw: string, min: number, max: number): number | undefined {
  const value = raw.trim().toLowerCase()
  if (value === '' || value === 'auto') return undefined
  const match = /^(\d+)\s*s?$/.exec(value)
  if (!match)
    throw new InputError(input, `'${raw.trim()}' is not auto or whole seconds; use e.g. auto, 8 or 8s (${min}–${max})`)
  const n = Number(match[1])
  if (n < min || n > max) throw new InputError(input, `${n} seconds is out of range; use ${min}–${max}, or auto`)
  return n
}

/** Free text, trimmed; empty → undefined. */
export function parseText(raw: string): string | undefined {
  const value = raw.trim()
  return value === '' ? undefined : value
}
