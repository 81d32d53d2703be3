// What must hold after every run of the action, whatever the API answered or the repository holds. Each
// check returns the violations it found (empty: it holds), so one failing case reports all of them.
import { createHash } from 'node:crypto'
import { lstatSync, readFileSync, readdirSync, readlinkSync } from 'node:fs'
import path from 'node:path'
import { marked } from 'marked'
import { type HTMLElement, parse } from 'node-html-parser'
import type { Emulator } from '../emulator/index.js'
import { readActionYml } from '../runner/action-yml.js'
import type { RunResult } from '../runner/run-action.js'
import { STATE } from '../../src/state.js'
import { EXECUTION_ID, FILE_ID } from '../../src/videogen/ids.js'

// ---------------------------------------------------------------------------------------------------
// Files: nothing outside download-dir changes

export interface TreeEntry {
  type: 'file' | 'dir' | 'link' | 'fifo' | 'other'
  size: number
  mtimeMs: number
  /** Content hash of a small regular file; target of a link. */
  content?: string
}

/** Files hashed in full up to this size; larger (sparse) ones are compared by size and mtime. */
const HASH_LIMIT = 4 * 1024 * 1024

/** Every entry under `root`, by relative path, without following links or opening anything but small files. */
export function snapshotTree(root: string): Map<string, TreeEntry> {
  const out = new Map<string, TreeEntry>()
  const walk = (rel: string) => {
    const abs = path.join(root, rel)
    for (const name of readdirSync(abs)) {
      const childRel = path.join(rel, name)
      const childAbs = path.join(root, childRel)
      const info = lstatSync(childAbs)
      const entry: TreeEntry = {
        type: info.isSymbolicLink()
          ? 'link'
          : info.isDirectory()
            ? 'dir'
            : info.isFile()
              ? 'file'
              : info.isFIFO()
                ? 'fifo'
                : 'other',
        size: info.size,
        mtimeMs: info.mtimeMs,
      }
      if (entry.type === 'link') entry.content = readlinkSync(childAbs)
      if (entry.type === 'file' && info.size <= HASH_LIMIT)
        entry.content = createHash('sha256').update(readFileSync(childAbs)).digest('hex')
      out.set(childRel, entry)
      if (entry.type === 'dir') walk(childRel)
    }
  }
  walk('')
  return out
}

const describeEntry = (e: TreeEntry) => `${e.type} ${e.size} B${e.content ? ` ${e.content.slice(0, 16)}` : ''}`

/**
 * Changes between two snapshots of the sandbox (workspace + outside directory) that `allowedDir` (relative
 * to the sandbox; undefined: none) does not cover: anything under it, and the creation of its parents.
 * Directory mtimes are ignored (adding download-dir changes its parent's).
 */
export function checkTree(
  before: Map<string, TreeEntry>,
  after: Map<string, TreeEntry>,
  allowedDir: string | undefined,
): string[] {
  const allowed = (rel: string, entry: TreeEntry | undefined) => {
    if (allowedDir === undefined) return false
    if (rel === allowedDir || rel.startsWith(`${allowedDir}${path.sep}`)) return true
    return entry?.type === 'dir' && allowedDir.startsWith(`${rel}${path.sep}`)
  }
  const violations: string[] = []
  for (const [rel, was] of before) {
    const now = after.get(rel)
    if (!now) {
      if (!allowed(rel, was)) violations.push(`removed ${JSON.stringify(rel)} (${describeEntry(was)})`)
      continue
    }
    const same =
      now.type === was.type &&
      now.content === was.content &&
      (now.type === 'dir' || (now.size === was.size && now.mtimeMs === was.mtimeMs))
    if (!same && !allowed(rel, now))
      violations.push(`changed ${JSON.stringify(rel)}: ${describeEntry(was)} → ${describeEntry(now)}`)
  }
  for (const [rel, now] of after) {
    if (!before.has(rel) && !allowed(rel, now))
      violations.push(`created ${JSON.stringify(rel)} (${describeEntry(now)})`)
  }
  return violations
}

// ---------------------------------------------------------------------------------------------------
// Log: no workflow command but the action's own

/** Every command the runner registers (its command extensions plus stop-commands). */
const REGISTERED = new Set([
  'set-env',
  'set-output',
  'save-state',
  'add-mask',
  'add-path',
  'add-matcher',
  'remove-matcher',
  'debug',
  'warning',
  'error',
  'notice',
  'group',
  'endgroup',
  'echo',
  'stop-commands',
])

/** Lines as the runner reads them: it splits on \n, \r\n and a lone \r. */
export const runnerLines = (text: string) => text.split(/\r\n|\r|\n/)

interface Command {
  name: string
  props: string
  data: string
  form: '::' | '##['
}

/**
 * The command the runner would read in `line`, as it does: the `::name props::data` form after leading
 * blanks; failing that, the legacy `##[name props]data` form anywhere in the line.
 */
export function commandIn(line: string): Command | undefined {
  const trimmed = line.replace(/^[\s\u0085]+/, '')
  if (trimmed.startsWith('::')) {
    const end = trimmed.indexOf('::', 2)
    if (end >= 0) {
      const info = trimmed.slice(2, end)
      const space = info.indexOf(' ')
      const name = space < 0 ? info : info.slice(0, space)
      if (REGISTERED.has(name.toLowerCase()))
        return { name, props: space < 0 ? '' : info.slice(space + 1), data: trimmed.slice(end + 2), form: '::' }
    }
  }
  const prefix = line.indexOf('##[')
  if (prefix < 0) return undefined
  const rb = line.indexOf(']', prefix)
  if (rb < 0) return undefined
  const info = line.slice(prefix + 3, rb)
  const space = info.indexOf(' ')
  const name = space < 0 ? info : info.slice(0, space)
  if (!REGISTERED.has(name.toLowerCase())) return undefined
  return { name, props: space < 0 ? '' : info.slice(space + 1), data: line.slice(rb + 1), form: '##[' }
}

/** Only `::add-mask::<key>`, annotations, `::debug::` and groups; no legacy form at all. */
export function checkStdout(stdout: string, key: string): string[] {
  const violations: string[] = []
  for (const line of runnerLines(stdout)) {
    const cmd = commandIn(line)
    if (!cmd) continue
    const name = cmd.name
    const ok =
      cmd.form === '::' &&
      ((['error', 'warning', 'notice'].includes(name) && /^(\w+=[^:,]*)(,\w+=[^:,]*)*$|^$/.test(cmd.props)) ||
        (['debug', 'group', 'endgroup'].includes(name) && cmd.props === '') ||
        (name === 'add-mask' && cmd.props === '' && cmd.data === key))
    if (!ok)
      violations.push(
        `stdout line the runner reads as a ${cmd.form}${name} command: ${JSON.stringify(line.slice(0, 300))}`,
      )
  }
  return violations
}

/** The data of the annotations of one kind, decoded as the runner does (%25, %0D, %0A). */
export function annotations(stdout: string, kind: 'error' | 'warning'): string[] {
  return runnerLines(stdout)
    .map(commandIn)
    .filter((c): c is Command => c?.form === '::' && c.name === kind)
    .map((c) => c.data.replace(/%0D/g, '\r').replace(/%0A/g, '\n').replace(/%25/g, '%'))
}

// ---------------------------------------------------------------------------------------------------
// Summary: no element or link the action did not write

/** The tags the action writes, and the attributes it gives them. */
const TAGS: Record<string, string[]> = {
  h2: [],
  table: [],
  tr: [],
  th: ['align'],
  td: [],
  code: ['class'],
  pre: [],
  br: [],
  a: ['href'],
  img: ['src', 'width', 'alt'],
  p: [],
  details: [],
  summary: [],
}

const elements = (doc: HTMLElement) => doc.querySelectorAll('*')

/**
 * The summary rendered as GitHub renders it (Markdown with raw HTML). Links and images must point at
 * `#`, an emulator origin, or a URL the API itself handed over (`injected`), over http(s).
 */
export function checkSummary(summary: string, origins: string[], injected: Set<string>, maxClips: number): string[] {
  if (summary === '') return []
  const violations: string[] = []
  const doc = parse(marked.parse(summary, { async: false, gfm: true }))
  // The action escapes " ' < > in URLs it writes into attributes: compare the API's URLs escaped the same way.
  const escaped = new Set(
    [...injected].map((u) => u.replace(/"/g, '%22').replace(/'/g, '%27').replace(/</g, '%3C').replace(/>/g, '%3E')),
  )
  for (const el of elements(doc)) {
    const tag = el.rawTagName?.toLowerCase()
    const attrs = TAGS[tag]
    if (!attrs) {
      violations.push(`summary has a <${tag}> element: ${el.outerHTML.slice(0, 200)}`)
      continue
    }
    for (const name of Object.keys(el.attributes)) {
      if (!attrs.includes(name.toLowerCase()))
        violations.push(`summary <${tag}> has attribute ${name}: ${el.outerHTML.slice(0, 200)}`)
    }
    const link = tag === 'a' ? el.getAttribute('href') : tag === 'img' ? el.getAttribute('src') : undefined
    if (link === undefined || link === '#') continue
    let origin: string | undefined
    try {
      const u = new URL(link)
      origin = /^https?:$/.test(u.protocol) ? u.origin : undefined
    } catch {
      origin = undefined
    }
    if (origin === undefined || (!origins.includes(origin) && !escaped.has(link)))
      violations.push(`summary <${tag}> links to ${JSON.stringify(link.slice(0, 200))}, which the API did not give`)
  }
  if (doc.querySelectorAll('h2').length > 1) violations.push('summary has more than one heading')
  if (doc.querySelectorAll('table').length > 2) violations.push('summary has more than two tables')
  if (doc.querySelectorAll('img').length > maxClips) violations.push(`summary has more than ${maxClips} images`)
  return violations
}

// ---------------------------------------------------------------------------------------------------
// Outcome: exit, outputs, errors

/** What a defect in the action's own code looks like when it surfaces in an error. */
const INTERNAL =
  /TypeError|RangeError|ReferenceError|SyntaxError|Invalid time value|Cannot read propert|is not a function|is not iterable|Maximum call stack|Unexpected end of JSON|\bat .*\.js:\d+:\d+/

const OUTPUT_STATUSES = ['succeeded', 'failed', 'cancelled', 'timed-out', 'error', 'pending', 'running', 'dry-run']

/** The outputs of a URL kind: http(s), no blank or control character (a later step may put it in a shell line). */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const isCleanUrl = (v: string) => /^https?:\/\/[^\s]+$/i.test(v) && !/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/.test(v)

export interface OutcomeContext {
  result: RunResult
  /** Time of the last stdout or stderr data, and of the close. */
  lastOutputAt: number
  closedAt: number
  /** The status, per the emulator after the run, of the execution this run created or resumed. */
  emulatorStatus: string | undefined
  /** The download dir, absolute; outputs' paths must lie inside it. */
  downloadDir: string | undefined
  workspace: string
  /** Bound on the time between the last line and the exit. */
  quietExitMs: number
}

export function checkOutcome(c: OutcomeContext): string[] {
  const { result: r } = c
  const violations: string[] = []
  if (r.signal !== null || (r.code !== 0 && r.code !== 1))
    violations.push(
      `ended by signal ${r.signal} / code ${r.code} after ${r.durationMs} ms, not a clean exit 0 or 1 within the case's bound`,
    )
  const errors = annotations(r.stdout, 'error')
  if (r.code === 1 && errors.length === 0) violations.push('exit 1 without an ::error:: annotation')
  for (const text of [...errors, ...annotations(r.stdout, 'warning'), r.stderr]) {
    const m = INTERNAL.exec(text)
    if (m) violations.push(`an internal error surfaced (${m[0]}): ${JSON.stringify(text.slice(0, 400))}`)
  }
  const status = r.outputs.status
  if (status !== undefined && !OUTPUT_STATUSES.includes(status))
    violations.push(`status output ${JSON.stringify(status)}`)
  if (r.code === 0 && status !== 'succeeded') violations.push(`exit 0 with status output ${JSON.stringify(status)}`)
  // Seen to succeed (the action set status=succeeded): only delivery can fail it, and then it says how to resume.
  if (r.code === 1 && status === 'succeeded') {
    const id = r.outputs['execution-id'] ?? ''
    if (!errors.some((e) => /delivery failed/i.test(e) && e.includes(`execution-id: ${id}`)))
      violations.push(
        `succeeded but exit 1 without delivery-failure resume advice: ${JSON.stringify(errors.join(' | ').slice(0, 400))}`,
      )
  }
  if (
    c.emulatorStatus === 'succeeded' &&
    r.code === 1 &&
    status === 'succeeded' &&
    errors.some((e) => INTERNAL.test(e))
  )
    violations.push('a succeeded execution failed on rendering or reporting')
  violations.push(...checkOutputs(c))
  // A killed run is reported above; the quiet time of a kill says nothing about how the action ends.
  const quiet = c.closedAt - c.lastOutputAt
  if (r.signal === null && quiet > c.quietExitMs)
    violations.push(`exited ${quiet} ms after its last output (bound ${c.quietExitMs} ms)`)
  return violations
}

function checkOutputs(c: OutcomeContext): string[] {
  const { state } = c.result
  // An output set to '' (no clip) reads the same as one not set.
  const outputs = Object.fromEntries(Object.entries(c.result.outputs).filter(([, v]) => v !== ''))
  const violations: string[] = []
  const declared = Object.keys(readActionYml().outputs ?? {})
  for (const name of Object.keys(outputs)) if (!declared.includes(name)) violations.push(`undeclared output ${name}`)
  const states: string[] = Object.values(STATE)
  for (const name of Object.keys(state)) if (!states.includes(name)) violations.push(`unknown saved state ${name}`)
  const id = outputs['execution-id']
  if (id !== undefined && !EXECUTION_ID.test(id)) violations.push(`execution-id output ${JSON.stringify(id)}`)
  // Arrays stay aligned with file-ids: null where a clip has no value.
  const list = (name: string): string[] => {
    const raw = outputs[name]
    if (raw === undefined) return []
    try {
      const parsed: unknown = JSON.parse(raw)
      if (Array.isArray(parsed) && parsed.every((v) => typeof v === 'string' || v === null))
        return parsed.filter((v): v is string => v !== null)
    } catch {
      // reported below
    }
    violations.push(`${name} output is not a JSON array of strings and nulls: ${JSON.stringify(raw.slice(0, 200))}`)
    return []
  }
  for (const v of [outputs['file-id'], ...list('file-ids')])
    if (v !== undefined && !FILE_ID.test(v)) violations.push(`file id output ${JSON.stringify(v)}`)
  for (const v of [
    outputs.url,
    outputs['thumbnail-url'],
    outputs['public-url'],
    ...list('urls'),
    ...list('public-urls'),
  ])
    if (v !== undefined && !isCleanUrl(v)) violations.push(`URL output ${JSON.stringify(v.slice(0, 200))}`)
  for (const v of [outputs.path, outputs['results-file'], ...list('paths')]) {
    if (v === undefined) continue
    const abs = path.resolve(c.workspace, v)
    if (c.downloadDir === undefined || !abs.startsWith(`${c.downloadDir}${path.sep}`))
      violations.push(`path output ${JSON.stringify(v)} is not inside download-dir`)
  }
  return violations
}

// ---------------------------------------------------------------------------------------------------
// Creates: never two executions for one run

export function checkCreates(emulator: Emulator, createdBefore: number): string[] {
  const violations: string[] = []
  const created = emulator.createCount() - createdBefore
  if (created > 1) violations.push(`${created} executions created in one run`)
  const posts = emulator.requests.filter((r) => r.method === 'POST' && r.path === '/v1/tools/generate-video-clip')
  // Only an answer that says the request was not processed (429, the API's 503) may be followed by another.
  for (const p of posts.slice(0, -1)) {
    if (p.status !== 429 && p.status !== 503)
      violations.push(`a create answered ${p.status} was followed by another create (${posts.length} in all)`)
  }
  return violations
}

/** Throws one error listing every violation, with the run's log for context. */
export function assertHolds(violations: string[], result: RunResult, context: string): void {
  if (violations.length === 0) return
  const tail = (s: string) => (s.length > 6000 ? `…${s.slice(-6000)}` : s)
  throw new Error(
    `${violations.length} invariant violation(s) in ${context}:\n- ${violations.join('\n- ')}\n` +
      `exit ${result.code}${result.signal ? ` (${result.signal})` : ''}; outputs ${JSON.stringify(result.outputs).slice(0, 1000)}\n` +
      `--- stdout ---\n${tail(result.stdout)}\n--- stderr ---\n${tail(result.stderr)}`,
  )
}
