// What kind of media a local file is: by its extension and, since a name proves nothing, by its first bytes.

export type MediaKind = 'IMAGE' | 'VIDEO' | 'AUDIO'

export const CONTENT_TYPES: Record<MediaKind, Record<string, string>> = {
  IMAGE: {
    '.jpg': 'image/jpeg',
    '.jpeg': 'image/jpeg',
    '.png': 'image/png',
    '.webp': 'image/webp',
    '.gif': 'image/gif',
  },
  VIDEO: { '.mp4': 'video/mp4', '.m4v': 'video/mp4', '.mov': 'video/quicktime', '.webm': 'video/webm' },
  AUDIO: {
    '.mp3': 'audio/mpeg',
    '.wav': 'audio/wav',
    '.m4a': 'audio/mp4',
    '.aac': 'audio/aac',
    '.ogg': 'audio/ogg',
    '.oga': 'audio/ogg',
    '.flac': 'audio/flac',
  },
}

/** Formats each kind accepts, as `sniff` names them. ISO BMFF (`ftyp`) holds both MP4 video and M4A audio. */
const FORMATS: Record<MediaKind, readonly string[]> = {
  IMAGE: ['jpeg', 'png', 'gif', 'webp'],
  VIDEO: ['mp4/mov', 'webm'],
  AUDIO: ['mp3', 'aac', 'wav', 'ogg', 'flac', 'mp4/mov'],
}

export const KIND_NAMES: Record<MediaKind, { noun: string; formats: string }> = {
  IMAGE: { noun: 'an image', formats: 'JPEG, PNG, WebP or GIF image' },
  VIDEO: { noun: 'a video', formats: 'MP4, MOV or WebM video' },
  AUDIO: { noun: 'an audio file', formats: 'MP3, WAV, M4A, AAC, OGG or FLAC audio file' },
}

/** How many leading bytes `sniff` needs. */
export const SNIFF_BYTES = 16

/** The format the first bytes show, or undefined when they match none the action knows. */
export function sniff(head: Buffer): string | undefined {
  const ascii = (from: number, to: number) => head.subarray(from, to).toString('latin1')
  if (head[0] === 0xff && head[1] === 0xd8 && head[2] === 0xff) return 'jpeg'
  if (head.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) return 'png'
  if (ascii(0, 4) === 'GIF8') return 'gif'
  if (ascii(0, 4) === 'RIFF' && ascii(8, 12) === 'WEBP') return 'webp'
  if (ascii(0, 4) === 'RIFF' && ascii(8, 12) === 'WAVE') return 'wav'
  if (ascii(4, 8) === 'ftyp') return 'mp4/mov'
  if (head.subarray(0, 4).equals(Buffer.from([0x1a, 0x45, 0xdf, 0xa3]))) return 'webm'
  if (ascii(0, 4) === 'OggS') return 'ogg'
  if (ascii(0, 4) === 'fLaC') return 'flac'
  if (ascii(0, 3) === 'ID3') return 'mp3'
  // MPEG audio frame sync: 11 set bits; layer bits 00 are AAC in ADTS, anything else MPEG audio (MP3).
  if (head[0] === 0xff && head[1] !== undefined && (head[1] & 0xe0) === 0xe0)
    return (head[1] & 0x06) === 0 ? 'aac' : 'mp3'
  return undefined
}

export function accepts(kind: MediaKind, format: string | undefined): boolean {
  return format !== undefined && FORMATS[kind].includes(format)
}
