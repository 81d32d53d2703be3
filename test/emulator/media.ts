// Fixture media (read once per process) and media detection from magic bytes.
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { boxes, child } from './mp4.js'
import type { FileType } from './types.js'

export const FIXTURES_DIR = fileURLToPath(new URL('./fixtures/', import.meta.url))

export interface Fixtures {
  /** 1 s, 160×120 H.264 MP4 (faststart). */
  clip: Buffer
  /** 160×120 JPEG. */
  thumb: Buffer
}

let cached: Fixtures | undefined

export function fixtures(): Fixtures {
  cached ??= {
    clip: readFileSync(new URL('./fixtures/clip.mp4', import.meta.url)),
    thumb: readFileSync(new URL('./fixtures/thumb.jpg', import.meta.url)),
  }
  return cached
}

/** Pixel size of the fixture renditions. */
export const FIXTURE_SIZE = { width: 160, height: 120 } as const

/** How many leading bytes detection needs (an MP4 `ftyp` box with its compatible brands fits). */
export const MAGIC_BYTES = 64

/** What the bytes are: the file type and the usual file extension of the container. */
export interface Media {
  type: FileType
  format:
    'jpg' | 'png' | 'gif' | 'webp' | 'mp4' | 'mov' | 'webm' | 'mp3' | 'wav' | 'm4a' | 'aac' | 'ogg' | 'flac' | 'pdf'
}

const ascii = (head: Buffer, start: number, end: number) => head.subarray(start, end).toString('latin1')

/** Brands of MP4 files that hold only sound (iTunes audio, audiobooks, protected audio, Flash audio). */
const AUDIO_BRANDS = new Set(['M4A ', 'M4B ', 'M4P ', 'F4A ', 'F4B '])

/**
 * An ISO-BMFF file is audio when its brands say so, or, when the whole file is at hand, when its tracks are
 * all sound tracks (an `isom` file written from audio alone). Anything else with `ftyp` counts as video.
 */
function isoMedia(head: Buffer, whole: Buffer | null): Media {
  const ftypSize = Math.min(head.length, head.readUInt32BE(0))
  const brands = [ascii(head, 8, 12)]
  for (let off = 16; off + 4 <= ftypSize; off += 4) brands.push(ascii(head, off, off + 4))
  if (brands.some((b) => AUDIO_BRANDS.has(b))) return { type: 'AUDIO', format: 'm4a' }
  if (whole) {
    const handlers: string[] = []
    const moov = child(whole, { start: 0, end: whole.length }, 'moov')
    for (const trak of moov ? boxes(whole, moov.start, moov.end) : []) {
      if (trak.type !== 'trak') continue
      const hdlr = child(whole, child(whole, trak, 'mdia'), 'hdlr')
      if (hdlr && hdlr.end - hdlr.start >= 12) handlers.push(ascii(whole, hdlr.start + 8, hdlr.start + 12))
    }
    if (handlers.includes('soun') && !handlers.includes('vide')) return { type: 'AUDIO', format: 'm4a' }
  }
  return { type: 'VIDEO', format: brands[0] === 'qt  ' ? 'mov' : 'mp4' }
}

/**
 * Media recognised from the first bytes (`whole`: all of them, when kept; it settles MP4 audio versus
 * video), or null when unknown.
 */
export function detectMedia(head: Buffer, whole: Buffer | null = null): Media | null {
  const b0 = head[0] ?? -1
  const b1 = head[1] ?? -1
  if (b0 === 0xff && b1 === 0xd8 && head[2] === 0xff) return { type: 'IMAGE', format: 'jpg' }
  if (ascii(head, 0, 8) === '\x89PNG\r\n\x1a\n') return { type: 'IMAGE', format: 'png' }
  if (ascii(head, 0, 4) === 'GIF8') return { type: 'IMAGE', format: 'gif' }
  if (ascii(head, 0, 4) === 'RIFF' && ascii(head, 8, 12) === 'WEBP') return { type: 'IMAGE', format: 'webp' }
  if (ascii(head, 0, 4) === 'RIFF' && ascii(head, 8, 12) === 'WAVE') return { type: 'AUDIO', format: 'wav' }
  if (head.length >= 12 && ascii(head, 4, 8) === 'ftyp') return isoMedia(head, whole)
  if (head.length >= 4 && head.readUInt32BE(0) === 0x1a45dfa3) return { type: 'VIDEO', format: 'webm' }
  if (ascii(head, 0, 3) === 'ID3') return { type: 'AUDIO', format: 'mp3' }
  if (ascii(head, 0, 4) === 'OggS') return { type: 'AUDIO', format: 'ogg' }
  if (ascii(head, 0, 4) === 'fLaC') return { type: 'AUDIO', format: 'flac' }
  if (b0 === 0xff && (b1 & 0xf6) === 0xf0) return { type: 'AUDIO', format: 'aac' } // ADTS: sync 0xFFF, layer 00
  // MPEG audio frame sync (11 bits), with a valid version (not 01) and layer (not 00).
  if (b0 === 0xff && (b1 & 0xe0) === 0xe0 && (b1 & 0x18) !== 0x08 && (b1 & 0x06) !== 0)
    return { type: 'AUDIO', format: 'mp3' }
  if (ascii(head, 0, 5) === '%PDF-') return { type: 'PDF', format: 'pdf' }
  return null
}

/** The file type recognised from the first bytes, or null. */
export function detectType(head: Buffer, whole: Buffer | null = null): FileType | null {
  return detectMedia(head, whole)?.type ?? null
}

const IMAGE_EXT: Record<string, string> = {
  'image/png': 'png',
  'image/jpeg': 'jpg',
  'image/gif': 'gif',
  'image/webp': 'webp',
}

/** Extension of a public preview URL: the detected container, else one that fits the type. */
export function extensionFor(type: FileType | null, contentType: string | null, format: string | null = null): string {
  if (format) return format
  if (type === 'VIDEO') return 'mp4'
  if (type === 'AUDIO') return 'mp3'
  if (type === 'PDF') return 'pdf'
  return (contentType && IMAGE_EXT[contentType.split(';')[0]!.trim().toLowerCase()]) ?? 'bin'
}
