// Duration of uploaded audio and video, read from the container's own header where that is cheap; null
// when the emulator cannot tell (an unknown layout, or an upload whose bytes it did not keep).
import type { Media } from './media.js'
import { mp4Duration } from './mp4.js'

const round = (seconds: number) => Math.round(seconds * 1000) / 1000

/** RIFF/WAVE: the `data` chunk's size over the `fmt ` chunk's byte rate. */
function wavDuration(buf: Buffer): number | null {
  let byteRate = 0
  for (let off = 12; off + 8 <= buf.length;) {
    const id = buf.subarray(off, off + 4).toString('latin1')
    const size = buf.readUInt32LE(off + 4)
    if (id === 'fmt ' && off + 16 <= buf.length) byteRate = buf.readUInt32LE(off + 16)
    // A streamed WAV may declare a data size larger than what follows.
    if (id === 'data') return byteRate > 0 ? Math.min(size, buf.length - off - 8) / byteRate : null
    off += 8 + size + (size % 2)
  }
  return null
}

/** FLAC: total samples over the sample rate, both in STREAMINFO (the first metadata block). */
function flacDuration(buf: Buffer): number | null {
  if (buf.length < 8 + 18 || (buf[4]! & 0x7f) !== 0) return null
  const info = 8
  const rate = (buf[info + 10]! << 12) | (buf[info + 11]! << 4) | (buf[info + 12]! >> 4)
  const samples = (buf[info + 13]! & 0x0f) * 2 ** 32 + buf.readUInt32BE(info + 14)
  return rate > 0 && samples > 0 ? samples / rate : null
}

const MP3_RATES: Record<number, number[]> = {
  3: [44100, 48000, 32000],
  2: [22050, 24000, 16000],
  0: [11025, 12000, 8000],
}
const MP3_KBPS = {
  v1: [0, 32, 40, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320],
  v2: [0, 8, 16, 24, 32, 40, 48, 56, 64, 80, 96, 112, 128, 144, 160],
}

/** MPEG Layer III: the audio bytes over the first frame's bitrate (exact for constant bitrate files). */
function mp3Duration(buf: Buffer): number | null {
  let off = 0
  if (buf.subarray(0, 3).toString('latin1') === 'ID3' && buf.length >= 10) {
    const size = ((buf[6]! & 0x7f) << 21) | ((buf[7]! & 0x7f) << 14) | ((buf[8]! & 0x7f) << 7) | (buf[9]! & 0x7f)
    off = 10 + size + (buf[5]! & 0x10 ? 10 : 0)
  }
  if (off + 4 > buf.length || buf[off] !== 0xff || (buf[off + 1]! & 0xe0) !== 0xe0) return null
  const version = (buf[off + 1]! >> 3) & 3
  const layer = (buf[off + 1]! >> 1) & 3
  const kbps = (version === 3 ? MP3_KBPS.v1 : MP3_KBPS.v2)[buf[off + 2]! >> 4]
  if (layer !== 1 || !kbps || !MP3_RATES[version]) return null
  return ((buf.length - off) * 8) / (kbps * 1000)
}

const ADTS_RATES = [96000, 88200, 64000, 48000, 44100, 32000, 24000, 22050, 16000, 12000, 11025, 8000, 7350]

/** Raw AAC (ADTS): 1024 samples per raw data block, summed over every frame. */
function adtsDuration(buf: Buffer): number | null {
  let seconds = 0
  for (let off = 0; off + 7 <= buf.length;) {
    if (buf[off] !== 0xff || (buf[off + 1]! & 0xf6) !== 0xf0) return null
    const rate = ADTS_RATES[(buf[off + 2]! >> 2) & 0x0f]
    const length = ((buf[off + 3]! & 0x03) << 11) | (buf[off + 4]! << 3) | (buf[off + 5]! >> 5)
    if (!rate || length < 7) return null
    seconds += (((buf[off + 6]! & 0x03) + 1) * 1024) / rate
    off += length
  }
  return seconds > 0 ? seconds : null
}

/** Ogg Vorbis or Opus: the last page's granule position over the sample rate (Opus: 48 kHz less pre-skip). */
function oggDuration(buf: Buffer): number | null {
  if (buf.length < 28) return null
  const packet = 27 + buf[26]!
  let rate = 0
  let preSkip = 0
  if (buf.subarray(packet, packet + 7).toString('latin1') === '\x01vorbis' && packet + 16 <= buf.length)
    rate = buf.readUInt32LE(packet + 12)
  else if (buf.subarray(packet, packet + 8).toString('latin1') === 'OpusHead' && packet + 12 <= buf.length) {
    rate = 48000
    preSkip = buf.readUInt16LE(packet + 10)
  }
  const last = buf.lastIndexOf('OggS')
  if (rate <= 0 || last < 0 || last + 14 > buf.length) return null
  const granule = Number(buf.readBigUInt64LE(last + 6))
  return granule > preSkip ? (granule - preSkip) / rate : null
}

export function mediaDuration(media: Media | null, bytes: Buffer | null): number | null {
  if (!media || !bytes || (media.type !== 'AUDIO' && media.type !== 'VIDEO')) return null
  const read: Partial<Record<Media['format'], (b: Buffer) => number | null>> = {
    wav: wavDuration,
    flac: flacDuration,
    mp3: mp3Duration,
    aac: adtsDuration,
    ogg: oggDuration,
    m4a: mp4Duration,
    mp4: mp4Duration,
    mov: mp4Duration,
  }
  try {
    const seconds = read[media.format]?.(bytes) ?? null
    return seconds !== null && Number.isFinite(seconds) && seconds > 0 ? round(seconds) : null
  } catch {
    return null // a truncated or hostile header
  }
}
