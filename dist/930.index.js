export const id = 930;
export const ids = [930];
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

/***/ 30930:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  openCache: () => (/* binding */ openCache)
});

// UNUSED EXPORTS: CacheStore

// EXTERNAL MODULE: ./src/log.ts
var log = __webpack_require__(25625);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(73024);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(51455);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
var external_node_path_default = /*#__PURE__*/__webpack_require__.n(external_node_path_);
// EXTERNAL MODULE: ./src/cache-key.ts
var cache_key = __webpack_require__(57719);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(48161);
;// CONCATENATED MODULE: ./src/cache-tar.ts
// @actions/cache extracts an entry with `tar -xf … -P -C <workspace>`: every member of the archive, with
// absolute and `..` names kept. An entry is outside input (anyone who can write the repository's cache
// scope can forge one), so a forged one could write anywhere the runner user can, or over any file of the
// workspace. For the length of one restore, a `tar` of ours comes first on PATH: it runs the system tar
// without -P (which then refuses `..` members, strips a leading `/` and defers links that point out of the
// directory) and extracts only the one staging folder the entry belongs in. The listing the library asks
// for in debug mode goes nowhere: its lines are member names, which whoever saved the entry chose.




/** The names @actions/cache looks up for its tar (`gtar` first on macOS). */
const TAR_NAMES = ['tar', 'gtar'];
/** A folder name the shim can pass to tar as it is (`.videogen-cache/<key>`). */
const SAFE_MEMBER = /^[A-Za-z0-9._/-]+$/;
/** A path the shim can hold in single quotes. */
const QUOTABLE = /^[^'\n]+$/;
class ConfinedTarUnavailable extends Error {
    name = 'ConfinedTarUnavailable';
}
async function onPath(name, searchPath) {
    for (const dir of searchPath.split((external_node_path_default()).delimiter)) {
        if (!dir || !external_node_path_default().isAbsolute(dir))
            continue;
        const candidate = external_node_path_default().join(dir, name);
        try {
            await (0,promises_.access)(candidate, external_node_fs_.constants.X_OK);
            if ((await (0,promises_.stat)(candidate)).isFile())
                return candidate;
        }
        catch {
            // not here
        }
    }
    return undefined;
}
function shim(realTar, member) {
    return `#!/bin/sh
# Written by videogen-action for one cache restore: the system tar without -P, extracting only ${member}.
extract=
list=
for a do
  shift
  case $a in
    -P) continue ;;
    -x*) extract=1 ;;
    -t*) list=1 ;;
  esac
  set -- "$@" "$a"
done
if [ -n "$extract" ]; then exec '${realTar}' "$@" -- '${member}'; fi
if [ -n "$list" ]; then exec '${realTar}' "$@" >/dev/null; fi
exec '${realTar}' "$@"
`;
}
/**
 * Runs `restore` (a call of @actions/cache's restoreCache) with extraction confined to `member`, a folder
 * relative to the workspace. Throws ConfinedTarUnavailable where that cannot be arranged (no tar on PATH).
 * A shell script cannot stand in for tar on Windows: openCache keeps the cache off there.
 */
async function withConfinedTar(member, restore) {
    if (!SAFE_MEMBER.test(member) || member.split('/').includes('..')) {
        throw new ConfinedTarUnavailable(`${member} cannot be named to tar safely`);
    }
    const searchPath = process.env.PATH ?? '';
    const dir = await (0,promises_.mkdtemp)(external_node_path_default().join(process.env.RUNNER_TEMP || (0,external_node_os_.tmpdir)(), 'videogen-tar-'));
    try {
        let shimmed = 0;
        for (const name of TAR_NAMES) {
            const real = await onPath(name, searchPath);
            if (!real || !QUOTABLE.test(real))
                continue;
            const file = external_node_path_default().join(dir, name);
            await (0,promises_.writeFile)(file, shim(real, member), { mode: 0o700, flag: 'wx' });
            await (0,promises_.chmod)(file, 0o700);
            shimmed++;
        }
        if (shimmed === 0)
            throw new ConfinedTarUnavailable('no tar on PATH');
        process.env.PATH = `${dir}${(external_node_path_default()).delimiter}${searchPath}`;
        try {
            return await restore();
        }
        finally {
            process.env.PATH = searchPath;
        }
    }
    finally {
        await (0,promises_.rm)(dir, { recursive: true, force: true });
    }
}

// EXTERNAL MODULE: ./src/sanitize.ts
var sanitize = __webpack_require__(25540);
;// CONCATENATED MODULE: ./src/library-output.ts
// What a library prints while it works on outside data. @actions/cache logs the key the cache service
// matched (`Cache hit for restore-key: <key>`) with core.info, and a restore-key lookup matches keys that
// whoever saved the entry chose: a key holding a line break would start a line of its own, read by the
// runner as a workflow command. While such a call runs, every write to stdout is made one clean line,
// except one line of a command the library itself issues through core (`::add-mask::` for its signed
// URLs, `::debug::`, annotations, groups), whose message core escapes. Commands that change the step
// (`::save-state`, `::set-output`, `::stop-commands::`) are never let through: the library issues none.

/** One line of a command that @actions/core writes for the library: `::name::message` or `::name props::message`. */
const LIBRARY_COMMAND = /^::(add-mask|debug|notice|warning|error|group|endgroup)(::| [^\r\n]*::)[^\r\n]*$/;
let active = 0;
let original;
function cleanChunk(text) {
    const eol = /\r?\n$/.exec(text)?.[0] ?? '';
    const body = text.slice(0, text.length - eol.length);
    if (LIBRARY_COMMAND.test(body))
        return text;
    return `${(0,sanitize/* clean */.uH)(body, Infinity)}${eol}`;
}
/** Runs `work` (a library call) with its stdout made safe. Calls may overlap. */
async function withCleanOutput(work) {
    if (active++ === 0) {
        const write = process.stdout.write.bind(process.stdout);
        original = process.stdout.write;
        process.stdout.write = ((chunk, ...rest) => write(cleanChunk(typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8')), ...rest));
    }
    try {
        return await work();
    }
    finally {
        if (--active === 0 && original) {
            process.stdout.write = original;
            original = undefined;
        }
    }
}

// EXTERNAL MODULE: ./src/clip.ts
var clip = __webpack_require__(95861);
// EXTERNAL MODULE: ./src/fs-safe.ts
var fs_safe = __webpack_require__(79284);
// EXTERNAL MODULE: ./src/hash.ts
var hash = __webpack_require__(56495);
// EXTERNAL MODULE: ./src/videogen/decode.ts
var decode = __webpack_require__(11413);
// EXTERNAL MODULE: ./src/videogen/errors.ts
var errors = __webpack_require__(49532);
// EXTERNAL MODULE: ./src/videogen/files.ts + 1 modules
var files = __webpack_require__(81253);
// EXTERNAL MODULE: ./src/videogen/ids.ts
var ids = __webpack_require__(46277);
;// CONCATENATED MODULE: ./src/cache.ts
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
    const info = await (0,promises_.lstat)(target);
    if (kind === 'file' ? info.isFile() : info.isDirectory())
        return;
    throw new Error(`${what} is ${info.isSymbolicLink() ? 'a symbolic link' : `not a ${kind}`}`);
}
/** The cache, or undefined (with a warning) where the Actions cache service cannot be used. */
async function openCache(ctx) {
    if (process.platform === 'win32') {
        log/* log */.R.warning('cache: true is not supported on Windows runners: the Actions cache extracts entries with their absolute and .. names there, so a forged entry could write outside the workspace: running without the cache');
        return undefined;
    }
    // Loaded here, not at the top: runs without `cache` do not pay for loading it.
    const lib = await Promise.all(/* import() */[__webpack_require__.e(271), __webpack_require__.e(142)]).then(__webpack_require__.bind(__webpack_require__, 60142));
    if (!lib.isFeatureAvailable()) {
        log/* log */.R.warning('cache: true, but the Actions cache service is not available here (no ACTIONS_RESULTS_URL / ACTIONS_CACHE_URL, e.g. GitHub Enterprise Server without it): running without the cache');
        return undefined;
    }
    // The library resolves paths against the current directory but archives relative to GITHUB_WORKSPACE.
    const cwd = await (0,promises_.realpath)(process.cwd());
    if (cwd !== ctx.root) {
        log/* log */.R.warning(`cache: the current directory (${cwd}) is not the workspace (${ctx.root}), where the Actions cache stores and restores files: running without the cache`);
        return undefined;
    }
    try {
        await (0,fs_safe/* ensureDir */.A0)(ctx.root, external_node_path_default().join(ctx.root, STAGING_ROOT));
        await (0,promises_.rmdir)(external_node_path_default().join(ctx.root, STAGING_ROOT)).catch(() => undefined);
    }
    catch (error) {
        log/* log */.R.warning(`cache: the staging directory ${STAGING_ROOT} cannot be used (${(0,errors/* errorText */.kc)(error)}): running without the cache`);
        return undefined;
    }
    return new CacheStore(lib, ctx);
}
class CacheStore {
    lib;
    ctx;
    hashes = new cache_key/* ContentHashes */.Gh();
    decode;
    /**
     * Restores and saves take turns: they share the staging directory, which each one cleans up after itself
     * (a batch restores and saves several entries at once). Upload entries are saved in the background.
     */
    turn = Promise.resolve();
    constructor(lib, ctx) {
        this.lib = lib;
        this.ctx = ctx;
        this.decode = (0,decode/* decodeContextFor */.Jw)(ctx.baseUrl);
    }
    keyOf(request) {
        return (0,cache_key/* clipCacheKey */.Yq)(this.ctx.baseUrl, request, this.hashes);
    }
    /** Content identity of a local file, for de-duplicating uploads. */
    contentKey(file) {
        return this.hashes.of(file);
    }
    staging(rel) {
        return external_node_path_default().join(this.ctx.root, ...rel.split('/'));
    }
    inTurn(work) {
        const result = this.turn.then(work, work);
        this.turn = result.catch(() => undefined);
        return result;
    }
    async cleanUp(rel) {
        await (0,fs_safe/* removeInside */.pi)(this.ctx.root, this.staging(rel));
        await (0,promises_.rmdir)(this.staging(STAGING_ROOT)).catch(() => undefined); // only when empty
    }
    /** The entry of `key`, checked and unpacked into `dir`; undefined on a miss or an unusable entry (warned). */
    restore(key, request, dir) {
        return this.inTurn(() => this.restoreNow(key, request, dir));
    }
    async restoreNow(key, request, dir) {
        const rel = `${STAGING_ROOT}/${key}`;
        try {
            await this.cleanUp(rel);
            const matched = await withConfinedTar(rel, () => withCleanOutput(() => this.lib.restoreCache([rel], key)));
            if (matched !== key) {
                log/* log */.R.info('Cache miss: generating, and saving the clips for the next run with the same inputs');
                return undefined;
            }
            return await this.unpack(key, this.staging(rel), request, dir);
        }
        catch (error) {
            log/* log */.R.warning(`Cache entry ${key} could not be used (${(0,errors/* errorText */.kc)(error)}): generating anew`);
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
        await plain(external_node_path_default().join(staged, RECORD), 'file', 'its record');
        const record = JSON.parse(await (0,promises_.readFile)(external_node_path_default().join(staged, RECORD), 'utf8'));
        if (record.format !== cache_key/* CACHE_FORMAT */.rz || record.key !== key)
            throw new Error('its record is not one this version of the action wrote');
        const execution = (0,decode/* decodeExecution */.FX)(record.execution, this.decode);
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
                throw new Error(`clip ${c.index} has fields this version never writes (${(0,sanitize/* clean */.uH)(extra.join(', '), 100)})`);
            if (!(0,ids/* isFileId */.OZ)(c.fileId) || typeof c.sha256 !== 'string' || !SHA256.test(c.sha256))
                throw new Error(`clip ${c.index} has no valid file id or hash`);
            await plain(external_node_path_default().join(staged, stagedClipName(c.index)), 'file', `clip ${c.index}`);
            if ((await (0,hash/* sha256File */.Q)(external_node_path_default().join(staged, stagedClipName(c.index)))) !== c.sha256) {
                throw new Error(`clip ${c.index} does not match the SHA-256 in its record`);
            }
        }
        await (0,fs_safe/* ensureDir */.A0)(this.ctx.root, dir);
        const clips = [];
        for (const c of cached) {
            const name = (0,clip/* clipFileName */._T)(execution.toolExecutionId, c.index);
            await (0,fs_safe/* moveInto */.cG)(external_node_path_default().join(staged, stagedClipName(c.index)), dir, name);
            const absPath = external_node_path_default().join(dir, name);
            const bytes = (await (0,promises_.stat)(absPath)).size;
            const relPath = external_node_path_default().relative(this.ctx.root, absPath).split((external_node_path_default()).sep).join('/');
            const duration = typeof c.durationSeconds === 'number' && Number.isFinite(c.durationSeconds) ? c.durationSeconds : undefined;
            clips.push({
                index: c.index,
                fileId: c.fileId,
                ...(duration !== undefined && { durationSeconds: duration }),
                absPath,
                path: relPath,
                bytes,
            });
            log/* log */.R.info(`Restored clip ${c.index} → ${relPath} (${bytes} bytes)`);
        }
        return { execution, clips };
    }
    async reuseUpload(file) {
        if (!this.ctx.rememberUploads)
            return undefined;
        const prefix = (0,cache_key/* uploadKeyPrefix */.ll)(this.ctx.baseUrl, await this.hashes.of(file));
        let matched;
        try {
            // The newest entry whose key starts with the prefix; lookupOnly: the key alone carries the id.
            // The library logs the key it matched, which whoever saved that entry chose: withCleanOutput.
            matched = await withCleanOutput(() => this.lib.restoreCache([UPLOADS_DIR], prefix, [prefix], { lookupOnly: true }));
        }
        catch (error) {
            log/* log */.R.info(`Could not look up an earlier upload of ${file.label}: ${(0,errors/* errorText */.kc)(error)}`);
            return undefined;
        }
        const fileId = matched?.startsWith(prefix) ? matched.slice(prefix.length) : undefined;
        if (!fileId || !ids/* FILE_ID */.Hp.test(fileId))
            return undefined;
        return (await this.stillUsable(fileId, file)) ? fileId : undefined;
    }
    /** A remembered file may have been deleted (or belong to another account): check before reusing it. */
    async stillUsable(fileId, file) {
        try {
            const state = (0,files/* readiness */.xz)(await this.ctx.files.get(fileId));
            if (state === 'ready')
                return true;
            if (state === 'pending') {
                await this.ctx.files.waitReady(fileId, file.label, { deadline: Date.now() + REUSE_READY_MS });
                return true;
            }
            log/* log */.R.info(`Earlier upload ${fileId} of ${file.label} failed processing: uploading again`);
        }
        catch (error) {
            const gone = error instanceof errors/* VideoGenApiError */.gr && (error.status === 404 || error.status === 410);
            log/* log */.R.info(`Earlier upload ${fileId} of ${file.label} ${gone ? 'no longer exists' : `cannot be reused (${(0,errors/* errorText */.kc)(error)})`}: uploading again`);
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
            const key = (0,cache_key/* uploadKeyPrefix */.ll)(this.ctx.baseUrl, sha256) + fileId;
            await (0,fs_safe/* ensureDir */.A0)(this.ctx.root, this.staging(UPLOADS_DIR));
            await (0,promises_.writeFile)(external_node_path_default().join(this.staging(UPLOADS_DIR), 'upload.json'), `${JSON.stringify({ format: cache_key/* CACHE_FORMAT */.rz, fileId, sha256 })}\n`, {
                flag: 'wx',
            });
            const id = await withCleanOutput(() => this.lib.saveCache([UPLOADS_DIR], key));
            if (id === -1)
                log/* log */.R.info(`Upload ${fileId} of ${file.label} was not remembered in the cache (see above)`);
            else
                log/* log */.R.info(`Remembered upload ${fileId} of ${file.label} in the cache (entry ${id})`);
        }
        catch (error) {
            log/* log */.R.info(`Upload ${fileId} of ${file.label} was not remembered in the cache: ${(0,errors/* errorText */.kc)(error)}`);
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
            log/* log */.R.warning(`Not saved to the cache: ${clips.length} of ${n} results came back, and a cached short result would be served to every later run`);
            return;
        }
        const notDownloaded = clips.filter((c) => !c.absPath);
        if (notDownloaded.length > 0) {
            log/* log */.R.warning(`Not saved to the cache: clip ${notDownloaded.map((c) => c.index).join(', ')} was not downloaded`);
            return;
        }
        const rel = `${STAGING_ROOT}/${key}`;
        const dir = this.staging(rel);
        try {
            await this.cleanUp(rel);
            await (0,fs_safe/* ensureDir */.A0)(this.ctx.root, dir);
            const cached = [];
            for (const clip of clips) {
                const staged = external_node_path_default().join(dir, stagedClipName(clip.index));
                await linkOrCopy(clip.absPath, staged);
                cached.push({
                    index: clip.index,
                    fileId: clip.fileId,
                    ...(clip.durationSeconds !== undefined && { durationSeconds: clip.durationSeconds }),
                    bytes: clip.bytes ?? (await (0,promises_.stat)(staged)).size,
                    sha256: await (0,hash/* sha256File */.Q)(staged),
                });
            }
            const record = { format: cache_key/* CACHE_FORMAT */.rz, key, execution: withoutLinks(execution), clips: cached };
            await (0,promises_.writeFile)(external_node_path_default().join(dir, RECORD), `${JSON.stringify(record, null, 2)}\n`, { flag: 'wx' });
            const id = await withCleanOutput(() => this.lib.saveCache([rel], key));
            if (id === -1)
                log/* log */.R.warning(`The clips were not saved to the cache (see the message above; another job with the same inputs may have saved this key already)`);
            else
                log/* log */.R.info(`Saved the clips to the cache (entry ${id}, key ${key})`);
        }
        catch (error) {
            log/* log */.R.warning(`The clips were not saved to the cache: ${(0,errors/* errorText */.kc)(error)}`);
        }
        finally {
            await this.cleanUp(rel).catch(() => undefined);
        }
    }
}
/** A hard link costs no copy; across devices (or where links are refused) copy instead. */
async function linkOrCopy(from, to) {
    try {
        await (0,promises_.link)(from, to);
    }
    catch {
        await (0,promises_.copyFile)(from, to, external_node_fs_.constants.COPYFILE_EXCL);
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

//# sourceMappingURL=930.index.js.map