// What withCleanOutput lets through while a library writes to stdout: one line of a command the library
// issues through core, as it is; anything else, one clean line that cannot start a command.
import { afterEach, describe, expect, it } from 'vitest'
import { withCleanOutput } from '../../src/library-output.js'

const realWrite = process.stdout.write
afterEach(() => {
  process.stdout.write = realWrite
})

/** What `writes` put on stdout inside withCleanOutput, captured below the guard. */
async function written(writes: Array<string | Uint8Array>): Promise<string> {
  let out = ''
  process.stdout.write = ((chunk: string | Uint8Array) => {
    out += typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8')
    return true
  }) as typeof process.stdout.write
  await withCleanOutput(async () => {
    for (const w of writes) process.stdout.write(w)
  })
  process.stdout.write = realWrite
  return out
}

describe('withCleanOutput', () => {
  it("passes the library's own one-line commands as they are", async () => {
    const lines = [
      '::add-mask::f9d3d3045dfb75556699b65e\n',
      '::debug::Cache Result:%0A{}\n',
      '::warning file=a.ts,line=1::Failed to restore\n',
      '::group::Restore\n',
      '::endgroup::\n',
    ]
    expect(await written(lines)).toBe(lines.join(''))
  })

  it.each([
    ['a command the library never issues', '::save-state name=evil::injected\n'],
    ['stop-commands', '::stop-commands::token\n'],
    ['set-output', '::set-output name=path::/etc/passwd\n'],
    ['a Buffer', Buffer.from('::save-state name=evil::injected\n')],
  ])('defuses %s', async (_n, chunk) => {
    const out = await written([chunk])
    expect(out.startsWith('::')).toBe(false)
    expect(out).toMatch(/^\\u003a:/)
  })

  it('makes a write with a line break inside one line, so a key cannot start a line of its own', async () => {
    const out = await written([
      'Cache hit for restore-key: k-vg_file_x\n::set-output name=path::x\r::stop-commands::y\n',
    ])
    expect(out.split('\n')).toEqual([
      'Cache hit for restore-key: k-vg_file_x\\u000a::set-output name=path::x\\u000d::stop-commands::y',
      '',
    ])
  })

  it('restores stdout after the work, even when it throws, and when calls overlap', async () => {
    const before = process.stdout.write
    await expect(withCleanOutput(() => Promise.reject(new Error('boom')))).rejects.toThrow('boom')
    expect(process.stdout.write).toBe(before)
    let release = () => {}
    const first = withCleanOutput(() => new Promise<void>((resolve) => (release = resolve)))
    await withCleanOutput(async () => {})
    expect(process.stdout.write).not.toBe(before)
    release()
    await first
    expect(process.stdout.write).toBe(before)
  })
})
