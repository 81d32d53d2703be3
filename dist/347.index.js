export const id = 347;
export const ids = [347];
export const modules = {

/***/ 7667:
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
    const files = [...s.images, ...(s.video ? [s.video] : [])].map((ref) => ('fileId' in ref ? ref.fileId : ref.file.relPath));
    if (files.length)
        rows.push(['Inputs', files.join(', ')]);
    const extra = Object.keys(s.params);
    if (extra.length)
        rows.push(['params', extra.join(', ')]);
    return rows;
}


/***/ }),

/***/ 6945:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Br: () => (/* binding */ renderSummary),
/* harmony export */   Sy: () => (/* binding */ writeSummary)
/* harmony export */ });
/* unused harmony exports SUMMARY_BUDGET_BYTES, escapeText */
/* harmony import */ var _actions_core__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(5009);
/* harmony import */ var _format_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6264);
// The job summary: a header with status and settings, then a row per clip with its thumbnail linking
// to the clip. Pure rendering (tested by parsing the output); bounded below the runner's 1 MiB limit.


/** The runner drops a summary over 1 MiB whole; stay well below, leaving room for other steps' parts. */
const SUMMARY_BUDGET_BYTES = 512 * 1024;
const PROMPT_CHARS = 2000;
/** Escapes for HTML text and attributes, and neutralises Markdown punctuation, so nothing the user wrote is interpreted. */
function escapeText(text) {
    return text
        .replace(/[&<>"'`*_[\]|\\#~!()]/g, (c) => `&#${c.charCodeAt(0)};`)
        .replace(/\r?\n/g, '<br>');
}
/** URLs go into attributes only, and only http(s) ones. */
function escapeUrl(url) {
    return /^https?:\/\//i.test(url) ? url.replace(/&/g, '&amp;').replace(/"/g, '%22').replace(/</g, '%3C').replace(/>/g, '%3E') : '#';
}
const STATUS_ICON = { succeeded: '✅', failed: '❌', cancelled: '🚫', 'timed-out': '⏱️', 'dry-run': '🧪' };
function header(input) {
    const rows = [
        ['Status', escapeText(input.status) + (input.cacheHit ? ' (from cache, no new execution)' : '')],
        ...(input.executionId ? [['Execution', `<code>${escapeText(input.executionId)}</code>`]] : []),
        ['Elapsed', (0,_format_js__WEBPACK_IMPORTED_MODULE_1__/* .formatDuration */ .a3)(input.elapsedMs)],
        ...input.settings.map(([k, v]) => [escapeText(k), escapeText(v)]),
    ];
    if (input.prompt) {
        const cut = input.prompt.length > PROMPT_CHARS ? `${input.prompt.slice(0, PROMPT_CHARS)}… (${input.prompt.length} characters in all)` : input.prompt;
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
    const thumb = clip.thumbnailUrl ? `<img src="${escapeUrl(clip.thumbnailUrl)}" width="240" alt="clip ${clip.index} thumbnail">` : '🎞️';
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

/***/ 6264:
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
        return 'does not expire';
    return new Date(unixSeconds * 1000).toISOString().replace('T', ' ').replace(/:\d\d\.\d+Z$/, ' UTC');
}


/***/ }),

/***/ 7347:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  main: () => (/* binding */ main)
});

// UNUSED EXPORTS: ActionFailure

// EXTERNAL MODULE: ./node_modules/@actions/core/lib/core.js + 18 modules
var core = __webpack_require__(5009);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
var external_node_path_default = /*#__PURE__*/__webpack_require__.n(external_node_path_);
;// CONCATENATED MODULE: ./src/deliver/clip.ts
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

;// CONCATENATED MODULE: ./src/concurrency.ts
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

// EXTERNAL MODULE: ./src/videogen/errors.ts
var errors = __webpack_require__(9532);
// EXTERNAL MODULE: ./src/videogen/retry.ts
var retry = __webpack_require__(7153);
// EXTERNAL MODULE: ./src/videogen/transfer.ts
var transfer = __webpack_require__(8848);
;// CONCATENATED MODULE: ./src/deliver/download.ts
// Download every clip into download-dir: bounded parallelism, streamed to disk, sizes checked,
// expired signed links re-signed through hydrate.






const ATTEMPTS = 4;
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
    const dest = external_node_path_default().join(ctx.dir, clipFileName(ctx.executionId, clip.index));
    for (let attempt = 1;; attempt++) {
        try {
            const { bytes } = await (0,transfer/* downloadToFile */.Q)(ctx.dispatcher, await freshUrl(clip, ctx), dest, ctx.signal);
            clip.absPath = dest;
            clip.path = external_node_path_default().relative(ctx.root, dest).split((external_node_path_default()).sep).join('/');
            clip.bytes = bytes;
            return;
        }
        catch (error) {
            if (ctx.signal?.aborted)
                throw ctx.signal.reason;
            if (attempt >= ATTEMPTS)
                throw new Error(`Download of clip ${clip.index} (${clip.fileId}) failed after ${attempt} attempts: ${(0,errors/* errorText */.kc)(error)}`);
            if (error instanceof transfer/* StorageError */.aq && error.expired) {
                delete clip.url; // signed link expired (or was refused): ask for a fresh one
            }
            else {
                await (0,retry/* sleep */.yy)((0,retry/* backoffMs */.jo)(attempt, { maxAttempts: ATTEMPTS, baseDelayMs: 500, maxDelayMs: 5000, maxServerDelayMs: 0 }), ctx.signal);
            }
            ctx.log?.(`Download of clip ${clip.index}: ${(0,errors/* errorText */.kc)(error)}; retrying`);
        }
    }
}
async function downloadClips(clips, ctx) {
    await (0,promises_.mkdir)(ctx.dir, { recursive: true });
    await mapLimit(clips, ctx.concurrency ?? 6, (clip) => downloadClip(clip, ctx));
}

;// CONCATENATED MODULE: ./src/deliver/outputs.ts
// Step outputs. Arrays are JSON; every output stays far below the runner's 1 MB per job.

const coreOutputs = { set: (name, value) => core/* setOutput */.uH(name, value) };
function defined(values) {
    return values.filter((v) => v !== undefined);
}
function setClipOutputs(clips, out = coreOutputs) {
    const first = clips[0];
    out.set('file-id', first?.fileId ?? '');
    out.set('file-ids', JSON.stringify(clips.map((c) => c.fileId)));
    out.set('url', first?.url ?? '');
    out.set('urls', JSON.stringify(defined(clips.map((c) => c.url))));
    out.set('thumbnail-url', first?.thumbnailUrl ?? '');
    out.set('path', first?.path ?? '');
    out.set('paths', JSON.stringify(defined(clips.map((c) => c.path))));
    if (clips.some((c) => c.publicUrl)) {
        out.set('public-url', first?.publicUrl ?? '');
        out.set('public-urls', JSON.stringify(defined(clips.map((c) => c.publicUrl))));
    }
}

;// CONCATENATED MODULE: ./src/deliver/public-preview.ts
// Permanent public links: signed URLs expire, public previews do not.

async function enablePublicPreviews(files, clips) {
    await mapLimit(clips, 4, async (clip) => {
        const file = await files.enablePublicPreview(clip.fileId);
        const url = file.staticPublicPreviewSource?.url ?? file.publicHlsUrl;
        if (!url)
            throw new Error(`Public preview of ${clip.fileId} was enabled but VideoGen returned no public URL`);
        clip.publicUrl = url;
    });
}

// EXTERNAL MODULE: ./src/deliver/summary.ts
var summary = __webpack_require__(6945);
// EXTERNAL MODULE: ./src/deliver/summary-settings.ts
var summary_settings = __webpack_require__(7667);
// EXTERNAL MODULE: ./src/format.ts
var format = __webpack_require__(6264);
// EXTERNAL MODULE: ./src/lifecycle.ts
var lifecycle = __webpack_require__(6367);
// EXTERNAL MODULE: ./src/request.ts
var request = __webpack_require__(4390);
// EXTERNAL MODULE: ./src/secrets.ts
var secrets = __webpack_require__(7194);
// EXTERNAL MODULE: ./src/settings.ts + 2 modules
var src_settings = __webpack_require__(2807);
;// CONCATENATED MODULE: ./src/signals.ts
// Runner cancellation: SIGINT, then SIGTERM 7.5 s later, then SIGKILL 2.5 s after that.
// The first signal aborts the work; the handler stays installed so a second one does not kill the
// cleanup (cancelling the execution) that the first one started.
class CancelledByRunner extends Error {
    signal;
    name = 'CancelledByRunner';
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

;// CONCATENATED MODULE: ./src/uploads.ts
// Upload every local asset (bounded parallelism) and return file ids in input order.


const UPLOAD_CONCURRENCY = 3;
async function uploadAssets(files, refs, plan) {
    return mapLimit(refs, UPLOAD_CONCURRENCY, async (ref) => {
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

// EXTERNAL MODULE: ./src/videogen/client.ts + 3 modules
var videogen_client = __webpack_require__(2696);
// EXTERNAL MODULE: ./src/videogen/types.ts
var types = __webpack_require__(1162);
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
        if (remaining <= 0)
            return t.floorMs;
        const previous = this.predictions[this.predictions.length - 2];
        const confident = previous !== undefined && Math.abs(latest - previous) < Math.max(500, t.agreement * remaining);
        return confident ? clamp(remaining + t.marginMs, t.ceilingMs) : clamp(remaining / 2, t.uncertainCeilingMs);
    }
}
/** Poll until the execution ends or the deadline passes. Logs a line when progress or the attempt changes. */
async function waitForExecution(id, options) {
    const scheduler = new PollScheduler(options.createdAt, options.tuning);
    let last;
    let polls = 0;
    let logged = '';
    for (;;) {
        const execution = await options.getExecution(id, { ...(options.signal && { signal: options.signal }), deadline: options.deadline });
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
function progressLine(execution) {
    const attempt = (execution.attemptIndex ?? 0) > 0 ? ` (attempt ${(execution.attemptIndex ?? 0) + 1})` : '';
    if (execution.status === 'pending')
        return `Execution ${execution.toolExecutionId}: queued${attempt}`;
    return `Execution ${execution.toolExecutionId}: ${execution.status} ${Math.floor(execution.progressPercentage ?? 0)}%${attempt}`;
}

;// CONCATENATED MODULE: ./src/main.ts
// The flow, top-down: settings → (cache) → uploads → create → wait → deliver.



















/** Time left for cancelling after SIGINT: the runner sends SIGTERM at 7.5 s and kills at 10 s. */
const CANCEL_BUDGET_MS = 6000;
class ActionFailure extends Error {
    name = 'ActionFailure';
}
async function main() {
    const started = Date.now();
    const apiKey = (0,secrets/* readAndMaskApiKey */.L)();
    const settings = await (0,src_settings/* loadSettings */.M5)(core/* getInput */.V4, apiKey);
    if (settings.dryRun) {
        const { dryRun } = await __webpack_require__.e(/* import() */ 34).then(__webpack_require__.bind(__webpack_require__, 5034));
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
                throw await this.onCancelled();
            throw error;
        }
    }
    async run() {
        const s = this.settings;
        let cache;
        if (s.executionId) {
            this.executionId = s.executionId;
            (0,lifecycle/* rememberExecution */.w3)(s.executionId);
            core/* info */.pq(`Resuming execution ${s.executionId}`);
        }
        else {
            if (s.cache) {
                const { openCache } = await __webpack_require__.e(/* import() */ 377).then(__webpack_require__.bind(__webpack_require__, 7377));
                cache = await openCache(s, this.client);
                if (cache.hit)
                    return this.deliverFromCache(cache);
            }
            const imageIds = await this.upload(s.images, cache);
            const [videoId] = await this.upload(s.video ? [s.video] : [], cache);
            const { body, overridden } = (0,request/* buildRequestBody */.Q)(s, imageIds, videoId);
            for (const key of overridden)
                core/* warning */.$e(`params.${key} is ignored: a typed input sets ${key}`);
            this.signal.throwIfAborted();
            // Deliberately not abortable: once sent, the only safe way out is to learn the id and cancel it.
            const id = await this.client.tools.generateVideoClip(body);
            this.executionId = id;
            (0,lifecycle/* rememberExecution */.w3)(id);
            core/* info */.pq(`Created execution ${id}`);
            this.signal.throwIfAborted();
        }
        const id = this.executionId;
        if (!s.wait)
            return this.detach(id);
        const outcome = await waitForExecution(id, {
            createdAt: s.executionId ? Date.now() : this.started,
            deadline: this.deadline,
            signal: this.signal,
            getExecution: (execId, options) => this.client.tools.getExecution(execId, options),
            log: core/* info */.pq,
        });
        if (outcome.kind === 'timeout')
            return this.onTimeout(id, outcome.last);
        (0,lifecycle/* settleExecution */.qe)('terminal');
        const execution = outcome.execution;
        core/* setOutput */.uH('status', execution.status);
        core/* info */.pq(`Execution ${id} ${execution.status} after ${(0,format/* formatDuration */.a3)(Date.now() - this.started)} (${outcome.polls} polls)`);
        if (execution.status !== 'succeeded')
            return this.onUnsuccessful(execution);
        const clips = await this.deliver(execution);
        if (cache)
            await cache.save(execution, clips);
    }
    async upload(refs, cache) {
        if (refs.length === 0)
            return [];
        return uploadAssets(this.client.files, refs, {
            isTemporary: this.settings.temporaryUploads,
            deadline: this.deadline,
            signal: this.signal,
            ...(cache && { reuse: (file) => cache.reuseUpload(file), uploaded: (file, fileId) => cache.rememberUpload(file, fileId) }),
        });
    }
    async detach(id) {
        (0,lifecycle/* settleExecution */.qe)('detached');
        const execution = await this.client.tools.getExecution(id, { deadline: this.deadline });
        core/* setOutput */.uH('status', execution.status);
        core/* info */.pq(`Not waiting (wait: false). Resume in a later step with execution-id: ${id}`);
    }
    async onTimeout(id, last) {
        core/* setOutput */.uH('status', 'timed-out');
        const elapsed = (0,format/* formatDuration */.a3)(Date.now() - this.started);
        const seen = last ? ` (last seen ${last.status} ${Math.floor(last.progressPercentage ?? 0)}%)` : '';
        let what;
        if (this.settings.cancelOnTimeout) {
            const status = await (0,lifecycle/* cancelAndConfirm */.Un)(this.client.tools, id, CANCEL_BUDGET_MS);
            what = `It was cancelled${status ? ` (status now ${status})` : ' (not confirmed)'}.`;
        }
        else {
            (0,lifecycle/* settleExecution */.qe)('detached');
            what = `It is still running (cancel-on-timeout: false): resume it in a later step with execution-id: ${id}`;
        }
        await this.summarizeFailure('timed-out', `Timed out after ${elapsed}${seen}. ${what}`);
        throw new ActionFailure(`Timed out after ${elapsed} (timeout ${(0,format/* formatDuration */.a3)(this.settings.timeoutMs)}) waiting for execution ${id}${seen}. ${what}`);
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
    async onCancelled() {
        const reason = this.signal.reason instanceof CancelledByRunner ? this.signal.reason.message : 'cancelled';
        const id = this.executionId;
        if (!id)
            return new ActionFailure(`Stopped: ${reason}. No execution had been created.`);
        if ((0,lifecycle/* settledAs */.mz)())
            return new ActionFailure(`Stopped: ${reason}. Execution ${id} had already ${(0,lifecycle/* settledAs */.mz)() === 'terminal' ? 'ended' : 'been left running on purpose'}.`);
        core/* setOutput */.uH('status', 'cancelled');
        const status = await (0,lifecycle/* cancelAndConfirm */.Un)(this.client.tools, id, CANCEL_BUDGET_MS);
        return new ActionFailure(`Stopped: ${reason}. Execution ${id} was cancelled${status ? ` (status now ${status})` : ' (not confirmed; the post step will try again)'}.`);
    }
    async deliver(execution) {
        const s = this.settings;
        const clips = clipsOf(execution);
        if (s.publicPreview)
            await enablePublicPreviews(this.client.files, clips);
        if (s.download && clips.length > 0) {
            await downloadClips(clips, {
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
        const resultsFile = await this.writeResultsFile(execution, clips);
        let artifact;
        if (s.artifact) {
            const { uploadClipsArtifact } = await __webpack_require__.e(/* import() */ 555).then(__webpack_require__.bind(__webpack_require__, 1555));
            const uploaded = await uploadClipsArtifact(s.artifact, clips, s.workspace.root);
            if (uploaded) {
                core/* setOutput */.uH('artifact-id', String(uploaded.id));
                core/* setOutput */.uH('artifact-url', uploaded.url);
                artifact = { name: s.artifact.name, url: uploaded.url };
            }
        }
        if (s.release) {
            const { uploadReleaseAssets } = await __webpack_require__.e(/* import() */ 692).then(__webpack_require__.bind(__webpack_require__, 9311));
            const urls = await uploadReleaseAssets(s.release, clips);
            if (urls)
                core/* setOutput */.uH('release-asset-urls', JSON.stringify(urls));
        }
        setClipOutputs(clips);
        core/* setOutput */.uH('results-file', resultsFile);
        if (s.cache)
            core/* setOutput */.uH('cache-hit', 'false');
        if (s.summary) {
            await (0,summary/* writeSummary */.Sy)((0,summary/* renderSummary */.Br)({ status: execution.status, executionId: execution.toolExecutionId, elapsedMs: Date.now() - this.started, settings: (0,summary_settings/* summarySettings */.K)(s), ...(s.request.prompt && { prompt: s.request.prompt }), clips, ...(artifact && { artifact }), resultsFile }));
        }
        return clips;
    }
    async deliverFromCache(cache) {
        const restored = cache.restored;
        if (!restored)
            return;
        const { execution, clips } = restored;
        (0,lifecycle/* settleExecution */.qe)('terminal');
        core/* setOutput */.uH('execution-id', execution.toolExecutionId);
        core/* setOutput */.uH('status', execution.status);
        core/* setOutput */.uH('cache-hit', 'true');
        setClipOutputs(clips);
        const resultsFile = await this.writeResultsFile(execution, clips);
        core/* setOutput */.uH('results-file', resultsFile);
        core/* info */.pq(`Cache hit: reused execution ${execution.toolExecutionId}; no new execution was created`);
        if (this.settings.summary) {
            await (0,summary/* writeSummary */.Sy)((0,summary/* renderSummary */.Br)({ status: execution.status, executionId: execution.toolExecutionId, elapsedMs: Date.now() - this.started, settings: (0,summary_settings/* summarySettings */.K)(this.settings), ...(this.settings.request.prompt && { prompt: this.settings.request.prompt }), clips, cacheHit: true, resultsFile }));
        }
    }
    async writeResultsFile(execution, clips) {
        const s = this.settings;
        await (0,promises_.mkdir)(s.downloadDir, { recursive: true });
        const file = external_node_path_default().join(s.downloadDir, `${execution.toolExecutionId}.json`);
        const record = { execution, clips: clips.map(({ absPath: _abs, ...clip }) => clip) };
        await (0,promises_.writeFile)(file, `${JSON.stringify(record, null, 2)}\n`);
        return s.workspace.relative(file);
    }
    async summarizeFailure(status, error) {
        if (!this.settings.summary)
            return;
        await (0,summary/* writeSummary */.Sy)((0,summary/* renderSummary */.Br)({ status, ...(this.executionId && { executionId: this.executionId }), elapsedMs: Date.now() - this.started, settings: (0,summary_settings/* summarySettings */.K)(this.settings), ...(this.settings.request.prompt && { prompt: this.settings.request.prompt }), clips: [], error })).catch((e) => core/* warning */.$e(`Could not write the job summary: ${String(e)}`));
    }
}


/***/ }),

/***/ 4390:
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
