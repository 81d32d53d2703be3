// A throwaway PKI for the TLS tests, made with the openssl CLI once per process into a temp dir:
// a trusted CA and its good, expired and wrong-host server certificates, and an untrusted CA with a
// certificate that is otherwise valid. P-256 keys keep it to a few tens of milliseconds.
import { execFileSync } from 'node:child_process'
import { lstatSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'

export interface PemFile {
  /** PEM text. */
  cert: string
  certPath: string
}

/** A server certificate and its key: `{ cert, key }` can be given as is to startEmulator({ tls }). */
export interface ServerCert extends PemFile {
  key: string
  keyPath: string
}

export interface TestPki {
  dir: string
  /** The CA a runner would trust (NODE_EXTRA_CA_CERTS=ca.certPath). */
  ca: PemFile
  /** 127.0.0.1 and localhost (SAN IP and DNS), signed by `ca`. */
  server: ServerCert
  /** Like `server`, but valid only during 2020-01-01. */
  expired: ServerCert
  /** Signed by `ca`, for example.invalid only. */
  wrongHost: ServerCert
  /** A second CA nobody trusts. */
  untrustedCa: PemFile
  /** 127.0.0.1 and localhost, signed by `untrustedCa`. */
  untrusted: ServerCert
}

const EC_KEY = ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes']
const LOOPBACK = { cn: '127.0.0.1', san: 'subjectAltName=IP:127.0.0.1,DNS:localhost' }
const WRONG_HOST = { cn: 'example.invalid', san: 'subjectAltName=DNS:example.invalid' }

const SERVER_EXTENSIONS = [
  'basicConstraints=critical,CA:FALSE',
  'keyUsage=critical,digitalSignature',
  'extendedKeyUsage=serverAuth',
]

// `openssl ca` (unlike `x509 -req` in OpenSSL 3.0) can set arbitrary validity dates, which the expired
// certificate needs; it wants a config, an index and a serial file.
const CA_CONFIG = `[ca]
default_ca = test_ca
[test_ca]
database = index.txt
new_certs_dir = .
serial = serial
default_md = sha256
policy = any
unique_subject = no
copy_extensions = none
[any]
commonName = supplied
`

function openssl(dir: string, args: string[]): void {
  execFileSync('openssl', args, { cwd: dir, stdio: ['ignore', 'ignore', 'pipe'] })
}

function makeCa(dir: string, name: string): void {
  openssl(dir, [
    'req',
    '-x509',
    ...EC_KEY,
    '-keyout',
    `${name}.key`,
    '-out',
    `${name}.pem`,
    '-days',
    '7',
    '-subj',
    `/CN=videogen-action ${name}`,
    '-addext',
    'basicConstraints=critical,CA:TRUE',
    '-addext',
    'keyUsage=critical,keyCertSign,cRLSign',
  ])
}

function makeServerCert(
  dir: string,
  name: string,
  ca: string,
  host: { cn: string; san: string },
  validity: { days: number } | { start: string; end: string },
): void {
  openssl(dir, ['req', '-new', ...EC_KEY, '-keyout', `${name}.key`, '-out', `${name}.csr`, '-subj', `/CN=${host.cn}`])
  writeFileSync(path.join(dir, `${name}.ext`), [host.san, ...SERVER_EXTENSIONS].join('\n') + '\n')
  const common = ['-in', `${name}.csr`, '-out', `${name}.pem`, '-extfile', `${name}.ext`]
  if ('days' in validity) {
    openssl(dir, ['x509', '-req', ...common, '-CA', `${ca}.pem`, '-CAkey', `${ca}.key`, '-days', String(validity.days)])
    return
  }
  writeFileSync(path.join(dir, 'ca.cnf'), CA_CONFIG)
  writeFileSync(path.join(dir, 'index.txt'), '')
  writeFileSync(path.join(dir, 'serial'), '01\n')
  openssl(dir, [
    'ca',
    '-batch',
    '-notext',
    '-config',
    'ca.cnf',
    '-cert',
    `${ca}.pem`,
    '-keyfile',
    `${ca}.key`,
    '-startdate',
    validity.start,
    '-enddate',
    validity.end,
    ...common,
  ])
}

function pem(dir: string, name: string): PemFile {
  const certPath = path.join(dir, `${name}.pem`)
  return { cert: readFileSync(certPath, 'utf8'), certPath }
}

function serverCert(dir: string, name: string): ServerCert {
  const keyPath = path.join(dir, `${name}.key`)
  return { ...pem(dir, name), key: readFileSync(keyPath, 'utf8'), keyPath }
}

const PREFIX = 'vg-pki-'
const STALE_MS = 60 * 60_000

export function createPki(): TestPki {
  const dir = mkdtempSync(path.join(tmpdir(), PREFIX))
  makeCa(dir, 'ca')
  makeCa(dir, 'untrusted-ca')
  makeServerCert(dir, 'server', 'ca', LOOPBACK, { days: 7 })
  makeServerCert(dir, 'expired', 'ca', LOOPBACK, { start: '20200101000000Z', end: '20200102000000Z' })
  makeServerCert(dir, 'wrong-host', 'ca', WRONG_HOST, { days: 7 })
  makeServerCert(dir, 'untrusted', 'untrusted-ca', LOOPBACK, { days: 7 })
  return {
    dir,
    ca: pem(dir, 'ca'),
    server: serverCert(dir, 'server'),
    expired: serverCert(dir, 'expired'),
    wrongHost: serverCert(dir, 'wrong-host'),
    untrustedCa: pem(dir, 'untrusted-ca'),
    untrusted: serverCert(dir, 'untrusted'),
  }
}

/**
 * Test workers are often ended by a signal, so the exit hook below does not always run: remove what
 * earlier processes of this user left behind (an hour old is older than any test run).
 */
function sweepStale(): void {
  const uid = process.getuid?.()
  for (const name of readdirSync(tmpdir())) {
    if (!name.startsWith(PREFIX)) continue
    const dir = path.join(tmpdir(), name)
    try {
      const stat = lstatSync(dir)
      if (stat.isDirectory() && stat.uid === uid && Date.now() - stat.mtimeMs > STALE_MS)
        rmSync(dir, { recursive: true, force: true })
    } catch {
      // Gone already, or not ours to remove.
    }
  }
}

let cached: TestPki | undefined

/** The process's PKI, made on first use and removed when the process exits. */
export function testPki(): TestPki {
  if (!cached) {
    sweepStale()
    const pki = createPki()
    process.once('exit', () => rmSync(pki.dir, { recursive: true, force: true }))
    cached = pki
  }
  return cached
}
