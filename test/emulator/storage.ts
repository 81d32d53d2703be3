// Object storage on its own origin: presigned PUT uploads (S3/R2 style) and signed downloads.
// It never accepts an Authorization header, like S3 ("Only one auth mechanism allowed").
import { createHash } from 'node:crypto'
import type { IncomingMessage } from 'node:http'
import { type FileStore, RETAIN_LIMIT, type Rendition, sha256Of } from './files.js'
import { type Reply, json, s3Error } from './http-io.js'
import { MAGIC_BYTES } from './media.js'
import type { Signer } from './signing.js'
import type { RequestContext } from './server.js'
import type { EmulatorOptions, RecordedRequest } from './types.js'

const RENDITIONS: readonly Rendition[] = ['original', 'video.mp4', 'thumb.jpg']
const DEFAULT_MAX_UPLOAD = 5 * 1024 ** 3

export interface StorageDeps {
  options: EmulatorOptions
  files: FileStore
  signer: Signer
}

interface Received {
  size: number
  sha256: string
  head: Buffer
  bytes: Buffer | null
}

/** Streams a request body through sha256, counting bytes; keeps the bytes only while they fit RETAIN_LIMIT. */
function receive(req: IncomingMessage, record: RecordedRequest): Promise<Received> {
  return new Promise((resolve, reject) => {
    const hash = createHash('sha256')
    let chunks: Buffer[] | null = []
    let size = 0
    let head = Buffer.alloc(0)
    let ended = false
    req.on('data', (chunk: Buffer) => {
      hash.update(chunk)
      size += chunk.length
      record.bodyBytes += chunk.length
      if (head.length < MAGIC_BYTES) head = Buffer.concat([head, chunk.subarray(0, MAGIC_BYTES - head.length)])
      if (chunks) {
        if (size <= RETAIN_LIMIT) chunks.push(chunk)
        else chunks = null
      }
    })
    req.on('end', () => {
      ended = true
      resolve({ size, sha256: hash.digest('hex'), head, bytes: chunks ? Buffer.concat(chunks) : null })
    })
    req.on('close', () => {
      if (!ended) reject(new Error('upload aborted by the client'))
    })
  })
}

export function defaultStorageError(status: number): { code: string; message: string } {
  if (status === 503) return { code: 'SlowDown', message: 'Please reduce your request rate.' }
  if (status >= 500) return { code: 'InternalError', message: 'We encountered an internal error. Please try again.' }
  if (status === 403) return { code: 'AccessDenied', message: 'Access Denied' }
  if (status === 404) return { code: 'NoSuchKey', message: 'The specified key does not exist.' }
  return { code: 'InvalidRequest', message: `HTTP ${status}` }
}

export class StorageHandler {
  constructor(private readonly deps: StorageDeps) {}

  faultReply(
    ctx: RequestContext,
    status: number,
    body: string | object | undefined,
    headers: Record<string, string> | undefined,
  ): Reply {
    let reply: Reply
    if (typeof body === 'string')
      reply = {
        status,
        headers: { 'Content-Type': body.trimStart().startsWith('<') ? 'application/xml' : 'text/plain' },
        body,
      }
    else if (body !== undefined) reply = json(status, body)
    else {
      const d = defaultStorageError(status)
      reply = s3Error(status, d.code, d.message, ctx.requestId)
    }
    return { ...reply, headers: { ...reply.headers, ...headers } }
  }

  async handle(ctx: RequestContext): Promise<Reply> {
    const { req, url, requestId: rid } = ctx
    const path = url.pathname
    if (req.headers.authorization !== undefined) {
      return s3Error(
        400,
        'InvalidArgument',
        'Only one auth mechanism allowed; only the X-Amz-Algorithm query parameter, Signature query string parameter or the Authorization header should be specified',
        rid,
      )
    }
    const upload = /^\/storage-files-prod\/([^/]+)\/primary-source$/.exec(path)
    if (upload) return this.put(ctx, upload[1]!)
    const download = /^\/files\/([^/]+)\/([^/]+)$/.exec(path)
    if (download) return this.download(ctx, download[1]!, download[2]!)
    const pub = /^\/public\/([^/.]+)\.[a-z0-9]+$/.exec(path)
    if (pub) return this.publicPreview(ctx, pub[1]!)
    return s3Error(404, 'NoSuchKey', 'The specified key does not exist.', rid)
  }

  private async put({ req, url, record, requestId: rid }: RequestContext, fileId: string): Promise<Reply> {
    const method = req.method ?? 'PUT'
    const path = url.pathname
    const now = Date.now()
    // The method is part of the signature: a GET on an upload URL fails the signature check, as on S3.
    const verdict = this.deps.signer.verifyPut(method, path, url.searchParams, req.headers.host, now)
    if (verdict === 'bad-signature')
      return s3Error(
        403,
        'AccessDenied',
        'The request signature we calculated does not match the signature you provided.',
        rid,
      )
    if (verdict === 'expired') return s3Error(403, 'AccessDenied', 'Request has expired', rid)
    const file = this.deps.files.get(fileId)
    if (!file) return s3Error(404, 'NoSuchKey', 'The specified key does not exist.', rid)
    const declared = req.headers['content-length']
    if (declared === undefined)
      return s3Error(411, 'MissingContentLength', 'You must provide the Content-Length HTTP header.', rid)
    const max = this.deps.options.maxUploadBytes ?? DEFAULT_MAX_UPLOAD
    if (Number(declared) > max)
      return s3Error(400, 'EntityTooLarge', 'Your proposed upload exceeds the maximum allowed size.', rid)

    const received = await receive(req, record)
    const type = req.headers['content-type']
    this.deps.files.commitUpload(file, { ...received, contentType: type ?? null }, Date.now())
    return { status: 200, headers: { ETag: `"${received.sha256.slice(0, 32)}"` } }
  }

  private download({ req, url, requestId: rid }: RequestContext, fileId: string, rendition: string): Reply {
    const method = req.method ?? 'GET'
    const path = url.pathname
    if (method !== 'GET' && method !== 'HEAD')
      return s3Error(405, 'MethodNotAllowed', 'The specified method is not allowed against this resource.', rid)
    const verdict = this.deps.signer.verifyGet(path, url.searchParams, Date.now())
    if (verdict === 'bad-signature')
      return s3Error(
        403,
        'AccessDenied',
        'The request signature we calculated does not match the signature you provided.',
        rid,
      )
    if (verdict === 'expired') return s3Error(403, 'AccessDenied', 'Request has expired', rid)
    const file = this.deps.files.get(fileId)
    const body =
      file && RENDITIONS.includes(rendition as Rendition)
        ? this.deps.files.renditionBody(file, rendition as Rendition)
        : null
    // A null body: an upload larger than RETAIN_LIMIT, whose bytes the emulator did not keep.
    if (!body) return s3Error(404, 'NoSuchKey', 'The specified key does not exist.', rid)
    return this.serve(body.bytes, body.contentType, 'private, max-age=3600')
  }

  private publicPreview({ req, requestId: rid }: RequestContext, token: string): Reply {
    const method = req.method ?? 'GET'
    if (method !== 'GET' && method !== 'HEAD')
      return s3Error(405, 'MethodNotAllowed', 'The specified method is not allowed against this resource.', rid)
    const now = Date.now()
    const file = this.deps.files.byPublicToken(token)
    const body = file && this.deps.files.state(file, now) === 'ready' ? this.deps.files.publicBody(file, now) : null
    if (!body) return s3Error(404, 'NoSuchKey', 'The specified key does not exist.', rid)
    return this.serve(body.bytes, body.contentType, 'public, max-age=31536000')
  }

  private serve(bytes: Buffer, contentType: string, cacheControl: string): Reply {
    return {
      status: 200,
      headers: {
        'Content-Type': contentType,
        ETag: `"${sha256Of(bytes).slice(0, 32)}"`,
        'Cache-Control': cacheControl,
        'Accept-Ranges': 'none',
      },
      body: bytes,
      delayMs: this.deps.options.downloadTtfbMs ?? 0,
    }
  }
}
