// Minimal in-process blob stand-in: only the Blob REST calls @actions/artifact and @actions/cache make
// (single-shot Put Blob, Put Block + Put Block List, Get Blob). Used with startResultsService({ azurite: false }).
import { randomBytes, randomUUID } from 'node:crypto'
import type http from 'node:http'
import { listen, readBody } from './http-util.js'
import { type BlobStore } from './blob-store.js'

// Same path shape as Azurite (/<account>/<container>/<blob>): the SDK parses IP-style URLs that way.
const PREFIX = '/devstoreaccount1/actions-results/'

export async function startMemoryBlobStore(): Promise<BlobStore> {
  const blobs = new Map<string, Buffer>()
  const staged = new Map<string, Buffer>() // `${blobName}\n${blockId}` -> bytes
  const sig = randomBytes(12).toString('hex') // stands in for a SAS signature

  const fail = (res: http.ServerResponse, status: number, code: string): void => {
    res.writeHead(status, { 'content-type': 'application/xml', 'x-ms-error-code': code })
    res.end(`<?xml version="1.0" encoding="utf-8"?><Error><Code>${code}</Code></Error>`)
  }
  const ok = (res: http.ServerResponse, status: number, headers: Record<string, string> = {}): void => {
    res.writeHead(status, {
      etag: `"0x${randomBytes(8).toString('hex')}"`,
      'last-modified': new Date().toUTCString(),
      'x-ms-request-id': randomUUID(),
      'x-ms-version': '2025-01-05',
      'x-ms-request-server-encrypted': 'true',
      ...headers,
    })
  }

  const http_ = await listen(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://x')
    const blobName = decodeURIComponent(url.pathname.replace(PREFIX, ''))
    const body = await readBody(req)
    if (url.searchParams.get('sig') !== sig) return fail(res, 403, 'AuthenticationFailed')
    const comp = url.searchParams.get('comp')
    if (req.method === 'PUT' && comp === 'block') {
      staged.set(`${blobName}\n${url.searchParams.get('blockid') ?? ''}`, body)
      ok(res, 201)
      return void res.end()
    }
    if (req.method === 'PUT' && comp === 'blocklist') {
      // <BlockList><Latest>id</Latest>...</BlockList>; the SDK only ever sends <Latest>.
      const ids = [...body.toString('utf8').matchAll(/<(?:Latest|Uncommitted|Committed)>([^<]*)</g)].map(
        (m) => m[1] ?? '',
      )
      const parts: Buffer[] = []
      for (const id of ids) {
        const part = staged.get(`${blobName}\n${id}`)
        if (!part) return fail(res, 400, 'InvalidBlockList')
        parts.push(part)
      }
      blobs.set(blobName, Buffer.concat(parts))
      ok(res, 201)
      return void res.end()
    }
    if (req.method === 'PUT' && !comp) {
      blobs.set(blobName, body)
      ok(res, 201)
      return void res.end()
    }
    if (req.method === 'GET' || req.method === 'HEAD') {
      const data = blobs.get(blobName)
      if (!data) return fail(res, 404, 'BlobNotFound')
      ok(res, 200, {
        'content-type': 'application/octet-stream',
        'content-length': String(data.length),
        'x-ms-blob-type': 'BlockBlob',
        'accept-ranges': 'bytes',
      })
      return void res.end(req.method === 'GET' ? data : undefined)
    }
    fail(res, 405, 'UnsupportedHttpVerb')
  })

  const signed = (blobName: string, sp: string): string =>
    `${http_.origin}${PREFIX}${blobName}?sv=2025-01-05&sp=${sp}&sig=${sig}`
  return {
    kind: 'memory',
    uploadUrl: (blobName) => signed(blobName, 'cw'),
    downloadUrl: (blobName) => signed(blobName, 'r'),
    read: async (blobName) => {
      const data = blobs.get(blobName)
      if (!data) throw new Error(`no blob ${blobName}`)
      return data
    },
    close: http_.close,
  }
}
