export const id = 617;
export const ids = [617];
export const modules = {

/***/ 59524:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $f: () => (/* binding */ githubClient),
/* harmony export */   _w: () => (/* binding */ listAll)
/* harmony export */ });
/* unused harmony export errorBodiesCapped */
/* harmony import */ var node_stream__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(57075);
/* harmony import */ var node_stream__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_stream__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _videogen_body_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(17391);
// The client for GitHub's REST API (release assets, the pull-request comment). GitHub's answers are outside
// input like the VideoGen API's: an error body is read up to a few KiB, never whole (octokit would read a
// body of any size, or one that never ends, before it fails the request), and a listing is paged here, never
// by following the Link header (octokit's paginate sends the token to whatever origin `next` names, drops
// the abort signal, and follows `next` for ever).


/**
 * Every item of a GitHub listing (`route` a GET with `per_page`/`page`), page by page on GitHub's own
 * origin, until a page comes back short or `maxPages` were read (what is past that is not read).
 */
async function listAll(octokit, route, params, { signal, perPage = 100, maxPages }) {
    const items = [];
    for (let page = 1; page <= maxPages; page++) {
        // The first page is asked for without page=1, as GitHub's own links do.
        const { data } = await octokit.request(route, {
            ...params,
            per_page: perPage,
            ...(page > 1 && { page }),
            request: { signal },
        });
        const pageItems = Array.isArray(data) ? data : [];
        items.push(...pageItems);
        if (pageItems.length < perPage)
            break;
    }
    return items;
}
/** `fetchImpl` with the body of an error answer cut to ERROR_BODY_BYTES, and the connection let go. */
function errorBodiesCapped(fetchImpl) {
    return async (input, init) => {
        const response = await fetchImpl(input, init);
        if (response.status < 400 || !response.body)
            return response;
        const text = await (0,_videogen_body_js__WEBPACK_IMPORTED_MODULE_1__/* .readCapped */ .EF)(node_stream__WEBPACK_IMPORTED_MODULE_0__.Readable.fromWeb(response.body), _videogen_body_js__WEBPACK_IMPORTED_MODULE_1__/* .ERROR_BODY_BYTES */ .S5);
        const headers = new Headers(response.headers);
        headers.delete('content-length');
        headers.delete('content-encoding');
        return new Response(text, {
            status: response.status,
            statusText: response.statusText,
            headers,
        });
    };
}
async function githubClient(token) {
    const [{ getOctokit }, { defaults }] = await Promise.all([
        Promise.all(/* import() */[__webpack_require__.e(555), __webpack_require__.e(351)]).then(__webpack_require__.bind(__webpack_require__, 61351)),
        __webpack_require__.e(/* import() */ 555).then(__webpack_require__.bind(__webpack_require__, 85555)),
    ]);
    // The library's own fetch goes through the runner's proxy settings: wrapped, not replaced.
    const proxyFetch = defaults.request.fetch;
    return getOctokit(token, {
        baseUrl: process.env.GITHUB_API_URL || 'https://api.github.com',
        request: { fetch: errorBodiesCapped(proxyFetch) },
    });
}


/***/ }),

/***/ 65045:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Kp: () => (/* binding */ githubLink),
/* harmony export */   St: () => (/* binding */ serverLink),
/* harmony export */   dx: () => (/* binding */ assetLink),
/* harmony export */   v3: () => (/* binding */ githubOrigins),
/* harmony export */   w9: () => (/* binding */ checkedUploadUrl)
/* harmony export */ });
/* harmony import */ var _videogen_loopback_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(52802);
/* harmony import */ var _sanitize_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(25540);
// URLs from GitHub's answers (and from a `release` event payload), which are outside input too: a release's
// upload URL receives the token with the clip, and an asset's or a comment's link becomes an output.


function githubOrigins(env = process.env) {
    return {
        api: new URL(env.GITHUB_API_URL || 'https://api.github.com'),
        server: new URL(env.GITHUB_SERVER_URL || 'https://github.com'),
    };
}
/**
 * Whether `url` may be sent to, or linked as, GitHub's: https on one of `hosts`. Against a GitHub on this
 * machine (an http:// loopback API URL, as in a test) only loopback hosts, which are this machine too.
 */
function onGitHub(url, hosts, origins) {
    if (url.username || url.password)
        return false;
    const local = origins.api.protocol === 'http:' && (0,_videogen_loopback_js__WEBPACK_IMPORTED_MODULE_0__/* .isLoopback */ .U)(origins.api.hostname);
    if (local)
        return (url.protocol === 'http:' || url.protocol === 'https:') && (0,_videogen_loopback_js__WEBPACK_IMPORTED_MODULE_0__/* .isLoopback */ .U)(url.hostname);
    return url.protocol === 'https:' && hosts.includes(url.hostname.toLowerCase());
}
/**
 * GitHub Enterprise Server answers its API under /api/v3 and takes uploads on the same host (/api/uploads);
 * github.com and GHE.com answer at the root of api.<x> and take uploads on uploads.<x>.
 */
function uploadHosts(origins) {
    const api = origins.api.hostname.toLowerCase();
    const cloud = !origins.api.pathname.replace(/\/+$/, '').startsWith('/api');
    return cloud && api.startsWith('api.') ? [`uploads.${api.slice('api.'.length)}`] : [api];
}
/** The release's upload URL (an RFC 6570 template), checked before the token is sent to it. */
function checkedUploadUrl(raw, origins) {
    let url;
    try {
        url = typeof raw === 'string' ? new URL(raw.replace(/\{[^}]*\}$/, '')) : undefined;
    }
    catch {
        url = undefined;
    }
    if (!url || !onGitHub(url, uploadHosts(origins), origins)) {
        throw new Error(`its upload URL (${(0,_sanitize_js__WEBPACK_IMPORTED_MODULE_1__/* .clean */ .uH)(raw, 200)}) is not on GitHub's upload host (${uploadHosts(origins).join(', ')}), so the token was not sent to it`);
    }
    return url;
}
/** A page on GitHub's server: `parts` encoded, below GITHUB_SERVER_URL. */
function serverLink(origins, parts, hash = '') {
    return `${origins.server.toString().replace(/\/+$/, '')}/${parts.map(encodeURIComponent).join('/')}${hash}`;
}
/** `raw` as GitHub gave it if it is a link on GitHub (its server or API host), else `fallback`, the page it stands for. */
function githubLink(raw, origins, fallback) {
    try {
        const url = typeof raw === 'string' ? new URL(raw) : undefined;
        const hosts = [origins.server.hostname.toLowerCase(), origins.api.hostname.toLowerCase()];
        if (url && onGitHub(url, hosts, origins))
            return { url: url.toString(), replaced: false };
    }
    catch {
        // replaced below
    }
    return { url: fallback, replaced: true };
}
/** The asset's download link as GitHub gave it, or the release download URL it stands for if that is not GitHub's. */
function assetLink(raw, origins, asset) {
    const fallback = serverLink(origins, [asset.owner, asset.repo, 'releases', 'download', asset.tag, asset.name]);
    return githubLink(raw, origins, fallback);
}


/***/ }),

/***/ 2617:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  postPrComment: () => (/* binding */ postPrComment),
  preparePrComment: () => (/* binding */ preparePrComment),
  pullRequestNumber: () => (/* binding */ pullRequestNumber),
  runUrl: () => (/* binding */ runUrl)
});

// EXTERNAL MODULE: external "node:timers/promises"
var promises_ = __webpack_require__(58500);
// EXTERNAL MODULE: ./src/log.ts
var log = __webpack_require__(25625);
// EXTERNAL MODULE: ./src/inputs/input-error.ts
var input_error = __webpack_require__(39354);
// EXTERNAL MODULE: ./src/sanitize.ts
var sanitize = __webpack_require__(25540);
// EXTERNAL MODULE: ./src/videogen/errors.ts
var errors = __webpack_require__(49532);
// EXTERNAL MODULE: ./src/deliver/github-client.ts
var github_client = __webpack_require__(59524);
// EXTERNAL MODULE: ./src/deliver/github-urls.ts
var github_urls = __webpack_require__(65045);
// EXTERNAL MODULE: ./src/deliver/outputs.ts
var outputs = __webpack_require__(45867);
// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(77598);
// EXTERNAL MODULE: ./src/format.ts
var format = __webpack_require__(16264);
// EXTERNAL MODULE: ./src/deliver/markup.ts
var markup = __webpack_require__(59101);
;// CONCATENATED MODULE: ./src/deliver/pr-comment-body.ts
// The pull-request comment: status, prompt, a row per clip, and who made it. Pure rendering, tested by
// parsing the output. It stays on the pull request for weeks, so it never shows a signed URL (those expire,
// in an hour to seven days by the API's documents): each clip links what lasts, or the workflow run.



/** GitHub refuses a comment body longer than this. */
const PR_COMMENT_LIMIT = 65_536;
/**
 * The marker that finds this comment again: the key is hashed, so no text of the user's (a `-->`, say) can end
 * the HTML comment, and any key gives a marker of the same form.
 */
function commentMarker(key) {
    const hash = (0,external_node_crypto_.createHash)('sha256').update(key, 'utf8').digest('hex').slice(0, 32);
    return `${MARKER_PREFIX}${hash} -->`;
}
/** How every marker of this action starts, whatever its key. */
const MARKER_PREFIX = '<!-- videogen-action:pr-comment:';
/** Whether a comment body is one this action wrote under `marker`. */
function hasMarker(body, marker) {
    return typeof body === 'string' && body.startsWith(marker);
}
/** Room the author line takes in a body (a login is at most 100 characters). */
const AUTHOR_LINE_CHARS = 150;
/**
 * The body with a second hidden line naming the bot that wrote it. A token that cannot ask who it is (a
 * GitHub App's) knows its comment by it: the line names the comment's own author, where a comment that
 * quotes the marker (another bot's) names someone else.
 */
function withAuthor(body, marker, login) {
    return body.startsWith(marker) ? `${marker}\n${authorLine(login)}${body.slice(marker.length)}` : body;
}
/** Whether `body`, under `marker`, names `login` as the bot that wrote it. */
function namesAuthor(body, marker, login) {
    return typeof body === 'string' && body.startsWith(`${marker}\n${authorLine(login)}`);
}
const authorLine = (login) => `<!-- videogen-action:by:${login.replace(/[^\w.[\]-]/g, '')} -->`;
/** A link that still works next month: public preview, release asset, artifact, else the run. */
function lastingLink(clip, input) {
    const n = clip.index;
    if (clip.publicUrl)
        return { url: clip.publicUrl, label: `▶️ Watch clip ${n}` };
    if (clip.releaseAssetUrl)
        return { url: clip.releaseAssetUrl, label: `⬇️ Clip ${n} (release asset)` };
    if (input.artifact)
        return { url: input.artifact.url, label: `📦 Clip ${n} (in artifact ${(0,markup/* cut */.Jj)(input.artifact.name, 100)})` };
    return { url: input.runUrl, label: `🎞️ Clip ${n} (in the workflow run)` };
}
function clipRow(clip, input) {
    const { url, label } = lastingLink(clip, input);
    // No lasting thumbnail exists (a video's thumbnail link is signed), so the preview is a link, not an image.
    const preview = `<a href="${(0,markup/* escapeUrl */.vy)(url)}">${(0,markup/* escapeText */.X1)(label)}</a><br><code>${(0,markup/* escapeText */.X1)((0,markup/* cut */.Jj)(clip.fileId, 100))}</code>`;
    const duration = clip.durationSeconds !== undefined ? `${clip.durationSeconds} s` : '—';
    const bytes = clip.bytes ?? clip.reportedBytes;
    const size = bytes !== undefined ? (0,format/* formatBytes */.z3)(bytes) : '—';
    return `<tr><td>${clip.index}</td><td>${preview}</td><td>${duration}</td><td>${size}</td></tr>\n`;
}
/** A batch item: its id, status, a lasting link per clip, and what went wrong. */
function itemRow(item, input) {
    const links = item.clips
        .slice(0, 10)
        .map((clip) => {
        const { url, label } = lastingLink(clip, input);
        return `<a href="${(0,markup/* escapeUrl */.vy)(url)}">${(0,markup/* escapeText */.X1)(label)}</a>`;
    })
        .join('<br>');
    const more = item.clips.length > 10 ? `<br>… ${item.clips.length - 10} more` : '';
    const status = `${markup/* STATUS_ICON */.tW[item.status] ?? '🎬'} ${(0,markup/* escapeText */.X1)(item.status)}${item.cacheHit ? ' (cache)' : ''}`;
    const error = item.error ? (0,markup/* escapeText */.X1)((0,markup/* cut */.Jj)(item.error, 300)) : '';
    return `<tr><td><code>${(0,markup/* escapeText */.X1)((0,markup/* cut */.Jj)(item.id, 100))}</code></td><td>${status}</td><td>${links || '—'}${more}</td><td>${error}</td></tr>\n`;
}
function heading(input) {
    if (input.items) {
        const ok = input.items.filter((i) => i.status === 'succeeded').length;
        const icon = markup/* STATUS_ICON */.tW[input.status] ?? '🎬';
        return `<h3>${icon} VideoGen batch: ${(0,markup/* escapeText */.X1)(input.status.replace(/-/g, ' '))} (${ok} of ${input.items.length} succeeded)</h3>\n`;
    }
    const deliveryFailed = input.status === 'succeeded' && input.error !== undefined;
    const status = deliveryFailed ? 'delivery failed' : input.status.replace(/-/g, ' ');
    const icon = deliveryFailed ? '❌' : (markup/* STATUS_ICON */.tW[input.status] ?? '🎬');
    const count = input.status === 'succeeded' && !deliveryFailed
        ? ` (${input.clips.length} clip${input.clips.length === 1 ? '' : 's'})`
        : '';
    return `<h3>${icon} VideoGen clip: ${(0,markup/* escapeText */.X1)(status)}${count}</h3>\n`;
}
function details(input) {
    const rows = [];
    if (input.prompt)
        rows.push(['Prompt', (0,markup/* escapeText */.X1)((0,markup/* cut */.Jj)(input.prompt, markup/* PROMPT_CHARS */.tO))]);
    if (input.error)
        rows.push(['Error', (0,markup/* escapeText */.X1)((0,markup/* cut */.Jj)(input.error, markup/* ERROR_CHARS */.jI))]);
    if (input.requestId)
        rows.push(['Request id', `<code>${(0,markup/* escapeText */.X1)((0,markup/* cut */.Jj)(input.requestId, 200))}</code>`]);
    if (input.nextStep)
        rows.push(['Next step', (0,markup/* escapeText */.X1)((0,markup/* cut */.Jj)(input.nextStep, 1000))]);
    if (rows.length === 0)
        return '';
    return `<table>\n${rows.map(([k, v]) => `<tr><th align="left">${k}</th><td>${v}</td></tr>\n`).join('')}</table>\n`;
}
function footer(input) {
    const parts = [
        input.items
            ? `${input.items.filter((i) => i.clips.length > 0).length} requests with clips`
            : input.executionId
                ? `Execution <code>${(0,markup/* escapeText */.X1)((0,markup/* cut */.Jj)(input.executionId, 200))}</code>, ${input.cacheHit ? 'from the cache (no new execution)' : 'new'}`
                : 'No execution id',
        // Bare, so GitHub links it to the commit.
        input.commit ? `for commit ${(0,markup/* escapeText */.X1)(input.commit.slice(0, 7))}` : undefined,
        `<a href="${(0,markup/* escapeUrl */.vy)(input.runUrl)}">workflow run</a>`,
    ].filter((p) => p !== undefined);
    let out = `<p><sub>${parts.join(' · ')}</sub></p>\n`;
    const clips = input.items ? input.items.flatMap((i) => i.clips) : input.clips;
    if (clips.some((c) => !c.publicUrl && !c.releaseAssetUrl && !input.artifact)) {
        out +=
            '<p><sub>The clips’ own links are signed and expire, so this comment links the workflow run. ' +
                'Set <code>public-preview: true</code> for links that last, or <code>artifact-name</code> to keep the files with the run.</sub></p>\n';
    }
    return out;
}
/** The comment's Markdown, at most `limit` characters: rows that do not fit are counted in a line under the table. */
function renderPrComment(input, limit = PR_COMMENT_LIMIT) {
    const head = `${input.marker}\n\n${heading(input)}${details(input)}`;
    const tail = footer(input);
    const rowsOf = input.items
        ? input.items.map((item) => itemRow(item, input))
        : input.clips.map((clip) => clipRow(clip, input));
    if (rowsOf.length === 0)
        return head + tail;
    const open = input.items
        ? '\n<table>\n<tr><th>Request</th><th>Status</th><th>Clips</th><th>Error</th></tr>\n'
        : '\n<table>\n<tr><th>#</th><th>Clip</th><th>Duration</th><th>Size</th></tr>\n';
    const close = '</table>\n';
    const more = (left) => `<p>… and ${left} more in the <a href="${(0,markup/* escapeUrl */.vy)(input.runUrl)}">run summary</a> (a pull-request comment is limited to ${PR_COMMENT_LIMIT} characters).</p>\n`;
    // Every part but the rows, with the line of the largest count it could need and its line breaks.
    const reserve = head.length + open.length + close.length + more(rowsOf.length).length + 2 + tail.length;
    let rows = '';
    let shown = 0;
    for (const row of rowsOf) {
        if (reserve + rows.length + row.length > limit)
            break;
        rows += row;
        shown++;
    }
    const left = rowsOf.length - shown;
    return `${head}${open}${rows}${close}${left > 0 ? `\n${more(left)}` : ''}\n${tail}`;
}

;// CONCATENATED MODULE: ./src/deliver/pr-comment.ts
// The pull-request comment on GitHub: which pull request (from the event), a read-only check before anything
// is billed, then one comment per key, created by the first run and updated by every later one. Writing it
// never fails the step: by then the clips are paid for.









/** Each GitHub call of the comment together: a hung API must not hold a finished (paid) run. */
const BUDGET_MS = 60_000;
/** Less than this, and listing, asking and writing cannot all be done. */
const MIN_BUDGET_MS = 1500;
/** Events whose payload carries the pull request itself (`issue_comment` carries it as an issue). */
const PR_EVENTS = new Set(['pull_request', 'pull_request_target', 'pull_request_review', 'pull_request_review_comment']);
const record = (value) => value !== null && typeof value === 'object' && !Array.isArray(value) ? value : undefined;
const pr_comment_text = (value) => (typeof value === 'string' ? value : undefined);
function statusOf(error) {
    const status = record(error)?.status;
    return typeof status === 'number' ? status : undefined;
}
/** The pull request the event is about, or undefined for any other run. */
function pullRequestNumber(eventName, payload) {
    const event = record(payload);
    let number;
    if (eventName !== undefined && PR_EVENTS.has(eventName))
        number = record(event?.pull_request)?.number;
    else if (eventName === 'issue_comment') {
        // A comment on a plain issue has no `issue.pull_request`: not a pull request.
        const issue = record(event?.issue);
        if (record(issue?.pull_request))
            number = issue?.number;
    }
    return typeof number === 'number' && Number.isSafeInteger(number) && number > 0 ? number : undefined;
}
/** The run's page (its summary has every clip and link), for the attempt that wrote the comment. */
function runUrl(env = process.env) {
    const server = (env.GITHUB_SERVER_URL || 'https://github.com').replace(/\/+$/, '');
    const attempt = /^[1-9]\d{0,5}$/.test(env.GITHUB_RUN_ATTEMPT ?? '') ? `/attempts/${env.GITHUB_RUN_ATTEMPT}` : '';
    return `${server}/${env.GITHUB_REPOSITORY ?? ''}/actions/runs/${env.GITHUB_RUN_ID ?? ''}${attempt}`;
}
function repository() {
    const m = /^([A-Za-z0-9_.-]+)\/([A-Za-z0-9_.-]+)$/.exec(process.env.GITHUB_REPOSITORY ?? '');
    return m ? { owner: m[1], repo: m[2] } : undefined;
}
/** The fork and head fields of a pull request (the API's answer, or the event's copy). */
function headOf(pull, base) {
    const head = record(record(pull)?.head);
    if (!head)
        return undefined;
    const name = pr_comment_text(record(head.repo)?.full_name);
    const sha = pr_comment_text(head.sha);
    // A deleted fork leaves `head.repo` null: still another repository.
    return {
        fork: name === undefined || name.toLowerCase() !== base.toLowerCase(),
        ...(sha && /^[0-9a-f]{40}$/i.test(sha) && { headSha: sha }),
    };
}
/**
 * Before anything is created or billed: the pull request of this run, and a token that can read it.
 * Returns undefined (after one notice) when the run is not about a pull request. Read-only: a fork's
 * token passes here and is only refused when writing, which warns.
 */
async function preparePrComment(settings) {
    let context;
    try {
        ;
        ({ context } = await Promise.all(/* import() */[__webpack_require__.e(555), __webpack_require__.e(351)]).then(__webpack_require__.bind(__webpack_require__, 61351)));
    }
    catch (error) {
        // The library reads the event file when it loads; one that is not JSON leaves no pull request to find.
        log/* log */.R.warning(`pr-comment: could not read the event of this run (${(0,errors/* errorText */.kc)(error)}); no comment is written`);
        return undefined;
    }
    const number = pullRequestNumber(context.eventName, context.payload);
    if (number === undefined) {
        log/* log */.R.notice(`pr-comment is ignored: this run is a '${(0,sanitize/* clean */.uH)(context.eventName || 'unknown', 100)}' event, not one of a pull request`);
        return undefined;
    }
    if (context.eventName === 'issue_comment' &&
        hasMarker(record(record(context.payload)?.comment)?.body, MARKER_PREFIX)) {
        // With a token other than the job's, writing the comment starts the workflow again: a loop that pays every round.
        throw new input_error/* InputError */.dz('pr-comment', `this run was started by a comment that this action wrote, so commenting again would start the next run, and so on. Skip such runs: \`if: \${{ !startsWith(github.event.comment.body, '${MARKER_PREFIX}') }}\`. Nothing was created or billed.`);
    }
    const repo = repository();
    if (!repo) {
        log/* log */.R.warning(`pr-comment: GITHUB_REPOSITORY is not 'owner/repo'; no comment is written`);
        return undefined;
    }
    const base = `${repo.owner}/${repo.repo}`;
    const target = {
        ...repo,
        number,
        token: settings.token,
        marker: commentMarker(settings.key),
        ...(headOf(record(context.payload)?.pull_request, base) ?? { fork: false }),
    };
    const octokit = await (0,github_client/* githubClient */.$f)(settings.token);
    let pull;
    try {
        ;
        ({ data: pull } = await octokit.request('GET /repos/{owner}/{repo}/pulls/{pull_number}', {
            ...repo,
            pull_number: number,
            request: { signal: AbortSignal.timeout(BUDGET_MS) },
        }));
    }
    catch (error) {
        const status = statusOf(error);
        if (status === 401 || status === 403 || status === 404) {
            throw new input_error/* InputError */.dz('pr-comment', `the token cannot read pull request #${number} of ${base} (${(0,errors/* errorText */.kc)(error)}). Give the job \`permissions: pull-requests: write\` (github-token defaults to the job's token), or pass a github-token that has it. Nothing was created or billed.`);
        }
        log/* log */.R.warning(`pr-comment: could not check pull request #${number} (${(0,errors/* errorText */.kc)(error)}); the comment is tried when the run ends`);
        return target;
    }
    const checked = { ...target, ...headOf(pull, base) };
    log/* log */.R.info(`pr-comment: pull request #${number} of ${base}${checked.fork ? ' (from a fork)' : ''}; commented when the run ends`);
    return checked;
}
/**
 * Who the token writes as. A personal token answers `GET /user` with its login. Installation tokens (the job
 * token, a GitHub App's) may not ask (401/403), and write as some `<app>[bot]`: the comments of bots are then
 * its own. A failure that may pass (a 5xx, the network) is asked again, since a wrong answer means a second
 * comment on the pull request.
 */
async function whoWrites(octokit, signal) {
    for (let attempt = 1;; attempt++) {
        try {
            const { data } = await octokit.request('GET /user', { request: { signal } });
            const login = pr_comment_text(record(data)?.login);
            return login ? { login } : 'a bot';
        }
        catch (error) {
            const status = statusOf(error);
            if (status === 401 || status === 403 || status === 404 || attempt === USER_ATTEMPTS || signal.aborted) {
                if (status === undefined || status >= 500)
                    log/* log */.R.info(`pr-comment: could not ask GitHub who the token is: ${(0,errors/* errorText */.kc)(error)}`);
                return 'a bot';
            }
            await (0,promises_.setTimeout)(500 * attempt, undefined, { signal }).catch(() => undefined);
        }
    }
}
const USER_ATTEMPTS = 3;
const COMMENTS_PER_PAGE = 100;
/** 10,000 comments: a pull request with more is not read to the end. */
const MAX_COMMENT_PAGES = 100;
/**
 * The comment this action wrote under the target's marker, if any: the oldest one written by the token's own
 * user. The marker is in every comment the action writes, so anyone (a person, another bot) can quote it at
 * the start of theirs: a person's are never edited, unless the token is that person's.
 */
async function findComment(octokit, t, signal) {
    const found = [];
    const comments = await (0,github_client/* listAll */._w)(octokit, 'GET /repos/{owner}/{repo}/issues/{issue_number}/comments', { owner: t.owner, repo: t.repo, issue_number: t.number }, { signal, perPage: COMMENTS_PER_PAGE, maxPages: MAX_COMMENT_PAGES });
    for (const item of comments) {
        const comment = record(item);
        const id = comment?.id;
        if (typeof id !== 'number' || !Number.isSafeInteger(id) || !hasMarker(comment?.body, t.marker))
            continue;
        const user = record(comment?.user);
        const login = pr_comment_text(user?.login);
        const bot = user?.type === 'Bot' && login?.endsWith('[bot]') === true;
        found.push({ id, login, bot, signed: bot && namesAuthor(comment?.body, t.marker, login) });
    }
    if (found.length === 0)
        return undefined;
    const writer = await whoWrites(octokit, signal);
    if (writer !== 'a bot')
        return found.find((c) => c.login === writer.login);
    // Which bot is not known: the job token's, else one whose comment names it as its author (see withAuthor);
    // a bot that only quoted the marker is never edited.
    return found.find((c) => c.bot && c.login === JOB_TOKEN_LOGIN) ?? found.find((c) => c.signed);
}
/** The job token writes as this GitHub App. */
const JOB_TOKEN_LOGIN = 'github-actions[bot]';
async function upsert(t, body, budgetMs) {
    const octokit = await (0,github_client/* githubClient */.$f)(t.token);
    const signal = AbortSignal.timeout(budgetMs);
    const edit = (id, login) => octokit.request('PATCH /repos/{owner}/{repo}/issues/comments/{comment_id}', {
        owner: t.owner,
        repo: t.repo,
        comment_id: id,
        body: withAuthor(body, t.marker, login),
        request: { signal },
    });
    const found = await findComment(octokit, t, signal);
    if (found !== undefined) {
        try {
            const { data } = await edit(found.id, found.login ?? '');
            return { data, updated: true };
        }
        catch (error) {
            // Deleted since it was listed: write a new one.
            if (statusOf(error) !== 404)
                throw error;
        }
    }
    const { data } = await octokit.request('POST /repos/{owner}/{repo}/issues/{issue_number}/comments', {
        owner: t.owner,
        repo: t.repo,
        issue_number: t.number,
        body,
        request: { signal },
    });
    // Who wrote it is known now: an app's bot signs its comment, so that its next run finds it (the job token's
    // bot and a person are found by login).
    const created = record(data);
    const login = pr_comment_text(record(created?.user)?.login);
    const id = created?.id;
    if (login?.endsWith('[bot]') && login !== JOB_TOKEN_LOGIN && typeof id === 'number') {
        try {
            return { data: (await edit(id, login)).data, updated: false };
        }
        catch (error) {
            log/* log */.R.info(`pr-comment: could not sign the new comment as ${(0,sanitize/* clean */.uH)(login)}: ${(0,errors/* errorText */.kc)(error)}`);
        }
    }
    return { data, updated: false };
}
/** The comment's page: GitHub's html_url if it is on GitHub, else the page it stands for; none without an id. */
function commentLink(t, data) {
    const comment = record(data);
    const id = comment?.id;
    if (typeof id !== 'number' || !Number.isSafeInteger(id))
        return undefined;
    const origins = (0,github_urls/* githubOrigins */.v3)();
    const page = (0,github_urls/* serverLink */.St)(origins, [t.owner, t.repo, 'pull', String(t.number)], `#issuecomment-${id}`);
    const { url, replaced } = (0,github_urls/* githubLink */.Kp)(comment?.html_url, origins, page);
    if (replaced && comment?.html_url !== undefined) {
        log/* log */.R.warning(`GitHub gave the comment a link that is not GitHub's (${(0,sanitize/* clean */.uH)(comment.html_url, 200)}); linking ${url} instead`);
    }
    return url;
}
function explainFailure(t, error) {
    const what = `Could not comment on pull request #${t.number}: ${(0,errors/* errorText */.kc)(error)}.`;
    const status = statusOf(error);
    const rateLimited = /rate limit/i.test((0,errors/* errorText */.kc)(error));
    if ((status === 403 || status === 404) && !rateLimited && t.fork) {
        return `${what} This pull request comes from a fork, and GitHub gives its pull_request runs a read-only token. To comment on fork pull requests, run the job on pull_request_target with \`permissions: pull-requests: write\`; that run has a write token and your secrets, so never check out or run the fork's code in it. The step does not fail for this.`;
    }
    if ((status === 401 || status === 403 || status === 404) && !rateLimited) {
        return `${what} The token cannot write to the pull request: give the job \`permissions: pull-requests: write\` (github-token defaults to the job's token). The step does not fail for this.`;
    }
    return `${what} The step does not fail for this; the next run updates the comment.`;
}
/**
 * Creates or updates the comment and sets `pr-comment-url`, within `budgetMs` (a cancelled step has only what
 * is left before the runner kills it). Any failure is a warning, never a failed step.
 */
async function postPrComment(t, report, budgetMs = BUDGET_MS) {
    if (budgetMs < MIN_BUDGET_MS) {
        log/* log */.R.warning(`The comment on pull request #${t.number} was not updated: no time was left before the runner stops the step.`);
        return;
    }
    try {
        const body = renderPrComment({ ...report, marker: t.marker, runUrl: runUrl(), ...(t.headSha && { commit: t.headSha }) }, PR_COMMENT_LIMIT - AUTHOR_LINE_CHARS);
        const { data, updated } = await upsert(t, body, Math.min(budgetMs, BUDGET_MS));
        const link = commentLink(t, data);
        if (link)
            (0,outputs/* setOutput */.uH)(outputs/* OUTPUTS */.py.prCommentUrl, link);
        log/* log */.R.info(`${updated ? 'Updated the' : 'Created a'} comment on pull request #${t.number}${link ? ` → ${(0,sanitize/* clean */.uH)(link)}` : ''}`);
    }
    catch (error) {
        log/* log */.R.warning(explainFailure(t, error));
    }
}


/***/ })

};

//# sourceMappingURL=617.index.js.map