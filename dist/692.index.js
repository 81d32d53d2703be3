export const id = 692;
export const ids = [692,311];
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

/***/ 61692:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   checkReleaseTarget: () => (/* binding */ checkReleaseTarget),
/* harmony export */   refusedAssetNames: () => (/* binding */ refusedAssetNames),
/* harmony export */   uploadReleaseAssets: () => (/* binding */ uploadReleaseAssets)
/* harmony export */ });
/* harmony import */ var _log_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(25625);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(73024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(51455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_3___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_3__);
/* harmony import */ var _inputs_input_error_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(39354);
/* harmony import */ var _concurrency_js__WEBPACK_IMPORTED_MODULE_10__ = __webpack_require__(81532);
/* harmony import */ var _sanitize_js__WEBPACK_IMPORTED_MODULE_9__ = __webpack_require__(25540);
/* harmony import */ var _videogen_errors_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(49532);
/* harmony import */ var _hash_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(56495);
/* harmony import */ var _github_client_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(59524);
/* harmony import */ var _github_urls_js__WEBPACK_IMPORTED_MODULE_8__ = __webpack_require__(65045);
// Release assets: attach the downloaded clips to the release of a `release` event, or to `release-tag`.
// Names are checked against the existing assets before anything is uploaded or deleted, so a refused
// overwrite leaves the release untouched; an asset that already is the same file is kept as it is (re-runs).











/** One GitHub call of the release: a GitHub that hangs must not hold a finished (paid) run to the job's timeout. */
const CALL_MS = 60_000;
/** An upload may take longer, as slow as this: 100 MB in under 7 minutes. */
const UPLOAD_BYTES_PER_S = 256 * 1024;
/** GitHub holds at most 1,000 assets in a release. */
const MAX_ASSET_PAGES = 10;
const callSignal = () => AbortSignal.timeout(CALL_MS);
function statusOf(error) {
    const status = error.status;
    return typeof status === 'number' ? status : undefined;
}
function explain(what, error) {
    const status = statusOf(error);
    const hint = status === 401
        ? ' The token is invalid or expired (github-token defaults to the job token).'
        : status === 403
            ? ' The token needs `permissions: contents: write` (github-token defaults to the job token).'
            : '';
    return new Error(`${what} failed: ${(0,_sanitize_js__WEBPACK_IMPORTED_MODULE_9__/* .sentence */ .em)((0,_videogen_errors_js__WEBPACK_IMPORTED_MODULE_5__/* .errorText */ .kc)(error))}${hint}`);
}
function overwriteRefused(name, tag) {
    return new Error(`Release ${tag} already has an asset named ${name}. Set release-overwrite: true to replace it, or delete the asset first.`);
}
async function findRelease(octokit, owner, repo, settings, payload) {
    if (settings.tag) {
        try {
            const { data } = await octokit.request('GET /repos/{owner}/{repo}/releases/tags/{tag}', {
                owner,
                repo,
                tag: settings.tag,
                request: { signal: callSignal() },
            });
            return {
                owner,
                repo,
                id: data.id,
                tag: (0,_sanitize_js__WEBPACK_IMPORTED_MODULE_9__/* .clean */ .uH)(data.tag_name, 200),
                uploadUrl: (0,_github_urls_js__WEBPACK_IMPORTED_MODULE_8__/* .checkedUploadUrl */ .w9)(data.upload_url, (0,_github_urls_js__WEBPACK_IMPORTED_MODULE_8__/* .githubOrigins */ .v3)()),
            };
        }
        catch (error) {
            if (statusOf(error) === 404) {
                throw new _inputs_input_error_js__WEBPACK_IMPORTED_MODULE_4__/* .InputError */ .dz('release-tag', `no published release with tag '${settings.tag}' in ${owner}/${repo} (draft releases cannot be found by tag); create the release first`);
            }
            throw explain(`Looking up release ${settings.tag}`, error);
        }
    }
    const release = payload.release;
    if (!release?.id || !release.upload_url) {
        throw new _inputs_input_error_js__WEBPACK_IMPORTED_MODULE_4__/* .InputError */ .dz('release-tag', 'is empty and this run is not a release event: set release-tag to the tag of the release to attach the clips to');
    }
    return {
        owner,
        repo,
        id: release.id,
        tag: (0,_sanitize_js__WEBPACK_IMPORTED_MODULE_9__/* .clean */ .uH)(release.tag_name ?? String(release.id), 200),
        uploadUrl: eventUploadUrl(release.upload_url),
    };
}
/**
 * How an existing asset is known to be this file, if it is: same name (the caller's check) and same size, and the same
 * SHA-256 when GitHub reports a digest. A re-run (e.g. a cache hit restoring the same clip) then attaches
 * nothing instead of failing on its own earlier upload. Without a digest, size is the practical check: the API
 * has no other content hash, and downloading the asset to compare would cost as much as uploading it again.
 */
async function sameFileBy(asset, file) {
    const { size } = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.stat)(file);
    if (asset.size !== size)
        return undefined;
    const digest = /^sha256:([0-9a-f]{64})$/i.exec(asset.digest ?? '')?.[1];
    if (digest === undefined)
        return 'size';
    return digest.toLowerCase() === (await (0,_hash_js__WEBPACK_IMPORTED_MODULE_6__/* .sha256File */ .Q)(file)) ? 'content' : undefined;
}
async function uploadAsset(octokit, target, file, name) {
    const url = new URL(target.uploadUrl);
    url.searchParams.set('name', name);
    const { size } = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.stat)(file);
    const { data } = await octokit.request({
        method: 'POST',
        url: url.toString(),
        headers: { 'content-type': 'video/mp4', 'content-length': size },
        // Streamed from disk (clips can be large); GitHub requires the length up front, so no chunked body.
        data: (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.createReadStream)(file),
        request: { signal: AbortSignal.timeout(CALL_MS + Math.ceil((size / UPLOAD_BYTES_PER_S) * 1000)) },
    });
    return data;
}
function eventUploadUrl(raw) {
    try {
        return (0,_github_urls_js__WEBPACK_IMPORTED_MODULE_8__/* .checkedUploadUrl */ .w9)(raw, (0,_github_urls_js__WEBPACK_IMPORTED_MODULE_8__/* .githubOrigins */ .v3)());
    }
    catch (error) {
        throw new Error(`Reading the release of this event failed: ${(0,_sanitize_js__WEBPACK_IMPORTED_MODULE_9__/* .sentence */ .em)((0,_videogen_errors_js__WEBPACK_IMPORTED_MODULE_5__/* .errorText */ .kc)(error))}`);
    }
}
/** The asset's download link for outputs and summaries: GitHub's, or the release download URL it stands for. */
function linkOf(asset, target, name) {
    const { url, replaced } = (0,_github_urls_js__WEBPACK_IMPORTED_MODULE_8__/* .assetLink */ .dx)(asset.browser_download_url, (0,_github_urls_js__WEBPACK_IMPORTED_MODULE_8__/* .githubOrigins */ .v3)(), { ...target, name });
    if (replaced) {
        _log_js__WEBPACK_IMPORTED_MODULE_0__/* .log */ .R.warning(`GitHub gave asset ${name} a download URL that is not GitHub's (${(0,_sanitize_js__WEBPACK_IMPORTED_MODULE_9__/* .clean */ .uH)(asset.browser_download_url, 200)}); linking ${url} instead`);
    }
    return url;
}
async function connect(settings) {
    const github = await Promise.all(/* import() */[__webpack_require__.e(555), __webpack_require__.e(351)]).then(__webpack_require__.bind(__webpack_require__, 61351));
    const { owner, repo } = github.context.repo;
    const octokit = await (0,_github_client_js__WEBPACK_IMPORTED_MODULE_7__/* .githubClient */ .$f)(settings.token);
    return { octokit, owner, repo, payload: github.context.payload };
}
/** Pre-flight, before anything is created or billed: the release exists and the token can read it. */
async function checkReleaseTarget(settings) {
    const { octokit, owner, repo, payload } = await connect(settings);
    await findRelease(octokit, owner, repo, settings, payload);
}
async function listAssets(octokit, owner, repo, target) {
    try {
        return (await (0,_github_client_js__WEBPACK_IMPORTED_MODULE_7__/* .listAll */ ._w)(octokit, 'GET /repos/{owner}/{repo}/releases/{release_id}/assets', { owner, repo, release_id: target.id }, { signal: callSignal(), maxPages: MAX_ASSET_PAGES })).filter((a) => typeof a?.name === 'string');
    }
    catch (error) {
        throw explain(`Listing the assets of release ${target.tag}`, error);
    }
}
/**
 * The planned names that uploading would refuse (without release-overwrite): an asset by that name exists and
 * is not the planned `file` (a clip not made yet has none). A batch names its assets before it creates
 * anything (`<id>-<n>.mp4`), so this is known before clips are paid for that could not be attached.
 */
async function refusedAssetNames(settings, planned) {
    const { octokit, owner, repo, payload } = await connect(settings);
    const target = await findRelease(octokit, owner, repo, settings, payload);
    const existing = await listAssets(octokit, owner, repo, target);
    const taken = [];
    for (const { name, file } of planned) {
        const asset = existing.find((a) => a.name === name);
        if (asset && !(file && (await sameFileBy(asset, file))))
            taken.push(name);
    }
    return { tag: target.tag, taken };
}
/** Attaches the downloaded clips; returns the clips with `releaseAssetUrl` set where attached. */
async function uploadReleaseAssets(settings, clips, assetName = (clip) => node_path__WEBPACK_IMPORTED_MODULE_3___default().basename(clip.absPath)) {
    const { octokit, owner, repo, payload } = await connect(settings);
    const target = await findRelease(octokit, owner, repo, settings, payload);
    const files = clips.flatMap((clip) => (clip.absPath ? [{ clip, file: clip.absPath, name: assetName(clip) }] : []));
    if (files.length === 0) {
        _log_js__WEBPACK_IMPORTED_MODULE_0__/* .log */ .R.warning(`Nothing attached to release ${target.tag}: there are no downloaded clips`);
        return clips;
    }
    const existing = await listAssets(octokit, owner, repo, target);
    const replace = new Map();
    const attached = new Map();
    for (const { file, name } of files) {
        const asset = existing.find((a) => a.name === name);
        if (!asset)
            continue;
        const by = await sameFileBy(asset, file);
        if (by)
            attached.set(name, { asset, by });
        else if (!settings.overwrite)
            throw overwriteRefused(name, target.tag);
        else
            replace.set(name, asset);
    }
    const urls = await (0,_concurrency_js__WEBPACK_IMPORTED_MODULE_10__/* .mapLimit */ .s)(files, 3, async ({ file, name }) => {
        const same = attached.get(name);
        if (same) {
            const url = linkOf(same.asset, target, name);
            _log_js__WEBPACK_IMPORTED_MODULE_0__/* .log */ .R.info(`Release ${target.tag} already has ${name} with the same ${same.by} (an earlier run attached it); not uploaded again → ${(0,_sanitize_js__WEBPACK_IMPORTED_MODULE_9__/* .clean */ .uH)(url)}`);
            return url;
        }
        const old = replace.get(name);
        if (old) {
            try {
                await octokit.request('DELETE /repos/{owner}/{repo}/releases/assets/{asset_id}', {
                    owner,
                    repo,
                    asset_id: old.id,
                    request: { signal: callSignal() },
                });
            }
            catch (error) {
                if (statusOf(error) !== 404)
                    throw explain(`Deleting the old asset ${name} of release ${target.tag}`, error);
            }
            _log_js__WEBPACK_IMPORTED_MODULE_0__/* .log */ .R.info(`Deleted the old release asset ${name} (release-overwrite: true)`);
        }
        let asset;
        try {
            asset = await uploadAsset(octokit, target, file, name);
        }
        catch (error) {
            // 422 already_exists: someone else uploaded the same name since the check.
            if (statusOf(error) === 422 &&
                /already_exists/.test(JSON.stringify(error.response?.data ?? ''))) {
                throw overwriteRefused(name, target.tag);
            }
            throw explain(`Uploading ${name} to release ${target.tag}`, error);
        }
        const url = linkOf(asset, target, name);
        _log_js__WEBPACK_IMPORTED_MODULE_0__/* .log */ .R.info(`Attached ${name} to release ${target.tag} → ${(0,_sanitize_js__WEBPACK_IMPORTED_MODULE_9__/* .clean */ .uH)(url)}`);
        return url;
    });
    const byIndex = new Map(files.map(({ clip }, i) => [clip.index, urls[i]]));
    return clips.map((clip) => byIndex.has(clip.index) ? { ...clip, releaseAssetUrl: byIndex.get(clip.index) } : clip);
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

//# sourceMappingURL=692.index.js.map