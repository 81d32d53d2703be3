// A small HTTP client for the emulator's own tests: API calls with the emulator's key, raw storage calls,
// uploads that wait until the file is ready. Real HTTP over 127.0.0.1 through one undici Agent.
import { Agent, type Dispatcher, request } from 'undici'
import type { Emulator, FileInfo } from './index.js'

export interface Res<T = unknown> {
  status: number
  headers: Dispatcher.ResponseData['headers']
  /** Parsed JSON, or the text when the body is not JSON. */
  body: T
  text: string
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))

/** Polls `probe` until `ok` (or the time is up: the last value is returned for the caller to assert on). */
export async function waitFor<T>(probe: () => Promise<T>, ok: (v: T) => boolean, timeoutMs = 5_000): Promise<T> {
  const deadline = Date.now() + timeoutMs
  for (;;) {
    const v = await probe()
    if (ok(v) || Date.now() > deadline) return v
    await sleep(25)
  }
}

export class TestClient {
  readonly agent = new Agent({ keepAliveTimeout: 1_000, connections: 64 })

  constructor(private readonly emu: () => Emulator) {}

  async api<T = Record<string, unknown>>(
    method: string,
    path: string,
    opts: { body?: unknown; key?: string | null; headers?: Record<string, string> } = {},
  ): Promise<Res<T>> {
    const emu = this.emu()
    const headers: Record<string, string> = { ...opts.headers }
    const key = opts.key === undefined ? emu.key : opts.key
    if (key !== null) headers.authorization = `Bearer ${key}`
    let body: string | undefined
    if (opts.body !== undefined) {
      body = typeof opts.body === 'string' ? opts.body : JSON.stringify(opts.body)
      headers['content-type'] ??= 'application/json'
    }
    const res = await request(`${emu.url}${path}`, {
      method: method as Dispatcher.HttpMethod,
      headers,
      body,
      dispatcher: this.agent,
    })
    const text = await res.body.text()
    let parsed: unknown = text
    try {
      parsed = JSON.parse(text)
    } catch {
      // not JSON
    }
    return { status: res.statusCode, headers: res.headers, body: parsed as T, text }
  }

  async raw(method: string, url: string, opts: { body?: Buffer; headers?: Record<string, string> } = {}) {
    const res = await request(url, {
      method: method as Dispatcher.HttpMethod,
      body: opts.body,
      headers: opts.headers,
      dispatcher: this.agent,
    })
    const bytes = Buffer.from(await res.body.arrayBuffer())
    return { status: res.statusCode, headers: res.headers, bytes, text: bytes.toString('utf8') }
  }

  /** Upload ticket → PUT; returns the ticket. */
  async upload(bytes: Buffer, ticket: { displayName: string; type?: string }, contentType?: string) {
    const created = await this.api<{ fileId: string; uploadUrl: string }>('POST', '/v1/files/upload', { body: ticket })
    if (created.status !== 200) throw new Error(`upload ticket: ${created.status} ${created.text}`)
    const put = await this.raw('PUT', created.body.uploadUrl, {
      body: bytes,
      ...(contentType && { headers: { 'content-type': contentType } }),
    })
    if (put.status !== 200) throw new Error(`PUT: ${put.status} ${put.text}`)
    return created.body
  }

  /** Hydrates until the download source is no longer pending. */
  hydrated(fileId: string): Promise<Res<FileInfo>> {
    return waitFor(
      () => this.api<FileInfo>('POST', `/v1/files/${fileId}/hydrate`),
      (r) => r.body.downloadSource?.status !== 'pending',
    )
  }

  close(): Promise<void> {
    return this.agent.close()
  }
}
