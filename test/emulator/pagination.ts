// Cursor pagination of list endpoints (contract §2): limit 1–200 (default 50), opaque cursor.

export type Page<T> =
  { ok: true; items: T[]; hasMore: boolean; nextCursor: string | null } | { ok: false; message: string }

export function paginate<T>(items: readonly T[], query: URLSearchParams): Page<T> {
  const rawLimit = query.get('limit')
  const limit = rawLimit === null ? 50 : Number(rawLimit)
  if (!Number.isInteger(limit) || limit < 1 || limit > 200)
    return { ok: false, message: 'limit must be an integer between 1 and 200.' }
  let offset = 0
  const cursor = query.get('cursor')
  if (cursor) {
    const m = /^o:(\d+)$/.exec(Buffer.from(cursor, 'base64url').toString('utf8'))
    if (!m) return { ok: false, message: 'cursor is invalid.' }
    offset = Number(m[1])
  }
  const end = offset + limit
  const hasMore = end < items.length
  return {
    ok: true,
    items: items.slice(offset, end),
    hasMore,
    nextCursor: hasMore ? Buffer.from(`o:${end}`).toString('base64url') : null,
  }
}
