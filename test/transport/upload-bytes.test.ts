// putFile against a receiver that reads slowly: the socket fills, undici waits before it takes the next
// chunk, and the bytes that arrive must still be the file's, in order (the chunks share a ring buffer, so a
// slot reused too early would show as a wrong hash). The file is opened per attempt and always closed.
import { createHash } from 'node:crypto'
import { existsSync, mkdtempSync, readdirSync, readlinkSync, rmSync, writeFileSync } from 'node:fs'
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { Agent } from 'undici'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { putFile } from '../../src/videogen/transfer.js'

interface Received {
  sha256: string
  bytes: number
  headers: http.IncomingHttpHeaders
}

/** Every 4 KiB block holds its own index: any chunk out of place changes the hash. */
function patterned(size: number): Buffer {
  const bytes = Buffer.alloc(size)
  for (let block = 0; block * 4096 < size; block++)
    for (let at = block * 4096; at + 4 <= Math.min(size, (block + 1) * 4096); at += 4) bytes.writeUInt32LE(block, at)
  return bytes
}

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex')

/** Descriptors of this process open on `file` (Linux). */
const openOn = (file: string) =>
  readdirSync('/proc/self/fd').filter((fd) => {
    try {
      return readlinkSync(`/proc/self/fd/${fd}`) === file
    } catch {
      return false
    }
  }).length

describe('putFile', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'vg-put-'))
  const file = path.join(dir, 'clip.mp4')
  const content = patterned(12 * 1024 * 1024 + 12_345)
  const received: Received[] = []
  let cutAfter = Infinity
  let url = ''
  const dispatcher = new Agent()
  const server = http.createServer((req, res) => {
    const hash = createHash('sha256')
    let bytes = 0
    req.on('data', (chunk: Buffer) => {
      hash.update(chunk)
      bytes += chunk.length
      if (bytes > cutAfter) return void req.socket.destroy()
      // A slow reader, stalled at first: the kernel's buffers fill and the sender has to wait for 'drain'.
      req.pause()
      setTimeout(() => req.resume(), bytes === chunk.length ? 300 : 1)
    })
    req.on('end', () => {
      received.push({ sha256: hash.digest('hex'), bytes, headers: req.headers })
      res.end()
    })
  })

  beforeAll(async () => {
    writeFileSync(file, content)
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/bucket/clip.mp4?X-Amz-Signature=abc`
  })
  afterAll(async () => {
    await dispatcher.close()
    await new Promise((resolve) => server.close(resolve))
    rmSync(dir, { recursive: true, force: true })
  })

  it('sends the file intact under backpressure, with its length and type and no credentials', async () => {
    const target = { absPath: file, size: content.length, contentType: 'video/mp4' }
    await putFile(dispatcher, url, target)
    await putFile(dispatcher, url, target)
    expect(received).toHaveLength(2)
    for (const r of received) {
      expect(r.bytes).toBe(content.length)
      expect(r.sha256).toBe(sha256(content))
      expect(r.headers['content-length']).toBe(String(content.length))
      expect(r.headers['content-type']).toBe('video/mp4')
      expect(r.headers.authorization).toBeUndefined()
    }
    if (existsSync('/proc/self/fd')) expect(openOn(file)).toBe(0)
  })

  it('closes the file when the connection is cut mid-body', async () => {
    cutAfter = 3 * 1024 * 1024
    const target = { absPath: file, size: content.length, contentType: 'video/mp4' }
    await expect(putFile(dispatcher, url, target)).rejects.toThrow()
    if (existsSync('/proc/self/fd')) await vi.waitFor(() => expect(openOn(file)).toBe(0), { timeout: 5000 })
  })
})
