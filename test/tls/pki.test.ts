// The throwaway PKI is what the TLS tests take it for: who signed what, for which names, valid when.
import { X509Certificate, createPrivateKey } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { testPki } from './pki.js'

const pki = testPki()
const x509 = (pem: string) => new X509Certificate(pem)
const now = Date.now()
const validNow = (c: X509Certificate) => Date.parse(c.validFrom) <= now && now < Date.parse(c.validTo)

describe('test PKI', () => {
  it('is made once per process', () => {
    expect(testPki()).toBe(pki)
  })

  it('has two self-signed CAs, distinct, valid now', () => {
    const ca = x509(pki.ca.cert)
    const other = x509(pki.untrustedCa.cert)
    for (const c of [ca, other]) {
      expect(c.ca).toBe(true)
      expect(c.verify(c.publicKey)).toBe(true)
      expect(validNow(c)).toBe(true)
    }
    expect(ca.fingerprint256).not.toBe(other.fingerprint256)
  })

  it.each([
    ['server', 'ca', 'IP Address:127.0.0.1, DNS:localhost', true],
    ['expired', 'ca', 'IP Address:127.0.0.1, DNS:localhost', false],
    ['wrongHost', 'ca', 'DNS:example.invalid', true],
    ['untrusted', 'untrustedCa', 'IP Address:127.0.0.1, DNS:localhost', true],
  ] as const)('%s: signed by %s, for %s, valid now: %s', (name, issuer, names, valid) => {
    const cert = x509(pki[name].cert)
    const ca = x509(pki[issuer].cert)
    expect(cert.ca).toBe(false)
    expect(cert.checkIssued(ca)).toBe(true)
    expect(cert.verify(ca.publicKey)).toBe(true)
    expect(cert.subjectAltName).toBe(names)
    expect(validNow(cert)).toBe(valid)
    expect(cert.keyUsage).toContain('1.3.6.1.5.5.7.3.1') // serverAuth
    expect(cert.checkPrivateKey(createPrivateKey(pki[name].key))).toBe(true)
  })

  it('the expired certificate was valid once (it expired, rather than never being valid)', () => {
    const cert = x509(pki.expired.cert)
    expect(Date.parse(cert.validFrom)).toBeLessThan(Date.parse(cert.validTo))
    expect(Date.parse(cert.validTo)).toBeLessThan(now)
  })
})
