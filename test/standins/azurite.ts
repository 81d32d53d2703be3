// Runs a real Azurite blob server (in memory) and hands out SAS URLs for it.
import { spawn } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import {
  BlobSASPermissions,
  BlobServiceClient,
  StorageSharedKeyCredential,
  generateBlobSASQueryParameters,
} from '@azure/storage-blob'
import type { BlobStore } from './blob-store.js'

// Azurite's fixed development account (documented in Azurite's README); not a secret.
const ACCOUNT = 'devstoreaccount1'
const ACCOUNT_KEY = 'Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw=='
const CONTAINER = 'actions-results'
const AZURITE_BIN = fileURLToPath(new URL('../../node_modules/.bin/azurite-blob', import.meta.url))
const LISTENING = /successfully listens on (http:\/\/127\.0\.0\.1:\d+)/

export async function startAzurite(opts: { timeoutMs?: number } = {}): Promise<BlobStore> {
  const timeoutMs = opts.timeoutMs ?? 20_000
  // Run in a scratch cwd so nothing Azurite might write lands in the repo (--location is refused with
  // --inMemoryPersistence).
  const workDir = mkdtempSync(path.join(os.tmpdir(), 'azurite-'))
  const args = [
    AZURITE_BIN, // run the bin script with this Node, not whatever `node` is first on PATH
    '--inMemoryPersistence',
    '--loose',
    '--skipApiVersionCheck', // @azure/storage-blob may speak a newer API version than this Azurite
    '--disableTelemetry', // otherwise it tries to reach an outside host
    '--blobHost',
    '127.0.0.1',
    '--blobPort',
    '0',
  ]
  const child = spawn(process.execPath, args, { cwd: workDir, stdio: ['ignore', 'pipe', 'pipe'] })
  let output = ''
  let stderr = ''
  child.stdout.setEncoding('utf8').on('data', (s: string) => (output += s))
  child.stderr.setEncoding('utf8').on('data', (s: string) => (stderr += s))
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()))
  // Last resort if the test process exits without calling close().
  const killOnExit = (): void => void child.kill('SIGKILL')
  process.once('exit', killOnExit)

  const stop = async (): Promise<void> => {
    process.off('exit', killOnExit)
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM')
      const timer = setTimeout(() => child.kill('SIGKILL'), 3_000)
      await exited
      clearTimeout(timer)
    }
    rmSync(workDir, { recursive: true, force: true })
  }

  let endpoint: string
  try {
    endpoint = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`Azurite did not start within ${timeoutMs} ms`)), timeoutMs)
      const check = (): void => {
        const m = LISTENING.exec(output)
        if (m?.[1]) {
          clearTimeout(timer)
          resolve(m[1])
        }
      }
      child.stdout.on('data', check)
      child.once('error', (err) => {
        clearTimeout(timer)
        reject(err)
      })
      child.once('exit', (code, signal) => {
        clearTimeout(timer)
        reject(new Error(`Azurite exited early (code ${code}, signal ${signal})`))
      })
    })
  } catch (err) {
    await stop()
    throw new Error(`${(err as Error).message}\nbinary: ${AZURITE_BIN}\nstdout:\n${output}\nstderr:\n${stderr}`)
  }

  const credential = new StorageSharedKeyCredential(ACCOUNT, ACCOUNT_KEY)
  const accountUrl = `${endpoint}/${ACCOUNT}`
  const container = new BlobServiceClient(accountUrl, credential).getContainerClient(CONTAINER)
  try {
    await container.create()
  } catch (err) {
    await stop()
    throw err
  }

  const sasUrl = (blobName: string, permissions: string): string => {
    const sas = generateBlobSASQueryParameters(
      {
        containerName: CONTAINER,
        blobName,
        permissions: BlobSASPermissions.parse(permissions),
        expiresOn: new Date(Date.now() + 6 * 3600_000),
      },
      credential,
    ).toString()
    return `${accountUrl}/${CONTAINER}/${blobName}?${sas}`
  }

  return {
    kind: 'azurite',
    uploadUrl: (blobName) => sasUrl(blobName, 'cw'),
    downloadUrl: (blobName) => sasUrl(blobName, 'r'),
    read: (blobName) => container.getBlobClient(blobName).downloadToBuffer(),
    close: stop,
  }
}
