// What a request that failed before an HTTP status arrived tells us: whether anything can have reached
// the server (a certificate refused in the handshake, a name that does not resolve, a refused connection
// or a proxy refusing CONNECT all fail before a byte of the request is sent), whether trying again can
// help, and what the user should do about it.
import { clean } from '../sanitize.js'
import { PROXY_CLOSED } from './dispatcher.js'

export interface NetworkFailure {
  /** False when the request cannot have reached the server. */
  maybeSent: boolean
  /** Worth retrying with backoff (the network may recover); false for configuration problems. */
  transient: boolean
  /** One line: what went wrong, and what to do. */
  explanation: string
}

const TLS_TRUST = new Set([
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'UNABLE_TO_GET_ISSUER_CERT',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'CERT_UNTRUSTED',
  'CERT_SIGNATURE_FAILURE',
  'CERT_REVOKED',
  'CERT_REJECTED',
  'INVALID_CA',
])
const TLS_DATES = new Set(['CERT_HAS_EXPIRED', 'CERT_NOT_YET_VALID'])
const NOT_SENT_TRANSIENT = new Set([
  'ECONNREFUSED',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EHOSTDOWN',
  'UND_ERR_CONNECT_TIMEOUT',
])
/** Raised before anything is written: a header value Node refuses, a bad argument, a closed client. */
const LOCAL = new Set([
  'UND_ERR_INVALID_ARG',
  'ERR_INVALID_CHAR',
  'ERR_INVALID_ARG_TYPE',
  'ERR_INVALID_ARG_VALUE',
  'ERR_INVALID_HTTP_TOKEN',
  'ERR_INVALID_URL',
  'UND_ERR_NOT_SUPPORTED',
])
const CLOSED = new Set(['UND_ERR_DESTROYED', 'UND_ERR_CLOSED'])

interface Link {
  code?: string
  message: string
  name?: string
  host?: string
  cert?: { subjectaltname?: string }
}

/** The error and its causes, outermost first (undici and the proxy agent wrap the socket's error). */
function chain(error: unknown): Link[] {
  const links: Link[] = []
  let current: unknown = error
  for (let depth = 0; current && depth < 6; depth++) {
    const e = current as Partial<Link> & { cause?: unknown; errors?: unknown[] }
    links.push({
      ...(typeof e.code === 'string' && { code: e.code }),
      message: typeof e.message === 'string' ? e.message : clean(current),
      ...(typeof e.name === 'string' && { name: e.name }),
      ...(typeof e.host === 'string' && { host: e.host }),
      ...(e.cert && typeof e.cert === 'object' && { cert: e.cert }),
    })
    // AggregateError (happy eyeballs: IPv4 and IPv6 both refused) keeps its parts in `errors`.
    current = e.cause ?? (Array.isArray(e.errors) ? e.errors[0] : undefined)
  }
  return links
}

/** How a runner trusts a company CA: Node reads extra roots from this file at start-up. */
const NODE_EXTRA_CA = 'set NODE_EXTRA_CA_CERTS=/path/to/ca.pem in the job env'

/**
 * `written`: whether the request was begun on a connected socket (false when the failure came first:
 * then nothing reached the server, whatever the error). Left out, a failure not recognised is taken as
 * possibly sent.
 */
export function classifyNetworkError(error: unknown, target: string, written = true): NetworkFailure {
  const links = chain(error)
  const find = (codes: Set<string>) => links.find((l) => l.code !== undefined && codes.has(l.code))
  const host = (() => {
    try {
      return new URL(target).host
    } catch {
      return 'the server'
    }
  })()
  const notSent = (transient: boolean, text: string): NetworkFailure => ({
    maybeSent: false,
    transient,
    explanation: `${text} The request was not sent, so nothing was created.`,
  })

  const trust = find(TLS_TRUST)
  if (trust) {
    return notSent(
      false,
      `TLS: the certificate of ${host} is not trusted (${trust.code}). If a company proxy intercepts TLS, trust its CA: ${NODE_EXTRA_CA}.`,
    )
  }
  const dates = find(TLS_DATES)
  if (dates) {
    const what = dates.code === 'CERT_HAS_EXPIRED' ? 'has expired' : 'is not valid yet'
    return notSent(
      false,
      `TLS: the certificate of ${host} ${what} (${dates.code}); check the runner's clock, or the proxy that presents it (a company CA: ${NODE_EXTRA_CA}).`,
    )
  }
  const altname = links.find((l) => l.code === 'ERR_TLS_CERT_ALTNAME_INVALID')
  if (altname) {
    const names = altname.cert?.subjectaltname ? clean(altname.cert.subjectaltname, 200) : 'another host'
    return notSent(
      false,
      `TLS: the certificate presented for ${host} is for ${names}, not for this host (ERR_TLS_CERT_ALTNAME_INVALID); check base-url, or the proxy that presents it (a company CA: ${NODE_EXTRA_CA}).`,
    )
  }
  const ssl = links.find((l) => l.code?.startsWith('ERR_SSL_') || l.code?.startsWith('ERR_TLS_'))
  if (ssl)
    return notSent(
      false,
      `TLS handshake with ${host} failed (${ssl.code}); if a proxy intercepts TLS, trust its CA: ${NODE_EXTRA_CA}.`,
    )

  const proxy = links.map((l) => /Proxy response \((\d{3})\)/.exec(l.message)?.[1]).find((s) => s !== undefined)
  if (proxy === '407') {
    return notSent(
      false,
      `The proxy requires credentials (407 Proxy Authentication Required) to reach ${host}: put them in HTTPS_PROXY (http://user:password@proxy:port), as a secret.`,
    )
  }
  if (proxy === '403') {
    return notSent(
      false,
      `The proxy refused the connection to ${host} (403 Forbidden): allow that host in the proxy, or list it in NO_PROXY if it is reachable directly.`,
    )
  }
  if (proxy) return notSent(true, `The proxy could not connect to ${host} (it answered ${proxy} to CONNECT).`)
  if (links.some((l) => l.code === PROXY_CLOSED)) {
    return notSent(
      true,
      `The proxy closed the connection instead of opening a tunnel to ${host}; check HTTPS_PROXY, and that the proxy allows this host (or list it in NO_PROXY).`,
    )
  }

  if (links.some((l) => l.code === 'ENOTFOUND')) {
    return notSent(false, `DNS: ${host} was not found (ENOTFOUND); check base-url and the runner's DNS.`)
  }
  const unreachable = find(NOT_SENT_TRANSIENT)
  if (unreachable) return notSent(true, `Could not connect to ${host} (${unreachable.code}).`)
  const local = find(LOCAL) ?? links.find((l) => l.name === 'TypeError')
  if (local) return notSent(false, `The request could not be built (${local.code ?? local.name}).`)
  const closed = find(CLOSED)
  if (closed) return notSent(false, `The HTTP client was already closed (${closed.code}).`)

  const code = links.find((l) => l.code !== undefined)?.code
  if (!written) return notSent(true, `The connection to ${host} failed before the request was written.`)
  return {
    maybeSent: true,
    transient: true,
    explanation: `The connection to ${host} failed after the request was sent${code ? ` (${code})` : ''}.`,
  }
}
