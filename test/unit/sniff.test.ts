// The format a file's first bytes show, as the action checks a reference before uploading it.
import { describe, expect, it } from 'vitest'
import { accepts, sniff } from '../../src/media.js'

const bytes = (...values: number[]) => Buffer.from([...values, ...new Array(16).fill(0)].slice(0, 16))

describe('sniff', () => {
  it('tells MPEG audio frames (MP3) from ADTS frames (AAC) by the layer bits', () => {
    expect(sniff(bytes(0xff, 0xfb, 0x90, 0x44))).toBe('mp3') // MPEG-1 layer III
    expect(sniff(bytes(0xff, 0xf1, 0x50, 0x80))).toBe('aac') // ADTS, MPEG-4
    expect(sniff(bytes(0xff, 0xf9, 0x50, 0x80))).toBe('aac') // ADTS, MPEG-2
    expect(sniff(bytes(0xff, 0x1f))).toBeUndefined() // no frame sync
    expect(sniff(Buffer.from([0xff]))).toBeUndefined() // too short to tell
  })

  it('a kind accepts only its own formats', () => {
    expect(accepts('AUDIO', 'aac')).toBe(true)
    expect(accepts('IMAGE', 'aac')).toBe(false)
    expect(accepts('VIDEO', undefined)).toBe(false)
  })
})
