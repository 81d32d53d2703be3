export const id = 198;
export const ids = [198];
export const modules = {

/***/ 66367:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Lb: () => (/* binding */ cancelOutcome),
/* harmony export */   Un: () => (/* binding */ cancelAndConfirm),
/* harmony export */   c4: () => (/* binding */ STATE),
/* harmony export */   mz: () => (/* binding */ settledAs),
/* harmony export */   qe: () => (/* binding */ settleExecution),
/* harmony export */   w3: () => (/* binding */ rememberExecution)
/* harmony export */ });
/* harmony import */ var _actions_core__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(33838);
/* harmony import */ var _videogen_errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(49532);
/* harmony import */ var _videogen_types_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(21162);
// The execution this run is responsible for: saved to state the moment it exists, so that the post
// step can cancel it if main dies; cancelled (and confirmed) on cancel or timeout.



const STATE = {
    executionId: 'executionId',
    /** 'terminal' once known ended; 'detached' when left running on purpose (wait: false, no cancel-on-timeout). */
    disposition: 'disposition',
};
function rememberExecution(id) {
    _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .saveState */ .LZ(STATE.executionId, id);
    _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .setOutput */ .uH('execution-id', id);
}
let settled;
function settleExecution(disposition) {
    settled = disposition;
    _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .saveState */ .LZ(STATE.disposition, disposition);
}
/** How this process settled its execution, if it did (state written in this run is not readable back). */
function settledAs() {
    return settled;
}
/**
 * What a cancel attempt achieved, as the end of a sentence: cancellation is best-effort, so "cancelled" is
 * only said when a GET confirmed it; otherwise the post step (which sees no 'terminal' state) tries again.
 */
function cancelOutcome(status) {
    if (status === 'cancelled' || status === 'canceled')
        return 'was cancelled (status now cancelled)';
    if (status && (0,_videogen_types_js__WEBPACK_IMPORTED_MODULE_2__/* .isTerminal */ .H)(status))
        return `had already ended (${status}) before the cancel took effect`;
    if (status)
        return `was asked to cancel but is still ${status}; the post step will try again`;
    return 'was asked to cancel, but that could not be confirmed; the post step will try again';
}
/** Cancel and confirm with a GET, within `budgetMs`. Returns the status seen last (or undefined). */
async function cancelAndConfirm(tools, id, budgetMs) {
    const deadline = Date.now() + budgetMs;
    try {
        await tools.cancelExecution(id, {
            deadline,
            signal: AbortSignal.timeout(Math.round(Math.max(1000, budgetMs * 0.6))),
        });
    }
    catch (error) {
        _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .warning */ .$e(`Could not cancel execution ${id}: ${(0,_videogen_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .errorText */ .kc)(error)}`);
    }
    try {
        const execution = await tools.getExecution(id, {
            deadline,
            signal: AbortSignal.timeout(Math.round(Math.max(500, deadline - Date.now()))),
        });
        if ((0,_videogen_types_js__WEBPACK_IMPORTED_MODULE_2__/* .isTerminal */ .H)(execution.status))
            settleExecution('terminal');
        return execution.status;
    }
    catch (error) {
        _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .warning */ .$e(`Could not confirm the cancellation of ${id}: ${(0,_videogen_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .errorText */ .kc)(error)}`);
        return undefined;
    }
}


/***/ }),

/***/ 32828:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   E1: () => (/* binding */ parseList),
/* harmony export */   E9: () => (/* binding */ parseDuration),
/* harmony export */   Hp: () => (/* binding */ FILE_ID),
/* harmony export */   VN: () => (/* binding */ EXECUTION_ID),
/* harmony export */   ci: () => (/* binding */ parseIntegerInRange),
/* harmony export */   lj: () => (/* binding */ parseObject),
/* harmony export */   nL: () => (/* binding */ parseEnum),
/* harmony export */   xL: () => (/* binding */ parseAspectRatio),
/* harmony export */   yG: () => (/* binding */ parseBoolean)
/* harmony export */ });
/* harmony import */ var _input_error_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(16236);
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
    throw new _input_error_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .d(input, `'${value}' is not a boolean; use true or false`);
}
function parseIntegerInRange(input, raw, min, max) {
    const value = raw.trim();
    if (!/^[+]?\d+$/.test(value)) {
        throw new _input_error_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .d(input, `'${value}' is not a whole number; use an integer from ${min} to ${max}`);
    }
    const n = Number(value);
    if (n < min || n > max)
        throw new _input_error_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .d(input, `${n} is out of range; use an integer from ${min} to ${max}`);
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
        throw new _input_error_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .d(input, `'${value}' is not W:H with positive integers, e.g. 16:9, 9:16 or 1:1`);
    }
    return { width, height };
}
function parseEnum(input, raw, allowed, fallback) {
    const value = raw.trim();
    if (value === '')
        return fallback;
    const found = allowed.find((a) => a === value.toUpperCase());
    if (!found)
        throw new _input_error_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .d(input, `'${value}' is not one of ${allowed.join(', ')}`);
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
        throw new _input_error_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .d(input, `'${raw.trim()}' is not a duration; use a number with a unit, e.g. 90s, 20m, 1h or 1h30m`);
    }
    const ms = parts.reduce((sum, p) => sum + Number(p[1]) * UNIT_MS[p[2]], 0);
    if (ms < 1000)
        throw new _input_error_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .d(input, `'${raw.trim()}' is too short; use at least 1s`);
    if (ms > MAX_TIMEOUT_MS)
        throw new _input_error_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .d(input, `'${raw.trim()}' is longer than 7d`);
    return Math.round(ms);
}
/**
 * A JSON or YAML mapping (YAML is a superset of JSON, so one parser serves both). The parser is loaded
 * only when there is something to parse: most runs leave `params` empty, and start-up time counts.
 */
async function parseObject(input, raw) {
    if (raw.trim() === '')
        return {};
    const { parse: parseYaml } = await __webpack_require__.e(/* import() */ 815).then(__webpack_require__.t.bind(__webpack_require__, 38815, 19));
    let parsed;
    try {
        parsed = parseYaml(raw, { uniqueKeys: true, prettyErrors: false });
    }
    catch (error) {
        const reason = error instanceof Error ? error.message.split('\n')[0] : String(error);
        throw new _input_error_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .d(input, `is neither valid JSON nor YAML (${reason}); give an object such as {"quality": "HIGH"}`);
    }
    if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
        const kind = parsed === null ? 'null' : Array.isArray(parsed) ? 'an array' : `a ${typeof parsed}`;
        throw new _input_error_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .d(input, `must be an object (a mapping of API field names to values), got ${kind}`);
    }
    return parsed;
}
/** Newline- or comma-separated list; blank entries dropped. */
function parseList(raw) {
    return raw
        .split(/[\n,]/)
        .map((s) => s.trim())
        .filter((s) => s !== '');
}
const FILE_ID = /^vg_file_[A-Za-z0-9_-]+$/;
/** Execution ids are opaque (their prefix changed once, vg_exec_ → vg_tool_): any vg_ id but a file id. */
const EXECUTION_ID = /^vg_(?!file_)[a-z]+_[A-Za-z0-9_-]+$/;


/***/ }),

/***/ 91567:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  Ql: () => (/* binding */ DEFAULT_BASE_URL),
  M5: () => (/* binding */ loadSettings),
  Q2: () => (/* binding */ parseBaseUrl)
});

// UNUSED EXPORTS: MAX_IMAGES, WATERMARK_MODES

// EXTERNAL MODULE: ./node_modules/@actions/core/lib/core.js + 7 modules
var core = __webpack_require__(33838);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(51455);
// EXTERNAL MODULE: external "node:net"
var external_node_net_ = __webpack_require__(77030);
// EXTERNAL MODULE: ./src/input-error.ts
var input_error = __webpack_require__(16236);
// EXTERNAL MODULE: ./src/secrets.ts
var secrets = __webpack_require__(27194);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
var external_node_path_default = /*#__PURE__*/__webpack_require__.n(external_node_path_);
// EXTERNAL MODULE: ./node_modules/tinyglobby/dist/index.mjs + 1 modules
var dist = __webpack_require__(73382);
// EXTERNAL MODULE: ./src/parse.ts
var parse = __webpack_require__(32828);
;// CONCATENATED MODULE: ./src/assets.ts
// Workspace paths and globs → local files to upload. Everything is checked here, before any request:
// containment in the workspace (after symlinks), existence, kind by extension and by magic bytes.





const IMAGE_TYPES = {
    '.jpg': 'image/jpeg',
    '.jpeg': 'image/jpeg',
    '.png': 'image/png',
    '.webp': 'image/webp',
    '.gif': 'image/gif',
};
const VIDEO_TYPES = {
    '.mp4': 'video/mp4',
    '.m4v': 'video/mp4',
    '.mov': 'video/quicktime',
    '.webm': 'video/webm',
};
const TYPES = { IMAGE: IMAGE_TYPES, VIDEO: VIDEO_TYPES };
/** What the first bytes say the file is, or undefined when they match no supported format. */
function sniff(head) {
    const ascii = (from, to) => head.subarray(from, to).toString('latin1');
    if (head[0] === 0xff && head[1] === 0xd8 && head[2] === 0xff)
        return { kind: 'IMAGE', format: 'jpeg' };
    if (head.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])))
        return { kind: 'IMAGE', format: 'png' };
    if (ascii(0, 4) === 'GIF8')
        return { kind: 'IMAGE', format: 'gif' };
    if (ascii(0, 4) === 'RIFF' && ascii(8, 12) === 'WEBP')
        return { kind: 'IMAGE', format: 'webp' };
    if (ascii(4, 8) === 'ftyp')
        return { kind: 'VIDEO', format: 'mp4/mov' };
    if (head.subarray(0, 4).equals(Buffer.from([0x1a, 0x45, 0xdf, 0xa3])))
        return { kind: 'VIDEO', format: 'webm' };
    return undefined;
}
async function readHead(file) {
    const handle = await (0,promises_.open)(file, 'r');
    try {
        const buf = Buffer.alloc(16);
        const { bytesRead } = await handle.read(buf, 0, 16, 0);
        return buf.subarray(0, bytesRead);
    }
    finally {
        await handle.close();
    }
}
function isInside(root, candidate) {
    const rel = external_node_path_default().relative(root, candidate);
    // `..` as a whole segment only: `..logo.png` is a file name inside the root.
    return rel === '' || (rel !== '..' && !rel.startsWith(`..${(external_node_path_default()).sep}`) && !external_node_path_default().isAbsolute(rel));
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
        if (!isInside(this.root, joined)) {
            throw new input_error/* InputError */.d(input, `'${given}' is outside the workspace (${this.root}); only files inside it can be uploaded`);
        }
        let real;
        try {
            real = await (0,promises_.realpath)(joined);
        }
        catch {
            throw new input_error/* InputError */.d(input, `'${given}' does not exist in the workspace`);
        }
        if (!isInside(this.root, real)) {
            throw new input_error/* InputError */.d(input, `'${given}' is a symlink that leads outside the workspace; only files inside it can be uploaded`);
        }
        return real;
    }
    relative(abs) {
        return external_node_path_default().relative(this.root, abs).split((external_node_path_default()).sep).join('/');
    }
    /**
     * A workspace-relative output location (download-dir); must not escape the workspace, neither as
     * text nor through a symlink in the part of the path that exists already (a committed link would
     * otherwise send downloads anywhere on a self-hosted runner).
     */
    async outputDir(input, given) {
        const joined = external_node_path_default().resolve(this.root, given);
        if (!isInside(this.root, joined))
            throw new input_error/* InputError */.d(input, `'${given}' is outside the workspace; use a path inside it`);
        let existing = joined;
        for (;;) {
            try {
                const real = await (0,promises_.realpath)(existing);
                if (!isInside(this.root, real))
                    throw new input_error/* InputError */.d(input, `'${given}' leads outside the workspace through a symlink; use a directory inside it`);
                return joined;
            }
            catch (error) {
                if (error instanceof input_error/* InputError */.d)
                    throw error;
                const parent = external_node_path_default().dirname(existing);
                if (parent === existing)
                    return joined;
                existing = parent;
            }
        }
    }
    async localFile(input, given, kind) {
        const absPath = await this.resolve(input, given);
        const info = await (0,promises_.stat)(absPath);
        if (!info.isFile())
            throw new input_error/* InputError */.d(input, `'${given}' is a directory, not a file`);
        const ext = external_node_path_default().extname(absPath).toLowerCase();
        const contentType = TYPES[kind][ext];
        const allowed = Object.keys(TYPES[kind]).join(', ');
        if (!contentType) {
            throw new input_error/* InputError */.d(input, `'${given}' is not ${kind === 'IMAGE' ? 'an image' : 'a video'} by its extension; allowed: ${allowed}`);
        }
        if (info.size === 0)
            throw new input_error/* InputError */.d(input, `'${given}' is empty`);
        const sniffed = sniff(await readHead(absPath));
        if (sniffed?.kind !== kind) {
            const what = sniffed ? `its bytes say ${sniffed.format}` : 'its bytes match no supported format';
            throw new input_error/* InputError */.d(input, `'${given}' has a ${ext} name but ${what}; give a real ${kind === 'IMAGE' ? 'JPEG, PNG, WebP or GIF image' : 'MP4, MOV or WebM video'}`);
        }
        return { absPath, relPath: this.relative(absPath), size: info.size, kind, contentType };
    }
    /** Entries of a list input: file ids kept as they are, globs expanded (must match), paths checked. */
    async assets(input, entries, kind) {
        const refs = [];
        const seen = new Set();
        for (const entry of entries) {
            if (parse/* FILE_ID */.Hp.test(entry)) {
                if (!seen.has(entry))
                    refs.push({ fileId: entry });
                seen.add(entry);
                continue;
            }
            if (entry.startsWith('vg_')) {
                throw new input_error/* InputError */.d(input, `'${entry}' looks like an id but is not a file id; file ids start with vg_file_`);
            }
            const paths = (0,dist/* isDynamicPattern */.ey)(entry) ? await this.expand(input, entry) : [entry];
            for (const p of paths) {
                const file = await this.localFile(input, p, kind);
                if (seen.has(file.absPath))
                    continue;
                seen.add(file.absPath);
                refs.push({ file });
            }
        }
        return refs;
    }
    async expand(input, pattern) {
        if (external_node_path_default().isAbsolute(pattern) || pattern.split(/[\\/]/).includes('..')) {
            throw new input_error/* InputError */.d(input, `pattern '${pattern}' must be relative to the workspace and must not contain '..'`);
        }
        const matches = await (0,dist/* glob */.TI)(pattern, {
            cwd: this.root,
            onlyFiles: true,
            dot: false,
            followSymbolicLinks: false,
            expandDirectories: false,
        });
        if (matches.length === 0)
            throw new input_error/* InputError */.d(input, `pattern '${pattern}' matches no file in the workspace`);
        return matches.sort();
    }
}

;// CONCATENATED MODULE: ./src/settings.ts
// Every input → one typed, validated Settings object. The only module that reads inputs.







const DEFAULT_BASE_URL = 'https://api.videogen.io';
const MAX_IMAGES = 4;
const WATERMARK_MODES = ['AUTO', 'VIDEO_GEN', 'NONE'];
/** Request fields that count as "something to generate from" when given through `params`. */
const INPUT_FIELDS = [
    'prompt',
    'imageFileIds',
    'videoFileId',
    'videoFileIds',
    'audioFileIds',
    'startFrameFileId',
    'spokenDialogue',
];
const LOOPBACK_NAMES = new Set(['localhost', '127.0.0.1', '[::1]', '::1']);
function isLoopback(hostname) {
    if (LOOPBACK_NAMES.has(hostname) || hostname.endsWith('.localhost'))
        return true;
    return (0,external_node_net_.isIP)(hostname) === 4 && hostname.startsWith('127.');
}
function parseBaseUrl(raw) {
    const input = 'base-url';
    let url;
    try {
        url = new URL(raw);
    }
    catch {
        throw new input_error/* InputError */.d(input, `'${raw}' is not a URL; use e.g. ${DEFAULT_BASE_URL}`);
    }
    if (url.username || url.password)
        throw new input_error/* InputError */.d(input, 'must not contain credentials; pass the key in api-key');
    if (url.search || url.hash)
        throw new input_error/* InputError */.d(input, `'${raw}' must not have a query or fragment`);
    if (url.protocol === 'http:' && !isLoopback(url.hostname)) {
        throw new input_error/* InputError */.d(input, `'${raw}' uses http:// to a non-loopback host, which would send the key in clear text; use https:// (http:// is only allowed to 127.0.0.1 or localhost)`);
    }
    if (url.protocol !== 'https:' && url.protocol !== 'http:')
        throw new input_error/* InputError */.d(input, `'${raw}' must be an https:// URL`);
    return url.toString().replace(/\/+$/, '');
}
function noApiKeyError() {
    return new input_error/* InputError */.d('api-key', 'no VideoGen API key. Set `api-key: ${{ secrets.VIDEOGEN_API_KEY }}` or the VIDEOGEN_API_KEY environment variable. ' +
        'If the secret exists and this run is a pull request from a fork, GitHub does not pass secrets to it: ' +
        'run the step only for branches of this repository (e.g. `if: github.event.pull_request.head.repo.full_name == github.repository`), ' +
        'or use `dry-run: true` there.');
}
async function readPromptFile(workspace, given) {
    const abs = await workspace.resolve('prompt-file', given);
    if (!(await (0,promises_.stat)(abs)).isFile())
        throw new input_error/* InputError */.d('prompt-file', `'${given}' is a directory, not a file`);
    const text = (await (0,promises_.readFile)(abs, 'utf8')).trim();
    if (text === '')
        throw new input_error/* InputError */.d('prompt-file', `'${given}' is empty`);
    return text;
}
function requireUnset(read, inputs, because) {
    for (const name of inputs) {
        if (read(name) !== '')
            throw new input_error/* InputError */.d(name, `cannot be combined with ${because}`);
    }
}
async function loadSettings(read = core/* getInput */.V4, apiKey = (0,secrets/* readAndMaskApiKey */.L)(read)) {
    const bool = (name, fallback) => (0,parse/* parseBoolean */.yG)(name, read(name), fallback);
    const dryRun = bool('dry-run', false);
    const baseUrl = parseBaseUrl(read('base-url') || process.env.VIDEOGEN_BASE_URL?.trim() || DEFAULT_BASE_URL);
    const workspace = await Workspace.open(process.env.GITHUB_WORKSPACE || process.cwd());
    const executionIdRaw = read('execution-id');
    if (executionIdRaw && !parse/* EXECUTION_ID */.VN.test(executionIdRaw)) {
        throw new input_error/* InputError */.d('execution-id', `'${executionIdRaw}' is not an execution id; give the execution-id output of an earlier step (vg_tool_… or vg_exec_…)`);
    }
    const executionId = executionIdRaw || undefined;
    if (executionId) {
        requireUnset(read, ['prompt', 'prompt-file', 'images', 'video', 'params', 'aspect-ratio'], 'execution-id (which resumes an existing execution)');
    }
    const promptInput = read('prompt');
    const promptFile = read('prompt-file');
    if (promptInput && promptFile)
        throw new input_error/* InputError */.d('prompt-file', 'cannot be combined with prompt; give one of them');
    const prompt = promptFile ? await readPromptFile(workspace, promptFile) : promptInput || undefined;
    const aspectRatio = (0,parse/* parseAspectRatio */.xL)('aspect-ratio', read('aspect-ratio'));
    const request = {
        ...(prompt !== undefined && { prompt }),
        ...(aspectRatio && { aspectRatio }),
        generateAudio: bool('generate-audio', false),
        watermarkMode: (0,parse/* parseEnum */.nL)('watermark-mode', read('watermark-mode'), WATERMARK_MODES, 'AUTO'),
        numResults: (0,parse/* parseIntegerInRange */.ci)('num-results', read('num-results') || '1', 1, 100),
        isOutputTemporary: bool('temporary-output', false),
    };
    const params = await (0,parse/* parseObject */.lj)('params', read('params'));
    const images = await workspace.assets('images', (0,parse/* parseList */.E1)(read('images')), 'IMAGE');
    if (images.length > MAX_IMAGES) {
        throw new input_error/* InputError */.d('images', `${images.length} images given; the API accepts at most ${MAX_IMAGES}`);
    }
    const videoEntries = (0,parse/* parseList */.E1)(read('video'));
    if (videoEntries.length > 1)
        throw new input_error/* InputError */.d('video', `takes one path or file id, got ${videoEntries.length}`);
    const [video] = await workspace.assets('video', videoEntries, 'VIDEO');
    if (!executionId && !prompt && images.length === 0 && !video && !INPUT_FIELDS.some((f) => params[f] !== undefined)) {
        throw new input_error/* InputError */.d('prompt', 'nothing to generate from: give prompt, prompt-file, images or video (or execution-id to resume)');
    }
    const wait = bool('wait', true);
    const download = bool('download', true);
    const cache = bool('cache', false);
    if (cache && executionId)
        throw new input_error/* InputError */.d('cache', 'cannot be combined with execution-id');
    const artifactName = read('artifact-name');
    const retentionRaw = read('artifact-retention-days');
    if (artifactName && /[":<>|*?\\/\r\n]/.test(artifactName)) {
        throw new input_error/* InputError */.d('artifact-name', `'${artifactName}' contains a character artifacts do not allow (" : < > | * ? \\ / or a newline)`);
    }
    if (retentionRaw && !artifactName)
        throw new input_error/* InputError */.d('artifact-retention-days', 'needs artifact-name');
    const artifact = artifactName
        ? {
            name: artifactName,
            ...(retentionRaw && { retentionDays: (0,parse/* parseIntegerInRange */.ci)('artifact-retention-days', retentionRaw, 1, 90) }),
        }
        : undefined;
    const releaseTag = read('release-tag');
    const releaseOverwrite = bool('release-overwrite', false);
    const releaseUpload = bool('release-upload', false) || releaseTag !== '';
    if (releaseUpload && !releaseTag && process.env.GITHUB_EVENT_NAME !== 'release') {
        throw new input_error/* InputError */.d('release-tag', `is empty and this run is a '${process.env.GITHUB_EVENT_NAME || 'unknown'}' event, not a release event: set release-tag to the tag of the release to attach the clips to`);
    }
    const githubToken = read('github-token');
    if (githubToken)
        core/* setSecret */.Pq(githubToken);
    if (releaseUpload && !githubToken)
        throw new input_error/* InputError */.d('github-token', 'is empty; release-upload needs a token with contents: write');
    const release = releaseUpload
        ? { ...(releaseTag && { tag: releaseTag }), overwrite: releaseOverwrite, token: githubToken }
        : undefined;
    for (const [name, on] of [
        ['artifact-name', !!artifact],
        ['release-upload', !!release],
    ]) {
        if (on && !download)
            throw new input_error/* InputError */.d(name, 'needs download: true (it delivers the downloaded clips)');
        if (on && !wait)
            throw new input_error/* InputError */.d(name, 'has nothing to deliver with wait: false');
    }
    if (cache && !wait)
        throw new input_error/* InputError */.d('cache', 'needs wait: true (only finished clips can be cached)');
    if (cache && !download)
        throw new input_error/* InputError */.d('cache', 'needs download: true (a cache entry holds the downloaded clips)');
    if (dryRun && executionId)
        throw new input_error/* InputError */.d('dry-run', 'validates a new request; it cannot be combined with execution-id');
    if (!dryRun && !apiKey)
        throw noApiKeyError();
    return {
        apiKey,
        baseUrl,
        workspace,
        request,
        images,
        ...(video && { video }),
        params,
        temporaryUploads: bool('temporary-uploads', true),
        ...(executionId && { executionId }),
        wait,
        timeoutMs: (0,parse/* parseDuration */.E9)('timeout', read('timeout') || '30m'),
        cancelOnTimeout: bool('cancel-on-timeout', true),
        download,
        downloadDir: await workspace.outputDir('download-dir', read('download-dir') || 'videogen-output'),
        summary: bool('summary', true),
        publicPreview: bool('public-preview', false),
        ...(artifact && { artifact }),
        ...(release && { release }),
        cache,
        dryRun,
    };
}


/***/ }),

/***/ 27354:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  U: () => (/* binding */ createClient)
});

// UNUSED EXPORTS: USER_AGENT

// EXTERNAL MODULE: ./node_modules/@actions/core/lib/core.js + 7 modules
var core = __webpack_require__(33838);
// EXTERNAL MODULE: ./src/videogen/files.ts
var files = __webpack_require__(26236);
// EXTERNAL MODULE: ./node_modules/undici/index.js
var undici = __webpack_require__(46752);
// EXTERNAL MODULE: ./src/videogen/errors.ts
var errors = __webpack_require__(49532);
// EXTERNAL MODULE: ./src/videogen/retry.ts
var retry = __webpack_require__(97153);
;// CONCATENATED MODULE: ./src/videogen/http.ts
// The API transport: undici, bearer auth to the base URL's origin only, error decoding, retries, proxy.



const NOT_SENT_CODES = new Set([
    'ECONNREFUSED',
    'ENOTFOUND',
    'EAI_AGAIN',
    'UND_ERR_CONNECT_TIMEOUT',
    'EHOSTUNREACH',
    'ENETUNREACH',
]);
const RETRYABLE_STATUS = new Set([408, 429, 500, 502, 503, 504]);
const quietLog = { debug() { }, info() { } };
const DEFAULT_REQUEST_TIMEOUT_MS = 60_000;
/**
 * Per-request timeout: VIDEOGEN_REQUEST_TIMEOUT_MS (milliseconds) when set to a positive number, else 60 s.
 * An operational knob (slow proxies) that the fault tests also use to make a hung request fail fast.
 */
function requestTimeoutFromEnv(env = process.env) {
    const raw = Number(env.VIDEOGEN_REQUEST_TIMEOUT_MS);
    return Number.isFinite(raw) && raw > 0 ? raw : DEFAULT_REQUEST_TIMEOUT_MS;
}
/** The proxy-aware dispatcher every request of the action goes through (HTTP(S)_PROXY, NO_PROXY). */
function createDispatcher(env = process.env) {
    const options = { keepAliveTimeout: 4_000, connections: 16 };
    // undici 6 warns on stderr that EnvHttpProxyAgent is experimental: use it only when a proxy is set.
    const proxied = ['HTTPS_PROXY', 'https_proxy', 'HTTP_PROXY', 'http_proxy'].some((name) => env[name]);
    return proxied ? new undici.EnvHttpProxyAgent(options) : new undici.Agent(options);
}
function errorCode(error) {
    let current = error;
    for (let depth = 0; current && depth < 4; depth++) {
        const code = current.code;
        if (typeof code === 'string' && NOT_SENT_CODES.has(code))
            return code;
        current = current.cause;
    }
    return error.code;
}
function wasNotSent(error) {
    const code = errorCode(error);
    return code !== undefined && NOT_SENT_CODES.has(code);
}
async function readErrorBody(body, redact) {
    const text = redact(await body.text().catch(() => ''));
    try {
        const parsed = JSON.parse(text);
        if (parsed && typeof parsed === 'object')
            return parsed;
    }
    catch {
        // Proxies and load balancers answer with HTML or nothing: keep a short, single-line excerpt.
    }
    const excerpt = text
        .replace(/<[^>]*>/g, ' ')
        .replace(/\s+/g, ' ')
        .trim()
        .slice(0, 200);
    return { message: excerpt ? `non-JSON response: ${excerpt}` : 'empty response body' };
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
        this.dispatcher = options.dispatcher ?? createDispatcher();
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
    isRetryable(error, mode) {
        if (error instanceof errors/* VideoGenApiError */.gr) {
            if (error.status === 429)
                return error.code !== 'insufficient_credits';
            if (mode === 'create')
                return error.status === 503;
            return RETRYABLE_STATUS.has(error.status);
        }
        if (error instanceof errors/* NetworkError */.Dr)
            return mode === 'safe' || error.notSent;
        return false;
    }
    async once(method, path, options) {
        const url = `${this.options.baseUrl}${path}`;
        const hasBody = options.body !== undefined;
        const started = Date.now();
        let response;
        try {
            response = await (0,undici.request)(url, {
                method,
                dispatcher: this.dispatcher,
                headers: {
                    authorization: `Bearer ${this.options.apiKey}`,
                    accept: 'application/json',
                    'user-agent': this.options.userAgent ?? 'videogen-action',
                    ...(hasBody && { 'content-type': 'application/json' }),
                },
                ...(hasBody && { body: JSON.stringify(options.body) }),
                headersTimeout: this.timeoutMs,
                bodyTimeout: this.timeoutMs,
                // A create in flight is never aborted (only a known id can be cancelled); its retry waits are.
                ...(options.signal && options.mode !== 'create' && { signal: options.signal }),
            });
        }
        catch (cause) {
            // For a create the signal did not abort this request: its failure must surface as it is (ambiguity).
            if (options.signal?.aborted && options.mode !== 'create')
                throw options.signal.reason;
            this.log.debug(`${method} ${path} → network error after ${Date.now() - started} ms: ${String(cause.message)}`);
            return { ok: false, error: new errors/* NetworkError */.Dr(options.operation, cause, wasNotSent(cause)) };
        }
        const requestId = (0,retry/* header */.wx)(response.headers, 'x-request-id');
        this.log.debug(`${method} ${path} → ${response.statusCode} in ${Date.now() - started} ms${requestId ? ` (request id ${requestId})` : ''}`);
        if (response.statusCode >= 300 && response.statusCode < 400) {
            await response.body.dump();
            const location = (0,retry/* header */.wx)(response.headers, 'location') ?? '(none)';
            const error = new errors/* VideoGenApiError */.gr(response.statusCode, {
                message: `unexpected redirect to ${this.redact(location.split('?')[0] ?? '')}; set base-url to the API's final address (the key is only ever sent to base-url)`,
                code: 'redirect',
            }, requestId, options.operation);
            return { ok: false, error };
        }
        if (response.statusCode >= 400) {
            const body = await readErrorBody(response.body, this.redact);
            const error = new errors/* VideoGenApiError */.gr(response.statusCode, body, requestId, options.operation);
            // Only a 429 waits for X-RateLimit-Reset; every status honours an explicit Retry-After.
            const retryAfterMs = (0,retry/* serverDelayMs */.Jy)(response.headers, Date.now(), { rateLimitReset: response.statusCode === 429 });
            error.retryAfterMs = retryAfterMs;
            return { ok: false, error, ...(retryAfterMs !== undefined && { retryAfterMs }) };
        }
        try {
            const text = this.redact(await response.body.text());
            return { ok: true, value: text === '' ? {} : JSON.parse(text) };
        }
        catch (cause) {
            // A body cut off mid-way, or not JSON on a 2xx: the request was processed, the answer lost.
            return { ok: false, error: new errors/* NetworkError */.Dr(options.operation, cause, false) };
        }
    }
}
function shortReason(error) {
    if (error instanceof errors/* VideoGenApiError */.gr)
        return `HTTP ${error.status}${error.code ? ` ${error.code}` : ''}`;
    return error.message.replace(/^[^:]*failed: /, '');
}

;// CONCATENATED MODULE: ./src/videogen/tools.ts
// Tool executions: create (once), read, cancel.

const enc = encodeURIComponent;
class ToolsApi {
    http;
    constructor(http) {
        this.http = http;
    }
    /**
     * Not idempotent: the transport retries it only when the server cannot have processed it. A failure
     * that leaves it open whether an execution was created (and billed) becomes an AmbiguousCreateError.
     */
    async generateVideoClip(body, options = {}) {
        let response;
        try {
            response = await this.http.call('POST', '/v1/tools/generate-video-clip', {
                body,
                mode: 'create',
                operation: 'Create execution (POST /v1/tools/generate-video-clip)',
                ...options,
            });
        }
        catch (error) {
            throw mayHaveCreated(error) ? new errors/* AmbiguousCreateError */.J$(error) : error;
        }
        const id = response.toolExecutionId ?? response.executionId;
        // Answered 2xx, so it was most likely created, but without an id it can be neither followed nor cancelled.
        if (!id)
            throw new errors/* AmbiguousCreateError */.J$(new Error('Create execution: the 202 response carried no toolExecutionId'));
        return id;
    }
    async getExecution(id, options = {}) {
        const execution = await this.http.call('GET', `/v1/tools/executions/${enc(id)}`, {
            mode: 'safe',
            operation: `Get execution ${id}`,
            ...options,
        });
        // The earliest SDK era named the id `executionId`; keep one name inside the action.
        return { ...execution, toolExecutionId: execution.toolExecutionId ?? execution.executionId ?? id };
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
 * connection failed or timed out, or the server failed with a 5xx other than 503 (which, like 429, is
 * answered before processing). 4xx answers, 3xx and connections never made are unambiguous refusals.
 */
function mayHaveCreated(error) {
    if (error instanceof errors/* NetworkError */.Dr)
        return !error.notSent;
    if (error instanceof errors/* VideoGenApiError */.gr)
        return error.status >= 500 && error.status !== 503;
    return false;
}

;// CONCATENATED MODULE: ./src/videogen/client.ts
// One object for the API: transport, tools and files, closed once at the end so no socket keeps Node alive.




const USER_AGENT = 'videogen-action/1 (+https://github.com/features/actions)';
function createClient(baseUrl, apiKey, dispatcher) {
    const http = new VideoGenHttp({
        baseUrl,
        apiKey,
        userAgent: USER_AGENT,
        log: { debug: core/* debug */.Yz, info: core/* info */.pq },
        ...(dispatcher && { dispatcher }),
    });
    return {
        http,
        tools: new ToolsApi(http),
        files: new files/* FilesApi */.k5(http),
        // destroy, not close: a request stuck on a dead proxy must not hold the step open.
        close: () => http.dispatcher.destroy().catch(() => undefined),
    };
}


/***/ }),

/***/ 26236:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   k5: () => (/* binding */ FilesApi),
/* harmony export */   xz: () => (/* binding */ readiness)
/* harmony export */ });
/* unused harmony export FileProcessingError */
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(49532);
/* harmony import */ var _transfer_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(28848);
/* harmony import */ var _retry_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(97153);
// Files: upload (ticket → PUT → ready), hydrate, public preview.



const enc = encodeURIComponent;
const READY_POLL_MS = { first: 500, max: 5_000 };
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
class FilesApi {
    http;
    constructor(http) {
        this.http = http;
    }
    createUpload(displayName, type, isTemporary, deadline, signal) {
        return this.http.call('POST', '/v1/files/upload', {
            body: { displayName, type, isTemporary },
            mode: 'safe',
            operation: `Create upload for ${displayName}`,
            ...(deadline !== undefined && { deadline }),
            ...(signal && { signal }),
        });
    }
    get(fileId, deadline) {
        return this.http.call('GET', `/v1/files/${enc(fileId)}`, {
            mode: 'safe',
            operation: `Get file ${fileId}`,
            ...(deadline !== undefined && { deadline }),
        });
    }
    hydrate(fileId, options = {}) {
        return this.http.call('POST', `/v1/files/${enc(fileId)}/hydrate`, {
            mode: 'safe',
            operation: `Hydrate file ${fileId}`,
            ...options,
        });
    }
    enablePublicPreview(fileId) {
        return this.http.call('POST', `/v1/files/${enc(fileId)}/enable-public-preview`, {
            mode: 'safe',
            operation: `Enable public preview of ${fileId}`,
        });
    }
    /** Upload a local file and wait until VideoGen can use it. Returns the file id. */
    async upload(source, options) {
        const displayName = source.relPath.split('/').pop() ?? source.relPath;
        // The signal too: a cancelled run must not sit out the ticket's retry waits.
        const newTicket = () => this.createUpload(displayName, source.kind, options.isTemporary, options.deadline, options.signal);
        let ticket = await newTicket();
        for (let attempt = 1;; attempt++) {
            try {
                await (0,_transfer_js__WEBPACK_IMPORTED_MODULE_1__/* .putFile */ .UN)(this.http.dispatcher, ticket.uploadUrl, source, options.signal);
                break;
            }
            catch (error) {
                if (options.signal?.aborted)
                    throw options.signal.reason;
                if (attempt >= _retry_js__WEBPACK_IMPORTED_MODULE_2__/* .TRANSFER_BACKOFF */ .lW.maxAttempts || Date.now() > options.deadline) {
                    throw new Error(`Upload of ${source.relPath} failed after ${attempt} attempts: ${(0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .errorText */ .kc)(error)}`);
                }
                const expired = error instanceof _transfer_js__WEBPACK_IMPORTED_MODULE_1__/* .StorageError */ .aq && error.expired;
                // Network errors, 5xx, and throttling (408, 429; S3 itself throttles with 503 SlowDown) are transient.
                const status = error instanceof _transfer_js__WEBPACK_IMPORTED_MODULE_1__/* .StorageError */ .aq ? (error.status ?? 0) : 0;
                const retryable = expired || !(error instanceof _transfer_js__WEBPACK_IMPORTED_MODULE_1__/* .StorageError */ .aq) || status >= 500 || status === 408 || status === 429;
                if (!retryable)
                    throw new Error(`Upload of ${source.relPath} failed: ${(0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .errorText */ .kc)(error)}`);
                options.log?.(`Upload of ${source.relPath}: ${(0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .errorText */ .kc)(error)}; ${expired ? 'asking for a new upload URL' : 'retrying from the start'}`);
                if (expired)
                    ticket = await newTicket();
                else
                    await (0,_retry_js__WEBPACK_IMPORTED_MODULE_2__/* .sleep */ .yy)((0,_retry_js__WEBPACK_IMPORTED_MODULE_2__/* .backoffMs */ .jo)(attempt, _retry_js__WEBPACK_IMPORTED_MODULE_2__/* .TRANSFER_BACKOFF */ .lW), options.signal);
            }
        }
        await this.waitReady(ticket.fileId, source.relPath, options);
        return ticket.fileId;
    }
    /** Hydrate until a source is ready (hydrate, not GET: plain GET may not report readiness, contract U8). */
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
            await (0,_retry_js__WEBPACK_IMPORTED_MODULE_2__/* .sleep */ .yy)(delay, options.signal);
            delay = Math.min(READY_POLL_MS.max, Math.round(delay * 1.5));
        }
    }
}


/***/ }),

/***/ 97153:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Jy: () => (/* binding */ serverDelayMs),
/* harmony export */   jo: () => (/* binding */ backoffMs),
/* harmony export */   lW: () => (/* binding */ TRANSFER_BACKOFF),
/* harmony export */   wx: () => (/* binding */ header),
/* harmony export */   yy: () => (/* binding */ sleep),
/* harmony export */   zj: () => (/* binding */ DEFAULT_POLICY)
/* harmony export */ });
// When and how long to wait before retrying a request. Pure functions of the response and the clock.
/** Between attempts of a storage transfer (upload PUT, download GET): short, since storage recovers fast. */
const TRANSFER_BACKOFF = {
    maxAttempts: 4,
    baseDelayMs: 500,
    maxDelayMs: 5_000,
    maxServerDelayMs: 0,
};
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
    const remaining = header(headers, 'x-ratelimit-remaining')?.trim();
    if (remaining && Number(remaining) > 0)
        return undefined;
    const reset = header(headers, 'x-ratelimit-reset')?.trim();
    if (reset && /^\d+(\.\d+)?$/.test(reset)) {
        const n = Number(reset);
        // Unix seconds per the contract; a small number is read as "seconds from now", as some proxies send it.
        const ms = n > 1e9 ? n * 1000 - now : n * 1000;
        return Math.max(0, ms);
    }
    return undefined;
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


/***/ }),

/***/ 28848:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Q: () => (/* binding */ downloadToFile),
/* harmony export */   UN: () => (/* binding */ putFile),
/* harmony export */   aq: () => (/* binding */ StorageError)
/* harmony export */ });
/* unused harmony export redactUrl */
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(73024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(51455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_stream_promises__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(46466);
/* harmony import */ var node_stream_promises__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_stream_promises__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var undici__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(46752);
// Bytes to and from storage (presigned upload URLs, signed download URLs). Never carries the API key:
// these requests do not go through VideoGenHttp and have no Authorization header at all.




class StorageError extends Error {
    status;
    expired;
    name = 'StorageError';
    constructor(message, status, expired) {
        super(message);
        this.status = status;
        this.expired = expired;
    }
}
/** Origin and path only: the query of a signed URL is a credential and stays out of logs and errors. */
function redactUrl(url) {
    try {
        const u = new URL(url);
        return `${u.origin}${u.pathname}`;
    }
    catch {
        return '(invalid URL)';
    }
}
async function excerpt(body) {
    const text = await body.text().catch(() => '');
    const code = /<Code>([^<]+)<\/Code>/.exec(text)?.[1];
    return code ?? text.replace(/\s+/g, ' ').trim().slice(0, 120);
}
/** PUT a file's bytes, streamed from disk (re-opened on every call, never buffered). */
async function putFile(dispatcher, url, file, signal) {
    const response = await (0,undici__WEBPACK_IMPORTED_MODULE_3__.request)(url, {
        method: 'PUT',
        dispatcher,
        body: (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.createReadStream)(file.absPath, { highWaterMark: 1024 * 1024 }),
        headers: { 'content-type': file.contentType, 'content-length': String(file.size) },
        headersTimeout: 120_000,
        bodyTimeout: 120_000,
        ...(signal && { signal }),
    });
    if (response.statusCode >= 200 && response.statusCode < 300) {
        await response.body.dump();
        return;
    }
    const detail = await excerpt(response.body);
    // S3-style storage answers 403 once the presigned URL has expired (or its signature no longer matches).
    throw new StorageError(`upload to ${redactUrl(url)} failed: HTTP ${response.statusCode} ${detail}`, response.statusCode, response.statusCode === 403);
}
const MAX_REDIRECTS = 5;
/** GET a signed URL into a file: streamed, written to a temporary name, size checked, then renamed. */
async function downloadToFile(dispatcher, url, dest, signal) {
    let current = url;
    for (let hop = 0; hop <= MAX_REDIRECTS; hop++) {
        const response = await (0,undici__WEBPACK_IMPORTED_MODULE_3__.request)(current, {
            method: 'GET',
            dispatcher,
            headersTimeout: 60_000,
            bodyTimeout: 120_000,
            ...(signal && { signal }),
        });
        if ([301, 302, 303, 307, 308].includes(response.statusCode) && response.headers.location) {
            await response.body.dump();
            current = new URL(String(response.headers.location), current).toString();
            continue;
        }
        if (response.statusCode !== 200) {
            const detail = await excerpt(response.body);
            throw new StorageError(`download from ${redactUrl(current)} failed: HTTP ${response.statusCode} ${detail}`, response.statusCode, response.statusCode === 403);
        }
        const expected = Number(response.headers['content-length'] ?? NaN);
        const partial = `${dest}.part`;
        let bytes = 0;
        response.body.on('data', (chunk) => (bytes += chunk.length));
        try {
            await (0,node_stream_promises__WEBPACK_IMPORTED_MODULE_2__.pipeline)(response.body, (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.createWriteStream)(partial));
            if (!Number.isNaN(expected) && bytes !== expected) {
                throw new StorageError(`download from ${redactUrl(current)} was cut short: ${bytes} of ${expected} bytes`, 200, false);
            }
            await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.rename)(partial, dest);
        }
        catch (error) {
            await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.rm)(partial, { force: true });
            throw error;
        }
        const type = response.headers['content-type'];
        return { bytes, contentType: Array.isArray(type) ? type[0] : type };
    }
    throw new StorageError(`download from ${redactUrl(url)}: more than ${MAX_REDIRECTS} redirects`, undefined, false);
}


/***/ }),

/***/ 21162:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   H: () => (/* binding */ isTerminal)
/* harmony export */ });
/* unused harmony export TERMINAL_STATUSES */
// Shapes of the VideoGen API contract (../shared/videogen-api.md). Tolerant where eras differ.
const TERMINAL_STATUSES = new Set(['succeeded', 'failed', 'cancelled', 'canceled']);
function isTerminal(status) {
    return TERMINAL_STATUSES.has(status);
}


/***/ })

};

//# sourceMappingURL=198.index.js.map