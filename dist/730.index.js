export const id = 730;
export const ids = [730];
export const modules = {

/***/ 95861:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Hh: () => (/* binding */ clipsOf),
/* harmony export */   K4: () => (/* binding */ linksFromFile),
/* harmony export */   _T: () => (/* binding */ clipFileName),
/* harmony export */   q9: () => (/* binding */ withLinks)
/* harmony export */ });
/* harmony import */ var _videogen_files_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(81253);
// What the action knows about one generated clip. A value: each delivery stage returns new clips with
// what it added (a file on disk, fresh links, a public link, a release asset), none changes one in place.

/** The link fields of a clip, from a signed download and thumbnail link. */
function withLinks(clip, download, thumbnail) {
    const { url: _u, urlExpiresAt: _ue, thumbnailUrl: _t, thumbnailUrlExpiresAt: _te, ...rest } = clip;
    return {
        ...rest,
        ...(download && { url: download.url }),
        ...(download?.expiresAt !== undefined && { urlExpiresAt: download.expiresAt }),
        ...(thumbnail && { thumbnailUrl: thumbnail.url }),
        ...(thumbnail?.expiresAt !== undefined && { thumbnailUrlExpiresAt: thumbnail.expiresAt }),
    };
}
/** A clip's links from a (hydrated) file record, picked the same way for a fresh run and a cache hit. */
function linksFromFile(clip, file) {
    return withLinks(clip, (0,_videogen_files_js__WEBPACK_IMPORTED_MODULE_0__/* .downloadLink */ .pe)(file), (0,_videogen_files_js__WEBPACK_IMPORTED_MODULE_0__/* .thumbnailLink */ .Vt)(file));
}
function fromResult(result, index) {
    const file = result.file;
    const base = {
        index,
        fileId: result.fileId,
        ...(file?.durationSeconds !== undefined && { durationSeconds: file.durationSeconds }),
        ...(file?.downloadSource?.fileBytes !== undefined && { reportedBytes: file.downloadSource.fileBytes }),
    };
    // The result's own copies of the links first (the execution GET re-signs them), then the file's.
    const download = result.downloadUrl
        ? {
            url: result.downloadUrl,
            ...(result.downloadUrlExpiresAt !== undefined && { expiresAt: result.downloadUrlExpiresAt }),
        }
        : file && (0,_videogen_files_js__WEBPACK_IMPORTED_MODULE_0__/* .downloadLink */ .pe)(file);
    const thumbnail = result.thumbnailUrl
        ? {
            url: result.thumbnailUrl,
            ...(result.thumbnailUrlExpiresAt !== undefined && { expiresAt: result.thumbnailUrlExpiresAt }),
        }
        : file && (0,_videogen_files_js__WEBPACK_IMPORTED_MODULE_0__/* .thumbnailLink */ .Vt)(file);
    return withLinks(base, download, thumbnail);
}
function clipsOf(execution) {
    return execution.results.map((r, i) => fromResult(r, i + 1));
}
/** A clip's file name: from the execution id the action holds (checked) and the clip's position. */
function clipFileName(executionId, index) {
    return `${executionId}-${index}.mp4`;
}


/***/ }),

/***/ 81532:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   s: () => (/* binding */ mapLimit)
/* harmony export */ });
/**
 * Map with at most `limit` calls in flight; results keep the input order. The first failure rejects,
 * stops starting new calls and aborts the `signal` each running call was given, so siblings stop at once
 * instead of retrying on behind a failed step.
 */
async function mapLimit(items, limit, fn, outer) {
    const results = new Array(items.length);
    const failed = new AbortController();
    const signal = outer ? AbortSignal.any([outer, failed.signal]) : failed.signal;
    let next = 0;
    const worker = async () => {
        while (!signal.aborted && next < items.length) {
            const index = next++;
            try {
                results[index] = await fn(items[index], index, signal);
            }
            catch (error) {
                if (!failed.signal.aborted)
                    failed.abort(error);
                throw error;
            }
        }
    };
    const settled = await Promise.allSettled(Array.from({ length: Math.min(limit, items.length) }, worker));
    // The first failure is the cause; the siblings' aborts that followed it are not.
    if (failed.signal.aborted)
        throw failed.signal.reason;
    const rejected = settled.find((s) => s.status === 'rejected');
    if (rejected)
        throw rejected.reason;
    if (outer?.aborted)
        throw outer.reason;
    return results;
}


/***/ }),

/***/ 55183:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   BV: () => (/* binding */ Creator),
/* harmony export */   L5: () => (/* binding */ CreateFailure),
/* harmony export */   mg: () => (/* binding */ tooLateToCreate)
/* harmony export */ });
/* harmony import */ var _log_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(25625);
/* harmony import */ var _cancel_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(90833);
/* harmony import */ var _videogen_errors_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(49532);
// Creating executions, once each. The create is not idempotent, so before each one the newest execution
// id is noted and every create in flight is saved in the state: if this step is killed before an answer
// arrives, the post step can find what appeared above the mark and cancel it.



/** Listing the newest execution before a create is a courtesy to the post step: never worth a long wait. */
const MARK_BUDGET_MS = 10_000;
/** After a list that could not be read, the next creates ask again, but only briefly. */
const MARK_RETRY_BUDGET_MS = 2_000;
/** Creating an execution with less time than this (or a quarter of timeout) left would only pay for one to cancel at once. */
const MIN_TIME_TO_CREATE_MS = 10_000;
/** Whether too little of the timeout is left to create an execution worth waiting for. */
function tooLateToCreate(deadline, timeoutMs, now = Date.now()) {
    return deadline - now < Math.min(MIN_TIME_TO_CREATE_MS, timeoutMs / 4);
}
class CreateFailure extends Error {
    name = 'CreateFailure';
}
class Creator {
    tools;
    state;
    signal;
    /** What the list showed before the latest create (undefined until then). */
    mark;
    /** Shortened after a list that could not be read: an outage should not hold every create of a batch for long. */
    markBudgetMs = MARK_BUDGET_MS;
    inFlight = 0;
    constructor(tools, state, signal) {
        this.tools = tools;
        this.state = state;
        this.signal = signal;
    }
    /** Whether a create request is out and unanswered (a signal now cannot withdraw it). */
    get creating() {
        return this.inFlight > 0;
    }
    /**
     * Sends one create. Resolves to the new execution's id, already tracked in the state. An ambiguous
     * failure names the executions that appeared since it was sent, the user's best lead.
     */
    async create(body, options) {
        const signal = this.signal();
        signal.throwIfAborted();
        // Taken afresh for each create (a batch sends many, minutes apart): a mark from before an earlier one
        // would take in the executions other jobs on the key started since, and the post step could cancel
        // one of theirs, or find too many to cancel its own. With a create still in flight its older mark stands.
        if (this.inFlight === 0 || this.mark === undefined)
            this.mark = await this.newestExecution(signal);
        this.state.beginCreate(this.mark);
        this.inFlight++;
        let id;
        try {
            // The request itself is deliberately not abortable (once sent, the only safe way out is to learn the
            // id and cancel it); the signal only ends waits between attempts that the server refused.
            id = await this.tools.generateVideoClip(body, {
                deadline: options.deadline,
                signal,
                ...(options.onBudget && { onBudget: options.onBudget }),
            });
        }
        catch (error) {
            this.inFlight--;
            // Cancelled while an ambiguous create was in flight: leave it to the post step to find and cancel.
            if (error instanceof _videogen_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .AmbiguousCreateError */ .J$ && signal.aborted)
                throw error;
            this.state.endCreate();
            if (error instanceof _videogen_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .AmbiguousCreateError */ .J$)
                throw await this.withCandidates(error);
            throw error;
        }
        this.inFlight--;
        this.state.track(id);
        this.state.endCreate();
        return id;
    }
    async newestExecution(signal) {
        try {
            const page = await this.tools.listExecutions({ limit: 1, deadline: Date.now() + this.markBudgetMs, signal });
            this.markBudgetMs = MARK_BUDGET_MS;
            return { known: true, newest: page.executions[0]?.toolExecutionId ?? null };
        }
        catch (error) {
            // A certificate, proxy or DNS problem would refuse the create just the same: say so now.
            if (signal.aborted || (error instanceof _videogen_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .NetworkError */ .Dr && !error.transient))
                throw error;
            _log_js__WEBPACK_IMPORTED_MODULE_0__/* .log */ .R.debug(`Could not list the newest execution before creating: ${(0,_videogen_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .errorText */ .kc)(error)}`);
            this.markBudgetMs = MARK_RETRY_BUDGET_MS;
            return { known: false, newest: null };
        }
    }
    async withCandidates(error) {
        // Without a readable list before, what is in it now cannot be told apart from what was there already.
        if (!this.mark?.known)
            return error;
        try {
            // Finished ones too: one that already succeeded is just what to resume.
            const found = await (0,_cancel_js__WEBPACK_IMPORTED_MODULE_1__/* .executionsSince */ ._0)(this.tools, this.mark.newest, this.state.known(), Date.now() + MARK_BUDGET_MS, {
                runningOnly: false,
            });
            if (found.length === 0)
                return error;
            const ids = found.map((e) => `${e.toolExecutionId} (${e.status})`).join(', ');
            return new CreateFailure(`${error.message} Executions that appeared since it was sent: ${ids}.`);
        }
        catch {
            return error;
        }
    }
}


/***/ }),

/***/ 77993:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  H: () => (/* binding */ deliverClips)
});

// EXTERNAL MODULE: ./src/log.ts
var log = __webpack_require__(25625);
// EXTERNAL MODULE: ./src/videogen/errors.ts
var errors = __webpack_require__(49532);
// EXTERNAL MODULE: ./src/deliver/download.ts
var download = __webpack_require__(63561);
// EXTERNAL MODULE: ./src/concurrency.ts
var concurrency = __webpack_require__(81532);
// EXTERNAL MODULE: ./src/videogen/files.ts + 1 modules
var videogen_files = __webpack_require__(81253);
// EXTERNAL MODULE: ./src/clip.ts
var src_clip = __webpack_require__(95861);
;// CONCATENATED MODULE: ./src/deliver/links.ts
// Signed links that work now: a clip whose link is missing or about to expire gets a fresh one through
// hydrate. The same rule for a fresh run (whose links the execution GET has just signed, so usually
// nothing to do) and for a cache hit (whose entry keeps no links).



async function renewLinks(files, clips, limits) {
    return (0,concurrency/* mapLimit */.s)(clips, 4, async (clip, _i, abort) => {
        const current = clip.url
            ? { url: clip.url, ...(clip.urlExpiresAt !== undefined && { expiresAt: clip.urlExpiresAt }) }
            : undefined;
        if ((0,videogen_files/* isFresh */.pL)(current))
            return clip;
        return (0,src_clip/* linksFromFile */.K4)(clip, await files.hydrate(clip.fileId, { deadline: limits.deadline, signal: abort }));
    }, limits.signal);
}

;// CONCATENATED MODULE: ./src/deliver/public-preview.ts
// Permanent public links: signed URLs expire, public previews do not.

/** The clips with `publicUrl` set; those that have one already are left as they are. */
async function withPublicPreviews(files, clips, limits) {
    return (0,concurrency/* mapLimit */.s)(clips, 4, async (clip, _i, signal) => {
        if (clip.publicUrl)
            return clip;
        const file = await files.enablePublicPreview(clip.fileId, { deadline: limits.deadline, signal });
        const url = file.staticPublicPreviewSource?.url ?? file.publicHlsUrl;
        if (!url)
            throw new Error(`Public preview of ${clip.fileId} was enabled but VideoGen returned no public URL`);
        return { ...clip, publicUrl: url };
    }, limits.signal);
}

;// CONCATENATED MODULE: ./src/deliver/deliver-clips.ts
// Delivery of one finished execution's clips, the same for a fresh run and a cache hit, for a single clip
// and for each item of a batch: links that work now, public previews if asked, the files on disk, and
// the cache entry. Each part that fails is a warning or the returned failure, never a lost result: the
// clips are paid for.





async function deliverClips(execution, clips, cacheHit, d) {
    const label = d.label ?? '';
    if (clips.length === 0) {
        // Paid for, and nothing to deliver: never a quiet success with empty outputs.
        return {
            clips,
            failure: new Error('VideoGen reported success but returned no usable result (no result with a valid file id)'),
        };
    }
    if (d.expected !== undefined && clips.length < d.expected) {
        log/* log */.R.warning(`${label}${clips.length} of ${d.expected} results came back usable; delivering those`);
    }
    const limits = { deadline: d.deadline, signal: d.signal };
    let current = await renewLinks(d.files, clips, limits).catch((error) => {
        log/* log */.R.warning(`${label}Could not get fresh links for the clips (${(0,errors/* errorText */.kc)(error)}): the url outputs may have expired; the files in download-dir are complete`);
        return clips;
    });
    if (d.publicPreview) {
        const before = current;
        current = await withPublicPreviews(d.files, current, limits).catch((error) => {
            // On a cache hit this must not fail the step: every later run would hit the same entry and fail again.
            log/* log */.R.warning(`${label}Public preview${cacheHit ? ' of the cached clips' : ''}: ${(0,errors/* errorText */.kc)(error)}; the summary uses the signed links, which expire`);
            return before;
        });
    }
    else {
        // Outputs as a run with these inputs would set them: no public links unless asked for.
        current = current.map(({ publicUrl: _p, ...clip }) => clip);
    }
    if (cacheHit || !d.download || current.length === 0)
        return { clips: current };
    try {
        current = await (0,download/* downloadClips */.S)(d.files, current, {
            root: d.root,
            dir: d.dir,
            executionId: execution.toolExecutionId,
            deadline: d.deadline,
            signal: d.signal,
            log: (m) => log/* log */.R.info(`${label}${m}`),
        });
    }
    catch (error) {
        return { clips: current, failure: error };
    }
    for (const clip of current)
        log/* log */.R.info(`${label}Downloaded clip ${clip.index} → ${clip.path} (${clip.bytes} bytes)`);
    if (d.cache)
        await d.cache.store.save(d.cache.key, d.cache.request, execution, current);
    return { clips: current };
}


/***/ }),

/***/ 63561:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   S: () => (/* binding */ downloadClips),
/* harmony export */   r: () => (/* binding */ downloadDeadline)
/* harmony export */ });
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _concurrency_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(81532);
/* harmony import */ var _fs_safe_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(79284);
/* harmony import */ var _clip_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(95861);
// Download every clip into download-dir: file naming and concurrency. The transfer itself (retries,
// renewed links, limits) is the API client's.




/** Downloads may run past `timeout` by this much at most, so a clip that ends near the deadline still arrives. */
const DOWNLOAD_GRACE_MS = 10 * 60_000;
/** The deadline of the downloads: what is left of the step's, and at least the lesser of timeout and the grace. */
function downloadDeadline(stepDeadline, timeoutMs, now = Date.now()) {
    return Math.max(stepDeadline, now + Math.min(timeoutMs, DOWNLOAD_GRACE_MS));
}
/** No clip is plausibly larger; a body past this is a broken or hostile server. */
const MAX_CLIP_BYTES = 4 * 1024 ** 3;
/** Twice what the API reported (renditions differ a little), else the general cap. */
function byteLimit(clip) {
    return clip.reportedBytes ? Math.min(MAX_CLIP_BYTES, clip.reportedBytes * 2 + 1024 * 1024) : MAX_CLIP_BYTES;
}
async function downloadClips(files, clips, ctx) {
    await (0,_fs_safe_js__WEBPACK_IMPORTED_MODULE_1__/* .ensureDir */ .A0)(ctx.root, ctx.dir);
    return (0,_concurrency_js__WEBPACK_IMPORTED_MODULE_3__/* .mapLimit */ .s)(clips, ctx.concurrency ?? 6, async (clip, _i, signal) => {
        const name = (0,_clip_js__WEBPACK_IMPORTED_MODULE_2__/* .clipFileName */ ._T)(ctx.executionId, clip.index);
        const link = clip.url
            ? { url: clip.url, ...(clip.urlExpiresAt !== undefined && { expiresAt: clip.urlExpiresAt }) }
            : undefined;
        const { bytes, link: used } = await files.download({
            fileId: clip.fileId,
            what: `Download of clip ${clip.index} (${clip.fileId})`,
            ...(link && { link }),
            dir: ctx.dir,
            name,
            maxBytes: byteLimit(clip),
            deadline: ctx.deadline,
            signal,
            ...(ctx.log && { log: ctx.log }),
        });
        const thumbnail = clip.thumbnailUrl
            ? {
                url: clip.thumbnailUrl,
                ...(clip.thumbnailUrlExpiresAt !== undefined && { expiresAt: clip.thumbnailUrlExpiresAt }),
            }
            : undefined;
        const absPath = node_path__WEBPACK_IMPORTED_MODULE_0___default().join(ctx.dir, name);
        return {
            ...(0,_clip_js__WEBPACK_IMPORTED_MODULE_2__/* .withLinks */ .q9)(clip, used, thumbnail),
            absPath,
            path: node_path__WEBPACK_IMPORTED_MODULE_0___default().relative(ctx.root, absPath).split((node_path__WEBPACK_IMPORTED_MODULE_0___default().sep)).join('/'),
            bytes,
        };
    }, ctx.signal);
}


/***/ }),

/***/ 59101:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Jj: () => (/* binding */ cut),
/* harmony export */   X1: () => (/* binding */ escapeText),
/* harmony export */   jI: () => (/* binding */ ERROR_CHARS),
/* harmony export */   tO: () => (/* binding */ PROMPT_CHARS),
/* harmony export */   tW: () => (/* binding */ STATUS_ICON),
/* harmony export */   vy: () => (/* binding */ escapeUrl)
/* harmony export */ });
/* harmony import */ var _sanitize_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(25540);
// Escaping shared by the Markdown that GitHub renders (job summary, pull-request comment): nothing a user
// or an API wrote may be read as Markdown or HTML, and only plain http(s) URLs reach an attribute.

/** The prompt and an error are cut to these lengths wherever they are shown. */
const PROMPT_CHARS = 2000;
const ERROR_CHARS = 4000;
/** Escapes for HTML text and attributes, and neutralises Markdown punctuation, so nothing the user wrote is interpreted. */
function escapeText(text) {
    return (text
        .replace(/[&<>"'`*_[\]|\\#~!()]/g, (c) => `&#${c.charCodeAt(0)};`)
        // GitHub finds mentions and issue references in the rendered text, entities decoded: a zero-width space
        // after @ and # stops the ping or the link.
        .replace(/@|&#35;/g, (c) => `${c}&#8203;`)
        // Every line ending (a lone \r too: Markdown treats it as one) becomes <br>, so no blank line can end the HTML block.
        .replace(/\r\n|\r|\n/g, '<br>'));
}
/** URLs go into attributes only, and only http(s) ones without blanks or control characters. */
function escapeUrl(url) {
    if (!/^https?:\/\//i.test(url) || (0,_sanitize_js__WEBPACK_IMPORTED_MODULE_0__/* .hasUnsafeCharacters */ .dQ)(url, { blanks: true }))
        return '#';
    return url.replace(/&/g, '&amp;').replace(/"/g, '%22').replace(/'/g, '%27').replace(/</g, '%3C').replace(/>/g, '%3E');
}
const STATUS_ICON = {
    succeeded: '✅',
    failed: '❌',
    cancelled: '🚫',
    'timed-out': '⏱️',
    error: '⚠️',
    pending: '⏳',
    running: '⏳',
    'dry-run': '🧪',
};
const cut = (text, max) => text.length > max ? `${text.slice(0, max)}… (${text.length} characters in all)` : text;


/***/ }),

/***/ 45867:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   V4: () => (/* binding */ setClipOutputs),
/* harmony export */   ds: () => (/* binding */ setBatchOutputs),
/* harmony export */   f8: () => (/* binding */ itemResult),
/* harmony export */   py: () => (/* binding */ OUTPUTS),
/* harmony export */   uH: () => (/* binding */ setOutput)
/* harmony export */ });
/* unused harmony export OUTPUTS_BUDGET_BYTES */
/* harmony import */ var _actions_core__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(33838);
/* harmony import */ var _log_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(25625);
// Step outputs: the one place that sets them. Arrays are JSON; every output stays far below the runner's
// 1 MB per job.


/** Output names, as action.yml declares them. */
const OUTPUTS = {
    executionId: 'execution-id',
    status: 'status',
    fileId: 'file-id',
    fileIds: 'file-ids',
    url: 'url',
    urls: 'urls',
    thumbnailUrl: 'thumbnail-url',
    path: 'path',
    paths: 'paths',
    resultsFile: 'results-file',
    publicUrl: 'public-url',
    publicUrls: 'public-urls',
    artifactId: 'artifact-id',
    artifactUrl: 'artifact-url',
    releaseAssetUrls: 'release-asset-urls',
    requestBody: 'request-body',
    cacheHit: 'cache-hit',
    results: 'results',
    prCommentUrl: 'pr-comment-url',
};
/**
 * The runner keeps at most 1 MB of outputs per job; past it the job's outputs are dropped. This step keeps
 * its own below this, leaving room for other steps: an output that would pass it is set empty, with a
 * warning that the results file has everything.
 */
const OUTPUTS_BUDGET_BYTES = 768 * 1024;
const sizes = new Map();
function setOutput(name, value) {
    const size = Buffer.byteLength(name) + Buffer.byteLength(value);
    const others = [...sizes.entries()].reduce((sum, [n, s]) => sum + (n === name ? 0 : s), 0);
    if (others + size > OUTPUTS_BUDGET_BYTES) {
        _log_js__WEBPACK_IMPORTED_MODULE_1__/* .log */ .R.warning(`Output ${name} (${value.length} characters) is left empty: the outputs would pass the runner's limit of 1 MB per job. The results file has everything.`);
        sizes.set(name, Buffer.byteLength(name));
        _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .setOutput */ .uH(name, '');
        return;
    }
    sizes.set(name, size);
    _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .setOutput */ .uH(name, value);
}
/**
 * Arrays stay aligned with `file-ids` (null where a clip has no value), so `fromJSON(...)[i]` means the
 * same clip in every output; an array with no value at all is empty.
 */
function aligned(values) {
    return values.every((v) => v === undefined) ? [] : values.map((v) => v ?? null);
}
function setClipOutputs(clips) {
    const first = clips[0];
    setOutput(OUTPUTS.fileId, first?.fileId ?? '');
    setOutput(OUTPUTS.fileIds, JSON.stringify(clips.map((c) => c.fileId)));
    setOutput(OUTPUTS.url, first?.url ?? '');
    setOutput(OUTPUTS.urls, JSON.stringify(aligned(clips.map((c) => c.url))));
    setOutput(OUTPUTS.thumbnailUrl, first?.thumbnailUrl ?? '');
    setOutput(OUTPUTS.path, first?.path ?? '');
    setOutput(OUTPUTS.paths, JSON.stringify(aligned(clips.map((c) => c.path))));
    if (clips.some((c) => c.publicUrl)) {
        setOutput(OUTPUTS.publicUrl, first?.publicUrl ?? '');
        setOutput(OUTPUTS.publicUrls, JSON.stringify(aligned(clips.map((c) => c.publicUrl))));
    }
    const releaseUrls = clips.flatMap((c) => (c.releaseAssetUrl ? [c.releaseAssetUrl] : []));
    if (releaseUrls.length > 0)
        setOutput(OUTPUTS.releaseAssetUrls, JSON.stringify(releaseUrls));
}
function itemResult(clips, status, extra) {
    const publicUrls = aligned(clips.map((c) => c.publicUrl));
    return {
        ...(extra.executionId && { executionId: extra.executionId }),
        status,
        fileIds: clips.map((c) => c.fileId),
        urls: aligned(clips.map((c) => c.url)),
        paths: aligned(clips.map((c) => c.path)),
        ...(publicUrls.length > 0 && { publicUrls }),
        ...(extra.cacheHit && { cacheHit: true }),
        ...(extra.error && { error: extra.error }),
    };
}
/** The share of the outputs' budget `results` may take: the signed URLs go first, then the file lists. */
const RESULTS_OUTPUT_BYTES = 512 * 1024;
/**
 * The `results` output of a batch: item id → execution id, status, file ids, urls, paths. When that is too
 * large, the URLs are left to the results file, then the file ids and paths (execution id and status stay:
 * enough to resume). Returns whether anything was left out.
 */
function setBatchOutputs(results) {
    const fits = (text) => Buffer.byteLength(text) <= RESULTS_OUTPUT_BYTES;
    const full = JSON.stringify(results);
    if (fits(full)) {
        setOutput(OUTPUTS.results, full);
        return false;
    }
    const entries = Object.entries(results);
    const lean = JSON.stringify(Object.fromEntries(entries.map(([id, { urls: _u, publicUrls: _p, ...rest }]) => [id, rest])));
    const least = JSON.stringify(Object.fromEntries(entries.map(([id, r]) => [
        id,
        {
            ...(r.executionId && { executionId: r.executionId }),
            status: r.status,
            ...(r.cacheHit && { cacheHit: true }),
        },
    ])));
    setOutput(OUTPUTS.results, fits(lean) ? lean : least);
    return true;
}


/***/ }),

/***/ 89722:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   m: () => (/* binding */ publish)
/* harmony export */ });
/* harmony import */ var _outputs_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(45867);

/** `assetName` names a clip's release asset (default: its file name). */
async function publish(settings, clips, assetName) {
    let artifact;
    let current = clips;
    if (settings.artifact) {
        const { uploadClipsArtifact } = await __webpack_require__.e(/* import() */ 936).then(__webpack_require__.bind(__webpack_require__, 91555));
        const uploaded = await uploadClipsArtifact(settings.artifact, current, settings.workspace.root);
        if (uploaded) {
            (0,_outputs_js__WEBPACK_IMPORTED_MODULE_0__/* .setOutput */ .uH)(_outputs_js__WEBPACK_IMPORTED_MODULE_0__/* .OUTPUTS */ .py.artifactId, String(uploaded.id));
            (0,_outputs_js__WEBPACK_IMPORTED_MODULE_0__/* .setOutput */ .uH)(_outputs_js__WEBPACK_IMPORTED_MODULE_0__/* .OUTPUTS */ .py.artifactUrl, uploaded.url);
            artifact = { name: settings.artifact.name, url: uploaded.url };
        }
    }
    if (settings.release) {
        const { uploadReleaseAssets } = await __webpack_require__.e(/* import() */ 692).then(__webpack_require__.bind(__webpack_require__, 61692));
        current = await uploadReleaseAssets(settings.release, current, assetName);
    }
    return { clips: current, ...(artifact && { artifact }) };
}


/***/ }),

/***/ 41326:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   A: () => (/* binding */ writeResultsFile),
/* harmony export */   c: () => (/* binding */ resultsRecord)
/* harmony export */ });
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _fs_safe_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(79284);
// The results file: every execution and every clip as delivered, for later steps (results-file output).


/** A record as written: workspace-relative paths only (absolute ones mean nothing to a later job). */
function resultsRecord(execution, clips) {
    return { execution, clips: clips.map(({ absPath: _abs, ...clip }) => clip) };
}
/** Writes `<dir>/<name>` (dir inside `root`, created without following links); returns its workspace path. */
async function writeResultsFile(root, dir, name, content) {
    await (0,_fs_safe_js__WEBPACK_IMPORTED_MODULE_1__/* .ensureDir */ .A0)(root, dir);
    await (0,_fs_safe_js__WEBPACK_IMPORTED_MODULE_1__/* .writeFileSafely */ .kv)(dir, name, `${JSON.stringify(content, null, 2)}\n`);
    return node_path__WEBPACK_IMPORTED_MODULE_0___default().relative(root, node_path__WEBPACK_IMPORTED_MODULE_0___default().join(dir, name)).split((node_path__WEBPACK_IMPORTED_MODULE_0___default().sep)).join('/');
}


/***/ }),

/***/ 97667:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   K: () => (/* binding */ summarySettings)
/* harmony export */ });
const name = (ref) => ('fileId' in ref ? ref.fileId : ref.file.relPath);
function summarySettings(clip) {
    if (!clip)
        return [];
    const r = clip.request;
    const rows = [
        ['Aspect ratio', r.aspectRatio ? `${r.aspectRatio.width}:${r.aspectRatio.height}` : '16:9 (API default)'],
        ['Results', String(r.numResults)],
        ['Duration', r.durationSeconds !== undefined ? `${r.durationSeconds} s` : 'auto'],
        ['Quality', r.quality ?? "the account's default"],
        ['Watermark', r.watermarkMode],
        ['Audio', r.generateAudio ? 'guaranteed' : 'not requested'],
    ];
    if (r.suppressBackgroundMusic)
        rows.push(['Background music', 'suppressed']);
    if (r.spokenDialogue)
        rows.push(['Spoken dialogue', r.spokenDialogue]);
    if (r.voiceDescription)
        rows.push(['Voice', r.voiceDescription]);
    if (r.contentPolicyConfig)
        rows.push(['Prompt rewrites', `up to ${r.contentPolicyConfig.maxPromptRewrites}`]);
    if (r.isOutputTemporary)
        rows.push(['Output', 'temporary']);
    if (r.hideFromUi)
        rows.push(['Media page', 'hidden']);
    const { images, videos, audio, startFrame } = clip.files;
    if (startFrame)
        rows.push(['Start frame', name(startFrame)]);
    if (images.length)
        rows.push(['Images', images.map(name).join(', ')]);
    if (videos.length)
        rows.push(['Videos', videos.map(name).join(', ')]);
    if (audio.length)
        rows.push(['Audio files', audio.map(name).join(', ')]);
    const extra = Object.keys(clip.params);
    if (extra.length)
        rows.push(['params', extra.join(', ')]);
    return rows;
}


/***/ }),

/***/ 66945:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Br: () => (/* binding */ renderSummary),
/* harmony export */   Sy: () => (/* binding */ writeSummary),
/* harmony export */   Xb: () => (/* binding */ SUMMARY_BUDGET_BYTES)
/* harmony export */ });
/* harmony import */ var _actions_core__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(33838);
/* harmony import */ var _format_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(16264);
/* harmony import */ var _markup_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(59101);
// The job summary: a header with status and settings, then a row per clip with its thumbnail linking
// to the clip. Pure rendering (tested by parsing the output); bounded below the runner's 1 MiB limit.



/** The runner drops a summary over 1 MiB whole; stay well below, leaving room for other steps' parts. */
const SUMMARY_BUDGET_BYTES = 512 * 1024;
function header(input) {
    const rows = [
        ['Status', (0,_markup_js__WEBPACK_IMPORTED_MODULE_1__/* .escapeText */ .X1)(input.status) + (input.cacheHit ? ' (from cache, no new execution)' : '')],
        ...(input.executionId ? [['Execution', `<code>${(0,_markup_js__WEBPACK_IMPORTED_MODULE_1__/* .escapeText */ .X1)(input.executionId)}</code>`]] : []),
        ['Elapsed', (0,_format_js__WEBPACK_IMPORTED_MODULE_2__/* .formatDuration */ .a3)(input.elapsedMs)],
        ...input.settings.map(([k, v]) => [(0,_markup_js__WEBPACK_IMPORTED_MODULE_1__/* .escapeText */ .X1)(k), (0,_markup_js__WEBPACK_IMPORTED_MODULE_1__/* .escapeText */ .X1)(v)]),
    ];
    if (input.prompt)
        rows.push(['Prompt', (0,_markup_js__WEBPACK_IMPORTED_MODULE_1__/* .escapeText */ .X1)((0,_markup_js__WEBPACK_IMPORTED_MODULE_1__/* .cut */ .Jj)(input.prompt, _markup_js__WEBPACK_IMPORTED_MODULE_1__/* .PROMPT_CHARS */ .tO))]);
    if (input.error)
        rows.push(['Error', (0,_markup_js__WEBPACK_IMPORTED_MODULE_1__/* .escapeText */ .X1)((0,_markup_js__WEBPACK_IMPORTED_MODULE_1__/* .cut */ .Jj)(input.error, _markup_js__WEBPACK_IMPORTED_MODULE_1__/* .ERROR_CHARS */ .jI))]);
    if (input.requestId)
        rows.push(['Request id', `<code>${(0,_markup_js__WEBPACK_IMPORTED_MODULE_1__/* .escapeText */ .X1)(input.requestId)}</code>`]);
    if (input.nextStep)
        rows.push(['Next step', (0,_markup_js__WEBPACK_IMPORTED_MODULE_1__/* .escapeText */ .X1)(input.nextStep)]);
    if (input.artifact)
        rows.push(['Artifact', `<a href="${(0,_markup_js__WEBPACK_IMPORTED_MODULE_1__/* .escapeUrl */ .vy)(input.artifact.url)}">${(0,_markup_js__WEBPACK_IMPORTED_MODULE_1__/* .escapeText */ .X1)(input.artifact.name)}</a>`]);
    if (input.resultsFile)
        rows.push(['Results file', `<code>${(0,_markup_js__WEBPACK_IMPORTED_MODULE_1__/* .escapeText */ .X1)(input.resultsFile)}</code>`]);
    const body = rows.map(([k, v]) => `<tr><th align="left">${k}</th><td>${v}</td></tr>`).join('\n');
    return `<h2>${_markup_js__WEBPACK_IMPORTED_MODULE_1__/* .STATUS_ICON */ .tW[input.status] ?? '🎬'} VideoGen clip: ${(0,_markup_js__WEBPACK_IMPORTED_MODULE_1__/* .escapeText */ .X1)(input.status)}</h2>\n<table>\n${body}\n</table>\n`;
}
function clipRow(clip, artifact) {
    const link = clip.publicUrl ?? clip.url;
    const thumb = clip.thumbnailUrl
        ? `<img src="${(0,_markup_js__WEBPACK_IMPORTED_MODULE_1__/* .escapeUrl */ .vy)(clip.thumbnailUrl)}" width="240" alt="clip ${clip.index} thumbnail">`
        : '🎞️';
    const preview = link ? `<a href="${(0,_markup_js__WEBPACK_IMPORTED_MODULE_1__/* .escapeUrl */ .vy)(link)}">${thumb}</a>` : thumb;
    const name = link ? `<a href="${(0,_markup_js__WEBPACK_IMPORTED_MODULE_1__/* .escapeUrl */ .vy)(link)}">${(0,_markup_js__WEBPACK_IMPORTED_MODULE_1__/* .escapeText */ .X1)(clip.fileId)}</a>` : (0,_markup_js__WEBPACK_IMPORTED_MODULE_1__/* .escapeText */ .X1)(clip.fileId);
    const file = clip.path ? `<br><code>${(0,_markup_js__WEBPACK_IMPORTED_MODULE_1__/* .escapeText */ .X1)(clip.path)}</code>` : '';
    const duration = clip.durationSeconds !== undefined ? `${clip.durationSeconds} s` : '—';
    const size = clip.bytes !== undefined ? (0,_format_js__WEBPACK_IMPORTED_MODULE_2__/* .formatBytes */ .z3)(clip.bytes) : '—';
    const art = artifact ? `<a href="${(0,_markup_js__WEBPACK_IMPORTED_MODULE_1__/* .escapeUrl */ .vy)(artifact.url)}">${(0,_markup_js__WEBPACK_IMPORTED_MODULE_1__/* .escapeText */ .X1)(artifact.name)}</a>` : '—';
    const expiry = clip.publicUrl ? 'public link, does not expire' : link ? (0,_format_js__WEBPACK_IMPORTED_MODULE_2__/* .formatExpiry */ .B8)(clip.urlExpiresAt) : '—';
    return `<tr><td>${clip.index}</td><td>${preview}</td><td>${name}${file}</td><td>${duration}</td><td>${size}</td><td>${art}</td><td>${expiry}</td></tr>`;
}
/** Said once under the clips when any link shown is a signed one: it stops working. */
function expiryNote(input) {
    if (!input.clips.some((c) => !c.publicUrl && (c.url || c.thumbnailUrl)))
        return '';
    const alternative = input.artifact
        ? 'the artifact above keeps the files'
        : 'set `public-preview: true` for permanent links, or `artifact-name` to keep the files with the run';
    return `\n<p>Signed links and thumbnails expire (see "Link expires"): ${(0,_markup_js__WEBPACK_IMPORTED_MODULE_1__/* .escapeText */ .X1)(alternative)}.</p>\n`;
}
/** The request body shows at most this much of the summary's budget (a batch of 500 can be megabytes). */
const REQUEST_BODY_SHARE = 0.5;
function requestBodyBlock(body, budget) {
    if (body === undefined)
        return '';
    const max = Math.floor(budget * REQUEST_BODY_SHARE);
    // Escaped first, then cut: a backtick takes six bytes once escaped, and the cut counts what is written.
    const escaped = body.replace(/`/g, '\\u0060');
    const shown = Buffer.byteLength(escaped) > max
        ? `${Buffer.from(escaped).subarray(0, max).toString('utf8')}\n… (cut: the log has all of it)`
        : escaped;
    return `\n<details><summary>Request body</summary>\n\n\`\`\`json\n${shown}\n\`\`\`\n</details>\n`;
}
function renderSummary(input, budget = SUMMARY_BUDGET_BYTES) {
    let out = header(input) + requestBodyBlock(input.requestBody, budget);
    if (input.clips.length === 0)
        return out;
    const open = '\n<table>\n<tr><th>#</th><th>Preview</th><th>Clip</th><th>Duration</th><th>Size</th><th>Artifact</th><th>Link expires</th></tr>\n';
    const close = '</table>\n';
    const reserve = 1000; // room for the closing tag and the notes
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
        out += `\n<p>${left} of ${input.clips.length} results are left out to keep this summary under the runner's size limit; all of them are in the results file${input.resultsFile ? ` <code>${(0,_markup_js__WEBPACK_IMPORTED_MODULE_1__/* .escapeText */ .X1)((0,_markup_js__WEBPACK_IMPORTED_MODULE_1__/* .cut */ .Jj)(input.resultsFile, 300))}</code>` : ''} and the step outputs.</p>\n`;
    }
    return out + expiryNote(input);
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
/** Unix seconds → ISO-like UTC text, e.g. "2026-11-24 23:10 UTC"; anything unusable → "expiry unknown". */
function formatExpiry(unixSeconds) {
    const date = new Date((unixSeconds ?? NaN) * 1000);
    if (!unixSeconds || Number.isNaN(date.getTime()))
        return 'expiry unknown';
    return date
        .toISOString()
        .replace('T', ' ')
        .replace(/:\d\d\.\d+Z$/, ' UTC');
}


/***/ }),

/***/ 41730:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   main: () => (/* binding */ main)
/* harmony export */ });
/* unused harmony export ActionFailure */
/* harmony import */ var _log_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(25625);
/* harmony import */ var _actions_core__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(33838);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var _cancel_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(90833);
/* harmony import */ var _clip_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(95861);
/* harmony import */ var _deliver_deliver_clips_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(77993);
/* harmony import */ var _deliver_download_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(63561);
/* harmony import */ var _deliver_outputs_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(45867);
/* harmony import */ var _deliver_publish_js__WEBPACK_IMPORTED_MODULE_8__ = __webpack_require__(89722);
/* harmony import */ var _deliver_results_file_js__WEBPACK_IMPORTED_MODULE_9__ = __webpack_require__(41326);
/* harmony import */ var _deliver_summary_js__WEBPACK_IMPORTED_MODULE_10__ = __webpack_require__(66945);
/* harmony import */ var _deliver_summary_settings_js__WEBPACK_IMPORTED_MODULE_25__ = __webpack_require__(97667);
/* harmony import */ var _format_js__WEBPACK_IMPORTED_MODULE_20__ = __webpack_require__(16264);
/* harmony import */ var _inputs_settings_js__WEBPACK_IMPORTED_MODULE_11__ = __webpack_require__(91893);
/* harmony import */ var _request_body_js__WEBPACK_IMPORTED_MODULE_22__ = __webpack_require__(22579);
/* harmony import */ var _sanitize_js__WEBPACK_IMPORTED_MODULE_24__ = __webpack_require__(25540);
/* harmony import */ var _create_js__WEBPACK_IMPORTED_MODULE_12__ = __webpack_require__(55183);
/* harmony import */ var _preflight_js__WEBPACK_IMPORTED_MODULE_13__ = __webpack_require__(4504);
/* harmony import */ var _state_js__WEBPACK_IMPORTED_MODULE_14__ = __webpack_require__(2462);
/* harmony import */ var _step_run_js__WEBPACK_IMPORTED_MODULE_15__ = __webpack_require__(69553);
/* harmony import */ var _signals_js__WEBPACK_IMPORTED_MODULE_16__ = __webpack_require__(50970);
/* harmony import */ var _uploads_js__WEBPACK_IMPORTED_MODULE_21__ = __webpack_require__(68701);
/* harmony import */ var _videogen_client_js__WEBPACK_IMPORTED_MODULE_17__ = __webpack_require__(27354);
/* harmony import */ var _videogen_errors_js__WEBPACK_IMPORTED_MODULE_18__ = __webpack_require__(49532);
/* harmony import */ var _videogen_types_js__WEBPACK_IMPORTED_MODULE_23__ = __webpack_require__(21162);
/* harmony import */ var _wait_js__WEBPACK_IMPORTED_MODULE_19__ = __webpack_require__(40910);
// The main step, top-down: inputs → preflight → create (or resume, or a cache hit) → follow → deliver.
// Each stage shows as a group in the log and returns what the next one needs; the execution goes down
// through them and is written out once, by `report`, at the end.


























class ActionFailure extends Error {
    details;
    name = 'ActionFailure';
    constructor(message, details = {}) {
        super(message);
        this.details = details;
    }
}
async function main(apiKey) {
    const started = Date.now();
    const settings = await _actions_core__WEBPACK_IMPORTED_MODULE_1__/* .group */ .Os('Inputs', async () => {
        const loaded = await (0,_inputs_settings_js__WEBPACK_IMPORTED_MODULE_11__/* .loadSettings */ .M5)(_actions_core__WEBPACK_IMPORTED_MODULE_1__/* .getInput */ .V4, apiKey);
        for (const warning of loaded.warnings)
            _log_js__WEBPACK_IMPORTED_MODULE_0__/* .log */ .R.warning(warning);
        _log_js__WEBPACK_IMPORTED_MODULE_0__/* .log */ .R.info(`API ${loaded.baseUrl}; timeout ${(0,_format_js__WEBPACK_IMPORTED_MODULE_20__/* .formatDuration */ .a3)(loaded.timeoutMs)}`);
        return loaded;
    });
    if (settings.dryRun) {
        const { dryRun } = await __webpack_require__.e(/* import() */ 394).then(__webpack_require__.bind(__webpack_require__, 24394));
        return dryRun(settings);
    }
    const client = (0,_videogen_client_js__WEBPACK_IMPORTED_MODULE_17__/* .createClient */ .U)(settings.baseUrl, settings.apiKey, { log: { debug: _log_js__WEBPACK_IMPORTED_MODULE_0__/* .log */ .R.debug, info: _log_js__WEBPACK_IMPORTED_MODULE_0__/* .log */ .R.info } });
    const state = new _state_js__WEBPACK_IMPORTED_MODULE_14__/* .MainState */ .FC(settings.batch !== undefined);
    state.rememberBaseUrl(settings.baseUrl);
    const run = settings.batch
        ? new (await __webpack_require__.e(/* import() */ 560).then(__webpack_require__.bind(__webpack_require__, 47560))).BatchRun(settings, client, state, started)
        : new Run(settings, client, state, started);
    const cancel = (0,_signals_js__WEBPACK_IMPORTED_MODULE_16__/* .listenForCancel */ .Fh)((name) => _log_js__WEBPACK_IMPORTED_MODULE_0__/* .log */ .R.info(run.onSignal(name)));
    run.signal = cancel.signal;
    try {
        await run.execute();
    }
    finally {
        cancel.dispose();
        await client.close();
    }
}
class Run extends _step_run_js__WEBPACK_IMPORTED_MODULE_15__/* .StepRun */ .m {
    executionId;
    /** What the run last reported (summarize): the pull-request comment says the same. */
    reported;
    request = this.settings.requests[0];
    onSignal(name) {
        if (this.creator.creating) {
            return `Received ${name} while the create request is in flight: it cannot be withdrawn, so its execution will be cancelled as soon as its id arrives (or by the post step, if this step is killed first)`;
        }
        return `Received ${name}: stopping`;
    }
    async commentOnPr(error, cancelled) {
        if (!this.prComment)
            return;
        const prompt = this.request?.request.prompt;
        const { postPrComment } = await __webpack_require__.e(/* import() */ 617).then(__webpack_require__.bind(__webpack_require__, 2617));
        const report = this.reported ?? {
            status: cancelled ? 'cancelled' : 'error',
            clips: [],
            ...(this.executionId && { executionId: this.executionId }),
            error: (0,_videogen_errors_js__WEBPACK_IMPORTED_MODULE_18__/* .errorText */ .kc)(error),
        };
        await postPrComment(this.prComment, { ...report, ...(prompt && { prompt }) }, cancelled?.budgetMs);
    }
    async run() {
        await (0,_preflight_js__WEBPACK_IMPORTED_MODULE_13__/* .preflight */ .M)(this.settings, (target) => (this.prComment = target));
        const start = await this.createOrResume();
        if (start.kind === 'cached') {
            return _actions_core__WEBPACK_IMPORTED_MODULE_1__/* .group */ .Os('Delivery (from the cache)', () => this.deliver(start.restored.execution, start.restored.clips, true));
        }
        const id = start.id;
        if (!this.settings.wait)
            return this.detach(id);
        const execution = await _actions_core__WEBPACK_IMPORTED_MODULE_1__/* .group */ .Os(`Waiting for ${id}`, () => this.follow(id, start.createdAt));
        if (execution.status !== 'succeeded')
            return this.onUnsuccessful(execution);
        await _actions_core__WEBPACK_IMPORTED_MODULE_1__/* .group */ .Os('Delivery', () => this.deliver(execution, (0,_clip_js__WEBPACK_IMPORTED_MODULE_4__/* .clipsOf */ .Hh)(execution), false, start.cacheKey));
    }
    async createOrResume() {
        const s = this.settings;
        if (s.executionId) {
            this.executionId = s.executionId;
            this.state.track(s.executionId);
            (0,_deliver_outputs_js__WEBPACK_IMPORTED_MODULE_7__/* .setOutput */ .uH)(_deliver_outputs_js__WEBPACK_IMPORTED_MODULE_7__/* .OUTPUTS */ .py.executionId, s.executionId);
            _log_js__WEBPACK_IMPORTED_MODULE_0__/* .log */ .R.info(`Resuming execution ${s.executionId}`);
            return { kind: 'resumed', id: s.executionId, createdAt: Date.now() };
        }
        const request = this.request;
        let cacheKey;
        if (s.cache) {
            const restored = await _actions_core__WEBPACK_IMPORTED_MODULE_1__/* .group */ .Os('Cache', async () => {
                const cache = await this.openCache();
                if (!cache)
                    return undefined;
                cacheKey = await cache.keyOf(request);
                _log_js__WEBPACK_IMPORTED_MODULE_0__/* .log */ .R.info(`Cache key: ${cacheKey}`);
                return cache.restore(cacheKey, request, s.downloadDir);
            });
            if (restored) {
                _log_js__WEBPACK_IMPORTED_MODULE_0__/* .log */ .R.info(`Cache hit: reused execution ${restored.execution.toolExecutionId}; no new execution was created`);
                return { kind: 'cached', restored };
            }
        }
        const body = await _actions_core__WEBPACK_IMPORTED_MODULE_1__/* .group */ .Os('Uploads', () => this.uploadAndBuild(request));
        const id = await _actions_core__WEBPACK_IMPORTED_MODULE_1__/* .group */ .Os('Create', () => this.create(body));
        return { kind: 'created', id, createdAt: Date.now(), ...(cacheKey && { cacheKey }) };
    }
    async uploadAndBuild(request) {
        const { files } = request;
        const refs = [...files.images, ...files.videos, ...files.audio, ...(files.startFrame ? [files.startFrame] : [])];
        const cache = this.cache;
        const idOf = await (0,_uploads_js__WEBPACK_IMPORTED_MODULE_21__/* .uploadAll */ .d)(this.client.files, refs, {
            isTemporary: this.settings.temporaryUploads,
            deadline: this.deadline,
            signal: this.signal,
            log: _log_js__WEBPACK_IMPORTED_MODULE_0__/* .log */ .R.info,
            ...(cache && { reuse: (f) => cache.reuseUpload(f), uploaded: (f, id) => cache.rememberUpload(f, id) }),
        });
        if (refs.length === 0)
            _log_js__WEBPACK_IMPORTED_MODULE_0__/* .log */ .R.info('Nothing to upload');
        const { body, overridden } = (0,_request_body_js__WEBPACK_IMPORTED_MODULE_22__/* .buildRequestBody */ .Q)(request, await (0,_request_body_js__WEBPACK_IMPORTED_MODULE_22__/* .mapRequestFiles */ .b)(files, idOf));
        for (const key of overridden)
            _log_js__WEBPACK_IMPORTED_MODULE_0__/* .log */ .R.warning(`params.${key} is ignored: a typed input sets ${key}`);
        return body;
    }
    async create(body) {
        this.signal.throwIfAborted();
        const left = this.deadline - Date.now();
        if ((0,_create_js__WEBPACK_IMPORTED_MODULE_12__/* .tooLateToCreate */ .mg)(this.deadline, this.settings.timeoutMs)) {
            throw new ActionFailure(`Timed out before creating the execution: the uploads took ${(0,_format_js__WEBPACK_IMPORTED_MODULE_20__/* .formatDuration */ .a3)(Date.now() - this.started)} of the ${(0,_format_js__WEBPACK_IMPORTED_MODULE_20__/* .formatDuration */ .a3)(this.settings.timeoutMs)} timeout, leaving ${(0,_format_js__WEBPACK_IMPORTED_MODULE_20__/* .formatDuration */ .a3)(Math.max(0, left))}. Nothing was created or billed; raise timeout.`);
        }
        const id = await this.creator.create(body, { deadline: this.deadline });
        this.executionId = id;
        (0,_deliver_outputs_js__WEBPACK_IMPORTED_MODULE_7__/* .setOutput */ .uH)(_deliver_outputs_js__WEBPACK_IMPORTED_MODULE_7__/* .OUTPUTS */ .py.executionId, id);
        _log_js__WEBPACK_IMPORTED_MODULE_0__/* .log */ .R.info(`Created execution ${id}`);
        this.signal.throwIfAborted();
        return id;
    }
    async detach(id) {
        let status = 'pending';
        try {
            status = (await this.client.tools.getExecution(id, {
                deadline: Math.min(this.deadline, Date.now() + 30_000),
                signal: this.signal,
            })).status;
        }
        catch (error) {
            if (this.signal.aborted)
                throw error;
            // The execution exists and is paid for: failing here would invite a re-run that pays again.
            _log_js__WEBPACK_IMPORTED_MODULE_0__/* .log */ .R.warning(`Created execution ${id}, but could not read its status (${(0,_videogen_errors_js__WEBPACK_IMPORTED_MODULE_18__/* .errorText */ .kc)(error)}); reporting it as pending`);
        }
        // Left running on purpose only if the workflow goes on: after a signal no later step would resume it.
        this.signal.throwIfAborted();
        this.state.settle(id, 'detached');
        (0,_deliver_outputs_js__WEBPACK_IMPORTED_MODULE_7__/* .setOutput */ .uH)(_deliver_outputs_js__WEBPACK_IMPORTED_MODULE_7__/* .OUTPUTS */ .py.status, status);
        _log_js__WEBPACK_IMPORTED_MODULE_0__/* .log */ .R.info(`Not waiting (wait: false). Resume in a later step with execution-id: ${id}`);
    }
    /** Polls until the execution ends. A timeout or a wait that cannot go on ends the step (abandonWait). */
    async follow(id, createdAt) {
        let outcome;
        try {
            outcome = await (0,_wait_js__WEBPACK_IMPORTED_MODULE_19__/* .waitForExecution */ .Li)(id, {
                createdAt,
                deadline: this.deadline,
                signal: this.signal,
                getExecution: (execId, options) => this.client.tools.getExecution(execId, options),
                log: _log_js__WEBPACK_IMPORTED_MODULE_0__/* .log */ .R.info,
            });
        }
        catch (error) {
            if (this.signal.aborted)
                throw error;
            // Polling failed for good (the API kept failing): the execution may be running and billing.
            return this.abandonWait(id, undefined, error);
        }
        if (outcome.kind === 'timeout')
            return this.abandonWait(id, outcome.last);
        this.state.settle(id, 'terminal');
        const execution = outcome.execution;
        (0,_deliver_outputs_js__WEBPACK_IMPORTED_MODULE_7__/* .setOutput */ .uH)(_deliver_outputs_js__WEBPACK_IMPORTED_MODULE_7__/* .OUTPUTS */ .py.status, execution.status);
        _log_js__WEBPACK_IMPORTED_MODULE_0__/* .log */ .R.info(`Execution ${id} ${execution.status} after ${(0,_format_js__WEBPACK_IMPORTED_MODULE_20__/* .formatDuration */ .a3)(Date.now() - this.started)} (${outcome.polls} polls)`);
        return execution;
    }
    /**
     * The wait ended without a terminal status: timeout reached (`cause` undefined) or polling failed for
     * good. Either way the execution may still be running: cancel it, or leave it on purpose
     * (cancel-on-timeout: false) so that a later step can resume it.
     */
    async abandonWait(id, last, cause) {
        const elapsed = (0,_format_js__WEBPACK_IMPORTED_MODULE_20__/* .formatDuration */ .a3)(Date.now() - this.started);
        const seen = last ? ` (last seen ${last.status} ${Math.floor(last.progressPercentage ?? 0)}%)` : '';
        let what;
        let nextStep;
        if (this.settings.cancelOnTimeout) {
            const status = await this.cancel(id, _cancel_js__WEBPACK_IMPORTED_MODULE_3__/* .CANCEL_BUDGET_MS */ .W3);
            what = `Execution ${id} ${(0,_cancel_js__WEBPACK_IMPORTED_MODULE_3__/* .cancelOutcome */ .Lb)(status)}.`;
        }
        else {
            this.state.settle(id, 'detached');
            what = `It is still running (cancel-on-timeout: false): resume it in a later step with execution-id: ${id}`;
            nextStep = `Resume it with execution-id: ${id}`;
        }
        const status = cause === undefined ? 'timed-out' : 'error';
        (0,_deliver_outputs_js__WEBPACK_IMPORTED_MODULE_7__/* .setOutput */ .uH)(_deliver_outputs_js__WEBPACK_IMPORTED_MODULE_7__/* .OUTPUTS */ .py.status, status);
        const headline = cause === undefined
            ? `Timed out after ${elapsed} (timeout ${(0,_format_js__WEBPACK_IMPORTED_MODULE_20__/* .formatDuration */ .a3)(this.settings.timeoutMs)}) waiting for execution ${id}${seen}`
            : `Could not follow execution ${id}: ${(0,_videogen_errors_js__WEBPACK_IMPORTED_MODULE_18__/* .errorText */ .kc)(cause)} (after ${elapsed})`;
        const failure = new ActionFailure(`${headline}. ${what}`, { ...requestIdOf(cause), ...(nextStep && { nextStep }) });
        await this.summarizeFailure(status, failure);
        throw failure;
    }
    async onUnsuccessful(execution) {
        const id = execution.toolExecutionId;
        let message;
        if (execution.status === 'failed') {
            const e = execution.error ?? {};
            message = `Execution ${id} failed: ${e.message ?? 'no message'}${e.code ? ` (code ${e.code})` : ''}.${(0,_videogen_errors_js__WEBPACK_IMPORTED_MODULE_18__/* .describeRequirement */ .vo)(e.requirement)}`;
        }
        else {
            message = `Execution ${id} was cancelled by someone else (a user, another job or VideoGen), not by this action.`;
        }
        const failure = new ActionFailure(message);
        await this.summarizeFailure(execution.status, failure);
        throw failure;
    }
    async cancel(id, budgetMs) {
        const status = await (0,_cancel_js__WEBPACK_IMPORTED_MODULE_3__/* .cancelAndConfirm */ .Un)(this.client.tools, id, budgetMs, _log_js__WEBPACK_IMPORTED_MODULE_0__/* .log */ .R);
        if (status !== undefined && (0,_videogen_types_js__WEBPACK_IMPORTED_MODULE_23__/* .isTerminal */ .H)(status))
            this.state.settle(id, 'terminal');
        return status;
    }
    async onCancelled(error) {
        const reason = this.signal.reason instanceof _signals_js__WEBPACK_IMPORTED_MODULE_16__/* .CancelledByRunner */ .hz ? this.signal.reason.message : 'cancelled';
        const id = this.executionId;
        // A create that failed ambiguously while the signal arrived may still have created (and billed) one: say so.
        if (!id && error instanceof _videogen_errors_js__WEBPACK_IMPORTED_MODULE_18__/* .AmbiguousCreateError */ .J$) {
            return new ActionFailure(`Stopped: ${reason}. ${error.message} The post step looks for it and cancels it.`);
        }
        if (!id)
            return new ActionFailure(`Stopped: ${reason}. No execution had been created.`);
        const settled = this.state.settledAs(id);
        if (settled) {
            return new ActionFailure(`Stopped: ${reason}. Execution ${id} had already ${settled === 'terminal' ? 'ended' : 'been left running on purpose'}.`);
        }
        const status = await this.cancel(id, (0,_cancel_js__WEBPACK_IMPORTED_MODULE_3__/* .signalBudget */ .Ku)((0,_signals_js__WEBPACK_IMPORTED_MODULE_16__/* .signalArrival */ .KH)(this.signal)));
        (0,_deliver_outputs_js__WEBPACK_IMPORTED_MODULE_7__/* .setOutput */ .uH)(_deliver_outputs_js__WEBPACK_IMPORTED_MODULE_7__/* .OUTPUTS */ .py.status, status ?? 'cancelling');
        return new ActionFailure(`Stopped: ${reason}. Execution ${id} ${(0,_cancel_js__WEBPACK_IMPORTED_MODULE_3__/* .cancelOutcome */ .Lb)(status)}.`);
    }
    /**
     * The clips are paid for by now: whatever fails, every step of delivery that can still run does, and
     * the outputs, the results file and the summary are written with what was delivered.
     */
    async deliver(execution, clips, cacheHit, cacheKey) {
        const s = this.settings;
        const id = execution.toolExecutionId;
        if (cacheHit) {
            (0,_deliver_outputs_js__WEBPACK_IMPORTED_MODULE_7__/* .setOutput */ .uH)(_deliver_outputs_js__WEBPACK_IMPORTED_MODULE_7__/* .OUTPUTS */ .py.executionId, id);
            (0,_deliver_outputs_js__WEBPACK_IMPORTED_MODULE_7__/* .setOutput */ .uH)(_deliver_outputs_js__WEBPACK_IMPORTED_MODULE_7__/* .OUTPUTS */ .py.status, execution.status);
        }
        if (s.cache)
            (0,_deliver_outputs_js__WEBPACK_IMPORTED_MODULE_7__/* .setOutput */ .uH)(_deliver_outputs_js__WEBPACK_IMPORTED_MODULE_7__/* .OUTPUTS */ .py.cacheHit, String(cacheHit));
        const delivered = await (0,_deliver_deliver_clips_js__WEBPACK_IMPORTED_MODULE_5__/* .deliverClips */ .H)(execution, clips, cacheHit, {
            files: this.client.files,
            root: s.workspace.root,
            dir: s.downloadDir,
            download: s.download,
            publicPreview: s.publicPreview,
            deadline: (0,_deliver_download_js__WEBPACK_IMPORTED_MODULE_6__/* .downloadDeadline */ .r)(this.deadline, s.timeoutMs),
            ...(this.request && { expected: this.request.request.numResults }),
            signal: this.signal,
            ...(this.cache &&
                cacheKey &&
                this.request && { cache: { store: this.cache, key: cacheKey, request: this.request } }),
        });
        let current = delivered.clips;
        let failure = delivered.failure;
        let artifact;
        if (failure === undefined) {
            try {
                const published = await (0,_deliver_publish_js__WEBPACK_IMPORTED_MODULE_8__/* .publish */ .m)(s, current);
                current = published.clips;
                artifact = published.artifact;
            }
            catch (error) {
                failure = error;
            }
        }
        const resultsFile = await this.report(execution, current);
        // After a fresh run a plain re-run would generate (and bill) again; resuming only delivers.
        const error = failure === undefined
            ? undefined
            : cacheHit
                ? (0,_videogen_errors_js__WEBPACK_IMPORTED_MODULE_18__/* .errorText */ .kc)(failure)
                : `The execution succeeded, but delivery failed: ${(0,_sanitize_js__WEBPACK_IMPORTED_MODULE_24__/* .sentence */ .em)((0,_videogen_errors_js__WEBPACK_IMPORTED_MODULE_18__/* .errorText */ .kc)(failure))} To deliver it without paying again, run the step with execution-id: ${id} (not a plain re-run).`;
        await this.summarize({
            status: execution.status,
            executionId: id,
            clips: current,
            ...(cacheHit && { cacheHit }),
            ...(artifact && { artifact }),
            ...(resultsFile && { resultsFile }),
            ...(error && { error }),
            ...(error && !cacheHit && { nextStep: `Resume with execution-id: ${id}` }),
        });
        if (error !== undefined)
            throw new ActionFailure(error);
    }
    /** The results file and the clip outputs, once, from what delivery returned. Returns the file's path. */
    async report(execution, clips) {
        (0,_deliver_outputs_js__WEBPACK_IMPORTED_MODULE_7__/* .setClipOutputs */ .V4)(clips);
        try {
            const s = this.settings;
            const file = await (0,_deliver_results_file_js__WEBPACK_IMPORTED_MODULE_9__/* .writeResultsFile */ .A)(s.workspace.root, s.downloadDir, `${execution.toolExecutionId}.json`, (0,_deliver_results_file_js__WEBPACK_IMPORTED_MODULE_9__/* .resultsRecord */ .c)(execution, clips));
            (0,_deliver_outputs_js__WEBPACK_IMPORTED_MODULE_7__/* .setOutput */ .uH)(_deliver_outputs_js__WEBPACK_IMPORTED_MODULE_7__/* .OUTPUTS */ .py.resultsFile, file);
            return file;
        }
        catch (error) {
            // The clips are paid for and delivered: a results file that cannot be written is worth a warning only.
            _log_js__WEBPACK_IMPORTED_MODULE_0__/* .log */ .R.warning(`Could not write the results file in ${node_path__WEBPACK_IMPORTED_MODULE_2___default().basename(this.settings.downloadDir)}: ${(0,_videogen_errors_js__WEBPACK_IMPORTED_MODULE_18__/* .errorText */ .kc)(error)}`);
            return undefined;
        }
    }
    summarizeFailure(status, failure) {
        return this.summarize({
            status,
            ...(this.executionId && { executionId: this.executionId }),
            clips: [],
            error: failure.message,
            ...failure.details,
        });
    }
    /** The job summary, if enabled. A summary that cannot be rendered or written is a warning, never a failed (paid) run. */
    async summarize(part) {
        this.reported = part;
        if (!this.settings.summary)
            return;
        try {
            const prompt = this.request?.request.prompt;
            const markdown = (0,_deliver_summary_js__WEBPACK_IMPORTED_MODULE_10__/* .renderSummary */ .Br)({
                ...part,
                elapsedMs: Date.now() - this.started,
                settings: (0,_deliver_summary_settings_js__WEBPACK_IMPORTED_MODULE_25__/* .summarySettings */ .K)(this.request),
                ...(prompt && { prompt }),
            });
            await (0,_deliver_summary_js__WEBPACK_IMPORTED_MODULE_10__/* .writeSummary */ .Sy)(markdown);
        }
        catch (error) {
            _log_js__WEBPACK_IMPORTED_MODULE_0__/* .log */ .R.warning(`Could not write the job summary: ${(0,_videogen_errors_js__WEBPACK_IMPORTED_MODULE_18__/* .errorText */ .kc)(error)}`);
        }
    }
}
function requestIdOf(error) {
    return error instanceof _videogen_errors_js__WEBPACK_IMPORTED_MODULE_18__/* .VideoGenApiError */ .gr && error.requestId ? { requestId: error.requestId } : {};
}


/***/ }),

/***/ 4504:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   M: () => (/* binding */ preflight)
/* harmony export */ });
/* harmony import */ var _actions_core__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(33838);
/* harmony import */ var _inputs_input_error_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(39354);
/* harmony import */ var _log_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(25625);
/* harmony import */ var _videogen_errors_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(49532);
// Before anything is created or billed: a delivery that cannot work would only fail after the clips were
// paid for. Read-only checks of the pull request to comment on, the artifact name and the release target,
// each run even after another failed, so that one run names every input to fix.




/** `found` receives the pull request to comment on as soon as it is known, so a later check that fails is reported there too. */
async function preflight(settings, found) {
    const { artifact, release, prComment } = settings;
    if (!artifact && !release && !prComment)
        return;
    await _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .group */ .Os('Preflight', async () => {
        const problems = new _inputs_input_error_js__WEBPACK_IMPORTED_MODULE_1__/* .Problems */ .Zw();
        const failures = [];
        const check = async (work) => {
            try {
                await problems.take(work);
            }
            catch (error) {
                failures.push(error);
            }
        };
        if (prComment) {
            await check(async () => {
                const target = await (await __webpack_require__.e(/* import() */ 617).then(__webpack_require__.bind(__webpack_require__, 2617))).preparePrComment(prComment);
                if (target)
                    found?.(target);
            });
        }
        if (artifact)
            await check(async () => (await __webpack_require__.e(/* import() */ 936).then(__webpack_require__.bind(__webpack_require__, 91555))).checkArtifactNameFree(artifact.name));
        if (release)
            await check(async () => (await __webpack_require__.e(/* import() */ 692).then(__webpack_require__.bind(__webpack_require__, 61692))).checkReleaseTarget(release));
        if (failures.length > 0) {
            // The first failure is the step's error; every other problem found meanwhile is named too.
            for (const problem of problems.errors)
                _log_js__WEBPACK_IMPORTED_MODULE_2__/* .log */ .R.error(problem.message);
            for (const failure of failures.slice(1))
                _log_js__WEBPACK_IMPORTED_MODULE_2__/* .log */ .R.error((0,_videogen_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .errorText */ .kc)(failure));
            throw failures[0];
        }
        problems.throwIfAny();
    });
}


/***/ }),

/***/ 22579:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Q: () => (/* binding */ buildRequestBody),
/* harmony export */   b: () => (/* binding */ mapRequestFiles)
/* harmony export */ });
function buildRequestBody(clip, ids) {
    const typed = {
        ...clip.request,
        ...(ids.images.length > 0 && { imageFileIds: ids.images }),
        ...(ids.videos.length > 0 && { videoFileIds: ids.videos }),
        ...(ids.audio.length > 0 && { audioFileIds: ids.audio }),
        ...(ids.startFrame !== undefined && { startFrameFileId: ids.startFrame }),
    };
    const overridden = Object.keys(clip.params).filter((k) => k in typed);
    return { body: { ...clip.params, ...typed }, overridden };
}
/** Maps every file reference of a request (images, videos, audio, start frame) through `id`, keeping the shape. */
async function mapRequestFiles(files, id) {
    const all = (refs) => Promise.all(refs.map(id));
    const [images, videos, audio] = await Promise.all([all(files.images), all(files.videos), all(files.audio)]);
    return { images, videos, audio, ...(files.startFrame && { startFrame: await id(files.startFrame) }) };
}


/***/ }),

/***/ 50970:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Fh: () => (/* binding */ listenForCancel),
/* harmony export */   KH: () => (/* binding */ signalArrival),
/* harmony export */   hz: () => (/* binding */ CancelledByRunner)
/* harmony export */ });
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
/** When the runner's first signal arrived (now, for an abort of another kind): its kill schedule counts from there. */
function signalArrival(signal) {
    return signal.reason instanceof CancelledByRunner ? signal.reason.at : Date.now();
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


/***/ }),

/***/ 69553:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   m: () => (/* binding */ StepRun)
/* harmony export */ });
/* harmony import */ var _cancel_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(90833);
/* harmony import */ var _create_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(55183);
/* harmony import */ var _signals_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(50970);



class StepRun {
    settings;
    client;
    state;
    started;
    signal = new AbortController().signal;
    deadline;
    creator;
    cache;
    prComment;
    constructor(settings, client, state, started) {
        this.settings = settings;
        this.client = client;
        this.state = state;
        this.started = started;
        this.deadline = started + settings.timeoutMs;
        this.creator = new _create_js__WEBPACK_IMPORTED_MODULE_1__/* .Creator */ .BV(client.tools, state, () => this.signal);
    }
    /** The cache (cache: true), loaded only then; undefined where the service cannot be used (warned). */
    async openCache() {
        const s = this.settings;
        const { openCache } = await __webpack_require__.e(/* import() */ 930).then(__webpack_require__.bind(__webpack_require__, 30930));
        this.cache = await openCache({
            root: s.workspace.root,
            baseUrl: s.baseUrl,
            rememberUploads: !s.temporaryUploads,
            files: this.client.files,
        });
        return this.cache;
    }
    /**
     * The run, then the pull-request comment whatever the outcome, so that an earlier run's success never stays
     * on the pull request. After the runner's signal the executions are cancelled first, and the comment gets
     * what is left before the kill.
     */
    async execute() {
        try {
            await this.run();
        }
        catch (error) {
            if (error instanceof _signals_js__WEBPACK_IMPORTED_MODULE_2__/* .CancelledByRunner */ .hz || this.signal.aborted) {
                const failure = await this.onCancelled(error);
                await this.commentOnPr(failure, { budgetMs: (0,_cancel_js__WEBPACK_IMPORTED_MODULE_0__/* .beforeKill */ .CN)((0,_signals_js__WEBPACK_IMPORTED_MODULE_2__/* .signalArrival */ .KH)(this.signal)) });
                throw failure;
            }
            await this.commentOnPr(error);
            throw error;
        }
        await this.commentOnPr();
    }
}


/***/ }),

/***/ 68701:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   d: () => (/* binding */ uploadAll)
/* harmony export */ });
/* harmony import */ var _concurrency_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(81532);
// Local files → VideoGen file ids: each distinct file uploaded once (bounded parallelism), ids reused
// where the cache remembers the same content.

const UPLOAD_CONCURRENCY = 3;
async function uploadAll(files, refs, plan) {
    const keyOf = plan.contentKey ?? (async (file) => file.absPath);
    const byKey = new Map();
    for (const ref of refs) {
        if (!('file' in ref))
            continue;
        const key = await keyOf(ref.file);
        if (!byKey.has(key))
            byKey.set(key, ref.file);
    }
    const unique = [...byKey.entries()];
    const ids = await (0,_concurrency_js__WEBPACK_IMPORTED_MODULE_0__/* .mapLimit */ .s)(unique, UPLOAD_CONCURRENCY, async ([, file], _i, signal) => {
        const reused = await plan.reuse?.(file);
        if (reused) {
            plan.log(`Reusing ${file.label} → ${reused} (same content uploaded before)`);
            return reused;
        }
        const started = Date.now();
        const id = await files.upload(file, {
            isTemporary: plan.isTemporary,
            deadline: plan.deadline,
            signal,
            log: plan.log,
        });
        plan.log(`Uploaded ${file.label} (${file.size} bytes) → ${id} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
        plan.uploaded?.(file, id);
        return id;
    }, plan.signal);
    const idByKey = new Map(unique.map(([key], i) => [key, ids[i]]));
    return async (ref) => ('fileId' in ref ? ref.fileId : idByKey.get(await keyOf(ref.file)));
}


/***/ }),

/***/ 40910:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   HT: () => (/* binding */ PollScheduler),
/* harmony export */   Li: () => (/* binding */ waitForExecution),
/* harmony export */   m: () => (/* binding */ HEARTBEAT_MS)
/* harmony export */ });
/* unused harmony export DEFAULT_TUNING */
/* harmony import */ var _videogen_types_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(21162);
/* harmony import */ var _videogen_retry_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(97153);
/* harmony import */ var _videogen_decode_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(11413);
/* harmony import */ var _videogen_errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(49532);




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
    /** When the execution is predicted to end (epoch ms), once progress allows a prediction. */
    predictedEnd() {
        return this.predictions[this.predictions.length - 1];
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
/** Answers of the wrong shape in a row that the wait sits out before it gives up. */
const ODD_ANSWERS_TOLERATED = 3;
/** With nothing new to say, still say something this often, so a long wait does not look hung. */
const HEARTBEAT_MS = 60_000;
/** Poll until the execution ends or the deadline passes. Logs a line when the progress changes, and a heartbeat. */
async function waitForExecution(id, options) {
    const scheduler = new PollScheduler(options.createdAt, options.tuning);
    let last;
    let polls = 0;
    let logged = '';
    let loggedAt = 0;
    let oddAnswers = 0;
    for (;;) {
        let execution;
        try {
            execution = await options.getExecution(id, {
                ...(options.signal && { signal: options.signal }),
                deadline: options.deadline,
            });
        }
        catch (error) {
            // One answer of the wrong shape (a proxy's JSON error page, say) is worth another look before
            // giving up on an execution that is running and billing; three in a row are not.
            if (error instanceof _videogen_decode_js__WEBPACK_IMPORTED_MODULE_2__/* .UnexpectedResponseError */ .dk && ++oddAnswers < ODD_ANSWERS_TOLERATED) {
                options.log?.(`Execution ${id}: ${error.message}; polling again`);
                await (0,_videogen_retry_js__WEBPACK_IMPORTED_MODULE_0__/* .sleep */ .yy)(Math.min(5000, Math.max(0, options.deadline - Date.now())), options.signal);
                continue;
            }
            // The key's execution-GET budget is shared by every job: when it is spent, wait for it to refill
            // (up to the deadline) rather than give up on an execution that is running and billing.
            const waitMs = rateLimitWait(error);
            // No poll possible before the deadline: say so now rather than sleep until it.
            if (waitMs === undefined || Date.now() + waitMs >= options.deadline)
                throw error;
            options.log?.(`Execution ${id}: rate limited; next poll in ${Math.ceil(waitMs / 1000)} s`);
            await (0,_videogen_retry_js__WEBPACK_IMPORTED_MODULE_0__/* .sleep */ .yy)(waitMs, options.signal);
            continue;
        }
        polls++;
        oddAnswers = 0;
        last = execution;
        const now = Date.now();
        scheduler.observe(now, execution);
        if ((0,_videogen_types_js__WEBPACK_IMPORTED_MODULE_3__/* .isTerminal */ .H)(execution.status))
            return { kind: 'terminal', execution, polls };
        const state = stateText(execution);
        if (state !== logged || now - loggedAt >= HEARTBEAT_MS) {
            options.log?.(progressLine(execution, state, now - options.createdAt, scheduler.predictedEnd(), now));
            logged = state;
            loggedAt = now;
        }
        const remaining = options.deadline - now;
        if (remaining <= 0)
            return { kind: 'timeout', last, polls };
        await (0,_videogen_retry_js__WEBPACK_IMPORTED_MODULE_0__/* .sleep */ .yy)(Math.min(scheduler.nextDelay(now), remaining), options.signal);
    }
}
function rateLimitWait(error) {
    if (!(error instanceof _videogen_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .VideoGenApiError */ .gr) || error.status !== 429 || error.code === 'insufficient_credits')
        return undefined;
    return Math.max(1000, error.retryAfterMs ?? 60_000);
}
/** What changed is worth a line: status, whole percent, attempt. */
function stateText(execution) {
    const attempt = (execution.attemptIndex ?? 0) > 0 ? ` (attempt ${(execution.attemptIndex ?? 0) + 1})` : '';
    if (execution.status === 'pending')
        return `queued${attempt}`;
    if (execution.status === 'unknown')
        return `status '${execution.statusText ?? ''}' (not one the API documents; still waiting)`;
    return `${execution.status} ${Math.floor(execution.progressPercentage ?? 0)}%${attempt}`;
}
const seconds = (ms) => `${Math.max(0, Math.round(ms / 1000))} s`;
/** e.g. "Execution vg_tool_…: running 44% · 41 s elapsed · ~52 s left". */
function progressLine(execution, state, elapsedMs, predictedEnd, now) {
    const left = predictedEnd !== undefined && predictedEnd > now ? ` · ~${seconds(predictedEnd - now)} left` : '';
    return `Execution ${execution.toolExecutionId}: ${state} · ${seconds(elapsedMs)} elapsed${left}`;
}


/***/ })

};

//# sourceMappingURL=730.index.js.map