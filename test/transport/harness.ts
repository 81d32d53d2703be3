// Shared pieces of the transport tests: the process's throwaway PKI and the environment a runner would give
// the action to trust its CA. Trust goes through NODE_EXTRA_CA_CERTS only: no test turns verification off.
import type { RecordedRequest } from '../emulator/index.js'
import { actionEnv } from '../faults/harness.js'
import { testPki } from '../tls/pki.js'

export const pki = testPki()

/** The action's environment, trusting the test CA as a runner with a corporate CA installed would. */
export const trustingEnv = (extra: Record<string, string> = {}): Record<string, string> =>
  actionEnv({ NODE_EXTRA_CA_CERTS: pki.ca.certPath, ...extra })

/** host:port of an emulator origin, as a CONNECT names it. */
export const hostPort = (origin: string): string => new URL(origin).host

export const isStorage = (r: RecordedRequest) => r.server === 'storage'
export const isUpload = (r: RecordedRequest) => r.server === 'storage' && r.method === 'PUT'
export const isDownload = (r: RecordedRequest) => r.server === 'storage' && r.method === 'GET'
