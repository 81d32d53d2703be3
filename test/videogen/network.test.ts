// classifyNetworkError over errors shaped as undici and Node raise them (a code on the error or on a cause,
// an AggregateError of happy eyeballs, a proxy's refusal in the message): whether the request can have
// been sent, whether retrying can help, and the advice given.
import { describe, expect, it } from 'vitest'
import { classifyNetworkError } from '../../src/videogen/network.js'

const TARGET = 'https://api.videogen.io/v1/tools/generate-video-clip'

/** An Error with `code` (and other fields), as Node and undici make them. */
function coded(code: string, message = code, extra: Record<string, unknown> = {}): Error {
  return Object.assign(new Error(message), { code, ...extra })
}

/** undici's `fetch failed`-style wrapper: the socket's error is the cause. */
const wrapped = (cause: unknown) => Object.assign(new TypeError('fetch failed'), { cause })

describe('classifyNetworkError', () => {
  it.each([
    'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
    'SELF_SIGNED_CERT_IN_CHAIN',
    'DEPTH_ZERO_SELF_SIGNED_CERT',
    'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  ])('an untrusted certificate (%s): not sent, not transient, how to trust a company CA', (code) => {
    const failure = classifyNetworkError(wrapped(coded(code)), TARGET)
    expect(failure).toEqual({
      maybeSent: false,
      transient: false,
      explanation: `TLS: the certificate of api.videogen.io is not trusted (${code}). If a company proxy intercepts TLS, trust its CA: set NODE_EXTRA_CA_CERTS=/path/to/ca.pem in the job env. The request was not sent, so nothing was created.`,
    })
  })

  it('an expired certificate and one not valid yet point at the clock', () => {
    expect(classifyNetworkError(coded('CERT_HAS_EXPIRED'), TARGET).explanation).toMatch(
      /^TLS: the certificate of api\.videogen\.io has expired \(CERT_HAS_EXPIRED\); check the runner's clock/,
    )
    const notYet = classifyNetworkError(coded('CERT_NOT_YET_VALID'), TARGET)
    expect(notYet).toMatchObject({ maybeSent: false, transient: false })
    expect(notYet.explanation).toMatch(/is not valid yet \(CERT_NOT_YET_VALID\)/)
  })

  it('a certificate for another host names the hosts it is for, cleaned of control characters', () => {
    const error = coded('ERR_TLS_CERT_ALTNAME_INVALID', "Hostname/IP does not match certificate's altnames", {
      cert: { subjectaltname: 'DNS:proxy.corp.example\n::error::x' },
    })
    const failure = classifyNetworkError(error, TARGET)
    expect(failure.maybeSent).toBe(false)
    expect(failure.explanation).toMatch(
      /^TLS: the certificate presented for api\.videogen\.io is for DNS:proxy\.corp\.example.*, not for this host/,
    )
    expect(failure.explanation).not.toContain('\n')
    expect(classifyNetworkError(coded('ERR_TLS_CERT_ALTNAME_INVALID'), TARGET).explanation).toContain(
      'is for another host',
    )
  })

  it('another TLS or SSL failure in the handshake', () => {
    for (const code of ['ERR_SSL_WRONG_VERSION_NUMBER', 'ERR_TLS_HANDSHAKE_TIMEOUT']) {
      const failure = classifyNetworkError(wrapped(coded(code)), TARGET)
      expect(failure).toMatchObject({ maybeSent: false, transient: false })
      expect(failure.explanation).toMatch(new RegExp(`^TLS handshake with api\\.videogen\\.io failed \\(${code}\\)`))
    }
  })

  it('a proxy refusing CONNECT: 407 asks for credentials, 403 for an allow-list, anything else is transient', () => {
    const refused = (status: number) =>
      classifyNetworkError(
        wrapped(coded('UND_ERR_ABORTED', `Proxy response (${status}) !== 200 when HTTP Tunneling`)),
        TARGET,
      )
    expect(refused(407)).toMatchObject({ maybeSent: false, transient: false })
    expect(refused(407).explanation).toMatch(/^The proxy requires credentials \(407 Proxy Authentication Required\)/)
    expect(refused(403).explanation).toMatch(/^The proxy refused the connection to api\.videogen\.io \(403 Forbidden\)/)
    expect(refused(502)).toEqual({
      maybeSent: false,
      transient: true,
      explanation:
        'The proxy could not connect to api.videogen.io (it answered 502 to CONNECT). The request was not sent, so nothing was created.',
    })
  })

  it('a name that does not resolve is a configuration problem; a refused or unreachable host may recover', () => {
    expect(classifyNetworkError(wrapped(coded('ENOTFOUND', 'getaddrinfo ENOTFOUND x')), TARGET)).toMatchObject({
      maybeSent: false,
      transient: false,
      explanation: expect.stringMatching(/^DNS: api\.videogen\.io was not found \(ENOTFOUND\)/),
    })
    for (const code of ['ECONNREFUSED', 'EAI_AGAIN', 'ENETUNREACH', 'UND_ERR_CONNECT_TIMEOUT']) {
      expect(classifyNetworkError(wrapped(coded(code)), TARGET)).toEqual({
        maybeSent: false,
        transient: true,
        explanation: `Could not connect to api.videogen.io (${code}). The request was not sent, so nothing was created.`,
      })
    }
  })

  it('happy eyeballs: an AggregateError whose first part was refused', () => {
    const both = Object.assign(new AggregateError([coded('ECONNREFUSED'), coded('ECONNREFUSED')], 'connect failed'), {
      code: undefined,
    })
    expect(classifyNetworkError(wrapped(both), TARGET)).toMatchObject({ maybeSent: false, transient: true })
  })

  it('a request that could not be built or a closed client: not sent, retrying would not help', () => {
    expect(classifyNetworkError(coded('UND_ERR_INVALID_ARG', 'invalid header'), TARGET)).toEqual({
      maybeSent: false,
      transient: false,
      explanation:
        'The request could not be built (UND_ERR_INVALID_ARG). The request was not sent, so nothing was created.',
    })
    // A TypeError without a code (an invalid header value) counts as local too.
    expect(classifyNetworkError(new TypeError('Invalid header value'), TARGET).explanation).toMatch(
      /^The request could not be built \(TypeError\)/,
    )
    expect(classifyNetworkError(coded('UND_ERR_DESTROYED', 'The client is destroyed'), TARGET)).toMatchObject({
      maybeSent: false,
      transient: false,
      explanation: expect.stringMatching(/^The HTTP client was already closed \(UND_ERR_DESTROYED\)/),
    })
  })

  it('anything else may have reached the server: sent, worth retrying only where that is safe', () => {
    expect(classifyNetworkError(coded('ECONNRESET', 'other side closed'), TARGET)).toEqual({
      maybeSent: true,
      transient: true,
      explanation: 'The connection to api.videogen.io failed after the request was sent (ECONNRESET).',
    })
    // Unknown shapes: no code at all, a string, nothing.
    for (const error of [new Error('socket hang up'), 'boom', undefined]) {
      expect(classifyNetworkError(error, TARGET)).toEqual({
        maybeSent: true,
        transient: true,
        explanation: 'The connection to api.videogen.io failed after the request was sent.',
      })
    }
  })

  it('a failure undici met before writing the request is not sent, whatever its code', () => {
    const cut = coded('ECONNRESET', 'Client network socket disconnected before secure TLS connection was established')
    expect(classifyNetworkError(cut, TARGET, false)).toEqual({
      maybeSent: false,
      transient: true,
      explanation:
        'The connection to api.videogen.io failed before the request was written. The request was not sent, so nothing was created.',
    })
    expect(classifyNetworkError(cut, TARGET, true).maybeSent).toBe(true)
  })

  it('a proxy that hangs up on CONNECT: not sent, retried, the proxy named', () => {
    const failure = classifyNetworkError(coded('VG_PROXY_CLOSED'), TARGET, false)
    expect(failure).toMatchObject({ maybeSent: false, transient: true })
    expect(failure.explanation).toContain(
      'The proxy closed the connection instead of opening a tunnel to api.videogen.io',
    )
  })

  it('a target that is not a URL is named as the server', () => {
    expect(classifyNetworkError(coded('ECONNREFUSED'), 'not a url').explanation).toBe(
      'Could not connect to the server (ECONNREFUSED). The request was not sent, so nothing was created.',
    )
  })

  it('follows causes a few levels deep, not forever', () => {
    let error: unknown = coded('ENOTFOUND')
    for (let i = 0; i < 4; i++) error = wrapped(error)
    expect(classifyNetworkError(error, TARGET).transient).toBe(false)
    // A cause cycle ends too.
    const a = new Error('a') as Error & { cause?: unknown }
    const b = new Error('b', { cause: a })
    a.cause = b
    expect(classifyNetworkError(a, TARGET).maybeSent).toBe(true)
  })
})
