// URL signing for the storage server. Upload URLs imitate S3/R2 SigV4 presigned PUTs (only `host` signed,
// so Content-Type is free); download URLs use the simpler `expires` + `sig` scheme of VideoGen's own hosts.
// Both are HMAC-SHA256 over method, path, the signed parameters and host, with a per-instance secret.
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto'

export type Verdict = 'ok' | 'expired' | 'bad-signature'

export interface SignedUrl {
  url: string
  expiresAt: number
}

const ALGORITHM = 'AWS4-HMAC-SHA256'

function amzDate(seconds: number): string {
  return new Date(seconds * 1000)
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '')
}

function parseAmzDate(value: string): number | undefined {
  const m = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(value)
  if (!m) return undefined
  const [, y, mo, d, h, mi, s] = m.map(Number) as [number, number, number, number, number, number, number]
  return Date.UTC(y, mo - 1, d, h, mi, s) / 1000
}

/** Query string without X-Amz-Signature, keys sorted, values re-encoded: the canonical form both sides sign. */
function canonicalQuery(params: URLSearchParams): string {
  return [...params.entries()]
    .filter(([k]) => k !== 'X-Amz-Signature')
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`)
    .join('&')
}

function sameHex(a: string, b: string): boolean {
  const x = Buffer.from(a)
  const y = Buffer.from(b)
  return x.length === y.length && timingSafeEqual(x, y)
}

export class Signer {
  private readonly secret = randomBytes(32)

  private hmac(text: string): string {
    return createHmac('sha256', this.secret).update(text).digest('hex')
  }

  /** Presigned PUT URL, valid for ttlSeconds from `nowMs` (second granularity, like X-Amz-Date). */
  presignPut(origin: string, path: string, ttlSeconds: number, nowMs: number): string {
    const date = Math.floor(nowMs / 1000)
    const host = new URL(origin).host
    const params = new URLSearchParams({
      'X-Amz-Algorithm': ALGORITHM,
      'X-Amz-Credential': `EMULATOR/${amzDate(date).slice(0, 8)}/auto/s3/aws4_request`,
      'X-Amz-Date': amzDate(date),
      'X-Amz-Expires': String(Math.max(0, Math.floor(ttlSeconds))),
      'X-Amz-SignedHeaders': 'host',
    })
    const signature = this.hmac(`PUT\n${path}\n${canonicalQuery(params)}\nhost:${host}`)
    params.set('X-Amz-Signature', signature)
    return `${origin}${path}?${params.toString()}`
  }

  verifyPut(method: string, path: string, params: URLSearchParams, host: string | undefined, nowMs: number): Verdict {
    const signature = params.get('X-Amz-Signature')
    const date = parseAmzDate(params.get('X-Amz-Date') ?? '')
    const expires = Number(params.get('X-Amz-Expires'))
    if (!signature || params.get('X-Amz-Algorithm') !== ALGORITHM || date === undefined || !Number.isInteger(expires))
      return 'bad-signature'
    if (!sameHex(signature, this.hmac(`${method}\n${path}\n${canonicalQuery(params)}\nhost:${host ?? ''}`)))
      return 'bad-signature'
    return nowMs >= (date + expires) * 1000 ? 'expired' : 'ok'
  }

  /** Signed GET URL for a download path; expires at the returned unix second. */
  signGet(origin: string, path: string, ttlSeconds: number, nowMs: number): SignedUrl {
    const expiresAt = Math.floor(nowMs / 1000) + Math.max(0, Math.floor(ttlSeconds))
    const sig = this.hmac(`GET\n${path}\n${expiresAt}`)
    return { url: `${origin}${path}?expires=${expiresAt}&sig=${sig}`, expiresAt }
  }

  verifyGet(path: string, params: URLSearchParams, nowMs: number): Verdict {
    const expires = params.get('expires') ?? ''
    const sig = params.get('sig') ?? ''
    if (!/^\d+$/.test(expires) || !sameHex(sig, this.hmac(`GET\n${path}\n${expires}`))) return 'bad-signature'
    return nowMs >= Number(expires) * 1000 ? 'expired' : 'ok'
  }
}
