// Just enough ISO-BMFF (MP4, M4A, MOV) box walking to tell sound from picture and read the duration.

export interface Box {
  type: string
  /** Offset of the box's content (after its header). */
  start: number
  /** Offset just past the box. */
  end: number
}

/** The boxes between `from` and `to`; stops at the first malformed header instead of throwing. */
export function* boxes(buf: Buffer, from: number, to: number): Generator<Box> {
  let off = from
  while (off + 8 <= to) {
    let size = buf.readUInt32BE(off)
    const type = buf.subarray(off + 4, off + 8).toString('latin1')
    let header = 8
    if (size === 1) {
      if (off + 16 > to) return
      const large = buf.readBigUInt64BE(off + 8)
      if (large > BigInt(to - off)) return
      size = Number(large)
      header = 16
    } else if (size === 0) size = to - off
    if (size < header || off + size > to) return
    yield { type, start: off + header, end: off + size }
    off += size
  }
}

/** The first child box of that type inside `parent`. */
export function child(
  buf: Buffer,
  parent: Box | { start: number; end: number } | undefined,
  type: string,
): Box | undefined {
  if (!parent) return undefined
  for (const box of boxes(buf, parent.start, parent.end)) if (box.type === type) return box
  return undefined
}

/** Duration from the movie header (`moov/mvhd`), or null. */
export function mp4Duration(buf: Buffer): number | null {
  const mvhd = child(buf, child(buf, { start: 0, end: buf.length }, 'moov'), 'mvhd')
  if (!mvhd) return null
  const version = buf[mvhd.start]
  const at = mvhd.start + 4 + (version === 1 ? 16 : 8)
  if (at + (version === 1 ? 12 : 8) > mvhd.end) return null
  const timescale = buf.readUInt32BE(at)
  const duration = version === 1 ? Number(buf.readBigUInt64BE(at + 4)) : buf.readUInt32BE(at + 4)
  return timescale > 0 ? duration / timescale : null
}
