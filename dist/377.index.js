export const id = 377;
export const ids = [377];
export const modules = {

/***/ 57719:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Gh: () => (/* binding */ ContentHashes),
/* harmony export */   Yq: () => (/* binding */ clipCacheKey),
/* harmony export */   ll: () => (/* binding */ uploadKeyPrefix),
/* harmony export */   rz: () => (/* binding */ CACHE_FORMAT)
/* harmony export */ });
/* unused harmony exports CLIP_KEY_PREFIX, UPLOAD_KEY_PREFIX, canonicalJson, sha256Hex */
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(77598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _hash_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(56495);
/* harmony import */ var _request_body_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(22579);
// Cache keys: what identifies a request (for finished clips) and a file's content (for upload reuse).



/**
 * Bump when what an entry holds, or what a restore accepts, changes: old entries then simply miss.
 * v2: typed request fields of the Oct 2026 API, videos/audio/start frame, entries without signed links.
 */
const CACHE_FORMAT = 'videogen-v2';
const CLIP_KEY_PREFIX = 'videogen-clip-v2-';
const UPLOAD_KEY_PREFIX = 'videogen-upload-v2-';
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
    return (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)('sha256').update(text).digest('hex');
}
/** Hashes each local file once per run (the key, upload reuse and de-duplication all need it). */
class ContentHashes {
    memo = new Map();
    of(file) {
        let hash = this.memo.get(file.absPath);
        if (!hash) {
            hash = (0,_hash_js__WEBPACK_IMPORTED_MODULE_1__/* .sha256File */ .Q)(file.absPath);
            this.memo.set(file.absPath, hash);
        }
        return hash;
    }
}
/**
 * The request body as it would be sent, with each local file replaced by `sha256:<content hash>` (its
 * path and upload id do not matter) and given `vg_file_…` ids kept as themselves, plus the API host (ids
 * of one host mean nothing on another) and the format version.
 */
async function clipCacheKey(baseUrl, clip, hashes) {
    const identity = async (ref) => ('fileId' in ref ? ref.fileId : `sha256:${await hashes.of(ref.file)}`);
    const { body } = (0,_request_body_js__WEBPACK_IMPORTED_MODULE_2__/* .buildRequestBody */ .Q)(clip, await (0,_request_body_js__WEBPACK_IMPORTED_MODULE_2__/* .mapRequestFiles */ .b)(clip.files, identity));
    return CLIP_KEY_PREFIX + sha256Hex(canonicalJson({ format: CACHE_FORMAT, baseUrl, body }));
}
/** Prefix of the upload entries of one content on one API host; each entry's key ends in `-<file id>`. */
function uploadKeyPrefix(baseUrl, contentSha256) {
    return `${UPLOAD_KEY_PREFIX}${sha256Hex(canonicalJson({ format: CACHE_FORMAT, baseUrl, sha256: contentSha256 }))}-`;
}


/***/ }),

/***/ 97377:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   openCache: () => (/* binding */ openCache)
/* harmony export */ });
/* unused harmony export CacheStore */
/* harmony import */ var _log_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(25625);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(73024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(51455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_3___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_3__);
/* harmony import */ var _cache_key_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(57719);
/* harmony import */ var _clip_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(95861);
/* harmony import */ var _fs_safe_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(79284);
/* harmony import */ var _hash_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(56495);
/* harmony import */ var _sanitize_js__WEBPACK_IMPORTED_MODULE_11__ = __webpack_require__(25540);
/* harmony import */ var _videogen_decode_js__WEBPACK_IMPORTED_MODULE_10__ = __webpack_require__(11413);
/* harmony import */ var _videogen_errors_js__WEBPACK_IMPORTED_MODULE_8__ = __webpack_require__(49532);
/* harmony import */ var _videogen_files_js__WEBPACK_IMPORTED_MODULE_9__ = __webpack_require__(81253);
/* harmony import */ var _videogen_ids_js__WEBPACK_IMPORTED_MODULE_12__ = __webpack_require__(46277);
// A store of finished clips and of uploads, on the Actions cache service (@actions/cache). It stores and
// restores; what a hit means for delivery (fresh links, public previews, outputs) is the caller's call.
//
// Entries are immutable and keyed by content:
// - `videogen-clip-v2-<sha256>`: the clips and the execution record of one request (see cache-key.ts);
// - `videogen-upload-v2-<sha256>-<file id>`: "this content was uploaded as <file id>" (non-temporary
//   uploads only). The id is in the key, so a lookup needs no download; a newer upload of the same
//   content adds a newer entry instead of overwriting one, so concurrent jobs cannot clobber each other.
//
// @actions/cache versions an entry by the path strings it was saved with, so entries are staged under a
// fixed workspace-relative directory (`.videogen-cache/…`) rather than download-dir, whose file names
// depend on the execution id that a restore does not know yet.
//
// A restored entry is outside input (anyone who can write the repository's cache scope can forge one):
// its record is decoded like an API answer, every clip must match the SHA-256 the record gives, and it
// holds no links at all: signed and public links are asked of the API again on a hit.













const STAGING_ROOT = '.videogen-cache';
const UPLOADS_DIR = `${STAGING_ROOT}/uploads`;
const RECORD = 'record.json';
/** A remembered upload still processing (another job just made it) is waited for this long at most. */
const REUSE_READY_MS = 60_000;
const SHA256 = /^[0-9a-f]{64}$/;
const CACHED_CLIP_FIELDS = new Set(['index', 'fileId', 'durationSeconds', 'bytes', 'sha256']);
const stagedClipName = (index) => `clip-${index}.mp4`;
/** An extracted entry holds plain files in plain folders: a link in it could lead anywhere on the runner. */
async function plain(target, kind, what) {
    const info = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.lstat)(target);
    if (kind === 'file' ? info.isFile() : info.isDirectory())
        return;
    throw new Error(`${what} is ${info.isSymbolicLink() ? 'a symbolic link' : `not a ${kind}`}`);
}
/** The cache, or undefined (with a warning) where the Actions cache service cannot be used. */
async function openCache(ctx) {
    // Loaded here, not at the top: runs without `cache` do not pay for loading it.
    const lib = await Promise.all(/* import() */[__webpack_require__.e(271), __webpack_require__.e(142)]).then(__webpack_require__.bind(__webpack_require__, 60142));
    if (!lib.isFeatureAvailable()) {
        _log_js__WEBPACK_IMPORTED_MODULE_0__/* .log */ .R.warning('cache: true, but the Actions cache service is not available here (no ACTIONS_RESULTS_URL / ACTIONS_CACHE_URL, e.g. GitHub Enterprise Server without it): running without the cache');
        return undefined;
    }
    // The library resolves paths against the current directory but archives relative to GITHUB_WORKSPACE.
    const cwd = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.realpath)(process.cwd());
    if (cwd !== ctx.root) {
        _log_js__WEBPACK_IMPORTED_MODULE_0__/* .log */ .R.warning(`cache: the current directory (${cwd}) is not the workspace (${ctx.root}), where the Actions cache stores and restores files: running without the cache`);
        return undefined;
    }
    try {
        await (0,_fs_safe_js__WEBPACK_IMPORTED_MODULE_6__/* .ensureDir */ .A0)(ctx.root, node_path__WEBPACK_IMPORTED_MODULE_3___default().join(ctx.root, STAGING_ROOT));
        await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.rmdir)(node_path__WEBPACK_IMPORTED_MODULE_3___default().join(ctx.root, STAGING_ROOT)).catch(() => undefined);
    }
    catch (error) {
        _log_js__WEBPACK_IMPORTED_MODULE_0__/* .log */ .R.warning(`cache: the staging directory ${STAGING_ROOT} cannot be used (${(0,_videogen_errors_js__WEBPACK_IMPORTED_MODULE_8__/* .errorText */ .kc)(error)}): running without the cache`);
        return undefined;
    }
    return new CacheStore(lib, ctx);
}
class CacheStore {
    lib;
    ctx;
    hashes = new _cache_key_js__WEBPACK_IMPORTED_MODULE_4__/* .ContentHashes */ .Gh();
    decode;
    /**
     * Restores and saves take turns: they share the staging directory, which each one cleans up after itself
     * (a batch restores and saves several entries at once). Upload entries are saved in the background.
     */
    turn = Promise.resolve();
    constructor(lib, ctx) {
        this.lib = lib;
        this.ctx = ctx;
        this.decode = (0,_videogen_decode_js__WEBPACK_IMPORTED_MODULE_10__/* .decodeContextFor */ .Jw)(ctx.baseUrl);
    }
    keyOf(request) {
        return (0,_cache_key_js__WEBPACK_IMPORTED_MODULE_4__/* .clipCacheKey */ .Yq)(this.ctx.baseUrl, request, this.hashes);
    }
    /** Content identity of a local file, for de-duplicating uploads. */
    contentKey(file) {
        return this.hashes.of(file);
    }
    staging(rel) {
        return node_path__WEBPACK_IMPORTED_MODULE_3___default().join(this.ctx.root, ...rel.split('/'));
    }
    inTurn(work) {
        const result = this.turn.then(work, work);
        this.turn = result.catch(() => undefined);
        return result;
    }
    async cleanUp(rel) {
        await (0,_fs_safe_js__WEBPACK_IMPORTED_MODULE_6__/* .removeInside */ .pi)(this.ctx.root, this.staging(rel));
        await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.rmdir)(this.staging(STAGING_ROOT)).catch(() => undefined); // only when empty
    }
    /** The entry of `key`, checked and unpacked into `dir`; undefined on a miss or an unusable entry (warned). */
    restore(key, request, dir) {
        return this.inTurn(() => this.restoreNow(key, request, dir));
    }
    async restoreNow(key, request, dir) {
        const rel = `${STAGING_ROOT}/${key}`;
        try {
            await this.cleanUp(rel);
            const matched = await this.lib.restoreCache([rel], key);
            if (matched !== key) {
                _log_js__WEBPACK_IMPORTED_MODULE_0__/* .log */ .R.info('Cache miss: generating, and saving the clips for the next run with the same inputs');
                return undefined;
            }
            return await this.unpack(key, this.staging(rel), request, dir);
        }
        catch (error) {
            _log_js__WEBPACK_IMPORTED_MODULE_0__/* .log */ .R.warning(`Cache entry ${key} could not be used (${(0,_videogen_errors_js__WEBPACK_IMPORTED_MODULE_8__/* .errorText */ .kc)(error)}): generating anew`);
            return undefined;
        }
        finally {
            await this.cleanUp(rel).catch(() => undefined);
        }
    }
    /** Record and clips of an extracted entry → `dir`, after checking every field and every clip's SHA-256. */
    async unpack(key, staged, request, dir) {
        await plain(this.staging(STAGING_ROOT), 'directory', 'its folder');
        await plain(staged, 'directory', 'its folder');
        await plain(node_path__WEBPACK_IMPORTED_MODULE_3___default().join(staged, RECORD), 'file', 'its record');
        const record = JSON.parse(await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.readFile)(node_path__WEBPACK_IMPORTED_MODULE_3___default().join(staged, RECORD), 'utf8'));
        if (record.format !== _cache_key_js__WEBPACK_IMPORTED_MODULE_4__/* .CACHE_FORMAT */ .rz || record.key !== key)
            throw new Error('its record is not one this version of the action wrote');
        const execution = (0,_videogen_decode_js__WEBPACK_IMPORTED_MODULE_10__/* .decodeExecution */ .FX)(record.execution, this.decode);
        if (execution.status !== 'succeeded')
            throw new Error(`its execution is ${execution.status}, not succeeded`);
        const cached = Array.isArray(record.clips) ? record.clips : [];
        const n = request.request.numResults;
        if (cached.length !== n || cached.some((c, i) => c?.index !== i + 1)) {
            throw new Error(`it does not hold clips 1 to ${n} in order`);
        }
        for (const c of cached) {
            // Only what save() writes: a field this version never stores (a link, say) marks a forged record.
            const extra = Object.keys(c).filter((k) => !CACHED_CLIP_FIELDS.has(k));
            if (extra.length > 0)
                throw new Error(`clip ${c.index} has fields this version never writes (${(0,_sanitize_js__WEBPACK_IMPORTED_MODULE_11__/* .clean */ .uH)(extra.join(', '), 100)})`);
            if (!(0,_videogen_ids_js__WEBPACK_IMPORTED_MODULE_12__/* .isFileId */ .OZ)(c.fileId) || typeof c.sha256 !== 'string' || !SHA256.test(c.sha256))
                throw new Error(`clip ${c.index} has no valid file id or hash`);
            await plain(node_path__WEBPACK_IMPORTED_MODULE_3___default().join(staged, stagedClipName(c.index)), 'file', `clip ${c.index}`);
            if ((await (0,_hash_js__WEBPACK_IMPORTED_MODULE_7__/* .sha256File */ .Q)(node_path__WEBPACK_IMPORTED_MODULE_3___default().join(staged, stagedClipName(c.index)))) !== c.sha256) {
                throw new Error(`clip ${c.index} does not match the SHA-256 in its record`);
            }
        }
        await (0,_fs_safe_js__WEBPACK_IMPORTED_MODULE_6__/* .ensureDir */ .A0)(this.ctx.root, dir);
        const clips = [];
        for (const c of cached) {
            const name = (0,_clip_js__WEBPACK_IMPORTED_MODULE_5__/* .clipFileName */ ._T)(execution.toolExecutionId, c.index);
            await (0,_fs_safe_js__WEBPACK_IMPORTED_MODULE_6__/* .moveInto */ .cG)(node_path__WEBPACK_IMPORTED_MODULE_3___default().join(staged, stagedClipName(c.index)), dir, name);
            const absPath = node_path__WEBPACK_IMPORTED_MODULE_3___default().join(dir, name);
            const bytes = (await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.stat)(absPath)).size;
            const relPath = node_path__WEBPACK_IMPORTED_MODULE_3___default().relative(this.ctx.root, absPath).split((node_path__WEBPACK_IMPORTED_MODULE_3___default().sep)).join('/');
            const duration = typeof c.durationSeconds === 'number' && Number.isFinite(c.durationSeconds) ? c.durationSeconds : undefined;
            clips.push({
                index: c.index,
                fileId: c.fileId,
                ...(duration !== undefined && { durationSeconds: duration }),
                absPath,
                path: relPath,
                bytes,
            });
            _log_js__WEBPACK_IMPORTED_MODULE_0__/* .log */ .R.info(`Restored clip ${c.index} → ${relPath} (${bytes} bytes)`);
        }
        return { execution, clips };
    }
    async reuseUpload(file) {
        if (!this.ctx.rememberUploads)
            return undefined;
        const prefix = (0,_cache_key_js__WEBPACK_IMPORTED_MODULE_4__/* .uploadKeyPrefix */ .ll)(this.ctx.baseUrl, await this.hashes.of(file));
        let matched;
        try {
            // The newest entry whose key starts with the prefix; lookupOnly: the key alone carries the id.
            matched = await this.lib.restoreCache([UPLOADS_DIR], prefix, [prefix], { lookupOnly: true });
        }
        catch (error) {
            _log_js__WEBPACK_IMPORTED_MODULE_0__/* .log */ .R.info(`Could not look up an earlier upload of ${file.label}: ${(0,_videogen_errors_js__WEBPACK_IMPORTED_MODULE_8__/* .errorText */ .kc)(error)}`);
            return undefined;
        }
        const fileId = matched?.startsWith(prefix) ? matched.slice(prefix.length) : undefined;
        if (!fileId || !_videogen_ids_js__WEBPACK_IMPORTED_MODULE_12__/* .FILE_ID */ .Hp.test(fileId))
            return undefined;
        return (await this.stillUsable(fileId, file)) ? fileId : undefined;
    }
    /** A remembered file may have been deleted (or belong to another account): check before reusing it. */
    async stillUsable(fileId, file) {
        try {
            const state = (0,_videogen_files_js__WEBPACK_IMPORTED_MODULE_9__/* .readiness */ .xz)(await this.ctx.files.get(fileId));
            if (state === 'ready')
                return true;
            if (state === 'pending') {
                await this.ctx.files.waitReady(fileId, file.label, { deadline: Date.now() + REUSE_READY_MS });
                return true;
            }
            _log_js__WEBPACK_IMPORTED_MODULE_0__/* .log */ .R.info(`Earlier upload ${fileId} of ${file.label} failed processing: uploading again`);
        }
        catch (error) {
            const gone = error instanceof _videogen_errors_js__WEBPACK_IMPORTED_MODULE_8__/* .VideoGenApiError */ .gr && (error.status === 404 || error.status === 410);
            _log_js__WEBPACK_IMPORTED_MODULE_0__/* .log */ .R.info(`Earlier upload ${fileId} of ${file.label} ${gone ? 'no longer exists' : `cannot be reused (${(0,_videogen_errors_js__WEBPACK_IMPORTED_MODULE_8__/* .errorText */ .kc)(error)})`}: uploading again`);
        }
        return false;
    }
    rememberUpload(file, fileId) {
        if (!this.ctx.rememberUploads)
            return;
        void this.inTurn(() => this.saveUpload(file, fileId));
    }
    async saveUpload(file, fileId) {
        try {
            const sha256 = await this.hashes.of(file);
            const key = (0,_cache_key_js__WEBPACK_IMPORTED_MODULE_4__/* .uploadKeyPrefix */ .ll)(this.ctx.baseUrl, sha256) + fileId;
            await (0,_fs_safe_js__WEBPACK_IMPORTED_MODULE_6__/* .ensureDir */ .A0)(this.ctx.root, this.staging(UPLOADS_DIR));
            await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.writeFile)(node_path__WEBPACK_IMPORTED_MODULE_3___default().join(this.staging(UPLOADS_DIR), 'upload.json'), `${JSON.stringify({ format: _cache_key_js__WEBPACK_IMPORTED_MODULE_4__/* .CACHE_FORMAT */ .rz, fileId, sha256 })}\n`, {
                flag: 'wx',
            });
            const id = await this.lib.saveCache([UPLOADS_DIR], key);
            if (id === -1)
                _log_js__WEBPACK_IMPORTED_MODULE_0__/* .log */ .R.info(`Upload ${fileId} of ${file.label} was not remembered in the cache (see above)`);
            else
                _log_js__WEBPACK_IMPORTED_MODULE_0__/* .log */ .R.info(`Remembered upload ${fileId} of ${file.label} in the cache (entry ${id})`);
        }
        catch (error) {
            _log_js__WEBPACK_IMPORTED_MODULE_0__/* .log */ .R.info(`Upload ${fileId} of ${file.label} was not remembered in the cache: ${(0,_videogen_errors_js__WEBPACK_IMPORTED_MODULE_8__/* .errorText */ .kc)(error)}`);
        }
        finally {
            await this.cleanUp(UPLOADS_DIR).catch(() => undefined);
        }
    }
    /** Saves the clips of a finished run under `key` (all of them downloaded, or nothing is saved). */
    save(key, request, execution, clips) {
        return this.inTurn(() => this.saveNow(key, request, execution, clips));
    }
    async saveNow(key, request, execution, clips) {
        const n = request.request.numResults;
        if (clips.length < n) {
            _log_js__WEBPACK_IMPORTED_MODULE_0__/* .log */ .R.warning(`Not saved to the cache: ${clips.length} of ${n} results came back, and a cached short result would be served to every later run`);
            return;
        }
        const notDownloaded = clips.filter((c) => !c.absPath);
        if (notDownloaded.length > 0) {
            _log_js__WEBPACK_IMPORTED_MODULE_0__/* .log */ .R.warning(`Not saved to the cache: clip ${notDownloaded.map((c) => c.index).join(', ')} was not downloaded`);
            return;
        }
        const rel = `${STAGING_ROOT}/${key}`;
        const dir = this.staging(rel);
        try {
            await this.cleanUp(rel);
            await (0,_fs_safe_js__WEBPACK_IMPORTED_MODULE_6__/* .ensureDir */ .A0)(this.ctx.root, dir);
            const cached = [];
            for (const clip of clips) {
                const staged = node_path__WEBPACK_IMPORTED_MODULE_3___default().join(dir, stagedClipName(clip.index));
                await linkOrCopy(clip.absPath, staged);
                cached.push({
                    index: clip.index,
                    fileId: clip.fileId,
                    ...(clip.durationSeconds !== undefined && { durationSeconds: clip.durationSeconds }),
                    bytes: clip.bytes ?? (await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.stat)(staged)).size,
                    sha256: await (0,_hash_js__WEBPACK_IMPORTED_MODULE_7__/* .sha256File */ .Q)(staged),
                });
            }
            const record = { format: _cache_key_js__WEBPACK_IMPORTED_MODULE_4__/* .CACHE_FORMAT */ .rz, key, execution: withoutLinks(execution), clips: cached };
            await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.writeFile)(node_path__WEBPACK_IMPORTED_MODULE_3___default().join(dir, RECORD), `${JSON.stringify(record, null, 2)}\n`, { flag: 'wx' });
            const id = await this.lib.saveCache([rel], key);
            if (id === -1)
                _log_js__WEBPACK_IMPORTED_MODULE_0__/* .log */ .R.warning(`The clips were not saved to the cache (see the message above; another job with the same inputs may have saved this key already)`);
            else
                _log_js__WEBPACK_IMPORTED_MODULE_0__/* .log */ .R.info(`Saved the clips to the cache (entry ${id}, key ${key})`);
        }
        catch (error) {
            _log_js__WEBPACK_IMPORTED_MODULE_0__/* .log */ .R.warning(`The clips were not saved to the cache: ${(0,_videogen_errors_js__WEBPACK_IMPORTED_MODULE_8__/* .errorText */ .kc)(error)}`);
        }
        finally {
            await this.cleanUp(rel).catch(() => undefined);
        }
    }
}
/** A hard link costs no copy; across devices (or where links are refused) copy instead. */
async function linkOrCopy(from, to) {
    try {
        await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.link)(from, to);
    }
    catch {
        await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.copyFile)(from, to, node_fs__WEBPACK_IMPORTED_MODULE_1__.constants.COPYFILE_EXCL);
    }
}
/** The execution without its signed links: they expire, and a cache entry is no place for credentials. */
function withoutLinks(execution) {
    return {
        ...execution,
        results: execution.results.map(({ fileId, type, file }) => ({
            fileId,
            ...(type !== undefined && { type }),
            ...(file && {
                file: {
                    fileId: file.fileId,
                    ...(file.type !== undefined && { type: file.type }),
                    ...(file.durationSeconds !== undefined && { durationSeconds: file.durationSeconds }),
                },
            }),
        })),
    };
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

//# sourceMappingURL=377.index.js.map