export const id = 866;
export const ids = [866];
export const modules = {

/***/ 81532:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   s: () => (/* binding */ mapLimit)
/* harmony export */ });
/** Map with at most `limit` calls in flight; results keep the input order; the first failure rejects. */
async function mapLimit(items, limit, fn) {
    const results = new Array(items.length);
    let next = 0;
    let failed = false;
    const worker = async () => {
        while (!failed && next < items.length) {
            const index = next++;
            try {
                results[index] = await fn(items[index], index);
            }
            catch (error) {
                failed = true;
                throw error;
            }
        }
    };
    await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
    return results;
}


/***/ }),

/***/ 58487:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   H: () => (/* binding */ clipsOf),
/* harmony export */   M: () => (/* binding */ clipFromResult)
/* harmony export */ });
function pick(...values) {
    return values.find((v) => v !== null && v !== undefined);
}
function clipFromResult(result, index) {
    const file = result.file ?? undefined;
    const url = pick(result.downloadUrl, file?.downloadUrl, file?.downloadSource?.url || undefined);
    const urlExpiresAt = pick(result.downloadUrlExpiresAt, file?.downloadUrlExpiresAt, file?.downloadSource?.expiresAt);
    const thumbnailUrl = pick(result.thumbnailUrl, file?.thumbnailUrl, file?.thumbnailSource?.url || undefined);
    const thumbnailUrlExpiresAt = pick(result.thumbnailUrlExpiresAt, file?.thumbnailUrlExpiresAt, file?.thumbnailSource?.expiresAt);
    const durationSeconds = pick(file?.durationSeconds);
    return {
        index,
        fileId: result.fileId,
        ...(url && { url }),
        ...(urlExpiresAt && { urlExpiresAt }),
        ...(thumbnailUrl && { thumbnailUrl }),
        ...(thumbnailUrlExpiresAt && { thumbnailUrlExpiresAt }),
        ...(durationSeconds !== undefined && { durationSeconds }),
    };
}
function clipsOf(execution) {
    return (execution.results ?? []).map((r, i) => clipFromResult(r, i + 1));
}


/***/ }),

/***/ 63561:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   S: () => (/* binding */ downloadClips),
/* harmony export */   _: () => (/* binding */ clipFileName)
/* harmony export */ });
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(51455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _concurrency_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(81532);
/* harmony import */ var _videogen_errors_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(49532);
/* harmony import */ var _videogen_retry_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(97153);
/* harmony import */ var _videogen_transfer_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(28848);
// Download every clip into download-dir: bounded parallelism, streamed to disk, sizes checked,
// expired signed links re-signed through hydrate.






const EXPIRY_MARGIN_S = 60;
function clipFileName(executionId, index) {
    return `${executionId}-${index}.mp4`;
}
async function freshUrl(clip, ctx) {
    const valid = clip.url && (!clip.urlExpiresAt || clip.urlExpiresAt - EXPIRY_MARGIN_S > Date.now() / 1000);
    if (valid)
        return clip.url;
    const file = await ctx.files.hydrate(clip.fileId);
    const url = file.downloadUrl ?? file.downloadSource?.url;
    if (!url)
        throw new Error(`clip ${clip.index} (${clip.fileId}) has no download URL yet`);
    clip.url = url;
    const expires = file.downloadUrlExpiresAt ?? file.downloadSource?.expiresAt;
    if (expires)
        clip.urlExpiresAt = expires;
    else
        delete clip.urlExpiresAt;
    return url;
}
async function downloadClip(clip, ctx) {
    const dest = node_path__WEBPACK_IMPORTED_MODULE_1___default().join(ctx.dir, clipFileName(ctx.executionId, clip.index));
    for (let attempt = 1;; attempt++) {
        try {
            const { bytes } = await (0,_videogen_transfer_js__WEBPACK_IMPORTED_MODULE_4__/* .downloadToFile */ .Q)(ctx.dispatcher, await freshUrl(clip, ctx), dest, ctx.signal);
            clip.absPath = dest;
            clip.path = node_path__WEBPACK_IMPORTED_MODULE_1___default().relative(ctx.root, dest).split((node_path__WEBPACK_IMPORTED_MODULE_1___default().sep)).join('/');
            clip.bytes = bytes;
            return;
        }
        catch (error) {
            if (ctx.signal?.aborted)
                throw ctx.signal.reason;
            if (attempt >= _videogen_retry_js__WEBPACK_IMPORTED_MODULE_3__/* .TRANSFER_BACKOFF */ .lW.maxAttempts)
                throw new Error(`Download of clip ${clip.index} (${clip.fileId}) failed after ${attempt} attempts: ${(0,_videogen_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .errorText */ .kc)(error)}`);
            if (error instanceof _videogen_transfer_js__WEBPACK_IMPORTED_MODULE_4__/* .StorageError */ .aq && error.expired) {
                delete clip.url; // signed link expired (or was refused): ask for a fresh one
            }
            else {
                await (0,_videogen_retry_js__WEBPACK_IMPORTED_MODULE_3__/* .sleep */ .yy)((0,_videogen_retry_js__WEBPACK_IMPORTED_MODULE_3__/* .backoffMs */ .jo)(attempt, _videogen_retry_js__WEBPACK_IMPORTED_MODULE_3__/* .TRANSFER_BACKOFF */ .lW), ctx.signal);
            }
            ctx.log?.(`Download of clip ${clip.index}: ${(0,_videogen_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .errorText */ .kc)(error)}; retrying`);
        }
    }
}
async function downloadClips(clips, ctx) {
    await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.mkdir)(ctx.dir, { recursive: true });
    await (0,_concurrency_js__WEBPACK_IMPORTED_MODULE_5__/* .mapLimit */ .s)(clips, ctx.concurrency ?? 6, (clip) => downloadClip(clip, ctx));
}


/***/ }),

/***/ 78217:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   E: () => (/* binding */ enablePublicPreviews)
/* harmony export */ });
/* harmony import */ var _concurrency_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(81532);
// Permanent public links: signed URLs expire, public previews do not.

async function enablePublicPreviews(files, clips) {
    await (0,_concurrency_js__WEBPACK_IMPORTED_MODULE_0__/* .mapLimit */ .s)(clips, 4, async (clip) => {
        const file = await files.enablePublicPreview(clip.fileId);
        const url = file.staticPublicPreviewSource?.url ?? file.publicHlsUrl;
        if (!url)
            throw new Error(`Public preview of ${clip.fileId} was enabled but VideoGen returned no public URL`);
        clip.publicUrl = url;
    });
}


/***/ }),

/***/ 97667:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   K: () => (/* binding */ summarySettings)
/* harmony export */ });
function summarySettings(s) {
    const r = s.request;
    const rows = [
        ['Aspect ratio', r.aspectRatio ? `${r.aspectRatio.width}:${r.aspectRatio.height}` : '16:9 (API default)'],
        ['Results', String(r.numResults)],
        ['Watermark', r.watermarkMode],
        ['Audio', r.generateAudio ? 'guaranteed' : 'not requested'],
    ];
    if (r.isOutputTemporary)
        rows.push(['Output', 'temporary']);
    const files = [...s.images, ...(s.video ? [s.video] : [])].map((ref) => 'fileId' in ref ? ref.fileId : ref.file.relPath);
    if (files.length)
        rows.push(['Inputs', files.join(', ')]);
    const extra = Object.keys(s.params);
    if (extra.length)
        rows.push(['params', extra.join(', ')]);
    return rows;
}


/***/ }),

/***/ 66945:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Br: () => (/* binding */ renderSummary),
/* harmony export */   Sy: () => (/* binding */ writeSummary)
/* harmony export */ });
/* unused harmony exports SUMMARY_BUDGET_BYTES, escapeText */
/* harmony import */ var _actions_core__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(33838);
/* harmony import */ var _format_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(16264);
// The job summary: a header with status and settings, then a row per clip with its thumbnail linking
// to the clip. Pure rendering (tested by parsing the output); bounded below the runner's 1 MiB limit.


/** The runner drops a summary over 1 MiB whole; stay well below, leaving room for other steps' parts. */
const SUMMARY_BUDGET_BYTES = 512 * 1024;
const PROMPT_CHARS = 2000;
/** Escapes for HTML text and attributes, and neutralises Markdown punctuation, so nothing the user wrote is interpreted. */
function escapeText(text) {
    return (text
        .replace(/[&<>"'`*_[\]|\\#~!()]/g, (c) => `&#${c.charCodeAt(0)};`)
        // Every line ending (a lone \r too: Markdown treats it as one) becomes <br>, so no blank line can end the HTML block.
        .replace(/\r\n|\r|\n/g, '<br>'));
}
/** URLs go into attributes only, and only http(s) ones. */
function escapeUrl(url) {
    return /^https?:\/\//i.test(url)
        ? url.replace(/&/g, '&amp;').replace(/"/g, '%22').replace(/</g, '%3C').replace(/>/g, '%3E')
        : '#';
}
const STATUS_ICON = {
    succeeded: '✅',
    failed: '❌',
    cancelled: '🚫',
    'timed-out': '⏱️',
    'dry-run': '🧪',
};
function header(input) {
    const rows = [
        ['Status', escapeText(input.status) + (input.cacheHit ? ' (from cache, no new execution)' : '')],
        ...(input.executionId ? [['Execution', `<code>${escapeText(input.executionId)}</code>`]] : []),
        ['Elapsed', (0,_format_js__WEBPACK_IMPORTED_MODULE_1__/* .formatDuration */ .a3)(input.elapsedMs)],
        ...input.settings.map(([k, v]) => [escapeText(k), escapeText(v)]),
    ];
    if (input.prompt) {
        const cut = input.prompt.length > PROMPT_CHARS
            ? `${input.prompt.slice(0, PROMPT_CHARS)}… (${input.prompt.length} characters in all)`
            : input.prompt;
        rows.push(['Prompt', escapeText(cut)]);
    }
    if (input.error)
        rows.push(['Error', escapeText(input.error)]);
    if (input.artifact)
        rows.push(['Artifact', `<a href="${escapeUrl(input.artifact.url)}">${escapeText(input.artifact.name)}</a>`]);
    if (input.resultsFile)
        rows.push(['Results file', `<code>${escapeText(input.resultsFile)}</code>`]);
    const body = rows.map(([k, v]) => `<tr><th align="left">${k}</th><td>${v}</td></tr>`).join('\n');
    return `<h2>${STATUS_ICON[input.status] ?? '🎬'} VideoGen clip: ${escapeText(input.status)}</h2>\n<table>\n${body}\n</table>\n`;
}
function clipRow(clip, artifact) {
    const link = clip.publicUrl ?? clip.url;
    const thumb = clip.thumbnailUrl
        ? `<img src="${escapeUrl(clip.thumbnailUrl)}" width="240" alt="clip ${clip.index} thumbnail">`
        : '🎞️';
    const preview = link ? `<a href="${escapeUrl(link)}">${thumb}</a>` : thumb;
    const name = link ? `<a href="${escapeUrl(link)}">${escapeText(clip.fileId)}</a>` : escapeText(clip.fileId);
    const file = clip.path ? `<br><code>${escapeText(clip.path)}</code>` : '';
    const duration = clip.durationSeconds !== undefined ? `${clip.durationSeconds} s` : '—';
    const size = clip.bytes !== undefined ? (0,_format_js__WEBPACK_IMPORTED_MODULE_1__/* .formatBytes */ .z3)(clip.bytes) : '—';
    const art = artifact ? `<a href="${escapeUrl(artifact.url)}">${escapeText(artifact.name)}</a>` : '—';
    const expiry = clip.publicUrl ? 'public link, does not expire' : link ? (0,_format_js__WEBPACK_IMPORTED_MODULE_1__/* .formatExpiry */ .B8)(clip.urlExpiresAt) : '—';
    return `<tr><td>${clip.index}</td><td>${preview}</td><td>${name}${file}</td><td>${duration}</td><td>${size}</td><td>${art}</td><td>${expiry}</td></tr>`;
}
function renderSummary(input, budget = SUMMARY_BUDGET_BYTES) {
    let out = header(input);
    if (input.clips.length === 0)
        return out;
    const open = '\n<table>\n<tr><th>#</th><th>Preview</th><th>Clip</th><th>Duration</th><th>Size</th><th>Artifact</th><th>Link expires</th></tr>\n';
    const close = '</table>\n';
    const reserve = 400; // room for the closing tag and the "left out" note
    out += open;
    let bytes = Buffer.byteLength(out);
    let shown = 0;
    for (const clip of input.clips) {
        const row = `${clipRow(clip, input.artifact)}\n`;
        const size = Buffer.byteLength(row);
        if (bytes + size + reserve > budget)
            break;
        out += row;
        bytes += size;
        shown++;
    }
    out += close;
    const left = input.clips.length - shown;
    if (left > 0) {
        out += `\n<p>${left} of ${input.clips.length} results are left out to keep this summary under the runner's size limit; all of them are in the results file${input.resultsFile ? ` <code>${escapeText(input.resultsFile)}</code>` : ''} and the step outputs.</p>\n`;
    }
    return out;
}
async function writeSummary(markdown) {
    if (!process.env.GITHUB_STEP_SUMMARY)
        return;
    await _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .summary */ .z.addRaw(markdown, true).write();
}


/***/ }),

/***/ 16264:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   B8: () => (/* binding */ formatExpiry),
/* harmony export */   a3: () => (/* binding */ formatDuration),
/* harmony export */   z3: () => (/* binding */ formatBytes)
/* harmony export */ });
// Small formatting helpers shared by logs, errors and the summary.
function formatDuration(ms) {
    const total = Math.max(0, Math.round(ms / 1000));
    const h = Math.floor(total / 3600);
    const m = Math.floor((total % 3600) / 60);
    const s = total % 60;
    if (h)
        return `${h}h ${String(m).padStart(2, '0')}m ${String(s).padStart(2, '0')}s`;
    if (m)
        return `${m}m ${String(s).padStart(2, '0')}s`;
    return `${(ms / 1000).toFixed(1)}s`;
}
function formatBytes(bytes) {
    const units = ['B', 'KiB', 'MiB', 'GiB'];
    let value = bytes;
    let unit = 0;
    while (value >= 1024 && unit < units.length - 1) {
        value /= 1024;
        unit++;
    }
    return `${unit === 0 ? value : value.toFixed(1)} ${units[unit]}`;
}
/** Unix seconds → ISO-like UTC text, e.g. "2026-11-24 23:10 UTC". */
function formatExpiry(unixSeconds) {
    if (!unixSeconds)
        return 'expiry unknown';
    return new Date(unixSeconds * 1000)
        .toISOString()
        .replace('T', ' ')
        .replace(/:\d\d\.\d+Z$/, ' UTC');
}


/***/ }),

/***/ 77866:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  main: () => (/* binding */ main)
});

// UNUSED EXPORTS: ActionFailure

// EXTERNAL MODULE: ./node_modules/@actions/core/lib/core.js + 7 modules
var core = __webpack_require__(33838);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(51455);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
var external_node_path_default = /*#__PURE__*/__webpack_require__.n(external_node_path_);
// EXTERNAL MODULE: ./src/deliver/clip.ts
var clip = __webpack_require__(58487);
// EXTERNAL MODULE: ./src/deliver/download.ts
var download = __webpack_require__(63561);
;// CONCATENATED MODULE: ./src/deliver/outputs.ts
// Step outputs. Arrays are JSON; every output stays far below the runner's 1 MB per job.

const coreOutputs = { set: (name, value) => core/* setOutput */.uH(name, value) };
/**
 * Arrays stay aligned with `file-ids` (null where a clip has no value), so `fromJSON(...)[i]` means the
 * same clip in every output; an array with no value at all is empty.
 */
function aligned(values) {
    return values.every((v) => v === undefined) ? [] : values.map((v) => v ?? null);
}
function setClipOutputs(clips, out = coreOutputs) {
    const first = clips[0];
    out.set('file-id', first?.fileId ?? '');
    out.set('file-ids', JSON.stringify(clips.map((c) => c.fileId)));
    out.set('url', first?.url ?? '');
    out.set('urls', JSON.stringify(aligned(clips.map((c) => c.url))));
    out.set('thumbnail-url', first?.thumbnailUrl ?? '');
    out.set('path', first?.path ?? '');
    out.set('paths', JSON.stringify(aligned(clips.map((c) => c.path))));
    if (clips.some((c) => c.publicUrl)) {
        out.set('public-url', first?.publicUrl ?? '');
        out.set('public-urls', JSON.stringify(aligned(clips.map((c) => c.publicUrl))));
    }
}

// EXTERNAL MODULE: ./src/deliver/public-preview.ts
var public_preview = __webpack_require__(78217);
// EXTERNAL MODULE: ./src/deliver/summary.ts
var summary = __webpack_require__(66945);
// EXTERNAL MODULE: ./src/deliver/summary-settings.ts
var summary_settings = __webpack_require__(97667);
// EXTERNAL MODULE: ./src/format.ts
var format = __webpack_require__(16264);
// EXTERNAL MODULE: ./src/lifecycle.ts
var lifecycle = __webpack_require__(66367);
// EXTERNAL MODULE: ./src/request.ts
var request = __webpack_require__(14390);
// EXTERNAL MODULE: ./src/secrets.ts
var secrets = __webpack_require__(27194);
// EXTERNAL MODULE: ./src/settings.ts + 1 modules
var src_settings = __webpack_require__(91567);
;// CONCATENATED MODULE: ./src/signals.ts
// Runner cancellation: SIGINT, then SIGTERM 7.5 s later, then SIGKILL 2.5 s after that.
// The first signal aborts the work; the handler stays installed so a second one does not kill the
// cleanup (cancelling the execution) that the first one started.
class CancelledByRunner extends Error {
    signal;
    name = 'CancelledByRunner';
    /** When the signal arrived: the runner's kill schedule counts from here. */
    at = Date.now();
    constructor(signal) {
        super(`the workflow was cancelled (${signal})`);
        this.signal = signal;
    }
}
function listenForCancel(onSignal) {
    const controller = new AbortController();
    const handler = (name) => {
        onSignal?.(name);
        if (!controller.signal.aborted)
            controller.abort(new CancelledByRunner(name));
    };
    process.on('SIGINT', handler);
    process.on('SIGTERM', handler);
    return {
        signal: controller.signal,
        dispose() {
            process.off('SIGINT', handler);
            process.off('SIGTERM', handler);
        },
    };
}

// EXTERNAL MODULE: ./src/concurrency.ts
var concurrency = __webpack_require__(81532);
;// CONCATENATED MODULE: ./src/uploads.ts
// Upload every local asset (bounded parallelism) and return file ids in input order.


const UPLOAD_CONCURRENCY = 3;
async function uploadAssets(files, refs, plan) {
    return (0,concurrency/* mapLimit */.s)(refs, UPLOAD_CONCURRENCY, async (ref) => {
        if ('fileId' in ref)
            return ref.fileId;
        const reused = await plan.reuse?.(ref.file);
        if (reused) {
            core/* info */.pq(`Reusing ${ref.file.relPath} → ${reused} (same content uploaded before)`);
            return reused;
        }
        const started = Date.now();
        const id = await files.upload(ref.file, {
            isTemporary: plan.isTemporary,
            deadline: plan.deadline,
            ...(plan.signal && { signal: plan.signal }),
            log: core/* info */.pq,
        });
        core/* info */.pq(`Uploaded ${ref.file.relPath} (${ref.file.size} bytes) → ${id} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
        plan.uploaded?.(ref.file, id);
        return id;
    });
}

// EXTERNAL MODULE: ./src/videogen/client.ts + 2 modules
var videogen_client = __webpack_require__(27354);
// EXTERNAL MODULE: ./src/videogen/errors.ts
var errors = __webpack_require__(49532);
// EXTERNAL MODULE: ./src/videogen/types.ts
var types = __webpack_require__(21162);
// EXTERNAL MODULE: ./src/videogen/retry.ts
var retry = __webpack_require__(97153);
;// CONCATENATED MODULE: ./src/wait.ts



const DEFAULT_TUNING = {
    initialMs: 1000,
    floorMs: 500,
    ceilingMs: 15_000,
    uncertainCeilingMs: 2000,
    blindCeilingMs: 5000,
    marginMs: 150,
    agreement: 0.08,
};
class PollScheduler {
    createdAt;
    tuning;
    attempt = -1;
    points = [];
    predictions = [];
    blindDelay;
    lastProgress = -1;
    constructor(createdAt, tuning = DEFAULT_TUNING) {
        this.createdAt = createdAt;
        this.tuning = tuning;
        this.blindDelay = tuning.initialMs;
    }
    /** Record what a poll returned at time `now`. */
    observe(now, execution) {
        const attempt = execution.attemptIndex ?? 0;
        if (attempt !== this.attempt) {
            // A new attempt restarts progress at 0: forget the old attempt's samples.
            const start = this.attempt === -1 ? this.createdAt : now;
            this.attempt = attempt;
            this.points = [{ t: start, p: 0 }];
            this.predictions = [];
            this.lastProgress = -1;
            this.blindDelay = this.tuning.initialMs;
        }
        const p = execution.status === 'running' ? (execution.progressPercentage ?? 0) : 0;
        if (p > this.lastProgress && p > 0 && p < 100) {
            const prev = this.points[this.points.length - 1];
            const rate = (p - prev.p) / Math.max(1, now - prev.t);
            this.points.push({ t: now, p });
            this.predictions.push(now + (100 - p) / rate);
        }
        this.lastProgress = Math.max(this.lastProgress, p);
    }
    /** Milliseconds to wait before the next poll. */
    nextDelay(now) {
        const t = this.tuning;
        const clamp = (ms, max) => Math.round(Math.min(max, Math.max(t.floorMs, ms)));
        const latest = this.predictions[this.predictions.length - 1];
        if (latest === undefined) {
            const delay = this.blindDelay;
            this.blindDelay = Math.min(t.blindCeilingMs, this.blindDelay * 1.5);
            return clamp(delay, t.blindCeilingMs);
        }
        const remaining = latest - now;
        // Past the predicted end without a result: the prediction is stale; poll at the SDK's pace.
        if (remaining <= 0)
            return clamp(t.uncertainCeilingMs * 0.75, t.uncertainCeilingMs);
        const previous = this.predictions[this.predictions.length - 2];
        const confident = previous !== undefined && Math.abs(latest - previous) < Math.max(500, t.agreement * remaining);
        // Aim just past the predicted end; while predictions disagree, never wait longer than the uncertain ceiling.
        return clamp(remaining + t.marginMs, confident ? t.ceilingMs : t.uncertainCeilingMs);
    }
}
/** Poll until the execution ends or the deadline passes. Logs a line when progress or the attempt changes. */
async function waitForExecution(id, options) {
    const scheduler = new PollScheduler(options.createdAt, options.tuning);
    let last;
    let polls = 0;
    let logged = '';
    for (;;) {
        let execution;
        try {
            execution = await options.getExecution(id, {
                ...(options.signal && { signal: options.signal }),
                deadline: options.deadline,
            });
        }
        catch (error) {
            // The key's execution-GET budget is shared by every job: when it is spent, wait for it to refill
            // (up to the deadline) rather than give up on an execution that is running and billing.
            const waitMs = rateLimitWait(error);
            // No poll possible before the deadline: say so now rather than sleep until it.
            if (waitMs === undefined || Date.now() + waitMs >= options.deadline)
                throw error;
            options.log?.(`Execution ${id}: rate limited; next poll in ${Math.ceil(waitMs / 1000)} s`);
            await (0,retry/* sleep */.yy)(waitMs, options.signal);
            continue;
        }
        polls++;
        last = execution;
        options.onPoll?.(execution);
        const now = Date.now();
        scheduler.observe(now, execution);
        if ((0,types/* isTerminal */.H)(execution.status))
            return { kind: 'terminal', execution, polls };
        const line = progressLine(execution);
        if (line !== logged)
            options.log?.(line);
        logged = line;
        const remaining = options.deadline - now;
        if (remaining <= 0)
            return { kind: 'timeout', last, polls };
        await (0,retry/* sleep */.yy)(Math.min(scheduler.nextDelay(now), remaining), options.signal);
    }
}
function rateLimitWait(error) {
    if (!(error instanceof errors/* VideoGenApiError */.gr) || error.status !== 429 || error.code === 'insufficient_credits')
        return undefined;
    return Math.max(1000, error.retryAfterMs ?? 60_000);
}
function progressLine(execution) {
    const attempt = (execution.attemptIndex ?? 0) > 0 ? ` (attempt ${(execution.attemptIndex ?? 0) + 1})` : '';
    if (execution.status === 'pending')
        return `Execution ${execution.toolExecutionId}: queued${attempt}`;
    return `Execution ${execution.toolExecutionId}: ${execution.status} ${Math.floor(execution.progressPercentage ?? 0)}%${attempt}`;
}

;// CONCATENATED MODULE: ./src/main.ts
// The flow, top-down: settings → (cache) → uploads → create → wait → deliver.



















/** Time for cancel + confirm on a timeout or a failed wait. */
const CANCEL_BUDGET_MS = 6000;
/** After SIGINT the runner sends SIGTERM at 7.5 s and kills at 10 s: finish cancelling by 7 s after it. */
const SIGNAL_WINDOW_MS = 7000;
/** Creating an execution with less time than this (or a quarter of timeout) left would only pay for one to cancel at once. */
const MIN_TIME_TO_CREATE_MS = 10_000;
class ActionFailure extends Error {
    name = 'ActionFailure';
}
async function main() {
    const started = Date.now();
    const apiKey = (0,secrets/* readAndMaskApiKey */.L)();
    const settings = await (0,src_settings/* loadSettings */.M5)(core/* getInput */.V4, apiKey);
    if (settings.dryRun) {
        const { dryRun } = await __webpack_require__.e(/* import() */ 394).then(__webpack_require__.bind(__webpack_require__, 24394));
        return dryRun(settings);
    }
    const client = (0,videogen_client/* createClient */.U)(settings.baseUrl, settings.apiKey);
    const cancel = listenForCancel((name) => core/* info */.pq(`Received ${name}: stopping`));
    try {
        await new Run(settings, client, cancel.signal, started).execute();
    }
    finally {
        cancel.dispose();
        await client.close();
    }
}
class Run {
    settings;
    client;
    signal;
    started;
    executionId;
    /** When create answered: the start of the progress line the poll scheduler extrapolates (not the step start, which includes uploads). */
    createdAt;
    deadline;
    constructor(settings, client, signal, started) {
        this.settings = settings;
        this.client = client;
        this.signal = signal;
        this.started = started;
        this.deadline = started + settings.timeoutMs;
    }
    async execute() {
        try {
            await this.run();
        }
        catch (error) {
            if (error instanceof CancelledByRunner || this.signal.aborted)
                throw await this.onCancelled(error);
            throw error;
        }
    }
    async run() {
        const s = this.settings;
        let cache;
        // Before anything is created or billed: a delivery that cannot work would only fail after the clips were paid for.
        if (s.artifact)
            await (await __webpack_require__.e(/* import() */ 555).then(__webpack_require__.bind(__webpack_require__, 91555))).checkArtifactNameFree(s.artifact.name);
        if (s.release)
            await (await Promise.all(/* import() */[__webpack_require__.e(96), __webpack_require__.e(692)]).then(__webpack_require__.bind(__webpack_require__, 61692))).checkReleaseTarget(s.release);
        if (s.executionId) {
            this.executionId = s.executionId;
            (0,lifecycle/* rememberExecution */.w3)(s.executionId);
            core/* info */.pq(`Resuming execution ${s.executionId}`);
        }
        else {
            if (s.cache) {
                const { openCache } = await __webpack_require__.e(/* import() */ 959).then(__webpack_require__.bind(__webpack_require__, 7959));
                cache = await openCache(s, this.client);
                if (cache.restored)
                    return this.deliverFromCache(cache.restored);
            }
            const imageIds = await this.upload(s.images, cache);
            const [videoId] = await this.upload(s.video ? [s.video] : [], cache);
            const { body, overridden } = (0,request/* buildRequestBody */.Q)(s, imageIds, videoId);
            for (const key of overridden)
                core/* warning */.$e(`params.${key} is ignored: a typed input sets ${key}`);
            this.signal.throwIfAborted();
            const left = this.deadline - Date.now();
            if (left < Math.min(MIN_TIME_TO_CREATE_MS, s.timeoutMs / 4)) {
                throw new ActionFailure(`Timed out before creating the execution: the uploads took ${(0,format/* formatDuration */.a3)(Date.now() - this.started)} of the ${(0,format/* formatDuration */.a3)(s.timeoutMs)} timeout, leaving ${(0,format/* formatDuration */.a3)(Math.max(0, left))}. Nothing was created or billed; raise timeout.`);
            }
            // The request itself is deliberately not abortable (once sent, the only safe way out is to learn the
            // id and cancel it); the signal only ends waits between attempts that the server refused.
            const id = await this.client.tools.generateVideoClip(body, { deadline: this.deadline, signal: this.signal });
            this.executionId = id;
            this.createdAt = Date.now();
            (0,lifecycle/* rememberExecution */.w3)(id);
            core/* info */.pq(`Created execution ${id}`);
            this.signal.throwIfAborted();
        }
        const id = this.executionId;
        if (!s.wait)
            return this.detach(id);
        let outcome;
        try {
            outcome = await waitForExecution(id, {
                createdAt: this.createdAt ?? Date.now(),
                deadline: this.deadline,
                signal: this.signal,
                getExecution: (execId, options) => this.client.tools.getExecution(execId, options),
                log: core/* info */.pq,
            });
        }
        catch (error) {
            if (this.signal.aborted)
                throw error;
            // Polling failed for good (the API kept failing): the execution may be running and billing.
            return this.abandonWait(id, undefined, `Could not follow execution ${id}: ${(0,errors/* errorText */.kc)(error)}`);
        }
        if (outcome.kind === 'timeout')
            return this.abandonWait(id, outcome.last);
        (0,lifecycle/* settleExecution */.qe)('terminal');
        const execution = outcome.execution;
        core/* setOutput */.uH('status', execution.status);
        core/* info */.pq(`Execution ${id} ${execution.status} after ${(0,format/* formatDuration */.a3)(Date.now() - this.started)} (${outcome.polls} polls)`);
        if (execution.status !== 'succeeded')
            return this.onUnsuccessful(execution);
        await this.deliver(execution, cache);
    }
    async upload(refs, cache) {
        if (refs.length === 0)
            return [];
        return uploadAssets(this.client.files, refs, {
            isTemporary: this.settings.temporaryUploads,
            deadline: this.deadline,
            signal: this.signal,
            ...(cache && {
                reuse: (file) => cache.reuseUpload(file),
                uploaded: (file, fileId) => cache.rememberUpload(file, fileId),
            }),
        });
    }
    async detach(id) {
        (0,lifecycle/* settleExecution */.qe)('detached');
        let status = 'pending';
        try {
            status = (await this.client.tools.getExecution(id, { deadline: Math.min(this.deadline, Date.now() + 30_000) }))
                .status;
        }
        catch (error) {
            // The execution exists and is paid for: failing here would invite a re-run that pays again.
            core/* warning */.$e(`Created execution ${id}, but could not read its status (${(0,errors/* errorText */.kc)(error)}); reporting it as pending`);
        }
        core/* setOutput */.uH('status', status);
        core/* info */.pq(`Not waiting (wait: false). Resume in a later step with execution-id: ${id}`);
    }
    /**
     * The wait ended without a terminal status: timeout reached (`cause` undefined) or polling failed for
     * good. Either way the execution may still be running: cancel it, or leave it on purpose
     * (cancel-on-timeout: false) so that a later step can resume it.
     */
    async abandonWait(id, last, cause) {
        const elapsed = (0,format/* formatDuration */.a3)(Date.now() - this.started);
        const seen = last ? ` (last seen ${last.status} ${Math.floor(last.progressPercentage ?? 0)}%)` : '';
        let what;
        if (this.settings.cancelOnTimeout) {
            const status = await (0,lifecycle/* cancelAndConfirm */.Un)(this.client.tools, id, CANCEL_BUDGET_MS);
            what = `Execution ${id} ${(0,lifecycle/* cancelOutcome */.Lb)(status)}.`;
        }
        else {
            (0,lifecycle/* settleExecution */.qe)('detached');
            what = `It is still running (cancel-on-timeout: false): resume it in a later step with execution-id: ${id}`;
        }
        const status = cause ? 'error' : 'timed-out';
        core/* setOutput */.uH('status', status);
        const headline = cause
            ? `${cause} (after ${elapsed})`
            : `Timed out after ${elapsed} (timeout ${(0,format/* formatDuration */.a3)(this.settings.timeoutMs)}) waiting for execution ${id}${seen}`;
        await this.summarizeFailure(status, `${headline}. ${what}`);
        throw new ActionFailure(`${headline}. ${what}`);
    }
    async onUnsuccessful(execution) {
        const id = execution.toolExecutionId;
        let message;
        if (execution.status === 'failed') {
            const e = execution.error ?? {};
            message = `Execution ${id} failed: ${e.message?.trim() || 'no message'}${e.code ? ` (code ${e.code})` : ''}.${(0,errors/* describeRequirement */.vo)(e.requirement)}`;
        }
        else {
            message = `Execution ${id} was cancelled by someone else (a user, another job or VideoGen), not by this action.`;
        }
        await this.summarizeFailure(execution.status, message);
        throw new ActionFailure(message);
    }
    async onCancelled(error) {
        const reason = this.signal.reason instanceof CancelledByRunner ? this.signal.reason.message : 'cancelled';
        const id = this.executionId;
        // A create that failed ambiguously while the signal arrived may still have created (and billed) one: say so.
        if (!id && error instanceof errors/* AmbiguousCreateError */.J$)
            return new ActionFailure(`Stopped: ${reason}. ${error.message}`);
        if (!id)
            return new ActionFailure(`Stopped: ${reason}. No execution had been created.`);
        if ((0,lifecycle/* settledAs */.mz)())
            return new ActionFailure(`Stopped: ${reason}. Execution ${id} had already ${(0,lifecycle/* settledAs */.mz)() === 'terminal' ? 'ended' : 'been left running on purpose'}.`);
        const arrived = this.signal.reason instanceof CancelledByRunner ? this.signal.reason.at : Date.now();
        const status = await (0,lifecycle/* cancelAndConfirm */.Un)(this.client.tools, id, Math.max(1000, arrived + SIGNAL_WINDOW_MS - Date.now()));
        core/* setOutput */.uH('status', status ?? 'cancelling');
        return new ActionFailure(`Stopped: ${reason}. Execution ${id} ${(0,lifecycle/* cancelOutcome */.Lb)(status)}.`);
    }
    /**
     * The clips are paid for by now: whatever fails later, the ids, URLs and results file are already
     * out, the cache is saved as soon as the files are on disk, and the summary is written with the error.
     */
    async deliver(execution, cache) {
        const s = this.settings;
        const clips = (0,clip/* clipsOf */.H)(execution);
        await this.report(execution, clips);
        if (s.cache)
            core/* setOutput */.uH('cache-hit', 'false');
        let artifact;
        let failure;
        try {
            if (s.publicPreview) {
                await (0,public_preview/* enablePublicPreviews */.E)(this.client.files, clips).catch((error) => core/* warning */.$e(`Public preview: ${(0,errors/* errorText */.kc)(error)}; the summary uses the signed links, which expire`));
            }
            if (s.download && clips.length > 0) {
                await (0,download/* downloadClips */.S)(clips, {
                    dir: s.downloadDir,
                    root: s.workspace.root,
                    executionId: execution.toolExecutionId,
                    dispatcher: this.client.http.dispatcher,
                    files: this.client.files,
                    signal: this.signal,
                    log: core/* info */.pq,
                });
                for (const clip of clips)
                    core/* info */.pq(`Downloaded clip ${clip.index} → ${clip.path} (${clip.bytes} bytes)`);
            }
            if (cache)
                await cache.save(execution, clips);
            artifact = await this.publish(clips);
        }
        catch (error) {
            failure = error;
        }
        // Again with what delivery added (paths, sizes, public links).
        const resultsFile = await this.report(execution, clips);
        const id = execution.toolExecutionId;
        // A plain re-run would generate (and bill) again; resuming only delivers.
        const error = failure === undefined
            ? undefined
            : `The execution succeeded, but delivery failed: ${(0,errors/* errorText */.kc)(failure)}. To deliver it without paying again, run the step with execution-id: ${id} (not a plain re-run).`;
        await this.summarize({
            status: execution.status,
            executionId: id,
            clips,
            ...(artifact && { artifact }),
            resultsFile,
            ...(error && { error }),
        });
        if (error !== undefined)
            throw new ActionFailure(error);
    }
    /** Artifact and release assets: after a fresh run and after a cache hit alike. */
    async publish(clips) {
        const s = this.settings;
        let artifact;
        if (s.artifact) {
            const { uploadClipsArtifact } = await __webpack_require__.e(/* import() */ 555).then(__webpack_require__.bind(__webpack_require__, 91555));
            const uploaded = await uploadClipsArtifact(s.artifact, clips, s.workspace.root);
            if (uploaded) {
                core/* setOutput */.uH('artifact-id', String(uploaded.id));
                core/* setOutput */.uH('artifact-url', uploaded.url);
                artifact = { name: s.artifact.name, url: uploaded.url };
            }
        }
        if (s.release) {
            const { uploadReleaseAssets } = await Promise.all(/* import() */[__webpack_require__.e(96), __webpack_require__.e(692)]).then(__webpack_require__.bind(__webpack_require__, 61692));
            const urls = await uploadReleaseAssets(s.release, clips);
            if (urls)
                core/* setOutput */.uH('release-asset-urls', JSON.stringify(urls));
        }
        return artifact;
    }
    async deliverFromCache({ execution, clips }) {
        (0,lifecycle/* settleExecution */.qe)('terminal');
        core/* setOutput */.uH('execution-id', execution.toolExecutionId);
        core/* setOutput */.uH('status', execution.status);
        core/* setOutput */.uH('cache-hit', 'true');
        const resultsFile = await this.report(execution, clips);
        core/* info */.pq(`Cache hit: reused execution ${execution.toolExecutionId}; no new execution was created`);
        const artifact = await this.publish(clips);
        await this.summarize({
            status: execution.status,
            executionId: execution.toolExecutionId,
            clips,
            cacheHit: true,
            ...(artifact && { artifact }),
            resultsFile,
        });
    }
    /** The results file and the clip outputs, from what is known of the clips so far. Returns the file's path. */
    async report(execution, clips) {
        const s = this.settings;
        await (0,promises_.mkdir)(s.downloadDir, { recursive: true });
        const file = external_node_path_default().join(s.downloadDir, `${execution.toolExecutionId}.json`);
        const record = { execution, clips: clips.map(({ absPath: _abs, ...clip }) => clip) };
        await (0,promises_.writeFile)(file, `${JSON.stringify(record, null, 2)}\n`);
        const resultsFile = s.workspace.relative(file);
        setClipOutputs(clips);
        core/* setOutput */.uH('results-file', resultsFile);
        return resultsFile;
    }
    summarizeFailure(status, error) {
        return this.summarize({ status, ...(this.executionId && { executionId: this.executionId }), clips: [], error });
    }
    /** The job summary, if enabled. A summary that cannot be written is a warning, never a failed (paid) run. */
    async summarize(part) {
        if (!this.settings.summary)
            return;
        const prompt = this.settings.request.prompt;
        await (0,summary/* writeSummary */.Sy)((0,summary/* renderSummary */.Br)({
            ...part,
            elapsedMs: Date.now() - this.started,
            settings: (0,summary_settings/* summarySettings */.K)(this.settings),
            ...(prompt && { prompt }),
        })).catch((e) => core/* warning */.$e(`Could not write the job summary: ${(0,errors/* errorText */.kc)(e)}`));
    }
}


/***/ }),

/***/ 14390:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Q: () => (/* binding */ buildRequestBody)
/* harmony export */ });
function buildRequestBody(settings, imageFileIds, videoFileId) {
    const typed = {
        ...settings.request,
        ...(imageFileIds.length > 0 && { imageFileIds }),
        ...(videoFileId && { videoFileId }),
    };
    const overridden = Object.keys(settings.params).filter((k) => k in typed);
    return { body: { ...settings.params, ...typed }, overridden };
}


/***/ })

};

//# sourceMappingURL=866.index.js.map