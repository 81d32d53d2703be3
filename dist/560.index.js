export const id = 560;
export const ids = [560];
export const modules = {

/***/ 47560:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  BatchFailure: () => (/* binding */ BatchFailure),
  BatchRun: () => (/* binding */ BatchRun)
});

// EXTERNAL MODULE: ./src/log.ts
var log = __webpack_require__(25625);
// EXTERNAL MODULE: ./node_modules/@actions/core/lib/core.js + 7 modules
var core = __webpack_require__(33838);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
var external_node_path_default = /*#__PURE__*/__webpack_require__.n(external_node_path_);
// EXTERNAL MODULE: ./src/cancel.ts
var cancel = __webpack_require__(90833);
// EXTERNAL MODULE: ./src/clip.ts
var clip = __webpack_require__(95861);
// EXTERNAL MODULE: ./src/cache-key.ts
var cache_key = __webpack_require__(57719);
// EXTERNAL MODULE: ./src/concurrency.ts
var concurrency = __webpack_require__(81532);
// EXTERNAL MODULE: ./src/create.ts
var create = __webpack_require__(55183);
// EXTERNAL MODULE: ./src/deliver/deliver-clips.ts + 2 modules
var deliver_clips = __webpack_require__(77993);
// EXTERNAL MODULE: ./src/deliver/download.ts
var download = __webpack_require__(63561);
// EXTERNAL MODULE: ./src/format.ts
var format = __webpack_require__(16264);
// EXTERNAL MODULE: ./src/deliver/markup.ts
var markup = __webpack_require__(59101);
// EXTERNAL MODULE: ./src/deliver/summary.ts
var summary = __webpack_require__(66945);
;// CONCATENATED MODULE: ./src/deliver/gallery.ts



const THUMBS_PER_ITEM = 3;
const LINKS_PER_ITEM = 10;
const ERROR_CHARS = 500;
function counts(items) {
    const by = new Map();
    for (const item of items)
        by.set(item.status, (by.get(item.status) ?? 0) + 1);
    return [...by.entries()].map(([status, n]) => `${n} ${status}`).join(', ');
}
function row(item) {
    const link = (clip) => clip.publicUrl ?? clip.url;
    const thumbs = item.clips
        .filter((c) => c.thumbnailUrl)
        .slice(0, THUMBS_PER_ITEM)
        .map((c) => {
        const img = `<img src="${(0,markup/* escapeUrl */.vy)(c.thumbnailUrl)}" width="160" alt="${(0,markup/* escapeText */.X1)(item.id)} clip ${c.index}">`;
        const href = link(c);
        return href ? `<a href="${(0,markup/* escapeUrl */.vy)(href)}">${img}</a>` : img;
    })
        .join(' ');
    const links = item.clips
        .slice(0, LINKS_PER_ITEM)
        .map((c) => {
        const href = link(c);
        const name = `clip ${c.index}`;
        return href ? `<a href="${(0,markup/* escapeUrl */.vy)(href)}">${name}</a>` : c.path ? `<code>${(0,markup/* escapeText */.X1)(c.path)}</code>` : name;
    })
        .join(' · ');
    const more = item.clips.length > LINKS_PER_ITEM ? ` · … ${item.clips.length - LINKS_PER_ITEM} more` : '';
    const execution = item.executionId ? `<br><code>${(0,markup/* escapeText */.X1)(item.executionId)}</code>` : '';
    const cached = item.cacheHit ? ' (cache)' : '';
    const error = item.error
        ? (0,markup/* escapeText */.X1)(item.error.length > ERROR_CHARS ? `${item.error.slice(0, ERROR_CHARS)}…` : item.error)
        : '';
    const icon = markup/* STATUS_ICON */.tW[item.status] ?? '🎬';
    return `<tr><td><code>${(0,markup/* escapeText */.X1)(item.id)}</code>${execution}</td><td>${icon} ${(0,markup/* escapeText */.X1)(item.status)}${cached}</td><td>${thumbs || '—'}</td><td>${links || '—'}${more}</td><td>${error}</td></tr>`;
}
function renderGallery(input, budget = summary/* SUMMARY_BUDGET_BYTES */.Xb) {
    const rows = [
        ['Status', (0,markup/* escapeText */.X1)(input.status)],
        ['Requests', `${input.items.length}: ${(0,markup/* escapeText */.X1)(counts(input.items))}`],
        ['Elapsed', (0,format/* formatDuration */.a3)(input.elapsedMs)],
    ];
    if (input.artifact)
        rows.push(['Artifact', `<a href="${(0,markup/* escapeUrl */.vy)(input.artifact.url)}">${(0,markup/* escapeText */.X1)(input.artifact.name)}</a>`]);
    if (input.resultsFile)
        rows.push(['Results file', `<code>${(0,markup/* escapeText */.X1)(input.resultsFile)}</code>`]);
    let out = `<h2>${markup/* STATUS_ICON */.tW[input.status] ?? '🎬'} VideoGen batch: ${(0,markup/* escapeText */.X1)(input.status)}</h2>\n<table>\n`;
    out += rows.map(([k, v]) => `<tr><th align="left">${k}</th><td>${v}</td></tr>`).join('\n');
    out += '\n</table>\n\n<table>\n<tr><th>Request</th><th>Status</th><th>Preview</th><th>Clips</th><th>Error</th></tr>\n';
    const reserve = 1000;
    let bytes = Buffer.byteLength(out);
    let shown = 0;
    for (const item of input.items) {
        const line = `${row(item)}\n`;
        const size = Buffer.byteLength(line);
        if (bytes + size + reserve > budget)
            break;
        out += line;
        bytes += size;
        shown++;
    }
    out += '</table>\n';
    const left = input.items.length - shown;
    if (left > 0) {
        out += `\n<p>${left} of ${input.items.length} requests are left out to keep this summary under the runner's size limit; all of them are in the results file and the results output.</p>\n`;
    }
    if (input.items.some((i) => i.clips.some((c) => !c.publicUrl && c.url))) {
        out += `\n<p>Signed links and thumbnails expire: set public-preview: true for permanent links, or artifact-name to keep the files with the run.</p>\n`;
    }
    return out;
}

// EXTERNAL MODULE: ./src/deliver/outputs.ts
var outputs = __webpack_require__(45867);
// EXTERNAL MODULE: ./src/deliver/publish.ts
var publish = __webpack_require__(89722);
// EXTERNAL MODULE: ./src/deliver/results-file.ts
var results_file = __webpack_require__(41326);
// EXTERNAL MODULE: ./src/inputs/input-error.ts
var input_error = __webpack_require__(39354);
// EXTERNAL MODULE: ./src/preflight.ts
var preflight = __webpack_require__(4504);
// EXTERNAL MODULE: ./src/request-body.ts
var request_body = __webpack_require__(22579);
// EXTERNAL MODULE: ./src/sanitize.ts
var sanitize = __webpack_require__(25540);
// EXTERNAL MODULE: ./src/signals.ts
var signals = __webpack_require__(50970);
// EXTERNAL MODULE: ./src/uploads.ts
var uploads = __webpack_require__(68701);
// EXTERNAL MODULE: ./src/videogen/errors.ts
var errors = __webpack_require__(49532);
// EXTERNAL MODULE: ./src/videogen/retry.ts
var retry = __webpack_require__(97153);
// EXTERNAL MODULE: ./src/videogen/types.ts
var types = __webpack_require__(21162);
;// CONCATENATED MODULE: ./src/batch/pacer.ts
class CreatePacer {
    maxRunning;
    budget;
    constructor(maxRunning) {
        this.maxRunning = maxRunning;
    }
    observe(budget) {
        this.budget = budget;
    }
    /** Milliseconds to wait before a create, given how many run now: 0 to go, Infinity while the slots are full. */
    delay(running, now = Date.now()) {
        if (running >= this.maxRunning)
            return Infinity;
        const b = this.budget;
        if (!b || b.remaining === undefined || b.remaining > 0 || b.resetAt <= now)
            return 0;
        return b.resetAt - now;
    }
    /** The budget as last reported, for messages. */
    get lastBudget() {
        return this.budget;
    }
}

// EXTERNAL MODULE: ./src/videogen/ids.ts
var ids = __webpack_require__(46277);
// EXTERNAL MODULE: ./src/wait.ts
var wait = __webpack_require__(40910);
;// CONCATENATED MODULE: ./src/batch/watch.ts



const PAGE = 200;
const MIN_PAGE = 10;
/**
 * Whether a list entry that says the execution ended has what the document says such an execution always
 * has: results with their file and link when it succeeded, an error when it failed. The list is cheap and
 * trusted for progress; an ending it does not fully describe is confirmed with the execution's own GET.
 */
function completeEnding(execution) {
    if (execution.status === 'succeeded') {
        return (execution.results.length > 0 &&
            execution.results.every((r) => r.file?.fileId === r.fileId && r.downloadUrl !== undefined));
    }
    return execution.status !== 'failed' || execution.error !== undefined;
}
class ManyWatch {
    tools;
    watched = new Map();
    pageSize = PAGE;
    constructor(tools) {
        this.tools = tools;
    }
    add(id, createdAt) {
        this.watched.set(id, { scheduler: new wait/* PollScheduler */.HT(createdAt) });
    }
    remove(id) {
        this.watched.delete(id);
    }
    get size() {
        return this.watched.size;
    }
    ids() {
        return [...this.watched.keys()];
    }
    /** One list call (and a GET per execution the page does not hold). */
    async tick(options) {
        if (this.watched.size === 0)
            return { seen: [], fallbacks: 0, failed: [] };
        const seen = [];
        const missing = [];
        const failed = [];
        let listError;
        let page;
        try {
            page = (await this.tools.listExecutions({ limit: this.pageSize, ...options })).executions;
        }
        catch (error) {
            if (options.signal.aborted)
                throw error;
            // A page too large (other jobs' executions with many results) or a failing list: this tick follows each
            // execution on its own, and the next asks for a smaller page.
            listError = error;
            this.pageSize = Math.max(MIN_PAGE, Math.floor(this.pageSize / 4));
        }
        for (const id of this.watched.keys()) {
            const found = page?.find((e) => (0,ids/* sameExecution */.FZ)(e.toolExecutionId, id));
            if (found && (!(0,types/* isTerminal */.H)(found.status) || completeEnding(found)))
                seen.push({ ...found, toolExecutionId: id });
            else
                missing.push(id);
        }
        for (const id of missing) {
            try {
                seen.push(await this.tools.getExecution(id, options));
            }
            catch (error) {
                if (options.signal.aborted)
                    throw error;
                failed.push({ id, error });
            }
        }
        const now = Date.now();
        for (const execution of seen) {
            const watched = this.watched.get(execution.toolExecutionId);
            if (!watched)
                continue;
            watched.scheduler.observe(now, execution);
            watched.last = execution;
        }
        return { seen, fallbacks: missing.length, failed, ...(listError !== undefined && { listError }) };
    }
    /** Milliseconds until the next tick: the soonest any running execution wants a poll. */
    nextDelay(now) {
        let soonest = Infinity;
        for (const { scheduler } of this.watched.values())
            soonest = Math.min(soonest, scheduler.nextDelay(now));
        return Number.isFinite(soonest) ? soonest : 1000;
    }
    last(id) {
        return this.watched.get(id)?.last;
    }
}

// EXTERNAL MODULE: ./src/step-run.ts
var step_run = __webpack_require__(69553);
;// CONCATENATED MODULE: ./src/batch/run.ts
// A batch, top-down: preflight → cache (per item) → uploads (each distinct content once) → run (creates
// paced by max-running and the tools budget, every running execution followed by one list call per tick)
// → delivery (per item, then one artifact, release assets, the gallery and the results output).
// The guarantees of a single clip hold for each item: created once, cancelled on a signal or a timeout,
// known to the post step the moment it exists.





























/** Items restored from the cache and delivered at once. */
const ITEM_CONCURRENCY = 4;
class BatchFailure extends Error {
    name = 'BatchFailure';
}
class BatchRun extends step_run/* StepRun */.m {
    items;
    watch;
    pacer;
    stopCreating;
    /** The cancels started when the signal arrived. */
    cancelling = Promise.resolve();
    artifact;
    constructor(settings, client, state, started) {
        super(settings, client, state, started);
        this.watch = new ManyWatch(client.tools);
        this.pacer = new CreatePacer(settings.batch?.maxRunning ?? 10);
        this.items = settings.resume
            ? [...settings.resume].map(([key, executionId]) => ({
                key,
                executionId,
                phase: 'waiting',
                clips: [],
                status: 'pending',
            }))
            : settings.requests.map((request) => ({
                key: request.id,
                request,
                phase: 'waiting',
                clips: [],
                status: 'pending',
            }));
    }
    onSignal(name) {
        const running = this.items.filter((i) => i.phase === 'running').length;
        const inFlight = this.creator.creating
            ? '; a create request in flight cannot be withdrawn, its execution is cancelled when its id arrives (or by the post step)'
            : '';
        return `Received ${name}: stopping; cancelling ${running} running execution${running === 1 ? '' : 's'}${inFlight}`;
    }
    async commentOnPr(error, cancelled) {
        if (!this.prComment)
            return;
        const { postPrComment } = await __webpack_require__.e(/* import() */ 617).then(__webpack_require__.bind(__webpack_require__, 2617));
        await postPrComment(this.prComment, {
            status: this.batchStatus(),
            clips: [],
            items: this.items.map((i) => ({
                id: i.key,
                status: i.status,
                clips: i.clips,
                ...(i.phase === 'cached' && { cacheHit: true }),
                ...(i.error && { error: i.error }),
            })),
            ...(this.artifact && { artifact: this.artifact }),
            ...(error !== undefined &&
                (cancelled !== undefined || !(error instanceof BatchFailure)) && { error: (0,errors/* errorText */.kc)(error) }),
        }, cancelled?.budgetMs);
    }
    async run() {
        this.cancelOnSignal();
        await (0,preflight/* preflight */.M)(this.settings, (target) => (this.prComment = target));
        if (this.settings.resume) {
            for (const item of this.items)
                this.adopt(item, item.executionId, Date.now());
            log/* log */.R.info(`Resuming ${this.items.length} executions`);
        }
        else {
            await this.restoreFromCache();
            await this.checkReleaseNames();
            await core/* group */.Os('Uploads', () => this.upload());
        }
        if (!this.settings.wait)
            return core/* group */.Os('Create', () => this.createAll());
        await core/* group */.Os(`Running ${this.items.length} requests (at most ${this.pacer.maxRunning} at once)`, () => this.runAll());
        await core/* group */.Os('Delivery', () => this.deliver());
    }
    /**
     * Without release-overwrite, an asset the release already has under a clip's name refuses the whole
     * publishing, after new clips were paid for: said now, before anything is created. A clip from the cache
     * that is the same file as the asset is kept as it is, so only a different one counts.
     */
    async checkReleaseNames() {
        const release = this.settings.release;
        // With nothing to create, nothing is paid for here: publishing itself says what it refuses.
        if (!release || release.overwrite || !this.items.some((i) => i.phase === 'waiting'))
            return;
        const planned = this.items.flatMap((i) => i.phase === 'cached'
            ? i.clips.map((clip) => ({ name: `${i.key}-${clip.index}.mp4`, file: clip.absPath }))
            : i.phase === 'waiting'
                ? Array.from({ length: i.request?.request.numResults ?? 1 }, (_, n) => ({ name: `${i.key}-${n + 1}.mp4` }))
                : []);
        const { refusedAssetNames } = await __webpack_require__.e(/* import() */ 311).then(__webpack_require__.bind(__webpack_require__, 61692));
        const { tag, taken } = await refusedAssetNames(release, planned);
        if (taken.length === 0)
            return;
        const shown = taken.slice(0, 5).join(', ') + (taken.length > 5 ? ` and ${taken.length - 5} more` : '');
        throw new input_error/* InputError */.dz('release-overwrite', `release ${tag} already has ${shown}, the names of this step's clips: they could not be attached. Set release-overwrite: true to replace them, or delete those assets. Nothing was created.`);
    }
    dirOf(item) {
        return external_node_path_default().join(this.settings.downloadDir, item.key);
    }
    async restoreFromCache() {
        const s = this.settings;
        if (!s.cache)
            return;
        await core/* group */.Os('Cache', async () => {
            const cache = await this.openCache();
            if (!cache)
                return;
            await (0,concurrency/* mapLimit */.s)(this.items, ITEM_CONCURRENCY, async (item) => {
                const request = item.request;
                item.cacheKey = await cache.keyOf(request);
                const restored = await cache.restore(item.cacheKey, request, this.dirOf(item));
                if (!restored)
                    return;
                item.phase = 'cached';
                item.execution = restored.execution;
                item.executionId = restored.execution.toolExecutionId;
                item.clips = restored.clips;
                item.status = 'succeeded';
                log/* log */.R.info(`[${item.key}] cache hit: reused execution ${item.executionId}; no new execution`);
            });
        });
    }
    /** Every distinct local file of the items still to create, once (by content), then each item's body. */
    async upload() {
        const todo = this.items.filter((i) => i.phase === 'waiting');
        const refs = todo.flatMap(({ request }) => {
            const f = request.files;
            return [...f.images, ...f.videos, ...f.audio, ...(f.startFrame ? [f.startFrame] : [])];
        });
        const cache = this.cache;
        const hashes = new cache_key/* ContentHashes */.Gh();
        const idOf = await (0,uploads/* uploadAll */.d)(this.client.files, refs, {
            isTemporary: this.settings.temporaryUploads,
            deadline: this.deadline,
            signal: this.signal,
            log: log/* log */.R.info,
            contentKey: (file) => (cache ? cache.contentKey(file) : hashes.of(file)),
            ...(cache && { reuse: (f) => cache.reuseUpload(f), uploaded: (f, id) => cache.rememberUpload(f, id) }),
        });
        if (refs.length === 0)
            log/* log */.R.info('Nothing to upload');
        for (const item of todo) {
            const request = item.request;
            const { body, overridden } = (0,request_body/* buildRequestBody */.Q)(request, await (0,request_body/* mapRequestFiles */.b)(request.files, idOf));
            for (const key of overridden)
                log/* log */.R.warning(`[${item.key}] params.${key} is ignored: a typed input sets ${key}`);
            item.body = body;
        }
    }
    adopt(item, id, createdAt) {
        item.executionId = id;
        item.createdAt = createdAt;
        item.phase = 'running';
        item.status = 'running';
        this.state.track(id);
        this.watch.add(id, createdAt);
    }
    /** Creates the item's execution, or says why it was not created. */
    async createOne(item) {
        const left = this.deadline - Date.now();
        if ((0,create/* tooLateToCreate */.mg)(this.deadline, this.settings.timeoutMs)) {
            return this.notCreated(item, `not created: only ${(0,format/* formatDuration */.a3)(Math.max(0, left))} of the timeout was left`);
        }
        try {
            const id = await this.creator.create(item.body, {
                deadline: this.deadline,
                onBudget: (budget) => this.pacer.observe(budget),
            });
            this.adopt(item, id, Date.now());
            log/* log */.R.info(`[${item.key}] created execution ${id}`);
        }
        catch (error) {
            if (this.signal.aborted)
                throw error;
            if (error instanceof errors/* AmbiguousCreateError */.J$ || error instanceof create/* CreateFailure */.L5) {
                // It may exist and bill: never reported as "not created".
                item.phase = 'ended';
                item.status = 'error';
                item.error = (0,errors/* errorText */.kc)(error);
                log/* log */.R.warning(`[${item.key}] ${item.error}`);
            }
            else
                this.notCreated(item, (0,errors/* errorText */.kc)(error));
            if (this.settings.batch?.failFast && !this.stopCreating) {
                this.stopCreating = `fail-fast: ${item.key} could not be created`;
                await this.cancelRunning(cancel/* CANCEL_BUDGET_MS */.W3, this.stopCreating);
            }
        }
    }
    notCreated(item, reason) {
        item.phase = 'not-created';
        item.status = 'not-created';
        item.error = reason;
        log/* log */.R.warning(`[${item.key}] ${reason}`);
    }
    /** wait: false: every execution created (max-running is at least the count, see the inputs), none followed. */
    async createAll() {
        for (const item of this.items.filter((i) => i.phase === 'waiting')) {
            if (this.stopCreating)
                this.notCreated(item, `not created (${this.stopCreating})`);
            else
                await this.createOne(item);
        }
        // A signal during the last create: its execution is cancelled with the others, not left running.
        this.signal.throwIfAborted();
        for (const item of this.items.filter((i) => i.phase === 'running')) {
            this.state.settle(item.executionId, 'detached');
            item.phase = 'left-running';
            item.status = 'pending';
        }
        this.reportOutputs();
        log/* log */.R.info(`Not waiting (wait: false). Resume in a later step with execution-id set to this step's results output`);
        // An item whose create failed ambiguously (status error) may exist and bill: that fails the step as well.
        if (this.failedItems().length > 0)
            throw new BatchFailure(this.failureMessage());
    }
    /** Creates as slots and the budget allow, follows what runs, until every item has ended or the time is up. */
    async runAll() {
        let lastLine = '';
        let lastLineAt = 0;
        let listFailures = 0;
        for (;;) {
            await this.fillSlots();
            const running = this.items.filter((i) => i.phase === 'running');
            const waiting = this.items.filter((i) => i.phase === 'waiting');
            if (running.length === 0 && (waiting.length === 0 || this.stopCreating))
                break;
            const now = Date.now();
            if (now >= this.deadline)
                return this.timeOut();
            if (running.length > 0) {
                const { seen, failed, listError } = await this.watch.tick({ deadline: this.deadline, signal: this.signal });
                if (listError === undefined)
                    listFailures = 0;
                else if (++listFailures === 1) {
                    log/* log */.R.info(`Could not read the executions list (${(0,errors/* errorText */.kc)(listError)}); following each execution on its own`);
                }
                for (const execution of seen)
                    await this.observe(execution);
                for (const { id, error } of failed)
                    this.unreadable(id, error);
            }
            const line = this.progressLine();
            if (line !== lastLine || Date.now() - lastLineAt >= wait/* HEARTBEAT_MS */.m) {
                log/* log */.R.info(line);
                lastLine = line;
                lastLineAt = Date.now();
            }
            if (this.items.every((i) => i.phase !== 'running' && (i.phase !== 'waiting' || this.stopCreating)))
                break;
            const until = Math.min(this.watch.size > 0 ? this.watch.nextDelay(Date.now()) : Infinity, this.nextCreateDelay(), Math.max(0, this.deadline - Date.now()));
            await (0,retry/* sleep */.yy)(Number.isFinite(until) ? until : 1000, this.signal);
        }
        for (const item of this.items.filter((i) => i.phase === 'waiting'))
            this.notCreated(item, `not created (${this.stopCreating})`);
    }
    /**
     * An execution whose GET failed. Only the API's own 404 for a resumed id means it does not exist (a
     * tampered resume); one this step created exists whatever a gateway says, so that and anything else is
     * read again next tick, and a timeout still cancels it.
     */
    unreadable(id, error) {
        const item = this.items.find((i) => i.executionId === id && i.phase === 'running');
        if (!item)
            return;
        if (this.settings.resume && error instanceof errors/* VideoGenApiError */.gr && error.status === 404 && error.fromApi) {
            this.watch.remove(id);
            this.state.settle(id, 'terminal');
            item.phase = 'ended';
            item.status = 'error';
            item.error = `execution ${id} does not exist: ${(0,errors/* errorText */.kc)(error)}`;
            log/* log */.R.warning(`[${item.key}] ${item.error}`);
        }
        else
            log/* log */.R.info(`[${item.key}] could not read execution ${id} (${(0,errors/* errorText */.kc)(error)}); trying again`);
    }
    nextCreateDelay() {
        if (this.stopCreating || !this.items.some((i) => i.phase === 'waiting'))
            return Infinity;
        return this.pacer.delay(this.items.filter((i) => i.phase === 'running').length);
    }
    async fillSlots() {
        for (const item of this.items) {
            if (item.phase !== 'waiting' || this.stopCreating)
                continue;
            const delay = this.pacer.delay(this.items.filter((i) => i.phase === 'running').length);
            if (delay > 0)
                return;
            this.signal.throwIfAborted();
            await this.createOne(item);
        }
    }
    async observe(execution) {
        const item = this.items.find((i) => i.executionId === execution.toolExecutionId && i.phase === 'running');
        if (!item || !(0,types/* isTerminal */.H)(execution.status))
            return;
        this.watch.remove(execution.toolExecutionId);
        this.state.settle(execution.toolExecutionId, 'terminal');
        item.phase = 'ended';
        item.execution = execution;
        item.status = execution.status;
        if (execution.status === 'succeeded') {
            item.clips = (0,clip/* clipsOf */.Hh)(execution);
            log/* log */.R.info(`[${item.key}] ${execution.toolExecutionId} succeeded (${item.clips.length} clip${item.clips.length === 1 ? '' : 's'})`);
            return;
        }
        const e = execution.error ?? {};
        item.error =
            execution.status === 'failed'
                ? `${e.message ?? 'no message'}${e.code ? ` (code ${e.code})` : ''}.${(0,errors/* describeRequirement */.vo)(e.requirement)}`
                : 'cancelled by someone else (a user, another job or VideoGen), not by this action';
        log/* log */.R.warning(`[${item.key}] ${execution.toolExecutionId} ${execution.status}: ${item.error}`);
        if (this.settings.batch?.failFast && !this.stopCreating) {
            this.stopCreating = `fail-fast: ${item.key} ${execution.status}`;
            await this.cancelRunning(cancel/* CANCEL_BUDGET_MS */.W3, this.stopCreating);
        }
    }
    progressLine() {
        const count = (phase) => this.items.filter((i) => i.phase === phase).length;
        const done = this.items.filter((i) => i.phase === 'ended' || i.phase === 'cached');
        const ok = done.filter((i) => i.status === 'succeeded').length;
        const parts = [
            `${count('running')} running`,
            `${count('waiting')} waiting`,
            `${ok} succeeded`,
            ...(done.length > ok ? [`${done.length - ok} failed`] : []),
            ...(count('not-created') ? [`${count('not-created')} not created`] : []),
        ];
        return `Batch: ${parts.join(', ')} · ${Math.round((Date.now() - this.started) / 1000)} s elapsed`;
    }
    /** Cancels (and confirms) every running execution at once; each settles as it can. */
    async cancelRunning(budgetMs, why) {
        const running = this.items.filter((i) => i.phase === 'running');
        await Promise.all(running.map(async (item) => {
            const id = item.executionId;
            const status = await (0,cancel/* cancelAndConfirm */.Un)(this.client.tools, id, budgetMs, log/* log */.R);
            if (status !== undefined && (0,types/* isTerminal */.H)(status))
                this.state.settle(id, 'terminal');
            this.watch.remove(id);
            item.phase = 'ended';
            item.status = status === 'succeeded' ? 'succeeded' : 'cancelled';
            item.error = `${why}: execution ${id} ${(0,cancel/* cancelOutcome */.Lb)(status)}`;
            if (status === 'succeeded')
                item.execution = await this.client.tools.getExecution(id).catch(() => undefined);
            if (item.execution?.status === 'succeeded')
                item.clips = (0,clip/* clipsOf */.Hh)(item.execution);
        }));
    }
    async timeOut() {
        const why = `timed out after ${(0,format/* formatDuration */.a3)(Date.now() - this.started)} (timeout ${(0,format/* formatDuration */.a3)(this.settings.timeoutMs)})`;
        for (const item of this.items.filter((i) => i.phase === 'waiting'))
            this.notCreated(item, `not created: ${why}`);
        if (this.settings.cancelOnTimeout) {
            await this.cancelRunning(cancel/* CANCEL_BUDGET_MS */.W3, why);
            for (const item of this.items.filter((i) => i.status === 'cancelled'))
                item.status = 'timed-out';
            return;
        }
        for (const item of this.items.filter((i) => i.phase === 'running')) {
            this.state.settle(item.executionId, 'detached');
            item.phase = 'left-running';
            item.status = 'timed-out';
            item.error = `${why}; still running (cancel-on-timeout: false): resume it with execution-id`;
        }
    }
    /**
     * At the signal itself, not when the work in hand gives way: a create in flight cannot be withdrawn and may
     * take longer than the runner's window, while the running executions can be cancelled at once.
     */
    cancelOnSignal() {
        this.signal.addEventListener('abort', () => {
            const reason = this.signal.reason instanceof signals/* CancelledByRunner */.hz ? this.signal.reason : undefined;
            this.cancelling = this.cancelRunning((0,cancel/* signalBudget */.Ku)(reason?.at ?? Date.now()), `stopped: ${reason?.message ?? 'cancelled'}`);
        }, { once: true });
    }
    async onCancelled() {
        const reason = this.signal.reason instanceof signals/* CancelledByRunner */.hz ? this.signal.reason.message : 'cancelled';
        const arrived = (0,signals/* signalArrival */.KH)(this.signal);
        await this.cancelling;
        // A create that answered since the signal: its execution is running, and cancelled now.
        await this.cancelRunning((0,cancel/* signalBudget */.Ku)(arrived), `stopped: ${reason}`);
        this.reportOutputs();
        const cancelled = this.items.filter((i) => i.error?.startsWith('stopped')).length;
        const inFlight = this.state.createsInFlight() > 0
            ? ' A create request was still unanswered: an execution may have been created; the post step looks for it and cancels it.'
            : ' Nothing new was created.';
        return new BatchFailure(`Stopped: ${reason}. ${cancelled} running execution${cancelled === 1 ? ' was' : 's were'} asked to cancel.${inFlight}`);
    }
    /** Per item (the paid clips first), then the artifact and release assets of all, then the report. */
    async deliver() {
        const s = this.settings;
        const deadline = (0,download/* downloadDeadline */.r)(this.deadline, s.timeoutMs);
        const ready = this.items.filter((i) => i.status === 'succeeded' && i.execution);
        await (0,concurrency/* mapLimit */.s)(ready, ITEM_CONCURRENCY, async (item) => {
            const cacheHit = item.phase === 'cached';
            const delivered = await (0,deliver_clips/* deliverClips */.H)(item.execution, item.clips, cacheHit, {
                files: this.client.files,
                root: s.workspace.root,
                dir: this.dirOf(item),
                download: s.download,
                publicPreview: s.publicPreview,
                deadline,
                signal: this.signal,
                label: `[${item.key}] `,
                ...(item.request && { expected: item.request.request.numResults }),
                ...(this.cache &&
                    item.cacheKey &&
                    item.request && { cache: { store: this.cache, key: item.cacheKey, request: item.request } }),
            });
            item.clips = delivered.clips;
            if (delivered.failure !== undefined) {
                item.status = 'error';
                item.error = `succeeded, but delivery failed: ${(0,errors/* errorText */.kc)(delivered.failure)}`;
            }
        });
        let artifact;
        let publishFailure;
        try {
            // Release assets are named after the item, not the execution: `<id>-<n>.mp4`.
            const owner = new Map(this.items.flatMap((i) => i.clips.map((c) => [c.absPath, i.key])));
            const published = await (0,publish/* publish */.m)(s, this.items.flatMap((i) => i.clips), (clip) => `${owner.get(clip.absPath)}-${clip.index}.mp4`);
            let at = 0;
            for (const item of this.items) {
                item.clips = published.clips.slice(at, at + item.clips.length);
                at += item.clips.length;
            }
            artifact = published.artifact;
            this.artifact = artifact;
        }
        catch (error) {
            publishFailure = (0,errors/* errorText */.kc)(error);
        }
        const resultsFile = await this.reportOutputs();
        await this.summarize(artifact, resultsFile);
        const failed = this.items.filter((i) => i.status !== 'succeeded');
        if (failed.length > 0) {
            throw new BatchFailure(`${this.failureMessage()}${publishFailure ? ` Publishing failed: ${(0,sanitize/* sentence */.em)(publishFailure)}` : ''}`);
        }
        if (publishFailure) {
            throw new BatchFailure(`All ${this.items.length} requests succeeded, but publishing failed: ${(0,sanitize/* sentence */.em)(publishFailure)} To publish them without paying again, run the step with execution-id set to its results output.`);
        }
    }
    /** Items that neither succeeded nor were left running on purpose (wait: false). */
    failedItems() {
        return this.items.filter((i) => !['succeeded', 'pending'].includes(i.status));
    }
    failureMessage() {
        const failed = this.failedItems();
        const list = failed.map((i) => `${i.key} (${i.status}${i.error ? `: ${(0,sanitize/* clean */.uH)(i.error, 1000)}` : ''})`).join('; ');
        const paid = this.items.filter((i) => i.executionId && i.status !== 'not-created').map((i) => i.key);
        const resume = paid.length > 0
            ? ' To deliver the paid ones without paying again, run the step with execution-id set to its results output.'
            : '';
        return `${failed.length} of ${this.items.length} requests did not succeed: ${list}.${resume}`;
    }
    batchStatus() {
        if (this.items.every((i) => i.status === 'succeeded'))
            return 'succeeded';
        if (this.items.every((i) => i.status === 'pending'))
            return 'pending';
        if (this.items.some((i) => i.status === 'timed-out'))
            return 'timed-out';
        if (this.signal.aborted)
            return 'cancelled';
        return 'failed';
    }
    /** The results output (and single-clip outputs for a one-item batch) and the results file. */
    async reportOutputs() {
        // fromEntries, not assignment: an item id like "__proto__" must be a key like any other.
        const results = Object.fromEntries(this.items.map((item) => [
            item.key,
            (0,outputs/* itemResult */.f8)(item.clips, item.status, {
                ...(item.executionId && { executionId: item.executionId }),
                ...(item.phase === 'cached' && { cacheHit: true }),
                ...(item.error && { error: (0,sanitize/* clean */.uH)(item.error, 500) }),
            }),
        ]));
        if ((0,outputs/* setBatchOutputs */.ds)(results))
            log/* log */.R.warning('The results output leaves out what does not fit under the runner output limit (URLs first, then the file lists); the results file has everything');
        (0,outputs/* setOutput */.uH)(outputs/* OUTPUTS */.py.status, this.batchStatus());
        if (this.items.length === 1) {
            const [only] = this.items;
            if (only.executionId)
                (0,outputs/* setOutput */.uH)(outputs/* OUTPUTS */.py.executionId, only.executionId);
            (0,outputs/* setClipOutputs */.V4)(only.clips);
        }
        if (this.settings.cache)
            (0,outputs/* setOutput */.uH)(outputs/* OUTPUTS */.py.cacheHit, String(this.items.every((i) => i.phase === 'cached')));
        try {
            const s = this.settings;
            const content = {
                items: Object.fromEntries(this.items.map((i) => [
                    i.key,
                    {
                        status: i.status,
                        ...(i.error && { error: i.error }),
                        ...(i.execution ? (0,results_file/* resultsRecord */.c)(i.execution, i.clips) : { executionId: i.executionId }),
                    },
                ])),
            };
            const file = await (0,results_file/* writeResultsFile */.A)(s.workspace.root, s.downloadDir, 'results.json', content);
            (0,outputs/* setOutput */.uH)(outputs/* OUTPUTS */.py.resultsFile, file);
            return file;
        }
        catch (error) {
            log/* log */.R.warning(`Could not write the results file: ${(0,errors/* errorText */.kc)(error)}`);
            return undefined;
        }
    }
    async summarize(artifact, resultsFile) {
        if (!this.settings.summary)
            return;
        try {
            const items = this.items.map((i) => ({
                id: i.key,
                status: i.status,
                clips: i.clips,
                ...(i.executionId && { executionId: i.executionId }),
                ...(i.phase === 'cached' && { cacheHit: true }),
                ...(i.error && { error: i.error }),
            }));
            await (0,summary/* writeSummary */.Sy)(renderGallery({
                status: this.batchStatus(),
                elapsedMs: Date.now() - this.started,
                items,
                ...(artifact && { artifact }),
                ...(resultsFile && { resultsFile }),
            }));
        }
        catch (error) {
            log/* log */.R.warning(`Could not write the job summary: ${(0,errors/* errorText */.kc)(error)}`);
        }
    }
}


/***/ }),

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

//# sourceMappingURL=560.index.js.map