// Fixture media (read once per process) and file-type detection from magic bytes.
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
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

/** How many leading bytes detectType needs. */
export const MAGIC_BYTES = 16

const ascii = (head: Buffer, start: number, end: number) => head.subarray(start, end).toString('latin1')

/** Media type recognised from the first bytes, or null when unknown. */
export function detectType(head: Buffer): FileType | null {
  if (head.length >= 3 && head[0] === 0xff && head[1] === 0xd8 && head[2] === 0xff) return 'IMAGE'
  if (ascii(head, 0, 8) === '\x89PNG\r\n\x1a\n') return 'IMAGE'
  if (ascii(head, 0, 4) === 'GIF8') return 'IMAGE'
  if (ascii(head, 0, 4) === 'RIFF' && ascii(head, 8, 12) === 'WEBP') return 'IMAGE'
  if (ascii(head, 4, 8) === 'ftyp') return 'VIDEO' // MP4, MOV, M4V (M4A is rare enough to ignore)
  if (head.length >= 4 && head.readUInt32BE(0) === 0x1a45dfa3) return 'VIDEO' // WebM / Matroska
  if (ascii(head, 0, 4) === 'RIFF' && ascii(head, 8, 12) === 'WAVE') return 'AUDIO'
  if (ascii(head, 0, 3) === 'ID3' || ascii(head, 0, 4) === 'OggS' || ascii(head, 0, 4) === 'fLaC') return 'AUDIO'
  if (head.length >= 2 && head[0] === 0xff && ((head[1] ?? 0) & 0xe0) === 0xe0) return 'AUDIO' // MPEG audio frame sync
  if (ascii(head, 0, 5) === '%PDF-') return 'PDF'
  return null
}

const IMAGE_EXT: Record<string, string> = {
  'image/png': 'png',
  'image/jpeg': 'jpg',
  'image/gif': 'gif',
  'image/webp': 'webp',
}

export function extensionFor(type: FileType | null, contentType: string | null): string {
  if (type === 'VIDEO') return 'mp4'
  if (type === 'AUDIO') return 'mp3'
  if (type === 'PDF') return 'pdf'
  return (contentType && IMAGE_EXT[contentType.split(';')[0]!.trim().toLowerCase()]) ?? 'bin'
}
