// Cursor pagination of list endpoints: limit 1–200 (default 50), opaque cursors tied to their endpoint.

export type Page<T> =
  { ok: true; items: T[]; hasMore: boolean; nextCursor: string | null } | { ok: false; message: string }

function parseLimit(query: URLSearchParams): number | undefined {
  const raw = query.get('limit')
  const limit = raw === null ? 50 : /^\d+$/.test(raw) ? Number(raw) : NaN
  return Number.isInteger(limit) && limit >= 1 && limit <= 200 ? limit : undefined
}

const LIMIT_MESSAGE = 'limit must be an integer between 1 and 200.'
const encode = (s: string) => Buffer.from(s).toString('base64url')
const decode = (s: string) => Buffer.from(s, 'base64url').toString('utf8')

/** Offset cursors, for lists whose order may change between pages anyway (files, by last update). */
export function paginate<T>(items: readonly T[], query: URLSearchParams): Page<T> {
  const limit = parseLimit(query)
  if (limit === undefined) return { ok: false, message: LIMIT_MESSAGE }
  let offset = 0
  const cursor = query.get('cursor')
  if (cursor) {
    const m = /^o:(\d+)$/.exec(decode(cursor))
    if (!m) return { ok: false, message: 'cursor is invalid.' }
    offset = Number(m[1])
  }
  const end = offset + limit
  const hasMore = end < items.length
  return {
    ok: true,
    items: items.slice(offset, end),
    hasMore,
    nextCursor: hasMore ? encode(`o:${end}`) : null,
  }
}

/**
 * Keyset cursors over items sorted by a descending key of two integers: the next page starts after the last
 * item returned, so items added meanwhile (newer, hence in front) neither repeat nor shift the rest.
 */
export function paginateByKey<T>(
  items: readonly T[],
  query: URLSearchParams,
  key: (item: T) => readonly [number, number],
  tag: string,
): Page<T> {
  const limit = parseLimit(query)
  if (limit === undefined) return { ok: false, message: LIMIT_MESSAGE }
  let start = 0
  const cursor = query.get('cursor')
  if (cursor) {
    const m = new RegExp(`^${tag}:(\\d+):(\\d+)$`).exec(decode(cursor))
    if (!m) return { ok: false, message: 'cursor is invalid.' }
    const last = [Number(m[1]), Number(m[2])] as const
    const index = items.findIndex((item) => {
      const [a, b] = key(item)
      return a < last[0] || (a === last[0] && b < last[1])
    })
    start = index < 0 ? items.length : index
  }
  const page = items.slice(start, start + limit)
  const hasMore = start + limit < items.length
  const tail = page.at(-1)
  return {
    ok: true,
    items: page,
    hasMore,
    nextCursor: hasMore && tail ? encode(`${tag}:${key(tail).join(':')}`) : null,
  }
}
