// Twirp CacheService handlers (cache service v2, as @actions/cache 4+ calls it), backed by a BlobStore.
import { type BlobStore, safeBlobSegment } from './blob-store.js'
import { type TwirpBody, TwirpError, field, int, str } from './twirp.js'

export interface CacheEntryRecord {
  id: string
  key: string
  version: string
  size: number
  finalized: boolean
  blobName: string
  createdAt: number
}

export function cacheHandlers(entries: CacheEntryRecord[], blobs: BlobStore, nextId: () => string) {
  const keyAndVersion = (body: TwirpBody): { key: string; version: string } => {
    const key = str(body, 'key')
    const version = str(body, 'version')
    if (!key || !version) throw new TwirpError('invalid_argument', 'key and version are required')
    return { key, version }
  }

  return {
    CreateCacheEntry(body: TwirpBody) {
      const { key, version } = keyAndVersion(body)
      if (entries.some((e) => e.finalized && e.key === key && e.version === version)) {
        // @actions/cache turns any failure here into ReserveCacheError ("another job may be creating this cache").
        throw new TwirpError('already_exists', 'cache entry with the same key, version, and scope already exists')
      }
      const stale = entries.findIndex((e) => !e.finalized && e.key === key && e.version === version)
      if (stale >= 0) entries.splice(stale, 1)
      const id = nextId()
      const blobName = `cache/${id}-${safeBlobSegment(key)}`
      entries.push({ id, key, version, size: 0, finalized: false, blobName, createdAt: Date.now() })
      return { ok: true, signed_upload_url: blobs.uploadUrl(blobName) }
    },

    FinalizeCacheEntryUpload(body: TwirpBody) {
      const { key, version } = keyAndVersion(body)
      const entry = entries.find((e) => !e.finalized && e.key === key && e.version === version)
      if (!entry) throw new TwirpError('not_found', `no pending cache entry for key ${key}`)
      entry.size = int(body, 'size_bytes')
      entry.finalized = true
      return { ok: true, entry_id: entry.id }
    },

    GetCacheEntryDownloadURL(body: TwirpBody) {
      const { key, version } = keyAndVersion(body)
      const restoreKeys = field(body, 'restore_keys')
      const candidates = entries
        .filter((e) => e.finalized && e.version === version)
        .sort((a, b) => b.createdAt - a.createdAt || Number(b.id) - Number(a.id)) // newest first
      // The primary key must match exactly; each restore key matches exactly first, then as a prefix.
      let hit = candidates.find((e) => e.key === key)
      for (const rk of Array.isArray(restoreKeys) ? restoreKeys : []) {
        if (hit) break
        if (typeof rk !== 'string') continue
        hit = candidates.find((e) => e.key === rk) ?? candidates.find((e) => e.key.startsWith(rk))
      }
      if (!hit) return { ok: false }
      return { ok: true, signed_download_url: blobs.downloadUrl(hit.blobName), matched_key: hit.key }
    },
  }
}
