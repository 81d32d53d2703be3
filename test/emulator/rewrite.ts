// The `rewrite` fault: a test's hook changes a computed response (body, status, headers) before it is sent,
// to play a hostile or broken server with otherwise faithful state behind it.
import type { Reply } from './http-io.js'
import type { Rewrite, RewriteTarget } from './types.js'

const headerValue = (headers: Record<string, string> | undefined, name: string) =>
  Object.entries(headers ?? {}).find(([k]) => k.toLowerCase() === name)?.[1]

export function rewriteReply(reply: Reply, rewrite: Rewrite, where: Omit<RewriteTarget, 'status' | 'headers'>): Reply {
  const text = reply.body === undefined ? '' : Buffer.isBuffer(reply.body) ? reply.body.toString('utf8') : reply.body
  const isJson = /^application\/(?:[\w.+-]*\+)?json\b/i.test(headerValue(reply.headers, 'content-type') ?? '')
  let body: unknown = text === '' ? undefined : text
  let parsed = false
  if (isJson && text !== '') {
    try {
      body = JSON.parse(text)
      parsed = true
    } catch {
      // a body that is not JSON after all: handed over as a string
    }
  }
  const target: RewriteTarget = { ...where, status: reply.status, headers: { ...reply.headers } }
  const returned = rewrite(body, target)
  const headers = Object.fromEntries(
    Object.entries(target.headers).filter(([k]) => k.toLowerCase() !== 'content-length'),
  )

  let out: Buffer | string | undefined
  if (returned === undefined) {
    // Only a parsed object can have been changed in place; anything else keeps its exact bytes.
    out = parsed ? JSON.stringify(body) : reply.body
  } else if (typeof returned === 'string' || Buffer.isBuffer(returned)) {
    out = returned
  } else {
    out = JSON.stringify(returned)
    if (!headerValue(headers, 'content-type')) headers['Content-Type'] = 'application/json; charset=utf-8'
  }
  return { ...reply, status: target.status, headers, body: out }
}
