// Cache keys: what identifies a request (for finished clips) and a file's content (for upload reuse).
import { createHash } from 'node:crypto'
import type { LocalFile } from './assets.js'
import { sha256File } from './hash.js'
import { buildRequestBody } from './request.js'
import type { Settings } from './settings.js'

/** Bump when the entry layout or the key material changes: old entries then simply miss. */
export const CACHE_FORMAT = 'videogen-v1'
export const CLIP_KEY_PREFIX = 'videogen-clip-v1-'
export const UPLOAD_KEY_PREFIX = 'videogen-upload-v1-'

/** JSON with object keys sorted at every level, so equal values always give equal text. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) => {
    if (v === null || typeof v !== 'object' || Array.isArray(v)) return v
    const obj = v as Record<string, unknown>
    return Object.fromEntries(
      Object.keys(obj)
        .sort()
        .map((k) => [k, obj[k]]),
    )
  })
}

export function sha256Hex(text: string): string {
  return createHash('sha256').update(text).digest('hex')
}

/** Hashes each local file once per run (the key and upload reuse both need it). */
export class ContentHashes {
  private readonly memo = new Map<string, Promise<string>>()

  of(file: LocalFile): Promise<string> {
    let hash = this.memo.get(file.absPath)
    if (!hash) {
      hash = sha256File(file.absPath)
      this.memo.set(file.absPath, hash)
    }
    return hash
  }
}

type KeySettings = Pick<Settings, 'baseUrl' | 'request' | 'params' | 'images' | 'video'>

/**
 * The request body as it would be sent, with each local file replaced by `sha256:<content hash>`
 * (its path and upload id do not matter) and given `vg_file_…` ids kept as themselves, plus the
 * API host (ids of one host mean nothing on another) and the format version.
 */
export async function clipCacheKey(settings: KeySettings, hashes: ContentHashes): Promise<string> {
  const identity = async (ref: KeySettings['images'][number]) =>
    'fileId' in ref ? ref.fileId : `sha256:${await hashes.of(ref.file)}`
  const images = await Promise.all(settings.images.map(identity))
  const video = settings.video ? await identity(settings.video) : undefined
  const { body } = buildRequestBody(settings, images, video)
  return CLIP_KEY_PREFIX + sha256Hex(canonicalJson({ format: CACHE_FORMAT, baseUrl: settings.baseUrl, body }))
}

/** Prefix of the upload entries of one content on one API host; each entry's key ends in `-<file id>`. */
export function uploadKeyPrefix(baseUrl: string, contentSha256: string): string {
  return `${UPLOAD_KEY_PREFIX}${sha256Hex(canonicalJson({ format: CACHE_FORMAT, baseUrl, sha256: contentSha256 }))}-`
}
