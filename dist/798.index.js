export const id = 798;
export const ids = [798];
export const modules = {

/***/ 90833:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   CN: () => (/* binding */ beforeKill),
/* harmony export */   Jn: () => (/* binding */ cancelByHand),
/* harmony export */   Ku: () => (/* binding */ signalBudget),
/* harmony export */   Lb: () => (/* binding */ cancelOutcome),
/* harmony export */   Un: () => (/* binding */ cancelAndConfirm),
/* harmony export */   W3: () => (/* binding */ CANCEL_BUDGET_MS),
/* harmony export */   _0: () => (/* binding */ executionsSince)
/* harmony export */ });
/* harmony import */ var _videogen_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(49532);
/* harmony import */ var _videogen_types_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(21162);
// Cancelling: best-effort on the API's side, so every cancel is confirmed with a GET, within a budget.
// Also the search for an execution whose create was in flight when main was killed.


/** Time for cancel + confirm on a timeout or a failed wait. */
const CANCEL_BUDGET_MS = 6000;
/** After SIGINT the runner sends SIGTERM at 7.5 s and kills at 10 s: finish cancelling by 7 s after it. */
const SIGNAL_WINDOW_MS = 7000;
/** The runner kills the step this long after its first signal. */
const KILL_AFTER_MS = 10_000;
/**
 * Time for a last report after the cancel (the pull-request comment): up to 2 s short of the kill, room for
 * the exit on a loaded runner, where the signal is also handled late.
 */
function beforeKill(arrived, now = Date.now()) {
    return arrived + KILL_AFTER_MS - 2000 - now;
}
/** What is left of the runner's window after a signal that arrived at `arrived` (at least 1 s). */
function signalBudget(arrived, now = Date.now()) {
    return Math.max(1000, arrived + SIGNAL_WINDOW_MS - now);
}
/**
 * What a cancel attempt achieved, as the end of a sentence: "cancelled" is only said when a GET confirmed
 * it; otherwise `next` says what happens now: in main, the post step (which sees no 'terminal' state) tries
 * again; the post step itself is the last try.
 */
function cancelOutcome(status, next = 'the post step will try again') {
    if (status === 'cancelled')
        return 'was cancelled (status now cancelled)';
    if (status && (0,_videogen_types_js__WEBPACK_IMPORTED_MODULE_1__/* .isTerminal */ .H)(status))
        return `had already ended (${status}) before the cancel took effect`;
    if (status)
        return `was asked to cancel but is still ${status}; ${next}`;
    return `was asked to cancel, but that could not be confirmed; ${next}`;
}
/** The post step's `next` for cancelOutcome: nothing runs after it. */
const cancelByHand = (id) => `nothing runs after this step: cancel it in the dashboard, or with POST /v1/tools/executions/${id}/cancel`;
/** Cancel and confirm with a GET, within `budgetMs`. Returns the status seen last (or undefined). */
async function cancelAndConfirm(tools, id, budgetMs, log) {
    const deadline = Date.now() + budgetMs;
    try {
        await tools.cancelExecution(id, {
            deadline,
            signal: AbortSignal.timeout(Math.round(Math.max(1000, budgetMs * 0.6))),
        });
    }
    catch (error) {
        log.warning(`Could not cancel execution ${id}: ${(0,_videogen_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .errorText */ .kc)(error)}`);
    }
    try {
        const execution = await tools.getExecution(id, {
            deadline,
            signal: AbortSignal.timeout(Math.round(Math.max(500, deadline - Date.now()))),
        });
        return execution.status;
    }
    catch (error) {
        log.warning(`Could not confirm the cancellation of ${id}: ${(0,_videogen_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .errorText */ .kc)(error)}`);
        return undefined;
    }
}
const GENERATE_VIDEO_CLIP = 'GENERATE_VIDEO_CLIP';
/** How far down the list to look for executions newer than the mark. */
const MAX_PAGES = 3;
/**
 * Generate-video-clip executions that appeared since `mark` (newest first, the list has no creation time)
 * and are not already known: the candidates for creates whose answer never arrived. Only the running ones
 * when they are to be cancelled; any, to name them for a resume. Without a mark, only the first page counts.
 */
async function executionsSince(tools, mark, known, deadline, { runningOnly = true } = {}) {
    const found = [];
    // A list that repeats an entry must not make one execution look like two.
    const seen = new Set();
    let cursor;
    for (let page = 0; page < MAX_PAGES; page++) {
        const { executions, nextCursor } = await tools.listExecutions({
            limit: 50,
            deadline,
            ...(cursor !== undefined && { cursor }),
        });
        for (const execution of executions) {
            if (execution.toolExecutionId === mark)
                return found;
            const isClip = execution.toolType === undefined || execution.toolType === GENERATE_VIDEO_CLIP;
            const id = execution.toolExecutionId;
            const wanted = !runningOnly || !(0,_videogen_types_js__WEBPACK_IMPORTED_MODULE_1__/* .isTerminal */ .H)(execution.status);
            if (isClip && wanted && !known.has(id) && !seen.has(id))
                found.push(execution);
            seen.add(id);
        }
        if (mark === null || nextCursor === undefined)
            return found;
        cursor = nextCursor;
    }
    return found;
}


/***/ }),

/***/ 79284:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   A0: () => (/* binding */ ensureDir),
/* harmony export */   FK: () => (/* binding */ isInside),
/* harmony export */   H0: () => (/* binding */ createExclusive),
/* harmony export */   cG: () => (/* binding */ moveInto),
/* harmony export */   kv: () => (/* binding */ writeFileSafely),
/* harmony export */   pi: () => (/* binding */ removeInside)
/* harmony export */ });
/* unused harmony export UnsafePathError */
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(77598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(73024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(51455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_3___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_3__);
// Writing into the workspace, which holds whatever the repository committed: a symlink named like a file
// the action is about to write (or like a directory on the way to it) would otherwise send the bytes
// anywhere the runner user can write. Directories are created without following links; files are
// written under a fresh random name opened exclusively (O_EXCL never follows a link) and then renamed
// over the final name, which replaces a link there instead of writing through it.




class UnsafePathError extends Error {
    name = 'UnsafePathError';
}
/** Whether `candidate` is `root` or inside it (`..` counts only as a whole segment). */
function isInside(root, candidate) {
    const rel = node_path__WEBPACK_IMPORTED_MODULE_3___default().relative(root, candidate);
    return rel === '' || (rel !== '..' && !rel.startsWith(`..${(node_path__WEBPACK_IMPORTED_MODULE_3___default().sep)}`) && !node_path__WEBPACK_IMPORTED_MODULE_3___default().isAbsolute(rel));
}
/**
 * Creates `dir` and its missing parents below `root` (a real, trusted directory). Every part of the path
 * below `root` that exists must be a real directory, not a link.
 */
async function ensureDir(root, dir) {
    if (!isInside(root, dir))
        throw new UnsafePathError(`${dir} is outside ${root}`);
    let current = root;
    for (const part of node_path__WEBPACK_IMPORTED_MODULE_3___default().relative(root, dir).split((node_path__WEBPACK_IMPORTED_MODULE_3___default().sep)).filter(Boolean)) {
        current = node_path__WEBPACK_IMPORTED_MODULE_3___default().join(current, part);
        const info = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.lstat)(current).catch(() => undefined);
        if (info === undefined) {
            await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.mkdir)(current).catch((error) => {
                if (error.code !== 'EEXIST')
                    throw error;
            });
            const made = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.lstat)(current);
            if (!made.isDirectory() || made.isSymbolicLink())
                throw new UnsafePathError(`${current} is not a directory`);
        }
        else if (info.isSymbolicLink()) {
            throw new UnsafePathError(`${current} is a symbolic link; the action does not write through links`);
        }
        else if (!info.isDirectory()) {
            throw new UnsafePathError(`${current} exists and is not a directory`);
        }
    }
}
async function createExclusive(dir, name) {
    if (!name || name !== node_path__WEBPACK_IMPORTED_MODULE_3___default().basename(name) || name === '.' || name === '..')
        throw new UnsafePathError(`bad file name ${name}`);
    const temp = node_path__WEBPACK_IMPORTED_MODULE_3___default().join(dir, `.${name}.${(0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.randomBytes)(6).toString('hex')}.part`);
    const handle = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.open)(temp, 'wx', 0o644);
    let closed = false;
    const close = async () => {
        if (!closed)
            await handle.close().catch(() => undefined);
        closed = true;
    };
    return {
        handle,
        async commit() {
            await close();
            await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.rename)(temp, node_path__WEBPACK_IMPORTED_MODULE_3___default().join(dir, name));
        },
        async discard() {
            await close();
            await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.rm)(temp, { force: true });
        },
    };
}
/** Writes `data` to `dir/name` (dir must exist and be trusted, see ensureDir). */
async function writeFileSafely(dir, name, data) {
    const file = await createExclusive(dir, name);
    try {
        await file.handle.writeFile(data);
        await file.commit();
    }
    catch (error) {
        await file.discard();
        throw error;
    }
}
/**
 * Removes `target` (inside `root`) and everything under it, unless a directory on the way to it is a
 * link: `rm` would resolve the path through the link and delete whatever it points at.
 */
async function removeInside(root, target) {
    if (!isInside(root, target) || target === root)
        throw new UnsafePathError(`${target} is not inside ${root}`);
    let current = root;
    const parts = node_path__WEBPACK_IMPORTED_MODULE_3___default().relative(root, target).split((node_path__WEBPACK_IMPORTED_MODULE_3___default().sep)).filter(Boolean);
    for (const part of parts.slice(0, -1)) {
        current = node_path__WEBPACK_IMPORTED_MODULE_3___default().join(current, part);
        const info = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.lstat)(current).catch(() => undefined);
        if (!info)
            return;
        if (info.isSymbolicLink() || !info.isDirectory())
            throw new UnsafePathError(`${current} is not a plain directory`);
    }
    await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.rm)(target, { recursive: true, force: true });
}
/** Moves a file into `dir/name` the same safe way: a rename over the name, or an exclusive copy then rename. */
async function moveInto(from, dir, name) {
    try {
        await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.rename)(from, node_path__WEBPACK_IMPORTED_MODULE_3___default().join(dir, name));
        return;
    }
    catch (error) {
        if (error.code !== 'EXDEV')
            throw error;
    }
    const file = await createExclusive(dir, name);
    try {
        for await (const chunk of (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.createReadStream)(from))
            await file.handle.write(chunk);
        await file.commit();
        await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.rm)(from, { force: true });
    }
    catch (error) {
        await file.discard();
        throw error;
    }
}


/***/ }),

/***/ 91893:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  $f: () => (/* binding */ baseUrlFrom),
  M5: () => (/* binding */ loadSettings)
});

// UNUSED EXPORTS: DEFAULT_BASE_URL, parseBaseUrl

// EXTERNAL MODULE: ./node_modules/@actions/core/lib/core.js + 7 modules
var core = __webpack_require__(33838);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
var external_node_path_default = /*#__PURE__*/__webpack_require__.n(external_node_path_);
// EXTERNAL MODULE: ./src/videogen/ids.ts
var ids = __webpack_require__(46277);
// EXTERNAL MODULE: ./src/videogen/loopback.ts
var loopback = __webpack_require__(52802);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(51455);
// EXTERNAL MODULE: ./node_modules/picomatch/index.js
var picomatch = __webpack_require__(14006);
var picomatch_default = /*#__PURE__*/__webpack_require__.n(picomatch);
// EXTERNAL MODULE: ./node_modules/tinyglobby/dist/index.mjs + 1 modules
var dist = __webpack_require__(73382);
// EXTERNAL MODULE: ./src/fs-safe.ts
var fs_safe = __webpack_require__(79284);
// EXTERNAL MODULE: ./src/inputs/input-error.ts
var input_error = __webpack_require__(39354);
;// CONCATENATED MODULE: ./src/media.ts
// What kind of media a local file is: by its extension and, since a name proves nothing, by its first bytes.
const CONTENT_TYPES = {
    IMAGE: {
        '.jpg': 'image/jpeg',
        '.jpeg': 'image/jpeg',
        '.png': 'image/png',
        '.webp': 'image/webp',
        '.gif': 'image/gif',
    },
    VIDEO: { '.mp4': 'video/mp4', '.m4v': 'video/mp4', '.mov': 'video/quicktime', '.webm': 'video/webm' },
    AUDIO: {
        '.mp3': 'audio/mpeg',
        '.wav': 'audio/wav',
        '.m4a': 'audio/mp4',
        '.aac': 'audio/aac',
        '.ogg': 'audio/ogg',
        '.oga': 'audio/ogg',
        '.flac': 'audio/flac',
    },
};
/** Formats each kind accepts, as `sniff` names them. ISO BMFF (`ftyp`) holds both MP4 video and M4A audio. */
const FORMATS = {
    IMAGE: ['jpeg', 'png', 'gif', 'webp'],
    VIDEO: ['mp4/mov', 'webm'],
    AUDIO: ['mp3', 'aac', 'wav', 'ogg', 'flac', 'mp4/mov'],
};
const KIND_NAMES = {
    IMAGE: { noun: 'an image', formats: 'JPEG, PNG, WebP or GIF image' },
    VIDEO: { noun: 'a video', formats: 'MP4, MOV or WebM video' },
    AUDIO: { noun: 'an audio file', formats: 'MP3, WAV, M4A, AAC, OGG or FLAC audio file' },
};
/** How many leading bytes `sniff` needs. */
const SNIFF_BYTES = 16;
/** The format the first bytes show, or undefined when they match none the action knows. */
function sniff(head) {
    const ascii = (from, to) => head.subarray(from, to).toString('latin1');
    if (head[0] === 0xff && head[1] === 0xd8 && head[2] === 0xff)
        return 'jpeg';
    if (head.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])))
        return 'png';
    if (ascii(0, 4) === 'GIF8')
        return 'gif';
    if (ascii(0, 4) === 'RIFF' && ascii(8, 12) === 'WEBP')
        return 'webp';
    if (ascii(0, 4) === 'RIFF' && ascii(8, 12) === 'WAVE')
        return 'wav';
    if (ascii(4, 8) === 'ftyp')
        return 'mp4/mov';
    if (head.subarray(0, 4).equals(Buffer.from([0x1a, 0x45, 0xdf, 0xa3])))
        return 'webm';
    if (ascii(0, 4) === 'OggS')
        return 'ogg';
    if (ascii(0, 4) === 'fLaC')
        return 'flac';
    if (ascii(0, 3) === 'ID3')
        return 'mp3';
    // MPEG audio frame sync: 11 set bits; layer bits 00 are AAC in ADTS, anything else MPEG audio (MP3).
    if (head[0] === 0xff && head[1] !== undefined && (head[1] & 0xe0) === 0xe0)
        return (head[1] & 0x06) === 0 ? 'aac' : 'mp3';
    return undefined;
}
function accepts(kind, format) {
    return format !== undefined && FORMATS[kind].includes(format);
}

// EXTERNAL MODULE: ./src/sanitize.ts
var sanitize = __webpack_require__(25540);
;// CONCATENATED MODULE: ./src/workspace.ts
// Workspace paths and globs → local files. Everything is checked here, before any request: containment in
// the workspace (after symlinks), that it is a regular file, its kind by extension and by magic bytes.









/** What a non-regular file is, for messages ("a directory", "a named pipe (FIFO)", …). */
function kindOfNode(info) {
    if (info.isDirectory())
        return 'a directory';
    if (info.isFIFO())
        return 'a named pipe (FIFO)';
    if (info.isSocket())
        return 'a socket';
    if (info.isCharacterDevice() || info.isBlockDevice())
        return 'a device';
    return 'a special file';
}
async function readHead(file) {
    const handle = await (0,promises_.open)(file, 'r');
    try {
        const buf = Buffer.alloc(SNIFF_BYTES);
        const { bytesRead } = await handle.read(buf, 0, SNIFF_BYTES, 0);
        return buf.subarray(0, bytesRead);
    }
    finally {
        await handle.close();
    }
}
/**
 * A path-list input → entries, as actions/upload-artifact reads `path`: one pattern per line, `!` to
 * exclude. Commas separate entries too (older workflows use them), except inside `{a,b}` braces, and
 * except in a line that names an existing file as it is.
 */
async function splitPathList(raw, exists) {
    const entries = [];
    for (const line of raw.split(/\r?\n/).map((l) => l.trim())) {
        if (line === '' || line.startsWith('#'))
            continue;
        const parts = [];
        let depth = 0;
        let current = '';
        for (const c of line) {
            if (c === '{')
                depth++;
            if (c === '}')
                depth = Math.max(0, depth - 1);
            if (c === ',' && depth === 0) {
                parts.push(current);
                current = '';
            }
            else
                current += c;
        }
        parts.push(current);
        const split = parts.map((p) => p.trim()).filter(Boolean);
        if (split.length > 1 && (await exists(line)))
            entries.push(line);
        else
            entries.push(...split);
    }
    return entries;
}
class Workspace {
    root;
    constructor(root) {
        this.root = root;
    }
    static async open(dir) {
        return new Workspace(await (0,promises_.realpath)(external_node_path_default().resolve(dir)));
    }
    /** A path given by the user, resolved inside the workspace, symlinks followed; refused when it leaves. */
    async resolve(input, given) {
        const joined = external_node_path_default().resolve(this.root, given);
        if (!(0,fs_safe/* isInside */.FK)(this.root, joined)) {
            throw new input_error/* InputError */.dz(input, `'${given}' is outside the workspace (${this.root}); only files inside it can be uploaded`);
        }
        let real;
        try {
            real = await (0,promises_.realpath)(joined);
        }
        catch {
            throw new input_error/* InputError */.dz(input, `'${given}' does not exist in the workspace`);
        }
        if (!(0,fs_safe/* isInside */.FK)(this.root, real)) {
            throw new input_error/* InputError */.dz(input, `'${given}' is a symlink that leads outside the workspace; only files inside it can be uploaded`);
        }
        return real;
    }
    relative(abs) {
        return external_node_path_default().relative(this.root, abs).split((external_node_path_default()).sep).join('/');
    }
    /** Whether a workspace-relative entry names an existing file, as it is. */
    async has(given) {
        const joined = external_node_path_default().resolve(this.root, given);
        return ((0,fs_safe/* isInside */.FK)(this.root, joined) &&
            (await (0,promises_.stat)(joined)
                .then((s) => s.isFile())
                .catch(() => false)));
    }
    /** A regular file inside the workspace (not a directory, FIFO or device). Returns its real path and size. */
    async regularFile(input, given) {
        const absPath = await this.resolve(input, given);
        const info = await (0,promises_.stat)(absPath);
        if (!info.isFile())
            throw new input_error/* InputError */.dz(input, `'${given}' is ${kindOfNode(info)}, not a file`);
        return { absPath, size: info.size };
    }
    /**
     * A workspace-relative output location (download-dir). It must not leave the workspace as text, and no
     * part of it that exists may be a symlink: the action only writes through directories it can trust.
     */
    async outputDir(input, given) {
        const joined = external_node_path_default().resolve(this.root, given);
        if (!(0,fs_safe/* isInside */.FK)(this.root, joined))
            throw new input_error/* InputError */.dz(input, `'${given}' is outside the workspace; use a path inside it`);
        let current = this.root;
        for (const part of external_node_path_default().relative(this.root, joined).split((external_node_path_default()).sep).filter(Boolean)) {
            current = external_node_path_default().join(current, part);
            const info = await (0,promises_.lstat)(current).catch(() => undefined);
            if (!info)
                break;
            if (info.isSymbolicLink()) {
                const target = await (0,promises_.realpath)(current).catch(() => undefined);
                const where = target !== undefined && (0,fs_safe/* isInside */.FK)(this.root, target) ? 'goes through' : 'leads outside the workspace through';
                throw new input_error/* InputError */.dz(input, `'${given}' ${where} a symlink (${this.relative(current)}); use a plain directory inside the workspace`);
            }
            if (!info.isDirectory())
                throw new input_error/* InputError */.dz(input, `'${given}': ${this.relative(current)} exists and is not a directory`);
        }
        return joined;
    }
    async localFile(input, given, kind) {
        const { absPath, size } = await this.regularFile(input, given);
        const ext = external_node_path_default().extname(absPath).toLowerCase();
        const contentType = CONTENT_TYPES[kind][ext];
        const names = KIND_NAMES[kind];
        if (!contentType) {
            throw new input_error/* InputError */.dz(input, `'${given}' is not ${names.noun} by its extension; allowed: ${Object.keys(CONTENT_TYPES[kind]).join(', ')}`);
        }
        if (size === 0)
            throw new input_error/* InputError */.dz(input, `'${given}' is empty`);
        const format = sniff(await readHead(absPath));
        if (!accepts(kind, format)) {
            const what = format ? `its bytes say ${format}` : 'its bytes match no supported format';
            throw new input_error/* InputError */.dz(input, `'${given}' has a ${ext} name but ${what}; give a real ${names.formats}`);
        }
        const relPath = this.relative(absPath);
        return { absPath, relPath, label: (0,sanitize/* clean */.uH)(relPath, 300), size, kind, contentType };
    }
    /**
     * Entries of a path-list input: file ids kept as they are, globs expanded (each must match), paths
     * checked, `!` patterns excluding from everything else, duplicates dropped, order kept.
     */
    async assets(input, entries, kind) {
        const excludes = entries.filter((e) => e.startsWith('!')).map((e) => e.slice(1));
        for (const pattern of excludes)
            this.checkPattern(input, pattern);
        const excluded = excludes.length ? picomatch_default()(excludes, { dot: false }) : () => false;
        const refs = [];
        const seen = new Set();
        for (const entry of entries.filter((e) => !e.startsWith('!'))) {
            if (ids/* FILE_ID */.Hp.test(entry)) {
                if (!seen.has(entry))
                    refs.push({ fileId: entry });
                seen.add(entry);
                continue;
            }
            if (entry.startsWith('vg_')) {
                throw new input_error/* InputError */.dz(input, `'${entry}' looks like an id but is not a file id; file ids start with vg_file_`);
            }
            const paths = (0,dist/* isDynamicPattern */.ey)(entry) ? await this.expand(input, entry) : [entry];
            const kept = paths.filter((p) => !excluded(external_node_path_default().posix.normalize(p.split((external_node_path_default()).sep).join('/'))));
            if (kept.length === 0 && paths.length > 0 && (0,dist/* isDynamicPattern */.ey)(entry)) {
                throw new input_error/* InputError */.dz(input, `pattern '${entry}' matches only excluded files`);
            }
            for (const p of kept) {
                const file = await this.localFile(input, p, kind);
                if (seen.has(file.absPath))
                    continue;
                seen.add(file.absPath);
                refs.push({ file });
            }
        }
        return refs;
    }
    checkPattern(input, pattern) {
        if (external_node_path_default().isAbsolute(pattern) || pattern.split(/[\\/]/).includes('..')) {
            throw new input_error/* InputError */.dz(input, `pattern '${pattern}' must be relative to the workspace and must not contain '..'`);
        }
    }
    async expand(input, pattern) {
        this.checkPattern(input, pattern);
        const matches = await (0,dist/* glob */.TI)(pattern, {
            cwd: this.root,
            onlyFiles: true,
            dot: false,
            followSymbolicLinks: false,
            expandDirectories: false,
        });
        if (matches.length === 0)
            throw new input_error/* InputError */.dz(input, `pattern '${pattern}' matches no file in the workspace`);
        return matches.sort();
    }
}

;// CONCATENATED MODULE: ./src/inputs/parse.ts
// Parsers for single input values. Each throws InputError naming the input and what is allowed.

const TRUE = new Set(['true', 'True', 'TRUE']);
const FALSE = new Set(['false', 'False', 'FALSE']);
/** YAML 1.2 core-schema booleans, as @actions/core's getBooleanInput accepts, but with our message. */
function parseBoolean(input, raw, fallback) {
    const value = raw.trim();
    if (value === '')
        return fallback;
    if (TRUE.has(value))
        return true;
    if (FALSE.has(value))
        return false;
    throw new input_error/* InputError */.dz(input, `'${value}' is not a boolean; use true or false`);
}
function parseIntegerInRange(input, raw, min, max) {
    const value = raw.trim();
    if (!/^[+]?\d+$/.test(value)) {
        throw new input_error/* InputError */.dz(input, `'${value}' is not a whole number; use an integer from ${min} to ${max}`);
    }
    const n = Number(value);
    if (n < min || n > max)
        throw new input_error/* InputError */.dz(input, `${n} is out of range; use an integer from ${min} to ${max}`);
    return n;
}
function parseAspectRatio(input, raw) {
    const value = raw.trim();
    if (value === '')
        return undefined;
    const match = /^(\d+)\s*:\s*(\d+)$/.exec(value);
    const width = Number(match?.[1]);
    const height = Number(match?.[2]);
    if (!match || width < 1 || height < 1 || !Number.isSafeInteger(width) || !Number.isSafeInteger(height)) {
        throw new input_error/* InputError */.dz(input, `'${value}' is not W:H with positive integers, e.g. 16:9, 9:16 or 1:1`);
    }
    return { width, height };
}
function parseEnum(input, raw, allowed, fallback) {
    const value = raw.trim();
    if (value === '')
        return fallback;
    const found = allowed.find((a) => a === value.toUpperCase());
    if (!found)
        throw new input_error/* InputError */.dz(input, `'${value}' is not one of ${allowed.join(', ')}`);
    return found;
}
const UNIT_MS = { ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 };
const MAX_TIMEOUT_MS = 7 * 86_400_000;
/** Durations with units, combinable: `90s`, `20m`, `1h30m`. A bare number is refused: its unit would be a guess. */
function parseDuration(input, raw) {
    const value = raw.trim().toLowerCase().replace(/\s+/g, '');
    const parts = [...value.matchAll(/(\d+(?:\.\d+)?)(ms|s|m|h|d)/g)];
    const consumed = parts.map((p) => p[0]).join('');
    if (value === '' || parts.length === 0 || consumed !== value) {
        throw new input_error/* InputError */.dz(input, `'${raw.trim()}' is not a duration; use a number with a unit, e.g. 90s, 20m, 1h or 1h30m`);
    }
    const ms = parts.reduce((sum, p) => sum + Number(p[1]) * UNIT_MS[p[2]], 0);
    if (ms < 1000)
        throw new input_error/* InputError */.dz(input, `'${raw.trim()}' is too short; use at least 1s`);
    if (ms > MAX_TIMEOUT_MS)
        throw new input_error/* InputError */.dz(input, `'${raw.trim()}' is longer than 7d`);
    return Math.round(ms);
}
/**
 * JSON or YAML (YAML is a superset of JSON, so one parser serves both), as plain JSON data: the value
 * must survive a JSON round trip, so YAML anchors that refer to themselves, tags and other values that
 * cannot be sent are refused here, naming the input. The parser is loaded only when there is something
 * to parse: most runs leave these inputs empty, and start-up time counts.
 */
async function parseStructured(input, raw, example) {
    const { parse: parseYaml } = await __webpack_require__.e(/* import() */ 815).then(__webpack_require__.t.bind(__webpack_require__, 38815, 19));
    let parsed;
    try {
        parsed = parseYaml(raw, { uniqueKeys: true, prettyErrors: false, maxAliasCount: 100 });
    }
    catch (error) {
        const reason = error instanceof Error ? error.message.split('\n')[0] : String(error);
        throw new input_error/* InputError */.dz(input, `is neither valid JSON nor YAML (${reason}); give ${example}`);
    }
    try {
        return JSON.parse(JSON.stringify(parsed) ?? 'null');
    }
    catch (error) {
        const reason = error instanceof Error ? error.message.split('\n')[0] : String(error);
        throw new input_error/* InputError */.dz(input, `cannot be sent as JSON (${reason}); give ${example} without self-referring anchors`);
    }
}
/** A JSON or YAML mapping, e.g. `params`. */
async function parseObject(input, raw) {
    if (raw.trim() === '')
        return {};
    const parsed = await parseStructured(input, raw, 'an object such as {"quality": "HIGH"}');
    if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
        const kind = parsed === null ? 'null' : Array.isArray(parsed) ? 'an array' : `a ${typeof parsed}`;
        throw new input_error/* InputError */.dz(input, `must be an object (a mapping of API field names to values), got ${kind}`);
    }
    return parsed;
}
/** `auto` (or empty) → undefined; otherwise whole seconds in range, with or without `s`: `8`, `8s`. */
function parseSeconds(input, raw, min, max) {
    const value = raw.trim().toLowerCase();
    if (value === '' || value === 'auto')
        return undefined;
    const match = /^(\d+)\s*s?$/.exec(value);
    if (!match)
        throw new input_error/* InputError */.dz(input, `'${raw.trim()}' is not auto or whole seconds; use e.g. auto, 8 or 8s (${min}–${max})`);
    const n = Number(match[1]);
    if (n < min || n > max)
        throw new input_error/* InputError */.dz(input, `${n} seconds is out of range; use ${min}–${max}, or auto`);
    return n;
}
/** Free text, trimmed; empty → undefined. */
function parseText(raw) {
    const value = raw.trim();
    return value === '' ? undefined : value;
}

;// CONCATENATED MODULE: ./src/inputs/params.ts
const REQUEST_SCHEMA = 'GenerateVideoClipRequest';
async function checkParams(params, input, problems, warnings) {
    const keys = Object.keys(params);
    if (keys.length === 0)
        return;
    const { API_DOCUMENT, declaredProperties, describeIssue, isUndeclared, validateSchema } = await Promise.all(/* import() */[__webpack_require__.e(892), __webpack_require__.e(49)]).then(__webpack_require__.bind(__webpack_require__, 85049));
    const declared = new Set(declaredProperties(REQUEST_SCHEMA));
    const undeclared = keys.filter((k) => !declared.has(k)).map((k) => `${input}.${k}`);
    for (const key of keys.filter((k) => declared.has(k))) {
        // Strict, so a field the document does not declare inside a declared object is found too.
        for (const issue of validateSchema(REQUEST_SCHEMA, { [key]: params[key] }, { strict: true })) {
            if (isUndeclared(issue))
                undeclared.push(`${input}.${issue.path}`);
            else
                problems.add(`${input}.${key}`, describeIssue({ ...issue, path: issue.path.slice(key.length).replace(/^\./, '') }));
        }
    }
    if (undeclared.length > 0) {
        warnings.push(`${undeclared.join(', ')}: not a field of generate-video-clip in the API document of ${API_DOCUMENT}; the API may ignore ${undeclared.length > 1 ? 'them' : 'it'}`);
    }
}

;// CONCATENATED MODULE: ./src/inputs/request-inputs.ts




const WATERMARK_MODES = ['AUTO', 'VIDEO_GEN', 'NONE'];
const QUALITIES = ['LOW', 'STANDARD', 'HIGH', 'MAX'];
/** The API takes at most this many ids in each of imageFileIds, videoFileIds and audioFileIds. */
const MAX_FILES = 4;
const MAX_PROMPT_FILE_BYTES = 1024 * 1024;
/**
 * The inputs read here, in the order action.yml lists them; `true` for those with a default in action.yml
 * (the runner always passes them, so "given" means nothing for them).
 */
const REQUEST_INPUT_DEFAULTS = {
    prompt: false,
    'prompt-file': false,
    images: false,
    videos: false,
    video: false,
    'start-frame': false,
    audio: false,
    'spoken-dialogue': false,
    'voice-description': false,
    'aspect-ratio': false,
    duration: true,
    quality: false,
    'generate-audio': true,
    'suppress-background-music': true,
    'watermark-mode': true,
    'num-results': true,
    'temporary-output': true,
    'hide-from-ui': true,
    'max-prompt-rewrites': false,
    params: false,
};
const REQUEST_INPUTS = Object.keys(REQUEST_INPUT_DEFAULTS);
const DEFAULTED_INPUTS = new Set(REQUEST_INPUTS.filter((k) => REQUEST_INPUT_DEFAULTS[k]));
/** Request fields that count as "something to generate from" when given through `params`. */
const INPUT_FIELDS = ['prompt', 'startFrameFileId', 'imageFileIds', 'videoFileIds', 'audioFileIds', 'spokenDialogue'];
/** A blank text or an empty list in params gives the API nothing to generate from, and it refuses the create. */
const givesInput = (value) => value !== undefined &&
    value !== null &&
    !(typeof value === 'string' && value.trim() === '') &&
    !(Array.isArray(value) && value.length === 0);
async function readPromptFile(workspace, input, given) {
    const { absPath, size } = await workspace.regularFile(input, given);
    if (size > MAX_PROMPT_FILE_BYTES)
        throw new input_error/* InputError */.dz(input, `'${given}' is ${size} bytes; a prompt file may hold at most 1 MiB`);
    const { readFile } = await Promise.resolve(/* import() */).then(__webpack_require__.t.bind(__webpack_require__, 51455, 23));
    const text = (await readFile(absPath, 'utf8')).trim();
    if (text === '')
        throw new input_error/* InputError */.dz(input, `'${given}' is empty`);
    return text;
}
/**
 * Reads one request. Returns undefined when an input was invalid (the problems say which); `resuming`
 * (execution-id given) requires none of them.
 */
async function readClipRequest(src, workspace, problems, options) {
    const before = problems.errors.length;
    const name = (input) => src.label(input);
    const raw = (input) => src.value(input);
    const bool = (input) => problems.take(() => parseBoolean(name(input), raw(input), false));
    // The prompt is sent as written (a prompt-file is trimmed: its last line break is not part of it).
    const promptInput = raw('prompt') || undefined;
    const promptFile = parseText(raw('prompt-file'));
    if (promptInput && promptFile)
        problems.add(name('prompt-file'), 'cannot be combined with prompt; give one of them');
    const prompt = promptFile
        ? await problems.take(() => readPromptFile(workspace, name('prompt-file'), promptFile))
        : promptInput;
    const list = async (input, kind, max, plural) => (await problems.take(async () => {
        const entries = await splitPathList(raw(input), (entry) => workspace.has(entry));
        const refs = await workspace.assets(name(input), entries, kind);
        if (refs.length > max)
            throw new input_error/* InputError */.dz(name(input), `${refs.length} ${plural} given; the API accepts at most ${max}`);
        return refs;
    })) ?? [];
    const images = await list('images', 'IMAGE', MAX_FILES, 'images');
    const videos = await list('videos', 'VIDEO', MAX_FILES, 'videos');
    const legacyVideo = await list('video', 'VIDEO', 1, 'videos');
    if (raw('video').trim() !== '') {
        options.warnings.push(`Input '${name('video')}' is deprecated: use '${name('videos')}' (up to ${MAX_FILES} reference videos, sent as videoFileIds)`);
        if (videos.length + legacyVideo.length > MAX_FILES) {
            problems.add(name('videos'), `with video, ${videos.length + legacyVideo.length} videos are given; the API accepts at most ${MAX_FILES}`);
        }
    }
    const audio = await list('audio', 'AUDIO', MAX_FILES, 'audio files');
    const [startFrame] = await list('start-frame', 'IMAGE', 1, 'images');
    const spokenDialogue = parseText(raw('spoken-dialogue'));
    const voiceDescription = parseText(raw('voice-description'));
    if (voiceDescription && !spokenDialogue) {
        problems.add(name('voice-description'), 'describes the voice of spoken-dialogue; give spoken-dialogue too');
    }
    const aspectRatio = await problems.take(() => parseAspectRatio(name('aspect-ratio'), raw('aspect-ratio')));
    const durationSeconds = await problems.take(() => parseSeconds(name('duration'), raw('duration'), 1, 30));
    const quality = await problems.take(() => raw('quality').trim() === '' ? undefined : parseEnum(name('quality'), raw('quality'), QUALITIES, 'STANDARD'));
    const watermarkMode = await problems.take(() => parseEnum(name('watermark-mode'), raw('watermark-mode'), WATERMARK_MODES, 'AUTO'));
    const numResults = await problems.take(() => parseIntegerInRange(name('num-results'), raw('num-results') || '1', 1, 100));
    const rewrites = await problems.take(() => raw('max-prompt-rewrites').trim() === ''
        ? undefined
        : parseIntegerInRange(name('max-prompt-rewrites'), raw('max-prompt-rewrites'), 0, 4));
    const generateAudio = await bool('generate-audio');
    const isOutputTemporary = await bool('temporary-output');
    const suppressBackgroundMusic = await bool('suppress-background-music');
    const hideFromUi = await bool('hide-from-ui');
    const params = (await problems.take(() => parseObject(name('params'), raw('params')))) ?? {};
    await checkParams(params, name('params'), problems, options.warnings);
    const files = { images, videos: [...legacyVideo, ...videos], audio, ...(startFrame && { startFrame }) };
    const hasInput = !!prompt ||
        !!spokenDialogue ||
        images.length + files.videos.length + audio.length > 0 ||
        !!startFrame ||
        INPUT_FIELDS.some((f) => givesInput(params[f]));
    if (!options.resuming && !hasInput && problems.errors.length === before) {
        problems.add(name('prompt'), 'nothing to generate from: give prompt, prompt-file, images, videos, start-frame, audio or spoken-dialogue (or execution-id to resume)');
    }
    if (problems.errors.length > before)
        return undefined;
    const request = {
        ...(prompt !== undefined && { prompt }),
        ...(aspectRatio && { aspectRatio }),
        generateAudio: generateAudio,
        watermarkMode: watermarkMode,
        numResults: numResults,
        isOutputTemporary: isOutputTemporary,
        ...(durationSeconds !== undefined && { durationSeconds }),
        ...(quality !== undefined && { quality }),
        ...(spokenDialogue !== undefined && { spokenDialogue }),
        ...(voiceDescription !== undefined && { voiceDescription }),
        ...(suppressBackgroundMusic && { suppressBackgroundMusic: true }),
        ...(hideFromUi && { hideFromUi: true }),
        ...(rewrites !== undefined && { contentPolicyConfig: { maxPromptRewrites: rewrites } }),
    };
    return { ...(options.id !== undefined && { id: options.id }), request, files, params };
}

;// CONCATENATED MODULE: ./src/inputs/requests.ts
// A batch: the `requests` input, a YAML or JSON list (inline, or a workspace file), each item a request
// whose fields override the step's own inputs. Every item is checked before any request; a problem names
// `requests[<id>].<input>`.




const MAX_ITEMS = 500;
const ITEM_ID = /^[A-Za-z0-9_-]{1,64}$/;
const MAX_FILE_BYTES = 1024 * 1024;
const INPUT = 'requests';
const EXAMPLE = 'a list such as [{"id": "intro", "prompt": "…"}, {"id": "outro", "prompt": "…"}]';
/** The input's text: inline, or the content of the workspace file it names. */
async function source(raw, workspace) {
    const value = raw.trim();
    if (value.includes('\n') || !/\.(ya?ml|json)$/i.test(value))
        return raw;
    const { absPath, size } = await workspace.regularFile(INPUT, value);
    if (size > MAX_FILE_BYTES)
        throw new input_error/* InputError */.dz(INPUT, `'${value}' is ${size} bytes; a requests file may hold at most 1 MiB`);
    return (0,promises_.readFile)(absPath, 'utf8');
}
/** An item's value for an input, as the text an input would have. */
function asInputText(name, value) {
    if (typeof value === 'string')
        return value;
    if (typeof value === 'number' || typeof value === 'boolean')
        return String(value);
    if (Array.isArray(value) && value.every((v) => typeof v === 'string'))
        return value.join('\n');
    if (name === 'params' && value !== null && typeof value === 'object')
        return JSON.stringify(value);
    return undefined;
}
const ALLOWED = new Set(['id', ...REQUEST_INPUTS]);
/**
 * Reads the batch. Returns the requests in input order, or undefined when the list itself is unusable
 * (items with problems are reported and left out, so every problem is found in one run).
 */
async function readBatch(raw, step, workspace, problems, warnings) {
    const parsed = await problems.take(async () => parseStructured(INPUT, await source(raw, workspace), EXAMPLE));
    if (parsed === undefined)
        return undefined;
    if (!Array.isArray(parsed) || parsed.length === 0) {
        problems.add(INPUT, `must be a non-empty list of requests, e.g. ${EXAMPLE}`);
        return undefined;
    }
    if (parsed.length > MAX_ITEMS) {
        problems.add(INPUT, `${parsed.length} requests given; at most ${MAX_ITEMS} in one step`);
        return undefined;
    }
    const seen = new Set();
    const requests = [];
    for (const [index, item] of parsed.entries()) {
        if (item === null || typeof item !== 'object' || Array.isArray(item)) {
            problems.add(`${INPUT}[${index}]`, 'must be a mapping of input names to values, with an id');
            continue;
        }
        const fields = item;
        // An item whose id is unusable is still checked through, named by its place in the list, so that every
        // problem shows in one run.
        let usable = true;
        const id = fields.id;
        let key;
        if (typeof id !== 'string' || !ITEM_ID.test(id)) {
            problems.add(`${INPUT}[${index}].id`, 'is required: letters, digits, - and _ (at most 64), unique in the list');
            usable = false;
            key = String(index);
        }
        else if (seen.has(id)) {
            problems.add(`${INPUT}[${id}].id`, 'is used by another item; ids must be unique');
            usable = false;
            key = String(index);
        }
        else {
            seen.add(id);
            key = id;
        }
        const values = new Map();
        for (const [name, value] of Object.entries(fields)) {
            if (name === 'id')
                continue;
            if (!ALLOWED.has(name)) {
                problems.add(`${INPUT}[${key}].${name}`, `is not a request input; use one of ${REQUEST_INPUTS.join(', ')}`);
                usable = false;
                continue;
            }
            const text = asInputText(name, value);
            if (text === undefined) {
                problems.add(`${INPUT}[${key}].${name}`, 'must be text, a number, true/false or a list of text');
                usable = false;
            }
            else
                values.set(name, text);
        }
        const src = {
            value: (name) => values.get(name) ?? step(name),
            label: (name) => (values.has(name) ? `${INPUT}[${key}].${name}` : name),
        };
        const request = await readClipRequest(src, workspace, problems, { resuming: false, id: key, warnings });
        if (request && usable)
            requests.push(request);
    }
    return requests;
}
/** `execution-id` given the `results` output of a batch: item id → execution id. */
function parseBatchResume(raw, isExecutionId) {
    let parsed;
    try {
        parsed = JSON.parse(raw);
    }
    catch {
        throw new input_error/* InputError */.dz('execution-id', 'looks like JSON but is not valid JSON; give the results output of a batch step');
    }
    if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
        throw new input_error/* InputError */.dz('execution-id', 'must be one execution id, or the results output (a JSON object) of a batch step');
    }
    const ids = new Map();
    for (const [key, value] of Object.entries(parsed)) {
        const id = typeof value === 'string' ? value : value?.executionId;
        // An item that was never created (its entry has a status but no execution) has nothing to resume.
        if (id === undefined && value !== null && typeof value === 'object')
            continue;
        if (!ITEM_ID.test(key) || !isExecutionId(id)) {
            throw new input_error/* InputError */.dz('execution-id', `item '${key}' has no valid execution id; give the results output of a batch step unchanged`);
        }
        if ([...ids.values()].includes(id)) {
            throw new input_error/* InputError */.dz('execution-id', `execution ${id} is given for two items; give the results output of a batch step unchanged`);
        }
        ids.set(key, id);
    }
    if (ids.size === 0 || ids.size > MAX_ITEMS)
        throw new input_error/* InputError */.dz('execution-id', `names ${ids.size} executions; give 1 to ${MAX_ITEMS}`);
    return ids;
}

// EXTERNAL MODULE: ./src/inputs/secrets.ts
var secrets = __webpack_require__(73332);
;// CONCATENATED MODULE: ./src/inputs/settings.ts
// Every input → one typed, validated Settings object. The only module that reads inputs. Every input is
// checked before any request, and every problem is reported at once.











const DEFAULT_BASE_URL = 'https://api.videogen.io';
function parseBaseUrl(raw) {
    const input = 'base-url';
    let url;
    try {
        url = new URL(raw);
    }
    catch {
        throw new input_error/* InputError */.dz(input, `'${raw}' is not a URL; use e.g. ${DEFAULT_BASE_URL}`);
    }
    if (url.username || url.password)
        throw new input_error/* InputError */.dz(input, 'must not contain credentials; pass the key in api-key');
    if (url.search || url.hash)
        throw new input_error/* InputError */.dz(input, `'${raw}' must not have a query or fragment`);
    if (url.protocol === 'http:' && !(0,loopback/* isLoopback */.U)(url.hostname)) {
        throw new input_error/* InputError */.dz(input, `'${raw}' uses http:// to a non-loopback host, which would send the key in clear text; use https:// (http:// is only allowed to 127.0.0.1 or localhost)`);
    }
    if (url.protocol !== 'https:' && url.protocol !== 'http:')
        throw new input_error/* InputError */.dz(input, `'${raw}' must be an https:// URL`);
    return url.toString().replace(/\/+$/, '');
}
/** The base URL from the input, else VIDEOGEN_BASE_URL, else the default. */
function baseUrlFrom(read) {
    return parseBaseUrl(read('base-url') || process.env.VIDEOGEN_BASE_URL?.trim() || DEFAULT_BASE_URL);
}
function noApiKeyError() {
    return new input_error/* InputError */.dz('api-key', 'no VideoGen API key. Set `api-key: ${{ secrets.VIDEOGEN_API_KEY }}` or the VIDEOGEN_API_KEY environment variable. ' +
        'If the secret exists and this run is a pull request from a fork, GitHub does not pass secrets to it: ' +
        'run the step only for branches of this repository (e.g. `if: github.event.pull_request.head.repo.full_name == github.repository`), ' +
        'or use `dry-run: true` there.');
}
const ARTIFACT_FORBIDDEN = /[":<>|*?\\/\r\n]/;
async function loadSettings(read, apiKey) {
    const problems = new input_error/* Problems */.Zw();
    const warnings = [];
    const bool = async (name, fallback) => (await problems.take(() => parseBoolean(name, read(name), fallback))) ?? fallback;
    const dryRun = await bool('dry-run', false);
    const baseUrl = await problems.take(() => baseUrlFrom(read));
    const workspace = await Workspace.open(process.env.GITHUB_WORKSPACE || process.cwd());
    const executionIdRaw = read('execution-id').trim();
    const resume = executionIdRaw.startsWith('{')
        ? await problems.take(() => parseBatchResume(executionIdRaw, ids/* isExecutionId */.MV))
        : undefined;
    if (executionIdRaw && !resume && !executionIdRaw.startsWith('{') && !(0,ids/* isExecutionId */.MV)(executionIdRaw)) {
        problems.add('execution-id', `'${executionIdRaw}' is not an execution id; give the execution-id output of an earlier step (vg_tool_… or vg_exec_…)`);
    }
    const executionId = executionIdRaw && !executionIdRaw.startsWith('{') ? executionIdRaw : undefined;
    const resuming = executionIdRaw !== '';
    if (resuming) {
        for (const name of [...REQUEST_INPUTS, 'requests']) {
            if (read(name) !== '' && !DEFAULTED_INPUTS.has(name))
                problems.add(name, 'cannot be combined with execution-id (which resumes an existing execution)');
        }
    }
    const batchRaw = read('requests');
    let requests = [];
    if (!resuming && batchRaw.trim() !== '') {
        requests = (await readBatch(batchRaw, read, workspace, problems, warnings)) ?? [];
    }
    else if (!resuming) {
        const step = { value: read, label: (name) => name };
        const request = await readClipRequest(step, workspace, problems, { resuming: false, warnings });
        if (request)
            requests = [request];
    }
    const isBatch = (!resuming && batchRaw.trim() !== '') || resume !== undefined;
    const maxRunning = (await problems.take(() => parseIntegerInRange('max-running', read('max-running') || '10', 1, 100))) ?? 10;
    const failFast = await bool('fail-fast', false);
    const wait = await bool('wait', true);
    const download = await bool('download', true);
    const cache = await bool('cache', false);
    if (cache && resuming)
        problems.add('cache', 'cannot be combined with execution-id');
    const artifactName = read('artifact-name');
    const retentionRaw = read('artifact-retention-days');
    if (artifactName && ARTIFACT_FORBIDDEN.test(artifactName)) {
        problems.add('artifact-name', `'${artifactName}' contains a character artifacts do not allow (" : < > | * ? \\ / or a newline); e.g. for a matrix use \${{ strategy.job-index }} rather than a value like 16:9`);
    }
    if (retentionRaw && !artifactName)
        problems.add('artifact-retention-days', 'needs artifact-name');
    const retentionDays = retentionRaw
        ? await problems.take(() => parseIntegerInRange('artifact-retention-days', retentionRaw, 1, 90))
        : undefined;
    const artifact = artifactName
        ? { name: artifactName, ...(retentionDays !== undefined && { retentionDays }) }
        : undefined;
    const releaseTag = read('release-tag');
    const releaseOverwrite = await bool('release-overwrite', false);
    const releaseUpload = (await bool('release-upload', false)) || releaseTag !== '';
    if (releaseUpload && !releaseTag && process.env.GITHUB_EVENT_NAME !== 'release') {
        problems.add('release-tag', `is empty and this run is a '${process.env.GITHUB_EVENT_NAME || 'unknown'}' event, not a release event: set release-tag to the tag of the release to attach the clips to`);
    }
    const githubToken = read('github-token');
    if (githubToken)
        core/* setSecret */.Pq(githubToken);
    if (releaseUpload && !githubToken)
        problems.add('github-token', 'is empty; release-upload needs a token with contents: write');
    const release = releaseUpload
        ? { ...(releaseTag && { tag: releaseTag }), overwrite: releaseOverwrite, token: githubToken }
        : undefined;
    const prCommentOn = await bool('pr-comment', false);
    if (prCommentOn && !githubToken)
        problems.add('github-token', 'is empty; pr-comment needs a token with pull-requests: write');
    if (prCommentOn && !wait)
        problems.add('pr-comment', 'has nothing to report with wait: false; set it on the step that resumes with execution-id');
    // Workflow and job by default, so each job keeps its own comment; matrix legs share a job id and need their own key.
    const prCommentKey = read('pr-comment-key').trim() || `${process.env.GITHUB_WORKFLOW ?? ''}/${process.env.GITHUB_JOB ?? ''}`;
    const prComment = prCommentOn ? { key: prCommentKey, token: githubToken } : undefined;
    for (const [name, on] of [
        ['artifact-name', !!artifact],
        ['release-upload', !!release],
    ]) {
        if (on && !download)
            problems.add(name, 'needs download: true (it delivers the downloaded clips)');
        if (on && !wait)
            problems.add(name, 'has nothing to deliver with wait: false');
    }
    if (cache && !wait)
        problems.add('cache', 'needs wait: true (only finished clips can be cached)');
    if (cache && !download)
        problems.add('cache', 'needs download: true (a cache entry holds the downloaded clips)');
    if (dryRun && resuming)
        problems.add('dry-run', 'validates a new request; it cannot be combined with execution-id');
    if (isBatch && !wait && requests.length > maxRunning) {
        problems.add('max-running', `is ${maxRunning}, fewer than the ${requests.length} requests: with wait: false all of them start at once; raise max-running or wait`);
    }
    if (!dryRun && !apiKey)
        problems.push(noApiKeyError());
    if (!dryRun && apiKey)
        await problems.take(() => (0,secrets/* checkApiKey */.S)(apiKey));
    const timeoutMs = await problems.take(() => parseDuration('timeout', read('timeout') || '30m'));
    const cancelOnTimeout = await bool('cancel-on-timeout', true);
    const downloadDir = await problems.take(() => workspace.outputDir('download-dir', read('download-dir') || 'videogen-output'));
    // A batch writes into download-dir/<id>/: a committed link there would only be refused after the clip is paid.
    if (downloadDir !== undefined && isBatch) {
        const ids = resume ? [...resume.keys()] : requests.map((r) => r.id);
        for (const id of ids) {
            await problems.take(() => workspace.outputDir('download-dir', external_node_path_default().join(read('download-dir') || 'videogen-output', id)));
        }
    }
    const summary = await bool('summary', true);
    const publicPreview = await bool('public-preview', false);
    const temporaryUploads = await bool('temporary-uploads', true);
    problems.throwIfAny();
    return {
        apiKey,
        baseUrl: baseUrl,
        workspace,
        requests,
        temporaryUploads,
        ...(executionId && { executionId }),
        ...(isBatch && { batch: { maxRunning, failFast } }),
        ...(resume && { resume }),
        wait,
        timeoutMs: timeoutMs,
        cancelOnTimeout,
        download,
        downloadDir: downloadDir,
        summary,
        publicPreview,
        ...(artifact && { artifact }),
        ...(release && { release }),
        ...(prComment && { prComment }),
        cache,
        dryRun,
        warnings,
    };
}


/***/ }),

/***/ 17391:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Au: () => (/* binding */ BodyTooLargeError),
/* harmony export */   EF: () => (/* binding */ readCapped),
/* harmony export */   S5: () => (/* binding */ ERROR_BODY_BYTES),
/* harmony export */   a2: () => (/* binding */ JSON_BODY_BYTES),
/* harmony export */   vf: () => (/* binding */ discard)
/* harmony export */ });
/** What is worth reading of a non-2xx answer: enough for a JSON ApiError or an S3 <Error> document. */
const ERROR_BODY_BYTES = 8 * 1024;
/** A 2xx JSON answer larger than this is not a plausible API response. */
const JSON_BODY_BYTES = 16 * 1024 * 1024;
/**
 * Stops a body without reading it. A destroyed body may still emit 'error' (the request is aborted
 * under it): with no listener that would crash the process, so one is attached first.
 */
function discard(body) {
    body.on('error', () => undefined);
    body.destroy();
}
class BodyTooLargeError extends Error {
    name = 'BodyTooLargeError';
}
/**
 * Up to `max` bytes of a body as text; the stream is destroyed afterwards whether or not it was read to
 * its end, so the rest is never transferred. With `strict`, more than `max` bytes is an error instead.
 */
async function readCapped(body, max, strict = false) {
    const chunks = [];
    let size = 0;
    try {
        for await (const chunk of body) {
            const buf = chunk;
            chunks.push(buf);
            size += buf.length;
            if (size > max)
                break;
        }
    }
    catch (error) {
        if (strict)
            throw error;
    }
    finally {
        discard(body);
    }
    if (strict && size > max)
        throw new BodyTooLargeError(`the response body is larger than ${max} bytes`);
    return Buffer.concat(chunks).subarray(0, max).toString('utf8');
}


/***/ }),

/***/ 27354:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  U: () => (/* binding */ createClient)
});

// UNUSED EXPORTS: USER_AGENT

// EXTERNAL MODULE: ./src/videogen/decode.ts
var videogen_decode = __webpack_require__(11413);
// EXTERNAL MODULE: ./src/videogen/files.ts + 1 modules
var files = __webpack_require__(81253);
// EXTERNAL MODULE: ./node_modules/undici/index.js
var undici = __webpack_require__(46752);
// EXTERNAL MODULE: ./src/sanitize.ts
var sanitize = __webpack_require__(25540);
// EXTERNAL MODULE: ./src/videogen/body.ts
var videogen_body = __webpack_require__(17391);
// EXTERNAL MODULE: ./src/videogen/dispatcher.ts
var dispatcher = __webpack_require__(31490);
// EXTERNAL MODULE: ./src/videogen/errors.ts
var errors = __webpack_require__(49532);
// EXTERNAL MODULE: ./src/videogen/network.ts
var network = __webpack_require__(4913);
// EXTERNAL MODULE: ./src/videogen/retry.ts
var retry = __webpack_require__(97153);
;// CONCATENATED MODULE: ./src/videogen/http.ts
// The API transport: undici, bearer auth to the base URL's origin only, error decoding, retries, proxy.








const RETRYABLE_STATUS = new Set([408, 429, 500, 502, 503, 504]);
const quietLog = { debug() { }, info() { } };
const DEFAULT_REQUEST_TIMEOUT_MS = 60_000;
/** The least time a request is given when its deadline is (nearly) up: enough for one quick answer. */
const MIN_REQUEST_TIMEOUT_MS = 2_000;
const REQUEST_ID = /^[A-Za-z0-9._:/+=-]{1,128}$/;
/**
 * Per-request timeout: VIDEOGEN_REQUEST_TIMEOUT_MS (milliseconds) when set to a positive number, else 60 s.
 * An operational knob (slow proxies) that the fault tests also use to make a hung request fail fast.
 */
function requestTimeoutFromEnv(env = process.env) {
    const raw = Number(env.VIDEOGEN_REQUEST_TIMEOUT_MS);
    return Number.isFinite(raw) && raw > 0 ? raw : DEFAULT_REQUEST_TIMEOUT_MS;
}
/** The request id of a response, if it has a plausible one (it is printed in every error). */
function requestIdOf(headers) {
    const value = (0,retry/* header */.wx)(headers, 'x-request-id');
    return value === undefined ? undefined : REQUEST_ID.test(value) ? value : (0,sanitize/* clean */.uH)(value, 64);
}
function parseErrorBody(text, redact) {
    try {
        const parsed = JSON.parse(text);
        const body = (0,videogen_decode/* decodeApiError */.dO)(parsed, redact);
        if (body.message !== undefined)
            return { body, fromApi: true };
    }
    catch {
        // Proxies and load balancers answer with HTML or nothing: keep a short, single-line excerpt.
    }
    const excerpt = (0,sanitize/* clean */.uH)(text
        .replace(/<[^>]*>/g, ' ')
        .replace(/\s+/g, ' ')
        .trim(), 200);
    return { body: { message: excerpt ? `non-JSON response: ${excerpt}` : 'empty response body' }, fromApi: false };
}
/** Every string (and property name) of a parsed body through `redact`; iterative, since depth is the sender's choice. */
function redactStrings(root, redact) {
    if (typeof root === 'string')
        return redact(root);
    const pending = [root];
    while (pending.length > 0) {
        const node = pending.pop();
        if (node === null || typeof node !== 'object')
            continue;
        const record = node;
        for (const name of Object.keys(record)) {
            const value = record[name];
            if (typeof value === 'object' && value !== null)
                pending.push(value);
            const redacted = typeof value === 'string' ? redact(value) : value;
            const cleanName = Array.isArray(node) ? name : redact(name);
            if (cleanName !== name)
                delete record[name];
            // defineProperty: a "__proto__" name is data here, never the prototype.
            if (redacted !== value || cleanName !== name)
                Object.defineProperty(record, cleanName, {
                    value: redacted,
                    writable: true,
                    enumerable: true,
                    configurable: true,
                });
        }
    }
    return root;
}
class VideoGenHttp {
    options;
    origin;
    dispatcher;
    policy;
    log;
    timeoutMs;
    constructor(options) {
        this.options = options;
        this.origin = new URL(options.baseUrl).origin;
        this.dispatcher = options.dispatcher ?? (0,dispatcher/* createDispatcher */.SM)();
        this.policy = options.policy ?? retry/* DEFAULT_POLICY */.zj;
        this.log = options.log ?? quietLog;
        this.timeoutMs = options.requestTimeoutMs ?? requestTimeoutFromEnv();
    }
    /**
     * The key never leaves through an error: a server (or proxy) that echoes it back in a body would
     * otherwise put it into the step's error, the summary and the results file, where runner masking
     * does not reach everywhere.
     */
    redact = (text) => {
        const key = this.options.apiKey;
        if (key.length < 4 || !text)
            return text;
        return text.split(key).join('***').split(JSON.stringify(key).slice(1, -1)).join('***');
    };
    /** Performs the call with the retries its mode allows; resolves to the parsed JSON body. */
    async call(method, path, options) {
        // Total budget: the caller's deadline, capped for calls without one (see RetryPolicy.totalBudgetMs).
        const budgetEnd = Math.min(options.deadline ?? Infinity, Date.now() + (this.policy.totalBudgetMs ?? Infinity));
        for (let attempt = 1;; attempt++) {
            const outcome = await this.once(method, path, options);
            if (outcome.ok)
                return outcome.value;
            const { error, retryAfterMs } = outcome;
            if (!this.isRetryable(error, options.mode))
                throw error;
            const wait = retryAfterMs ?? (0,retry/* backoffMs */.jo)(attempt, this.policy);
            if (retryAfterMs !== undefined &&
                (retryAfterMs > this.policy.maxServerDelayMs || Date.now() + wait > budgetEnd)) {
                error.message += ` The server asked to retry in ${Math.ceil(retryAfterMs / 1000)} s, which is past the time left; not retried.`;
                throw error;
            }
            if (attempt >= this.policy.maxAttempts || Date.now() + wait > budgetEnd) {
                error.message += ` (gave up after ${attempt} attempt${attempt === 1 ? '' : 's'}${attempt < this.policy.maxAttempts ? ': the time left was spent' : ''})`;
                throw error;
            }
            this.log.info(`${options.operation}: ${shortReason(error)}; retrying in ${(wait / 1000).toFixed(1)} s (attempt ${attempt + 1} of ${this.policy.maxAttempts})`);
            await (0,retry/* sleep */.yy)(wait, options.signal);
        }
    }
    /**
     * How long one request may wait for an answer: the request timeout, and never past the caller's deadline
     * (a hung poll must not hold a timed-out step for a minute before it cancels). A create keeps the whole
     * request timeout: its answer is the only proof of what was created.
     */
    requestTimeout(options) {
        if (options.mode === 'create' || options.deadline === undefined)
            return this.timeoutMs;
        return Math.min(this.timeoutMs, Math.max(MIN_REQUEST_TIMEOUT_MS, options.deadline - Date.now()));
    }
    isRetryable(error, mode) {
        if (error instanceof errors/* VideoGenApiError */.gr) {
            if (mode === 'create')
                return (0,errors/* answeredBeforeProcessing */.KF)(error);
            return error.status === 429 ? error.code !== 'insufficient_credits' : RETRYABLE_STATUS.has(error.status);
        }
        if (error instanceof errors/* NetworkError */.Dr)
            return error.transient && (mode === 'safe' || error.notSent);
        return false;
    }
    async once(method, path, options) {
        const query = options.query ? `?${new URLSearchParams(options.query).toString()}` : '';
        const url = `${this.options.baseUrl}${path}${query}`;
        const hasBody = options.body !== undefined;
        const started = Date.now();
        let response;
        const attempt = (0,dispatcher/* tracked */.rX)(this.dispatcher);
        try {
            response = await (0,undici.request)(url, {
                method,
                dispatcher: attempt.dispatcher,
                headers: {
                    authorization: `Bearer ${this.options.apiKey}`,
                    accept: 'application/json',
                    'user-agent': this.options.userAgent ?? 'videogen-action',
                    ...(hasBody && { 'content-type': 'application/json' }),
                },
                ...(hasBody && { body: JSON.stringify(options.body) }),
                headersTimeout: this.requestTimeout(options),
                bodyTimeout: this.requestTimeout(options),
                // A create in flight is never aborted (only a known id can be cancelled); its retry waits are.
                ...(options.signal && options.mode !== 'create' && { signal: options.signal }),
            });
        }
        catch (cause) {
            // For a create the signal did not abort this request: its failure must surface as it is (ambiguity).
            if (options.signal?.aborted && options.mode !== 'create')
                throw options.signal.reason;
            this.log.debug(`${method} ${path} → network error after ${Date.now() - started} ms: ${(0,sanitize/* clean */.uH)(cause.message)}`);
            const failure = (0,network/* classifyNetworkError */.L)(cause, url, attempt.written());
            return { ok: false, error: new errors/* NetworkError */.Dr(options.operation, cause, failure) };
        }
        options.onHeaders?.(response.headers);
        const id = requestIdOf(response.headers);
        const requestId = id === undefined ? undefined : this.redact(id);
        this.log.debug(`${method} ${path} → ${response.statusCode} in ${Date.now() - started} ms${requestId ? ` (request id ${requestId})` : ''}`);
        if (response.statusCode >= 300 && response.statusCode < 400) {
            (0,videogen_body/* discard */.vf)(response.body);
            const location = (0,sanitize/* clean */.uH)(this.redact(((0,retry/* header */.wx)(response.headers, 'location') ?? '(none)').split('?')[0] ?? ''), 200);
            const body = {
                message: `unexpected redirect to ${location}; set base-url to the API's final address (the key is only ever sent to base-url)`,
                code: 'redirect',
            };
            return { ok: false, error: new errors/* VideoGenApiError */.gr(response.statusCode, body, requestId, options.operation, false) };
        }
        if (response.statusCode >= 400) {
            // A little more than is kept, so a key that starts before the cut is read whole, and redacted whole.
            const raw = await (0,videogen_body/* readCapped */.EF)(response.body, videogen_body/* ERROR_BODY_BYTES */.S5 + this.options.apiKey.length);
            const { body, fromApi } = parseErrorBody(this.redact(raw).slice(0, videogen_body/* ERROR_BODY_BYTES */.S5), this.redact);
            const error = new errors/* VideoGenApiError */.gr(response.statusCode, body, requestId, options.operation, fromApi);
            // Only a 429 waits for X-RateLimit-Reset; every status honours an explicit Retry-After.
            const retryAfterMs = (0,retry/* serverDelayMs */.Jy)(response.headers, Date.now(), { rateLimitReset: response.statusCode === 429 });
            error.retryAfterMs = retryAfterMs;
            return { ok: false, error, ...(retryAfterMs !== undefined && { retryAfterMs }) };
        }
        try {
            const text = this.redact(await (0,videogen_body/* readCapped */.EF)(response.body, videogen_body/* JSON_BODY_BYTES */.a2, true));
            if (text === '')
                return { ok: true, value: {} };
            const value = JSON.parse(text);
            // An escape (\u0076…) can spell the key where the text showed none: the parsed strings are redacted too.
            return { ok: true, value: text.includes('\\') ? redactStrings(value, this.redact) : value };
        }
        catch (cause) {
            // A body cut off mid-way, or not JSON on a 2xx: the request was processed, the answer lost. One too
            // large to read will be as large the next time: not worth a retry.
            const tooLarge = cause instanceof videogen_body/* BodyTooLargeError */.Au;
            const failure = {
                maybeSent: true,
                transient: !tooLarge,
                explanation: tooLarge
                    ? 'The answer was too large to read.'
                    : 'The answer was lost after the request was processed.',
            };
            return { ok: false, error: new errors/* NetworkError */.Dr(options.operation, cause, failure) };
        }
    }
}
function shortReason(error) {
    if (error instanceof errors/* VideoGenApiError */.gr)
        return `HTTP ${error.status}${error.code ? ` ${error.code}` : ''}`;
    return error.message.replace(/^[^:]*failed: /, '');
}

;// CONCATENATED MODULE: ./src/videogen/tools.ts
// Tool executions: create (once), read, list, cancel.



const enc = encodeURIComponent;
class ToolsApi {
    http;
    decode;
    constructor(http, decode) {
        this.http = http;
        this.decode = decode;
    }
    /**
     * Not idempotent: the transport retries it only when the server cannot have processed it. A failure
     * that leaves it open whether an execution was created (and billed) becomes an AmbiguousCreateError.
     */
    async generateVideoClip(body, options = {}) {
        const { onBudget, ...control } = options;
        let raw;
        try {
            raw = await this.http.call('POST', '/v1/tools/generate-video-clip', {
                body,
                mode: 'create',
                operation: 'Create execution (POST /v1/tools/generate-video-clip)',
                ...control,
                ...(onBudget && {
                    onHeaders: (headers) => {
                        const budget = (0,retry/* rateBudgetOf */.zS)(headers);
                        if (budget)
                            onBudget(budget);
                    },
                }),
            });
        }
        catch (error) {
            throw mayHaveCreated(error) ? new errors/* AmbiguousCreateError */.J$(error) : error;
        }
        try {
            return (0,videogen_decode/* decodeCreated */.PR)(raw);
        }
        catch (error) {
            // Answered 2xx, so most likely created, but an id that is missing or malformed can be neither
            // followed nor cancelled (nor used to name a file).
            throw new errors/* AmbiguousCreateError */.J$(new Error(`Create execution: ${error.message}`));
        }
    }
    async getExecution(id, options = {}) {
        const raw = await this.http.call('GET', `/v1/tools/executions/${enc(id)}`, {
            mode: 'safe',
            operation: `Get execution ${id}`,
            ...options,
        });
        return (0,videogen_decode/* decodeExecution */.FX)(raw, this.decode, id);
    }
    /** One page of the key owner's executions, newest first. The list does not re-sign result URLs. */
    async listExecutions(options = {}) {
        const { limit = 50, cursor, ...control } = options;
        const raw = await this.http.call('GET', '/v1/tools/executions', {
            mode: 'safe',
            operation: 'List executions',
            query: { selfOnly: 'true', limit: String(limit), ...(cursor !== undefined && { cursor }) },
            ...control,
        });
        return (0,videogen_decode/* decodeExecutionPage */.Wg)(raw, this.decode);
    }
    async cancelExecution(id, options = {}) {
        await this.http.call('POST', `/v1/tools/executions/${enc(id)}/cancel`, {
            mode: 'safe',
            operation: `Cancel execution ${id}`,
            ...options,
        });
    }
}
/**
 * Whether a failed create may still have created an execution: the request was sent and then the
 * connection failed, timed out or the answer was lost, or a server or gateway failed (5xx, 408) without
 * the API itself saying it refused the request. 4xx answers and requests never sent are refusals.
 */
function mayHaveCreated(error) {
    if (error instanceof errors/* NetworkError */.Dr)
        return !error.notSent;
    if (error instanceof errors/* VideoGenApiError */.gr)
        return (error.status >= 500 || error.status === 408) && !(0,errors/* answeredBeforeProcessing */.KF)(error);
    return error instanceof videogen_decode/* UnexpectedResponseError */.dk;
}

;// CONCATENATED MODULE: ./src/videogen/client.ts




const USER_AGENT = 'videogen-action/1 (+https://github.com/features/actions)';
function createClient(baseUrl, apiKey, setup = {}) {
    const http = new VideoGenHttp({
        baseUrl,
        apiKey,
        userAgent: USER_AGENT,
        ...(setup.log && { log: setup.log }),
        ...(setup.dispatcher && { dispatcher: setup.dispatcher }),
    });
    const decode = { ...(0,videogen_decode/* decodeContextFor */.Jw)(baseUrl), redact: http.redact };
    return {
        tools: new ToolsApi(http, decode),
        files: new files/* FilesApi */.k5(http, decode),
        // destroy, not close: a request stuck on a dead proxy must not hold the step open.
        close: () => http.dispatcher.destroy().catch(() => undefined),
    };
}


/***/ }),

/***/ 11413:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   FX: () => (/* binding */ decodeExecution),
/* harmony export */   JG: () => (/* binding */ decodeFile),
/* harmony export */   Jw: () => (/* binding */ decodeContextFor),
/* harmony export */   PR: () => (/* binding */ decodeCreated),
/* harmony export */   Wg: () => (/* binding */ decodeExecutionPage),
/* harmony export */   dO: () => (/* binding */ decodeApiError),
/* harmony export */   dk: () => (/* binding */ UnexpectedResponseError),
/* harmony export */   k0: () => (/* binding */ decodeUploadTicket)
/* harmony export */ });
/* unused harmony export isSafeUrl */
/* harmony import */ var _sanitize_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(25540);
/* harmony import */ var _ids_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(46277);
/* harmony import */ var _types_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(21162);
// Response bodies → typed values. A response is outside input: a gateway, a proxy or a broken server can
// put anything in any field. Each field is checked against its documented shape before the action uses
// it; a field that fails is dropped (an unparsable expiry renders as "unknown", it never throws later),
// and a response whose essentials fail is refused with an UnexpectedResponseError.



class UnexpectedResponseError extends Error {
    name = 'UnexpectedResponseError';
}
const same = (text) => text;
/** Signed storage URLs may be plain http only where the API itself is (the emulator on loopback). */
function decodeContextFor(baseUrl) {
    return { httpLoopback: new URL(baseUrl).protocol === 'http:' };
}
const isObj = (v) => typeof v === 'object' && v !== null && !Array.isArray(v);
const MAX_URL = 8192;
/** Unix seconds between 2001 and 5138: milliseconds, microseconds and ISO strings fall outside. */
const isUnixSeconds = (v) => Number.isInteger(v) && v >= 1e9 && v < 1e11;
function loopback(hostname) {
    return hostname === 'localhost' || hostname === '[::1]' || /^127\.\d+\.\d+\.\d+$/.test(hostname);
}
function isSafeUrl(value, ctx) {
    if (typeof value !== 'string' || value.length > MAX_URL || (0,_sanitize_js__WEBPACK_IMPORTED_MODULE_0__/* .hasUnsafeCharacters */ .dQ)(value, { blanks: true }))
        return false;
    let url;
    try {
        url = new URL(value);
    }
    catch {
        return false;
    }
    if (url.username || url.password)
        return false;
    return url.protocol === 'https:' || (url.protocol === 'http:' && ctx.httpLoopback && loopback(url.hostname));
}
const url = (v, ctx) => (isSafeUrl(v, ctx) && (ctx.redact ?? same)(v) === v ? v : undefined);
const expiry = (v) => (isUnixSeconds(v) ? v : undefined);
const finiteIn = (v, min, max) => typeof v === 'number' && Number.isFinite(v) && v >= min && v <= max ? v : undefined;
const token = (v, pattern) => (typeof v === 'string' && pattern.test(v) ? v : undefined);
const text = (v, max, redact = same) => typeof v === 'string' && v.trim() !== '' ? (0,_sanitize_js__WEBPACK_IMPORTED_MODULE_0__/* .clean */ .uH)(redact(v.trim()), max) : undefined;
/** Drops the keys whose value is undefined, so a decoded object only has fields that passed. */
function defined(value) {
    return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined));
}
const SOURCE_STATUSES = ['pending', 'ready', 'failed', 'skipped'];
function source(raw, ctx) {
    if (!isObj(raw) || !SOURCE_STATUSES.includes(raw.status))
        return undefined;
    return defined({
        status: raw.status,
        url: url(raw.url, ctx),
        expiresAt: expiry(raw.expiresAt),
        fileBytes: Number.isSafeInteger(raw.fileBytes) && raw.fileBytes >= 0 ? raw.fileBytes : undefined,
    });
}
function decodeFile(raw, ctx, expectedId) {
    if (!isObj(raw))
        throw new UnexpectedResponseError('the file record is not a JSON object');
    const fileId = (0,_ids_js__WEBPACK_IMPORTED_MODULE_1__/* .isFileId */ .OZ)(raw.fileId) ? raw.fileId : expectedId;
    if (!fileId)
        throw new UnexpectedResponseError(`the file record has no valid file id (${(0,_sanitize_js__WEBPACK_IMPORTED_MODULE_0__/* .clean */ .uH)(raw.fileId, 80)})`);
    return defined({
        fileId,
        type: token(raw.type, /^[A-Z_]{1,32}$/),
        durationSeconds: finiteIn(raw.durationSeconds, 0, 86_400),
        downloadUrl: url(raw.downloadUrl, ctx),
        downloadUrlExpiresAt: expiry(raw.downloadUrlExpiresAt),
        thumbnailUrl: url(raw.thumbnailUrl, ctx),
        thumbnailUrlExpiresAt: expiry(raw.thumbnailUrlExpiresAt),
        downloadSource: source(raw.downloadSource, ctx),
        previewSource: source(raw.previewSource, ctx),
        thumbnailSource: source(raw.thumbnailSource, ctx),
        hlsSource: source(raw.hlsSource, ctx),
        staticPublicPreviewSource: source(raw.staticPublicPreviewSource, ctx),
        publicHlsUrl: url(raw.publicHlsUrl, ctx),
    });
}
function result(raw, ctx) {
    if (!isObj(raw) || !(0,_ids_js__WEBPACK_IMPORTED_MODULE_1__/* .isFileId */ .OZ)(raw.fileId))
        return undefined;
    let file;
    try {
        file = isObj(raw.file) ? decodeFile(raw.file, ctx, raw.fileId) : undefined;
    }
    catch {
        file = undefined;
    }
    return defined({
        fileId: raw.fileId,
        type: token(raw.type, /^[A-Z_]{1,32}$/),
        file,
        downloadUrl: url(raw.downloadUrl, ctx),
        downloadUrlExpiresAt: expiry(raw.downloadUrlExpiresAt),
        thumbnailUrl: url(raw.thumbnailUrl, ctx),
        thumbnailUrlExpiresAt: expiry(raw.thumbnailUrlExpiresAt),
    });
}
function decodeApiError(raw, redact = same) {
    if (!isObj(raw))
        return {};
    const requirement = isObj(raw.requirement) && text(raw.requirement.type, 64, redact) !== undefined ? raw.requirement : undefined;
    const details = requirement && isObj(requirement.details) ? requirement.details : undefined;
    return defined({
        message: text(raw.message, 500, redact),
        code: text(raw.code, 64, redact),
        internalErrorCode: text(raw.internalErrorCode, 64, redact),
        requirement: requirement && {
            type: text(requirement.type, 64, redact),
            ...(details && {
                details: Object.fromEntries(Object.entries(details)
                    .slice(0, 10)
                    .map(([k, v]) => [(0,_sanitize_js__WEBPACK_IMPORTED_MODULE_0__/* .clean */ .uH)(redact(k), 64), (0,_sanitize_js__WEBPACK_IMPORTED_MODULE_0__/* .clean */ .uH)(typeof v === 'string' ? redact(v) : v, 200)])),
            }),
        },
    });
}
function status(raw, redact = same) {
    const value = raw === 'canceled' ? 'cancelled' : raw;
    if (_types_js__WEBPACK_IMPORTED_MODULE_2__/* .EXECUTION_STATUSES */ .c.includes(value))
        return { status: value };
    return {
        status: 'unknown',
        statusText: raw === undefined ? 'none' : (0,_sanitize_js__WEBPACK_IMPORTED_MODULE_0__/* .clean */ .uH)(typeof raw === 'string' ? redact(raw) : raw, 60),
    };
}
/**
 * An ExecutedTool. The id the action asked for (`expectedId`) wins over the one in the body: a server that
 * answers with another id (or a path like `../../x`) cannot redirect where files go.
 */
function decodeExecution(raw, ctx, expectedId) {
    if (!isObj(raw))
        throw new UnexpectedResponseError('the execution is not a JSON object');
    // The earliest API era named the id `executionId`.
    const given = raw.toolExecutionId ?? raw.executionId;
    const id = expectedId ?? ((0,_ids_js__WEBPACK_IMPORTED_MODULE_1__/* .isExecutionId */ .MV)(given) ? given : undefined);
    if (id === undefined)
        throw new UnexpectedResponseError(`the execution has no valid id (${(0,_sanitize_js__WEBPACK_IMPORTED_MODULE_0__/* .clean */ .uH)(given, 80)})`);
    const results = Array.isArray(raw.results) ? raw.results.slice(0, 1000).map((r) => result(r, ctx)) : [];
    return defined({
        toolExecutionId: id,
        ...status(raw.status, ctx.redact),
        toolType: token(raw.toolType, /^[A-Z0-9_]{1,64}$/),
        progressPercentage: finiteIn(raw.progressPercentage, 0, 100),
        attemptIndex: Number.isSafeInteger(raw.attemptIndex) && raw.attemptIndex >= 0
            ? raw.attemptIndex
            : undefined,
        results: results.filter((r) => r !== undefined),
        error: isObj(raw.error) ? decodeApiError(raw.error, ctx.redact) : undefined,
    });
}
function decodeCreated(raw) {
    const id = isObj(raw) ? (raw.toolExecutionId ?? raw.executionId) : undefined;
    if (!(0,_ids_js__WEBPACK_IMPORTED_MODULE_1__/* .isExecutionId */ .MV)(id)) {
        throw new UnexpectedResponseError(id === undefined
            ? 'the 202 response carried no toolExecutionId'
            : `the 202 response carried a malformed execution id (${(0,_sanitize_js__WEBPACK_IMPORTED_MODULE_0__/* .clean */ .uH)(id, 80)})`);
    }
    return id;
}
function decodeUploadTicket(raw, ctx) {
    if (!isObj(raw) || !(0,_ids_js__WEBPACK_IMPORTED_MODULE_1__/* .isFileId */ .OZ)(raw.fileId))
        throw new UnexpectedResponseError('the upload ticket has no valid file id');
    if (!isSafeUrl(raw.uploadUrl, ctx))
        throw new UnexpectedResponseError(`the upload URL of ${raw.fileId} is not a valid https URL`);
    return { fileId: raw.fileId, uploadUrl: raw.uploadUrl };
}
function decodeExecutionPage(raw, ctx) {
    if (!isObj(raw) || !Array.isArray(raw.toolExecutions))
        throw new UnexpectedResponseError('the execution list has no toolExecutions array');
    const executions = [];
    for (const item of raw.toolExecutions.slice(0, 1000)) {
        try {
            executions.push(decodeExecution(item, ctx));
        }
        catch {
            // An entry without a valid id can be neither matched nor cancelled: skip it.
        }
    }
    const nextCursor = raw.hasMore === true && typeof raw.nextCursor === 'string' && raw.nextCursor.length <= 2048
        ? raw.nextCursor
        : undefined;
    return defined({ executions, nextCursor });
}


/***/ }),

/***/ 31490:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   SM: () => (/* binding */ createDispatcher),
/* harmony export */   qE: () => (/* binding */ PROXY_CLOSED),
/* harmony export */   rX: () => (/* binding */ tracked)
/* harmony export */ });
/* harmony import */ var undici__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(46752);
/* harmony import */ var _loopback_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(52802);
// The connections every request goes through: proxy-aware (HTTP(S)_PROXY, NO_PROXY), and able to tell
// whether a request was ever written, which decides between "not sent" and "may have been created".


/** The code of the error that stands for a proxy hanging up on CONNECT (see tunnelPool). */
const PROXY_CLOSED = 'VG_PROXY_CLOSED';
/**
 * The pool that asks the proxy for tunnels. undici takes a proxy that closes the connection instead of
 * answering CONNECT (UND_ERR_SOCKET) for a recoverable hiccup and reconnects at once, for ever: the request
 * never fails and the proxy sees thousands of connections a second. Here that closing fails the request,
 * which the client's own retry policy then paces and bounds.
 */
function tunnelPool(origin, options) {
    const pool = new undici__WEBPACK_IMPORTED_MODULE_0__.Pool(origin, options);
    const connect = pool.connect.bind(pool);
    return Object.assign(pool, {
        connect: (o) => connect(o).catch((error) => {
            if (error?.code !== 'UND_ERR_SOCKET')
                throw error;
            throw Object.assign(new Error('the proxy closed the connection without answering CONNECT', { cause: error }), {
                code: PROXY_CLOSED,
            });
        }),
    });
}
/**
 * A proxy for everything but http:// to this machine. That is allowed in clear text only because it stays
 * here: through a proxy the key would cross the network readable (and the proxy's loopback is not ours).
 */
function proxyingAllButClearTextLoopback(proxy, direct) {
    const routed = proxy.compose((dispatch) => (opts, handler) => (0,_loopback_js__WEBPACK_IMPORTED_MODULE_1__/* .isClearTextLoopback */ ._)(opts.origin) ? direct.dispatch(opts, handler) : dispatch(opts, handler));
    const destroyProxy = routed.destroy.bind(routed);
    return Object.assign(routed, {
        destroy: () => Promise.all([direct.destroy(), destroyProxy()]).then(() => undefined),
    });
}
function createDispatcher(env = process.env) {
    const options = { keepAliveTimeout: 4_000, connections: 16 };
    // undici 6 warns on stderr that EnvHttpProxyAgent is experimental: use it only when a proxy is set.
    const proxied = ['HTTPS_PROXY', 'https_proxy', 'HTTP_PROXY', 'http_proxy'].some((name) => env[name]);
    if (!proxied)
        return new undici__WEBPACK_IMPORTED_MODULE_0__.Agent(options);
    // clientFactory reaches the proxy agents EnvHttpProxyAgent makes; its declared options leave it out.
    const proxy = new undici__WEBPACK_IMPORTED_MODULE_0__.EnvHttpProxyAgent({ ...options, clientFactory: tunnelPool });
    return proxyingAllButClearTextLoopback(proxy, new undici__WEBPACK_IMPORTED_MODULE_0__.Agent(options));
}
/**
 * The dispatcher for one request, and whether undici began writing it. undici calls onConnect on a
 * connected (and, for https, handshaken) socket just before it writes the request line; a failure before
 * that cannot have reached the server, whatever the error says.
 */
function tracked(dispatcher) {
    let written = false;
    // undici's typings declare no methods on DecoratorHandler, hence the call through its prototype.
    const forward = undici__WEBPACK_IMPORTED_MODULE_0__.DecoratorHandler.prototype;
    class Tracker extends undici__WEBPACK_IMPORTED_MODULE_0__.DecoratorHandler {
        onConnect(abort) {
            written = true;
            forward.onConnect.call(this, abort);
        }
    }
    return {
        dispatcher: dispatcher.compose((dispatch) => (opts, handler) => dispatch(opts, new Tracker(handler))),
        written: () => written,
    };
}


/***/ }),

/***/ 81253:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  k5: () => (/* binding */ FilesApi),
  pe: () => (/* binding */ downloadLink),
  pL: () => (/* binding */ isFresh),
  xz: () => (/* binding */ readiness),
  Vt: () => (/* binding */ thumbnailLink)
});

// UNUSED EXPORTS: FileProcessingError

// EXTERNAL MODULE: ./src/videogen/decode.ts
var decode = __webpack_require__(11413);
// EXTERNAL MODULE: ./src/videogen/retry.ts
var retry = __webpack_require__(97153);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(51455);
// EXTERNAL MODULE: external "node:stream/promises"
var external_node_stream_promises_ = __webpack_require__(46466);
// EXTERNAL MODULE: external "node:stream"
var external_node_stream_ = __webpack_require__(57075);
// EXTERNAL MODULE: ./node_modules/undici/index.js
var undici = __webpack_require__(46752);
// EXTERNAL MODULE: ./src/fs-safe.ts
var fs_safe = __webpack_require__(79284);
// EXTERNAL MODULE: ./src/sanitize.ts
var sanitize = __webpack_require__(25540);
// EXTERNAL MODULE: ./src/videogen/body.ts
var videogen_body = __webpack_require__(17391);
// EXTERNAL MODULE: ./src/videogen/errors.ts
var errors = __webpack_require__(49532);
// EXTERNAL MODULE: ./src/videogen/network.ts
var network = __webpack_require__(4913);
;// CONCATENATED MODULE: ./src/videogen/transfer.ts
// Bytes to and from storage (presigned upload URLs, signed download URLs), and the one retry rule for
// both. These requests never carry the API key: they do not go through VideoGenHttp and have no
// Authorization header at all.










/** Between attempts of a storage transfer (upload PUT, download GET): short, since storage recovers fast. */
const TRANSFER_BACKOFF = {
    maxAttempts: 4,
    baseDelayMs: 500,
    maxDelayMs: 5_000,
    maxServerDelayMs: 0,
};
const STORAGE_TIMEOUT_MS = 120_000;
class StorageError extends Error {
    status;
    name = 'StorageError';
    constructor(message, status) {
        super(message);
        this.status = status;
    }
}
/** A transfer that cannot succeed as asked: too large, past its deadline. Never retried. */
class TransferLimitError extends Error {
    name = 'TransferLimitError';
}
/** Origin and path only: the query of a signed URL is a credential and stays out of logs and errors. */
function redactUrl(url) {
    try {
        const u = new URL(url);
        return (0,sanitize/* clean */.uH)(`${u.origin}${u.pathname}`, 300);
    }
    catch {
        return '(invalid URL)';
    }
}
/** S3-style error documents name the problem in <Code>; anything else gives a short excerpt. */
async function excerpt(body) {
    const text = await (0,videogen_body/* readCapped */.EF)(body, videogen_body/* ERROR_BODY_BYTES */.S5);
    const code = /<Code>([^<]{1,100})<\/Code>/.exec(text)?.[1];
    return (0,sanitize/* clean */.uH)(code ?? text.replace(/\s+/g, ' ').trim(), 120);
}
function storageFailure(operation, error, url) {
    if (error instanceof StorageError || error instanceof TransferLimitError)
        return error;
    return new errors/* NetworkError */.Dr(operation, error, (0,network/* classifyNetworkError */.L)(error, url));
}
/** Bytes read from the file at a time. */
const CHUNK_BYTES = 1024 * 1024;
/** Chunk buffers that the reads take turns in: one allocation for the whole upload. */
const RING_SLOTS = 4;
/**
 * A file's bytes, read in turn into the slots of one buffer. A fresh buffer per chunk (createReadStream)
 * costs page faults and garbage collections for every byte sent, CPU that a busy runner takes from the
 * transfer. Reusing a slot is safe: undici takes the next chunk of an iterable body only after writing the
 * last one and, when the socket holds more than its high-water mark (64 KiB, less than a chunk), only after
 * 'drain', when the kernel has the bytes. A slot is refilled RING_SLOTS - 1 chunks after that.
 */
async function* fileChunks(absPath) {
    const handle = await (0,promises_.open)(absPath, 'r');
    try {
        const ring = Buffer.allocUnsafeSlow(RING_SLOTS * CHUNK_BYTES);
        for (let position = 0, slot = 0;; slot = (slot + 1) % RING_SLOTS) {
            const view = ring.subarray(slot * CHUNK_BYTES, (slot + 1) * CHUNK_BYTES);
            const { bytesRead } = await handle.read(view, 0, CHUNK_BYTES, position);
            if (bytesRead === 0)
                return;
            position += bytesRead;
            yield view.subarray(0, bytesRead);
        }
    }
    finally {
        await handle.close();
    }
}
/** PUT a file's bytes, streamed from disk (re-opened on every call, never held whole in memory). */
async function putFile(dispatcher, url, file, signal) {
    let response;
    try {
        response = await (0,undici.request)(url, {
            method: 'PUT',
            dispatcher,
            // undici takes Iterable and AsyncIterable bodies (its documentation); its types name only Readable.
            body: fileChunks(file.absPath),
            headers: { 'content-type': file.contentType, 'content-length': String(file.size) },
            headersTimeout: STORAGE_TIMEOUT_MS,
            bodyTimeout: STORAGE_TIMEOUT_MS,
            ...(signal && { signal }),
        });
    }
    catch (error) {
        throw storageFailure(`upload to ${redactUrl(url)}`, error, url);
    }
    if (response.statusCode >= 200 && response.statusCode < 300) {
        await response.body.dump();
        return;
    }
    const detail = await excerpt(response.body);
    throw new StorageError(`upload to ${redactUrl(url)} failed: HTTP ${response.statusCode} ${detail}`, response.statusCode);
}
const MAX_REDIRECTS = 5;
/**
 * GET a signed URL into `dir/name`: streamed into a fresh temporary file, checked against Content-Length
 * and `maxBytes`, then renamed over the name. Returns the number of bytes written.
 */
async function downloadToFile(dispatcher, url, dir, name, limits) {
    let current = url;
    for (let hop = 0; hop <= MAX_REDIRECTS; hop++) {
        let response;
        try {
            response = await (0,undici.request)(current, {
                method: 'GET',
                dispatcher,
                headersTimeout: 60_000,
                bodyTimeout: STORAGE_TIMEOUT_MS,
                ...(limits.signal && { signal: limits.signal }),
            });
        }
        catch (error) {
            throw storageFailure(`download from ${redactUrl(current)}`, error, current);
        }
        const location = response.headers.location;
        if ([301, 302, 303, 307, 308].includes(response.statusCode) && typeof location === 'string') {
            (0,videogen_body/* discard */.vf)(response.body);
            current = new URL(location, current).toString();
            if (!/^https?:$/.test(new URL(current).protocol))
                throw new StorageError(`download redirected to a non-HTTP URL`, 0);
            continue;
        }
        if (response.statusCode !== 200) {
            const detail = await excerpt(response.body);
            throw new StorageError(`download from ${redactUrl(current)} failed: HTTP ${response.statusCode} ${detail}`, response.statusCode);
        }
        return await saveBody(response, current, dir, name, limits.maxBytes);
    }
    throw new StorageError(`download from ${redactUrl(url)}: more than ${MAX_REDIRECTS} redirects`, undefined);
}
async function saveBody(response, url, dir, name, maxBytes) {
    const declared = Number(response.headers['content-length'] ?? NaN);
    if (declared > maxBytes) {
        (0,videogen_body/* discard */.vf)(response.body);
        throw new TransferLimitError(`download from ${redactUrl(url)} is ${declared} bytes, more than the ${maxBytes} allowed`);
    }
    // Opening the file takes a turn of the event loop, in which the body can already fail (a connection
    // cut mid-body): without a listener that 'error' would crash the process. The pipeline below sees it.
    response.body.on('error', () => undefined);
    let bytes = 0;
    const count = new external_node_stream_.Transform({
        transform(chunk, _encoding, done) {
            bytes += chunk.length;
            if (bytes > maxBytes)
                done(new TransferLimitError(`download from ${redactUrl(url)} exceeded ${maxBytes} bytes`));
            else
                done(null, chunk);
        },
    });
    const file = await (0,fs_safe/* createExclusive */.H0)(dir, name);
    try {
        await (0,external_node_stream_promises_.pipeline)(response.body, count, file.handle.createWriteStream());
        if (!Number.isNaN(declared) && bytes !== declared) {
            throw new StorageError(`download from ${redactUrl(url)} was cut short: ${bytes} of ${declared} bytes`, 200);
        }
        await file.commit();
        return bytes;
    }
    catch (error) {
        await file.discard();
        throw storageFailure(`download from ${redactUrl(url)}`, error, url);
    }
}
/**
 * The one rule for storage transfers: a 403 means the signed URL expired (or its signature no longer
 * matches): get a new one and try again; network failures that may pass, throttling (408, 429; S3
 * throttles with 503 SlowDown) and 5xx are retried with backoff; any other answer, a TLS or proxy
 * refusal, or a limit is final.
 */
function verdict(error) {
    if (error instanceof StorageError) {
        const status = error.status ?? 0;
        if (status === 403)
            return 'renew';
        return status >= 500 || status === 408 || status === 429 ? 'retry' : 'fail';
    }
    if (error instanceof errors/* NetworkError */.Dr)
        return error.transient ? 'retry' : 'fail';
    return 'fail';
}
async function retryTransfer(plan, attempt, renewUrl) {
    const policy = plan.policy ?? TRANSFER_BACKOFF;
    for (let n = 1;; n++) {
        try {
            return await attempt();
        }
        catch (error) {
            if (plan.signal?.aborted)
                throw plan.signal.reason;
            const next = verdict(error);
            if (next === 'fail')
                throw new Error(`${plan.what} failed: ${(0,errors/* errorText */.kc)(error)}`);
            if (n >= policy.maxAttempts || Date.now() >= plan.deadline) {
                throw new Error(`${plan.what} failed after ${n} attempts: ${(0,errors/* errorText */.kc)(error)}`);
            }
            plan.log?.(`${plan.what}: ${(0,errors/* errorText */.kc)(error)}; ${next === 'renew' ? 'asking for a new URL' : 'retrying'}`);
            if (next === 'renew')
                await renewUrl();
            else
                await (0,retry/* sleep */.yy)(Math.min((0,retry/* backoffMs */.jo)(n, policy), Math.max(0, plan.deadline - Date.now())), plan.signal);
        }
    }
}

;// CONCATENATED MODULE: ./src/videogen/files.ts



const enc = encodeURIComponent;
const READY_POLL_MS = { first: 500, max: 5_000 };
/** A link that expires within this margin is renewed before use. */
const EXPIRY_MARGIN_S = 60;
class FileProcessingError extends Error {
    name = 'FileProcessingError';
}
/** Ready when any source is ready; failed when none is ready and one failed (as the official SDK decides). */
function readiness(file) {
    const sources = [file.downloadSource, file.previewSource, file.thumbnailSource, file.hlsSource].filter((s) => !!s);
    if (sources.some((s) => s.status === 'ready'))
        return 'ready';
    if (sources.some((s) => s.status === 'failed'))
        return 'failed';
    return 'pending';
}
/** The download link of a file record: the top-level copy, else the download source's. */
function downloadLink(file) {
    const url = file.downloadUrl ?? file.downloadSource?.url;
    if (!url)
        return undefined;
    const expiresAt = file.downloadUrl ? file.downloadUrlExpiresAt : file.downloadSource?.expiresAt;
    return { url, ...(expiresAt !== undefined && { expiresAt }) };
}
/** The thumbnail link of a file record, picked the same way. */
function thumbnailLink(file) {
    const url = file.thumbnailUrl ?? file.thumbnailSource?.url;
    if (!url)
        return undefined;
    const expiresAt = file.thumbnailUrl ? file.thumbnailUrlExpiresAt : file.thumbnailSource?.expiresAt;
    return { url, ...(expiresAt !== undefined && { expiresAt }) };
}
function isFresh(link, now = Date.now()) {
    return !!link && (link.expiresAt === undefined || link.expiresAt - EXPIRY_MARGIN_S > now / 1000);
}
class FilesApi {
    http;
    decode;
    dispatcher;
    constructor(http, decode) {
        this.http = http;
        this.decode = decode;
        this.dispatcher = http.dispatcher;
    }
    async createUpload(displayName, type, isTemporary, deadline, signal) {
        const raw = await this.http.call('POST', '/v1/files/upload', {
            body: { displayName, type, isTemporary },
            mode: 'safe',
            operation: `Create upload for ${displayName}`,
            ...(deadline !== undefined && { deadline }),
            ...(signal && { signal }),
        });
        return (0,decode/* decodeUploadTicket */.k0)(raw, this.decode);
    }
    async get(fileId) {
        const raw = await this.http.call('GET', `/v1/files/${enc(fileId)}`, {
            mode: 'safe',
            operation: `Get file ${fileId}`,
        });
        return (0,decode/* decodeFile */.JG)(raw, this.decode, fileId);
    }
    async hydrate(fileId, options = {}) {
        const raw = await this.http.call('POST', `/v1/files/${enc(fileId)}/hydrate`, {
            mode: 'safe',
            operation: `Hydrate file ${fileId}`,
            ...options,
        });
        return (0,decode/* decodeFile */.JG)(raw, this.decode, fileId);
    }
    async enablePublicPreview(fileId, options = {}) {
        const raw = await this.http.call('POST', `/v1/files/${enc(fileId)}/enable-public-preview`, {
            mode: 'safe',
            operation: `Enable public preview of ${fileId}`,
            ...options,
        });
        return (0,decode/* decodeFile */.JG)(raw, this.decode, fileId);
    }
    /** Upload a local file and wait until VideoGen can use it. Returns the file id. */
    async upload(source, options) {
        const displayName = source.label.split('/').pop() || source.label;
        // The signal too: a cancelled run must not sit out the ticket's retry waits.
        const newTicket = () => this.createUpload(displayName, source.kind, options.isTemporary, options.deadline, options.signal);
        let ticket = await newTicket();
        await retryTransfer({ what: `Upload of ${source.label}`, deadline: options.deadline, ...pick(options) }, () => putFile(this.dispatcher, ticket.uploadUrl, source, options.signal), async () => {
            ticket = await newTicket();
        });
        await this.waitReady(ticket.fileId, source.label, options);
        return ticket.fileId;
    }
    /** Hydrate until a source is ready (hydrate, not GET: a plain GET may not report readiness). */
    async waitReady(fileId, label, options) {
        let delay = READY_POLL_MS.first;
        for (;;) {
            const file = await this.hydrate(fileId, options);
            const state = readiness(file);
            if (state === 'ready')
                return file;
            if (state === 'failed')
                throw new FileProcessingError(`VideoGen could not process ${label} (${fileId}): every rendition failed. Check that the file is a valid, uncorrupted ${file.type?.toLowerCase() ?? 'media file'}.`);
            if (Date.now() + delay > options.deadline) {
                throw new FileProcessingError(`${label} (${fileId}) was still processing when the timeout was reached`);
            }
            await (0,retry/* sleep */.yy)(delay, options.signal);
            delay = Math.min(READY_POLL_MS.max, Math.round(delay * 1.5));
        }
    }
    /** A usable download link: the one given while it is fresh, else a newly signed one. */
    async freshDownloadLink(fileId, given, signal) {
        if (isFresh(given))
            return given;
        const link = downloadLink(await this.hydrate(fileId, { ...(signal && { signal }) }));
        if (!link)
            throw new Error(`${fileId} has no download URL yet`);
        return link;
    }
    /**
     * Download a file into `dir/name` under the transfer rule (expired links renewed through hydrate),
     * within `deadline` and `maxBytes`. Returns the size and the link that worked.
     */
    async download(req) {
        const timeLeft = Math.max(0, req.deadline - Date.now());
        const timer = AbortSignal.timeout(timeLeft);
        const signal = req.signal ? AbortSignal.any([req.signal, timer]) : timer;
        let link = req.link;
        try {
            const bytes = await retryTransfer({ what: req.what, deadline: req.deadline, ...pick(req) }, async () => {
                link = await this.freshDownloadLink(req.fileId, link, signal);
                return downloadToFile(this.dispatcher, link.url, req.dir, req.name, { maxBytes: req.maxBytes, signal });
            }, async () => {
                link = undefined;
            });
            return { bytes, link: link };
        }
        catch (error) {
            if (timer.aborted && !req.signal?.aborted) {
                throw new TransferLimitError(`${req.what} did not finish within the time left (${Math.round(timeLeft / 1000)} s)`);
            }
            throw error;
        }
    }
}
function pick(options) {
    return { ...(options.signal && { signal: options.signal }), ...(options.log && { log: options.log }) };
}


/***/ }),

/***/ 52802:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   U: () => (/* binding */ isLoopback),
/* harmony export */   _: () => (/* binding */ isClearTextLoopback)
/* harmony export */ });
/* harmony import */ var node_net__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(77030);
/* harmony import */ var node_net__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_net__WEBPACK_IMPORTED_MODULE_0__);
// Hosts that name this machine. Clear-text http:// is allowed to them only, because such traffic never leaves it.

const LOOPBACK_NAMES = new Set(['localhost', '127.0.0.1', '[::1]', '::1']);
/** `hostname` as URL gives it (IPv6 in brackets). */
function isLoopback(hostname) {
    if (LOOPBACK_NAMES.has(hostname) || hostname.endsWith('.localhost'))
        return true;
    return (0,node_net__WEBPACK_IMPORTED_MODULE_0__.isIP)(hostname) === 4 && hostname.startsWith('127.');
}
/** An http:// origin on this machine: the key would travel in clear text through anything in between. */
function isClearTextLoopback(origin) {
    if (origin === undefined)
        return false;
    try {
        const url = new URL(String(origin));
        return url.protocol === 'http:' && isLoopback(url.hostname);
    }
    catch {
        return false;
    }
}


/***/ }),

/***/ 4913:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   L: () => (/* binding */ classifyNetworkError)
/* harmony export */ });
/* harmony import */ var _sanitize_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(25540);
/* harmony import */ var _dispatcher_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(31490);
// What a request that failed before an HTTP status arrived tells us: whether anything can have reached
// the server (a certificate refused in the handshake, a name that does not resolve, a refused connection
// or a proxy refusing CONNECT all fail before a byte of the request is sent), whether trying again can
// help, and what the user should do about it.


const TLS_TRUST = new Set([
    'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
    'UNABLE_TO_GET_ISSUER_CERT',
    'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
    'SELF_SIGNED_CERT_IN_CHAIN',
    'DEPTH_ZERO_SELF_SIGNED_CERT',
    'CERT_UNTRUSTED',
    'CERT_SIGNATURE_FAILURE',
    'CERT_REVOKED',
    'CERT_REJECTED',
    'INVALID_CA',
]);
const TLS_DATES = new Set(['CERT_HAS_EXPIRED', 'CERT_NOT_YET_VALID']);
const NOT_SENT_TRANSIENT = new Set([
    'ECONNREFUSED',
    'EAI_AGAIN',
    'EHOSTUNREACH',
    'ENETUNREACH',
    'EHOSTDOWN',
    'UND_ERR_CONNECT_TIMEOUT',
]);
/** Raised before anything is written: a header value Node refuses, a bad argument, a closed client. */
const LOCAL = new Set([
    'UND_ERR_INVALID_ARG',
    'ERR_INVALID_CHAR',
    'ERR_INVALID_ARG_TYPE',
    'ERR_INVALID_ARG_VALUE',
    'ERR_INVALID_HTTP_TOKEN',
    'ERR_INVALID_URL',
    'UND_ERR_NOT_SUPPORTED',
]);
const CLOSED = new Set(['UND_ERR_DESTROYED', 'UND_ERR_CLOSED']);
/** The error and its causes, outermost first (undici and the proxy agent wrap the socket's error). */
function chain(error) {
    const links = [];
    let current = error;
    for (let depth = 0; current && depth < 6; depth++) {
        const e = current;
        links.push({
            ...(typeof e.code === 'string' && { code: e.code }),
            message: typeof e.message === 'string' ? e.message : (0,_sanitize_js__WEBPACK_IMPORTED_MODULE_1__/* .clean */ .uH)(current),
            ...(typeof e.name === 'string' && { name: e.name }),
            ...(typeof e.host === 'string' && { host: e.host }),
            ...(e.cert && typeof e.cert === 'object' && { cert: e.cert }),
        });
        // AggregateError (happy eyeballs: IPv4 and IPv6 both refused) keeps its parts in `errors`.
        current = e.cause ?? (Array.isArray(e.errors) ? e.errors[0] : undefined);
    }
    return links;
}
/** How a runner trusts a company CA: Node reads extra roots from this file at start-up. */
const NODE_EXTRA_CA = 'set NODE_EXTRA_CA_CERTS=/path/to/ca.pem in the job env';
/**
 * `written`: whether the request was begun on a connected socket (false when the failure came first:
 * then nothing reached the server, whatever the error). Left out, a failure not recognised is taken as
 * possibly sent.
 */
function classifyNetworkError(error, target, written = true) {
    const links = chain(error);
    const find = (codes) => links.find((l) => l.code !== undefined && codes.has(l.code));
    const host = (() => {
        try {
            return new URL(target).host;
        }
        catch {
            return 'the server';
        }
    })();
    const notSent = (transient, text) => ({
        maybeSent: false,
        transient,
        explanation: `${text} The request was not sent, so nothing was created.`,
    });
    const trust = find(TLS_TRUST);
    if (trust) {
        return notSent(false, `TLS: the certificate of ${host} is not trusted (${trust.code}). If a company proxy intercepts TLS, trust its CA: ${NODE_EXTRA_CA}.`);
    }
    const dates = find(TLS_DATES);
    if (dates) {
        const what = dates.code === 'CERT_HAS_EXPIRED' ? 'has expired' : 'is not valid yet';
        return notSent(false, `TLS: the certificate of ${host} ${what} (${dates.code}); check the runner's clock, or the proxy that presents it (a company CA: ${NODE_EXTRA_CA}).`);
    }
    const altname = links.find((l) => l.code === 'ERR_TLS_CERT_ALTNAME_INVALID');
    if (altname) {
        const names = altname.cert?.subjectaltname ? (0,_sanitize_js__WEBPACK_IMPORTED_MODULE_1__/* .clean */ .uH)(altname.cert.subjectaltname, 200) : 'another host';
        return notSent(false, `TLS: the certificate presented for ${host} is for ${names}, not for this host (ERR_TLS_CERT_ALTNAME_INVALID); check base-url, or the proxy that presents it (a company CA: ${NODE_EXTRA_CA}).`);
    }
    const ssl = links.find((l) => l.code?.startsWith('ERR_SSL_') || l.code?.startsWith('ERR_TLS_'));
    if (ssl)
        return notSent(false, `TLS handshake with ${host} failed (${ssl.code}); if a proxy intercepts TLS, trust its CA: ${NODE_EXTRA_CA}.`);
    const proxy = links.map((l) => /Proxy response \((\d{3})\)/.exec(l.message)?.[1]).find((s) => s !== undefined);
    if (proxy === '407') {
        return notSent(false, `The proxy requires credentials (407 Proxy Authentication Required) to reach ${host}: put them in HTTPS_PROXY (http://user:password@proxy:port), as a secret.`);
    }
    if (proxy === '403') {
        return notSent(false, `The proxy refused the connection to ${host} (403 Forbidden): allow that host in the proxy, or list it in NO_PROXY if it is reachable directly.`);
    }
    if (proxy)
        return notSent(true, `The proxy could not connect to ${host} (it answered ${proxy} to CONNECT).`);
    if (links.some((l) => l.code === _dispatcher_js__WEBPACK_IMPORTED_MODULE_0__/* .PROXY_CLOSED */ .qE)) {
        return notSent(true, `The proxy closed the connection instead of opening a tunnel to ${host}; check HTTPS_PROXY, and that the proxy allows this host (or list it in NO_PROXY).`);
    }
    if (links.some((l) => l.code === 'ENOTFOUND')) {
        return notSent(false, `DNS: ${host} was not found (ENOTFOUND); check base-url and the runner's DNS.`);
    }
    const unreachable = find(NOT_SENT_TRANSIENT);
    if (unreachable)
        return notSent(true, `Could not connect to ${host} (${unreachable.code}).`);
    const local = find(LOCAL) ?? links.find((l) => l.name === 'TypeError');
    if (local)
        return notSent(false, `The request could not be built (${local.code ?? local.name}).`);
    const closed = find(CLOSED);
    if (closed)
        return notSent(false, `The HTTP client was already closed (${closed.code}).`);
    const code = links.find((l) => l.code !== undefined)?.code;
    if (!written)
        return notSent(true, `The connection to ${host} failed before the request was written.`);
    return {
        maybeSent: true,
        transient: true,
        explanation: `The connection to ${host} failed after the request was sent${code ? ` (${code})` : ''}.`,
    };
}


/***/ }),

/***/ 97153:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Jy: () => (/* binding */ serverDelayMs),
/* harmony export */   jo: () => (/* binding */ backoffMs),
/* harmony export */   wx: () => (/* binding */ header),
/* harmony export */   yy: () => (/* binding */ sleep),
/* harmony export */   zS: () => (/* binding */ rateBudgetOf),
/* harmony export */   zj: () => (/* binding */ DEFAULT_POLICY)
/* harmony export */ });
// When and how long to wait before retrying a request. Pure functions of the response and the clock.
const DEFAULT_POLICY = {
    maxAttempts: 8,
    baseDelayMs: 1000,
    maxDelayMs: 30_000,
    maxServerDelayMs: 15 * 60_000,
    totalBudgetMs: 5 * 60_000,
};
/** A response header's value (the first, when repeated). */
function header(headers, name) {
    const value = headers[name.toLowerCase()];
    return Array.isArray(value) ? value[0] : value;
}
/**
 * Retry-After (seconds or HTTP date), else X-RateLimit-Reset (unix seconds); undefined when neither applies.
 * `rateLimitReset: false` ignores X-RateLimit-Reset: VideoGen sends it on every response, so on a 503 (or a
 * 429 while requests remain in the window) it says when the hourly window ends, not when to come back.
 */
function serverDelayMs(headers, now = Date.now(), { rateLimitReset = true } = {}) {
    const retryAfter = header(headers, 'retry-after')?.trim();
    if (retryAfter) {
        if (/^\d+(\.\d+)?$/.test(retryAfter))
            return Number(retryAfter) * 1000;
        const date = Date.parse(retryAfter);
        if (!Number.isNaN(date))
            return Math.max(0, date - now);
    }
    if (!rateLimitReset)
        return undefined;
    const budget = rateBudgetOf(headers, now);
    if (!budget || (budget.remaining ?? 0) > 0)
        return undefined;
    return Math.max(0, budget.resetAt - now);
}
/** Exponential backoff with full jitter in [50 %, 100 %] of the step, so parallel jobs spread out. */
function backoffMs(attempt, policy, random = Math.random) {
    const step = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** Math.max(0, attempt - 1));
    return Math.round(step * (0.5 + random() * 0.5));
}
function sleep(ms, signal) {
    return new Promise((resolve, reject) => {
        if (signal?.aborted)
            return reject(signal.reason);
        const timer = setTimeout(() => {
            signal?.removeEventListener('abort', onAbort);
            resolve();
        }, ms);
        const onAbort = () => {
            clearTimeout(timer);
            reject(signal?.reason);
        };
        signal?.addEventListener('abort', onAbort, { once: true });
    });
}
/** X-RateLimit-Remaining and X-RateLimit-Reset, when the reset is given. */
function rateBudgetOf(headers, now = Date.now()) {
    const reset = header(headers, 'x-ratelimit-reset')?.trim();
    if (!reset || !/^\d+(\.\d+)?$/.test(reset))
        return undefined;
    const n = Number(reset);
    // Unix seconds per the API documentation; a small number is read as seconds from now, as some proxies send it.
    const resetAt = n > 1e9 ? n * 1000 : now + n * 1000;
    const remaining = Number(header(headers, 'x-ratelimit-remaining')?.trim() || NaN);
    return { ...(Number.isInteger(remaining) && remaining >= 0 && { remaining }), resetAt };
}


/***/ }),

/***/ 21162:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   H: () => (/* binding */ isTerminal),
/* harmony export */   c: () => (/* binding */ EXECUTION_STATUSES)
/* harmony export */ });
// The API's values as the action uses them: what `decode.ts` makes of a response. Every field here was
// checked: ids have their documented shape, URLs are absolute http(s) without control characters, numbers
// are finite and in range, text is one clean line. Anything that failed a check is absent.
const EXECUTION_STATUSES = ['pending', 'running', 'succeeded', 'failed', 'cancelled'];
function isTerminal(status) {
    return status === 'succeeded' || status === 'failed' || status === 'cancelled';
}


/***/ })

};

//# sourceMappingURL=798.index.js.map