// Media detection from magic bytes and durations from container headers, on small synthetic files.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { mediaDuration } from './duration.js'
import { FIXTURES_DIR, MAGIC_BYTES, detectMedia } from './media.js'

const fixture = (name: string) => readFileSync(join(FIXTURES_DIR, name))

/** Detection as the emulator does it after a PUT: the first MAGIC_BYTES, and the whole file. */
function sniff(bytes: Buffer) {
  const media = detectMedia(bytes.subarray(0, MAGIC_BYTES), bytes)
  return { ...media, duration: mediaDuration(media, bytes) }
}

function box(type: string, ...content: Buffer[]): Buffer {
  const body = Buffer.concat(content)
  const header = Buffer.alloc(8)
  header.writeUInt32BE(8 + body.length)
  header.write(type, 4, 'latin1')
  return Buffer.concat([header, body])
}

const ftyp = (major: string, ...compatible: string[]) =>
  box('ftyp', Buffer.from(major, 'latin1'), Buffer.alloc(4), Buffer.from(compatible.join(''), 'latin1'))

function mvhd(timescale: number, duration: number): Buffer {
  const b = Buffer.alloc(100)
  b.writeUInt32BE(timescale, 12)
  b.writeUInt32BE(duration, 16)
  return box('mvhd', b)
}

const trak = (handler: string) =>
  box('trak', box('mdia', box('hdlr', Buffer.alloc(8), Buffer.from(handler, 'latin1'), Buffer.alloc(12))))

function adts(frames: number, payload = 20): Buffer {
  const length = 7 + payload
  const frame = Buffer.alloc(length)
  frame.set([
    0xff,
    0xf1,
    (1 << 6) | (4 << 2),
    0x80 | ((length >> 11) & 0x03),
    (length >> 3) & 0xff,
    ((length & 7) << 5) | 0x1f,
    0xfc,
  ])
  return Buffer.concat(Array.from({ length: frames }, () => frame))
}

function oggPage(packet: Buffer, granule: bigint): Buffer {
  const header = Buffer.alloc(27)
  header.write('OggS', 0, 'latin1')
  header.writeBigUInt64LE(granule, 6)
  header[26] = 1
  return Buffer.concat([header, Buffer.from([packet.length]), packet])
}

function flac(rate: number, samples: number): Buffer {
  const info = Buffer.alloc(34)
  info[10] = (rate >> 12) & 0xff
  info[11] = (rate >> 4) & 0xff
  info[12] = ((rate & 0x0f) << 4) | (1 << 1)
  info[13] = (15 << 4) | Math.floor(samples / 2 ** 32)
  info.writeUInt32BE(samples % 2 ** 32, 14)
  return Buffer.concat([Buffer.from('fLaC', 'latin1'), Buffer.from([0x80, 0, 0, 34]), info])
}

describe('detectMedia and mediaDuration', () => {
  it('reads the committed fixtures', () => {
    expect(sniff(fixture('voice.wav'))).toEqual({ type: 'AUDIO', format: 'wav', duration: 0.5 })
    expect(sniff(fixture('clip.mp4'))).toMatchObject({ type: 'VIDEO', format: 'mp4' })
    expect(sniff(fixture('clip.mp4')).duration).toBeCloseTo(1, 1)
    expect(sniff(fixture('ref.png'))).toEqual({ type: 'IMAGE', format: 'png', duration: null })
    expect(sniff(fixture('ref.jpg'))).toEqual({ type: 'IMAGE', format: 'jpg', duration: null })
  })

  it('MP3 with an ID3 tag or from a bare frame, its duration from the bitrate', () => {
    // MPEG-1 Layer III, 128 kbit/s, 44.1 kHz: 16,000 bytes of frames are one second.
    const frames = Buffer.alloc(16_000)
    frames.set([0xff, 0xfb, 0x90, 0x64])
    const id3 = Buffer.from([0x49, 0x44, 0x33, 4, 0, 0, 0, 0, 0, 10, ...Buffer.alloc(10)])
    expect(sniff(Buffer.concat([id3, frames]))).toEqual({ type: 'AUDIO', format: 'mp3', duration: 1 })
    expect(sniff(frames)).toEqual({ type: 'AUDIO', format: 'mp3', duration: 1 })
  })

  it('M4A by brand, an isom file by its tracks, MP4 video otherwise', () => {
    const moov = (...traks: Buffer[]) => box('moov', mvhd(1000, 2500), ...traks)
    expect(sniff(Buffer.concat([ftyp('M4A ', 'M4A ', 'mp42', 'isom'), moov(trak('soun'))]))).toEqual({
      type: 'AUDIO',
      format: 'm4a',
      duration: 2.5,
    })
    expect(sniff(Buffer.concat([ftyp('isom', 'isom', 'iso2'), moov(trak('soun'))]))).toMatchObject({ type: 'AUDIO' })
    expect(sniff(Buffer.concat([ftyp('isom', 'isom'), moov(trak('vide'), trak('soun'))]))).toEqual({
      type: 'VIDEO',
      format: 'mp4',
      duration: 2.5,
    })
    // Without the whole file (a large upload) an isom file counts as video.
    const head = Buffer.concat([ftyp('isom', 'isom'), moov(trak('soun'))])
    expect(detectMedia(head.subarray(0, MAGIC_BYTES))).toEqual({ type: 'VIDEO', format: 'mp4' })
    expect(sniff(Buffer.concat([ftyp('qt  '), moov()]))).toMatchObject({ type: 'VIDEO', format: 'mov' })
  })

  it('raw AAC (ADTS), Ogg Vorbis and Opus, FLAC', () => {
    expect(sniff(adts(43))).toEqual({
      type: 'AUDIO',
      format: 'aac',
      duration: Math.round((43 * 1024 * 1000) / 44100) / 1000,
    })
    const vorbis = Buffer.concat([
      Buffer.from('\x01vorbis', 'latin1'),
      Buffer.alloc(4),
      Buffer.alloc(1),
      Buffer.alloc(4),
    ])
    vorbis.writeUInt32LE(48000, 12)
    expect(sniff(Buffer.concat([oggPage(vorbis, 0n), oggPage(Buffer.alloc(8), 96000n)]))).toEqual({
      type: 'AUDIO',
      format: 'ogg',
      duration: 2,
    })
    const opus = Buffer.concat([Buffer.from('OpusHead', 'latin1'), Buffer.alloc(11)])
    opus.writeUInt16LE(312, 10)
    expect(sniff(Buffer.concat([oggPage(opus, 0n), oggPage(Buffer.alloc(8), 48312n)])).duration).toBe(1)
    expect(sniff(flac(44100, 88200))).toEqual({ type: 'AUDIO', format: 'flac', duration: 2 })
  })

  it('survives truncated and hostile headers', () => {
    expect(sniff(Buffer.from('fLaC'))).toEqual({ type: 'AUDIO', format: 'flac', duration: null })
    expect(sniff(fixture('voice.wav').subarray(0, 30))).toEqual({ type: 'AUDIO', format: 'wav', duration: null })
    expect(sniff(Buffer.from([0xff, 0xf1, 0x50]))).toEqual({ type: 'AUDIO', format: 'aac', duration: null })
    // A 64-bit box size far beyond the file, and a zero timescale.
    const huge = Buffer.concat([
      ftyp('isom'),
      Buffer.from([0, 0, 0, 1, 0x6d, 0x6f, 0x6f, 0x76, 0xff, 0, 0, 0, 0, 0, 0, 0]),
    ])
    expect(sniff(huge)).toEqual({ type: 'VIDEO', format: 'mp4', duration: null })
    expect(sniff(Buffer.concat([ftyp('isom'), box('moov', mvhd(0, 10))])).duration).toBeNull()
    // JPEG's 0xFFD8 is not an MPEG frame sync; MPEG version 01 is reserved.
    expect(detectMedia(Buffer.from([0xff, 0xd8, 0x00]))).toBeNull()
    expect(detectMedia(Buffer.from([0xff, 0xeb, 0x90]))).toBeNull()
    expect(detectMedia(Buffer.alloc(0))).toBeNull()
  })
})
