// What main saves for the post step and what the post step reads back, through the runner's state file:
// one helper for both sides, so the names cannot drift; state is outside input, so ids are checked.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { MainState, readPostState } from '../../src/state.js'
import { parseFileCommands } from '../runner/file-commands.js'

const saved = { ...process.env }
let stateFile: string

beforeEach(() => {
  stateFile = path.join(mkdtempSync(path.join(tmpdir(), 'vg-state-')), 'state')
  writeFileSync(stateFile, '')
  process.env.GITHUB_STATE = stateFile
})
afterEach(() => {
  process.env = { ...saved }
})

/** The runner hands the last value of each name to the post step as STATE_<name>. */
function handOver(): ReturnType<typeof readPostState> {
  for (const [name, value] of Object.entries(parseFileCommands(readFileSync(stateFile, 'utf8'))))
    process.env[`STATE_${name}`] = value
  return readPostState()
}

describe('MainState → readPostState', () => {
  it('a single run: open while followed, nothing once settled; the base URL and a create in flight', () => {
    const state = new MainState()
    state.rememberBaseUrl('https://api.videogen.io')
    state.beginCreate({ known: true, newest: 'vg_tool_before' })
    expect(handOver()).toEqual({
      baseUrl: 'https://api.videogen.io',
      open: [],
      createsInFlight: { mark: { known: true, newest: 'vg_tool_before' }, count: 1 },
    })
    state.track('vg_tool_new')
    state.endCreate()
    expect(handOver()).toEqual({ baseUrl: 'https://api.videogen.io', open: ['vg_tool_new'] })
    state.settle('vg_tool_new', 'terminal')
    expect(state.settledAs('vg_tool_new')).toBe('terminal')
    expect(handOver()).toEqual({ baseUrl: 'https://api.videogen.io', open: [] })
  })

  it('a batch: each execution with its own disposition; the mark of the first create in flight is kept', () => {
    const state = new MainState(true)
    state.beginCreate({ known: true, newest: 'vg_tool_m1' })
    state.beginCreate({ known: true, newest: 'vg_tool_m2' })
    expect(handOver().createsInFlight).toEqual({ mark: { known: true, newest: 'vg_tool_m1' }, count: 2 })
    state.track('vg_tool_a')
    state.track('vg_tool_b')
    state.track('vg_tool_c')
    state.endCreate()
    state.settle('vg_tool_a', 'terminal')
    state.settle('vg_tool_c', 'detached')
    expect(handOver()).toEqual({
      open: ['vg_tool_b'],
      createsInFlight: { mark: { known: true, newest: 'vg_tool_m1' }, count: 1 },
    })
    expect(state.settledAs('vg_tool_b')).toBeUndefined()
  })

  it('a list that could not be read before the create is handed over as not known; an empty one as known', () => {
    const state = new MainState()
    state.beginCreate({ known: false, newest: null })
    expect(handOver().createsInFlight).toEqual({ mark: { known: false, newest: null }, count: 1 })
    state.endCreate()
    state.beginCreate({ known: true, newest: null })
    expect(handOver().createsInFlight).toEqual({ mark: { known: true, newest: null }, count: 1 })
  })

  it('state another step wrote is checked: ids that are not ids, counts that are not counts', () => {
    process.env.STATE_executions = JSON.stringify({ vg_tool_ok: '', '../../x': '', vg_tool_done: 'terminal' })
    process.env.STATE_executionId = 'vg_file_not_an_execution'
    process.env.STATE_createInFlight = JSON.stringify({ mark: 'rm -rf /', count: 2 })
    expect(readPostState()).toEqual({
      open: ['vg_tool_ok'],
      createsInFlight: { mark: { known: false, newest: null }, count: 2 },
    })
    for (const raw of ['{"count": 0}', '{"count": 1.5}', '{"count": "3"}', 'null', '{oops']) {
      process.env.STATE_createInFlight = raw
      expect(readPostState().createsInFlight).toBeUndefined()
    }
    process.env.STATE_executions = '["vg_tool_x"]'
    expect(readPostState().open).toEqual([])
  })
})
