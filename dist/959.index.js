export const id = 959;
export const ids = [959];
export const modules = {

/***/ 7959:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  openCache: () => (/* binding */ openCache)
});

// EXTERNAL MODULE: ./node_modules/@actions/core/lib/core.js + 7 modules
var core = __webpack_require__(33838);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(51455);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
var external_node_path_default = /*#__PURE__*/__webpack_require__.n(external_node_path_);
// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(77598);
// EXTERNAL MODULE: ./src/hash.ts
var src_hash = __webpack_require__(56495);
// EXTERNAL MODULE: ./src/request.ts
var request = __webpack_require__(14390);
;// CONCATENATED MODULE: ./src/cache-key.ts
// Cache keys: what identifies a request (for finished clips) and a file's content (for upload reuse).



/** Bump when the entry layout or the key material changes: old entries then simply miss. */
const CACHE_FORMAT = 'videogen-v1';
const CLIP_KEY_PREFIX = 'videogen-clip-v1-';
const UPLOAD_KEY_PREFIX = 'videogen-upload-v1-';
/** JSON with object keys sorted at every level, so equal values always give equal text. */
function canonicalJson(value) {
    return JSON.stringify(value, (_key, v) => {
        if (v === null || typeof v !== 'object' || Array.isArray(v))
            return v;
        const obj = v;
        return Object.fromEntries(Object.keys(obj)
            .sort()
            .map((k) => [k, obj[k]]));
    });
}
function sha256Hex(text) {
    return (0,external_node_crypto_.createHash)('sha256').update(text).digest('hex');
}
/** Hashes each local file once per run (the key and upload reuse both need it). */
class ContentHashes {
    memo = new Map();
    of(file) {
        let hash = this.memo.get(file.absPath);
        if (!hash) {
            hash = (0,src_hash/* sha256File */.Q)(file.absPath);
            this.memo.set(file.absPath, hash);
        }
        return hash;
    }
}
/**
 * The request body as it would be sent, with each local file replaced by `sha256:<content hash>`
 * (its path and upload id do not matter) and given `vg_file_…` ids kept as themselves, plus the
 * API host (ids of one host mean nothing on another) and the format version.
 */
async function clipCacheKey(settings, hashes) {
    const identity = async (ref) => 'fileId' in ref ? ref.fileId : `sha256:${await hashes.of(ref.file)}`;
    const images = await Promise.all(settings.images.map(identity));
    const video = settings.video ? await identity(settings.video) : undefined;
    const { body } = (0,request/* buildRequestBody */.Q)(settings, images, video);
    return CLIP_KEY_PREFIX + sha256Hex(canonicalJson({ format: CACHE_FORMAT, baseUrl: settings.baseUrl, body }));
}
/** Prefix of the upload entries of one content on one API host; each entry's key ends in `-<file id>`. */
function uploadKeyPrefix(baseUrl, contentSha256) {
    return `${UPLOAD_KEY_PREFIX}${sha256Hex(canonicalJson({ format: CACHE_FORMAT, baseUrl, sha256: contentSha256 }))}-`;
}

// EXTERNAL MODULE: ./src/concurrency.ts
var concurrency = __webpack_require__(81532);
// EXTERNAL MODULE: ./src/deliver/clip.ts
var deliver_clip = __webpack_require__(58487);
// EXTERNAL MODULE: ./src/deliver/download.ts
var download = __webpack_require__(63561);
// EXTERNAL MODULE: ./src/deliver/public-preview.ts
var public_preview = __webpack_require__(78217);
// EXTERNAL MODULE: ./src/parse.ts
var parse = __webpack_require__(32828);
// EXTERNAL MODULE: ./src/videogen/errors.ts
var errors = __webpack_require__(49532);
// EXTERNAL MODULE: ./src/videogen/files.ts
var files = __webpack_require__(26236);
;// CONCATENATED MODULE: ./src/cache.ts
// Cache of finished clips and of uploads (issue 5), on the Actions cache service (@actions/cache).
//
// Entries are immutable and keyed by content:
// - `videogen-clip-v1-<sha256>`: the clips and the execution record of one request (see cache-key.ts);
// - `videogen-upload-v1-<sha256>-<file id>`: "this content was uploaded as <file id>" (non-temporary
//   uploads only). The id is in the key, so a lookup needs no download; a newer upload of the same
//   content adds a newer entry instead of overwriting one, so concurrent jobs cannot clobber each other.
//
// @actions/cache versions an entry by the path strings it was saved with, so entries are staged under
// a fixed workspace-relative directory (`.videogen-cache/…`) rather than download-dir, whose file names
// depend on the execution id that a restore does not know yet.












const STAGING_ROOT = '.videogen-cache';
const UPLOADS_DIR = `${STAGING_ROOT}/uploads`;
const RECORD = 'record.json';
/** A remembered upload still processing (another job just made it) is waited for this long at most. */
const REUSE_READY_MS = 60_000;
const stagedClipName = (index) => `clip-${index}.mp4`;
const disabled = {
    reuseUpload: async () => undefined,
    rememberUpload: () => undefined,
    save: async () => undefined,
};
async function openCache(settings, client) {
    // Loaded here, not at the top: runs without `cache` do not pay for loading it.
    const lib = await Promise.all(/* import() */[__webpack_require__.e(110), __webpack_require__.e(91)]).then(__webpack_require__.bind(__webpack_require__, 18091));
    if (!lib.isFeatureAvailable()) {
        core/* warning */.$e('cache: true, but the Actions cache service is not available here (no ACTIONS_RESULTS_URL / ACTIONS_CACHE_URL, e.g. GitHub Enterprise Server without it): running without the cache');
        return disabled;
    }
    // The library resolves paths against the current directory but archives relative to GITHUB_WORKSPACE.
    const cwd = await (0,promises_.realpath)(process.cwd());
    if (cwd !== settings.workspace.root) {
        core/* warning */.$e(`cache: the current directory (${cwd}) is not the workspace (${settings.workspace.root}), where the Actions cache stores and restores files: running without the cache`);
        return disabled;
    }
    const hashes = new ContentHashes();
    const key = await clipCacheKey(settings, hashes);
    core/* info */.pq(`Cache key: ${key}`);
    const session = new Session(lib, settings, client, hashes, key);
    await session.restore();
    return session;
}
class Session {
    lib;
    settings;
    client;
    hashes;
    key;
    restored;
    /** Upload entries are saved one at a time (they share a staging directory), in the background. */
    uploadSaves = Promise.resolve();
    rememberUploads;
    constructor(lib, settings, client, hashes, key) {
        this.lib = lib;
        this.settings = settings;
        this.client = client;
        this.hashes = hashes;
        this.key = key;
        // Temporary uploads expire after about a day: not worth remembering.
        this.rememberUploads = !settings.temporaryUploads;
    }
    staging(rel) {
        return external_node_path_default().join(this.settings.workspace.root, ...rel.split('/'));
    }
    async cleanUp(rel) {
        await (0,promises_.rm)(this.staging(rel), { recursive: true, force: true });
        await (0,promises_.rmdir)(this.staging(STAGING_ROOT)).catch(() => undefined); // only when empty
    }
    async restore() {
        const rel = `${STAGING_ROOT}/${this.key}`;
        await this.cleanUp(rel);
        let restored;
        try {
            const matched = await this.lib.restoreCache([rel], this.key);
            if (matched !== this.key) {
                core/* info */.pq('Cache miss: generating, and saving the clips for the next run with the same inputs');
                return;
            }
            restored = await this.unpack(this.staging(rel));
        }
        catch (error) {
            core/* warning */.$e(`Cache entry ${this.key} could not be used (${(0,errors/* errorText */.kc)(error)}): generating anew`);
            return;
        }
        finally {
            await this.cleanUp(rel);
        }
        await this.refreshUrls(restored.clips);
        if (this.settings.publicPreview) {
            const missing = restored.clips.filter((c) => !c.publicUrl);
            // A failure here must not fail the step: every later run would hit the same entry and fail again.
            if (missing.length > 0)
                await (0,public_preview/* enablePublicPreviews */.E)(this.client.files, missing).catch((error) => core/* warning */.$e(`Public preview of the cached clips: ${(0,errors/* errorText */.kc)(error)}; the signed links are used`));
        }
        else {
            // Outputs as a normal run with these inputs would set them: no public links unless asked for.
            for (const clip of restored.clips)
                delete clip.publicUrl;
        }
        this.restored = restored;
    }
    /** Record and clips from the extracted entry → download-dir, each clip checked against its SHA-256. */
    async unpack(dir) {
        const record = JSON.parse(await (0,promises_.readFile)(external_node_path_default().join(dir, RECORD), 'utf8'));
        const executionId = record.execution?.toolExecutionId;
        if (record.format !== CACHE_FORMAT ||
            record.key !== this.key ||
            !parse/* EXECUTION_ID */.VN.test(executionId ?? '') ||
            !Array.isArray(record.clips)) {
            throw new Error('its record is not one this version of the action wrote');
        }
        const { downloadDir, workspace } = this.settings;
        await (0,promises_.mkdir)(downloadDir, { recursive: true });
        const clips = [];
        for (const { sha256, bytes: _bytes, ...cached } of record.clips) {
            if (!Number.isInteger(cached.index) || cached.index < 1)
                throw new Error(`its record has a clip with index ${String(cached.index)}`);
            const staged = external_node_path_default().join(dir, stagedClipName(cached.index));
            if ((await (0,src_hash/* sha256File */.Q)(staged)) !== sha256)
                throw new Error(`clip ${cached.index} does not match the SHA-256 in its record`);
            const dest = external_node_path_default().join(downloadDir, (0,download/* clipFileName */._)(executionId, cached.index));
            await moveFile(staged, dest);
            const bytes = (await (0,promises_.stat)(dest)).size;
            clips.push({ ...cached, absPath: dest, path: workspace.relative(dest), bytes });
            core/* info */.pq(`Restored clip ${cached.index} → ${workspace.relative(dest)} (${bytes} bytes)`);
        }
        return { execution: record.execution, clips };
    }
    /** Signed URLs of the cached run have probably expired: ask for fresh ones, keep the old ones if that fails. */
    async refreshUrls(clips) {
        try {
            await (0,concurrency/* mapLimit */.s)(clips, 4, async (clip) => {
                const fresh = (0,deliver_clip/* clipFromResult */.M)({ fileId: clip.fileId, file: await this.client.files.hydrate(clip.fileId) }, clip.index);
                for (const field of ['url', 'urlExpiresAt', 'thumbnailUrl', 'thumbnailUrlExpiresAt']) {
                    if (fresh[field] !== undefined)
                        clip[field] = fresh[field];
                }
            });
            if (clips.length > 0)
                core/* info */.pq('Fresh signed URLs obtained for the cached clips');
        }
        catch (error) {
            core/* warning */.$e(`Could not get fresh URLs for the cached clips (${(0,errors/* errorText */.kc)(error)}): the url outputs are those of the cached run and may have expired; the restored files in download-dir are complete`);
        }
    }
    async reuseUpload(file) {
        if (!this.rememberUploads)
            return undefined;
        const prefix = uploadKeyPrefix(this.settings.baseUrl, await this.hashes.of(file));
        let matched;
        try {
            // The newest entry whose key starts with the prefix; lookupOnly: the key alone carries the id.
            matched = await this.lib.restoreCache([UPLOADS_DIR], prefix, [prefix], { lookupOnly: true });
        }
        catch (error) {
            core/* info */.pq(`Could not look up an earlier upload of ${file.relPath}: ${(0,errors/* errorText */.kc)(error)}`);
            return undefined;
        }
        const fileId = matched?.startsWith(prefix) ? matched.slice(prefix.length) : undefined;
        if (!fileId || !parse/* FILE_ID */.Hp.test(fileId))
            return undefined;
        return (await this.stillUsable(fileId, file)) ? fileId : undefined;
    }
    /** A remembered file may have been deleted (or belong to another account): check before reusing it. */
    async stillUsable(fileId, file) {
        try {
            const info = await this.client.files.get(fileId);
            const state = (0,files/* readiness */.xz)(info);
            if (state === 'ready')
                return true;
            if (state === 'pending') {
                await this.client.files.waitReady(fileId, file.relPath, { deadline: Date.now() + REUSE_READY_MS });
                return true;
            }
            core/* info */.pq(`Earlier upload ${fileId} of ${file.relPath} failed processing: uploading again`);
        }
        catch (error) {
            const gone = error instanceof errors/* VideoGenApiError */.gr && (error.status === 404 || error.status === 410);
            core/* info */.pq(`Earlier upload ${fileId} of ${file.relPath} ${gone ? 'no longer exists' : `cannot be reused (${(0,errors/* errorText */.kc)(error)})`}: uploading again`);
        }
        return false;
    }
    rememberUpload(file, fileId) {
        if (!this.rememberUploads)
            return;
        this.uploadSaves = this.uploadSaves.then(() => this.saveUpload(file, fileId));
    }
    async saveUpload(file, fileId) {
        try {
            const sha256 = await this.hashes.of(file);
            const key = uploadKeyPrefix(this.settings.baseUrl, sha256) + fileId;
            await (0,promises_.mkdir)(this.staging(UPLOADS_DIR), { recursive: true });
            await (0,promises_.writeFile)(external_node_path_default().join(this.staging(UPLOADS_DIR), 'upload.json'), `${JSON.stringify({ format: CACHE_FORMAT, fileId, sha256 })}\n`);
            const id = await this.lib.saveCache([UPLOADS_DIR], key);
            if (id === -1)
                core/* info */.pq(`Upload ${fileId} of ${file.relPath} was not remembered in the cache (see above)`);
            else
                core/* info */.pq(`Remembered upload ${fileId} of ${file.relPath} in the cache (entry ${id})`);
        }
        catch (error) {
            core/* info */.pq(`Upload ${fileId} of ${file.relPath} was not remembered in the cache: ${(0,errors/* errorText */.kc)(error)}`);
        }
        finally {
            await this.cleanUp(UPLOADS_DIR).catch(() => undefined);
        }
    }
    async save(execution, clips) {
        await this.uploadSaves;
        if (this.restored)
            return;
        if (clips.length < this.settings.request.numResults) {
            core/* warning */.$e(`Not saved to the cache: ${clips.length} of ${this.settings.request.numResults} results came back, and a cached short result would be served to every later run`);
            return;
        }
        const notDownloaded = clips.filter((c) => !c.absPath);
        if (notDownloaded.length > 0) {
            core/* warning */.$e(`Not saved to the cache: clip ${notDownloaded.map((c) => c.index).join(', ')} was not downloaded`);
            return;
        }
        const rel = `${STAGING_ROOT}/${this.key}`;
        const dir = this.staging(rel);
        try {
            await this.cleanUp(rel);
            await (0,promises_.mkdir)(dir, { recursive: true });
            const cached = [];
            for (const { path: _path, absPath, bytes, releaseAssetUrl: _release, ...clip } of clips) {
                const staged = external_node_path_default().join(dir, stagedClipName(clip.index));
                await linkOrCopy(absPath, staged);
                cached.push({ ...clip, bytes: bytes ?? (await (0,promises_.stat)(staged)).size, sha256: await (0,src_hash/* sha256File */.Q)(staged) });
            }
            const record = { format: CACHE_FORMAT, key: this.key, execution, clips: cached };
            await (0,promises_.writeFile)(external_node_path_default().join(dir, RECORD), `${JSON.stringify(record, null, 2)}\n`);
            const id = await this.lib.saveCache([rel], this.key);
            if (id === -1)
                core/* warning */.$e(`The clips were not saved to the cache (see the message above; another job with the same inputs may have saved this key already)`);
            else
                core/* info */.pq(`Saved the clips to the cache (entry ${id}, key ${this.key})`);
        }
        catch (error) {
            core/* warning */.$e(`The clips were not saved to the cache: ${(0,errors/* errorText */.kc)(error)}`);
        }
        finally {
            await this.cleanUp(rel).catch(() => undefined);
        }
    }
}
async function moveFile(from, to) {
    try {
        await (0,promises_.rename)(from, to);
    }
    catch {
        await (0,promises_.copyFile)(from, to);
        await (0,promises_.rm)(from, { force: true });
    }
}
/** A hard link costs no copy; across devices (or where links are refused) copy instead. */
async function linkOrCopy(from, to) {
    try {
        await (0,promises_.link)(from, to);
    }
    catch {
        await (0,promises_.copyFile)(from, to);
    }
}


/***/ }),

/***/ 56495:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Q: () => (/* binding */ sha256File)
/* harmony export */ });
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(73024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(77598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_1__);


/** SHA-256 of a file, streamed. */
async function sha256File(file) {
    const hash = (0,node_crypto__WEBPACK_IMPORTED_MODULE_1__.createHash)('sha256');
    for await (const chunk of (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.createReadStream)(file, { highWaterMark: 1024 * 1024 }))
        hash.update(chunk);
    return hash.digest('hex');
}


/***/ })

};

//# sourceMappingURL=959.index.js.map