import { describe, expect, it } from 'vitest'
import { parseFileCommands } from '../runner/file-commands.js'

describe('parseFileCommands (the runner stand-in)', () => {
  it('reads name=value lines and the heredoc form, as the runner does', () => {
    const text = [
      'status=succeeded',
      'urls<<ghadelimiter_123',
      '["a",',
      '"b"]',
      'ghadelimiter_123',
      'empty=',
      'eq=a=b',
      '',
    ].join('\n')
    expect(parseFileCommands(text)).toEqual({ status: 'succeeded', urls: '["a",\n"b"]', empty: '', eq: 'a=b' })
  })
  it('refuses a heredoc without its delimiter', () => {
    expect(() => parseFileCommands('x<<EOF\nvalue\n')).toThrow(/missing delimiter EOF/)
  })
})
