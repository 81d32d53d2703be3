export const id = 692;
export const ids = [692,311];
export const modules = {

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
/* harmony import */ var _concurrency_js__WEBPACK_IMPORTED_MODULE_8__ = __webpack_require__(81532);
/* harmony import */ var _sanitize_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(25540);
/* harmony import */ var _videogen_errors_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(49532);
/* harmony import */ var _hash_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(56495);
// Release assets: attach the downloaded clips to the release of a `release` event, or to `release-tag`.
// Names are checked against the existing assets before anything is uploaded or deleted, so a refused
// overwrite leaves the release untouched; an asset that already is the same file is kept as it is (re-runs).









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
    return new Error(`${what} failed: ${(0,_sanitize_js__WEBPACK_IMPORTED_MODULE_7__/* .sentence */ .em)((0,_videogen_errors_js__WEBPACK_IMPORTED_MODULE_5__/* .errorText */ .kc)(error))}${hint}`);
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
            });
            return { owner, repo, id: data.id, tag: (0,_sanitize_js__WEBPACK_IMPORTED_MODULE_7__/* .clean */ .uH)(data.tag_name, 200), uploadUrl: data.upload_url };
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
        tag: (0,_sanitize_js__WEBPACK_IMPORTED_MODULE_7__/* .clean */ .uH)(release.tag_name ?? String(release.id), 200),
        uploadUrl: release.upload_url,
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
    // upload_url is an RFC 6570 template on the upload host (uploads.github.com), e.g. `…/assets{?name,label}`.
    const url = new URL(target.uploadUrl.replace(/\{[^}]*\}$/, ''));
    url.searchParams.set('name', name);
    const { size } = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.stat)(file);
    const { data } = await octokit.request({
        method: 'POST',
        url: url.toString(),
        headers: { 'content-type': 'video/mp4', 'content-length': size },
        // Streamed from disk (clips can be large); GitHub requires the length up front, so no chunked body.
        data: (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.createReadStream)(file),
    });
    return data;
}
async function connect(settings) {
    const github = await __webpack_require__.e(/* import() */ 351).then(__webpack_require__.bind(__webpack_require__, 61351));
    const { owner, repo } = github.context.repo;
    const octokit = github.getOctokit(settings.token, { baseUrl: process.env.GITHUB_API_URL || 'https://api.github.com' });
    return { octokit, owner, repo, payload: github.context.payload };
}
/** Pre-flight, before anything is created or billed: the release exists and the token can read it. */
async function checkReleaseTarget(settings) {
    const { octokit, owner, repo, payload } = await connect(settings);
    await findRelease(octokit, owner, repo, settings, payload);
}
async function listAssets(octokit, owner, repo, target) {
    try {
        return await octokit.paginate('GET /repos/{owner}/{repo}/releases/{release_id}/assets', {
            owner,
            repo,
            release_id: target.id,
            per_page: 100,
        });
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
    const urls = await (0,_concurrency_js__WEBPACK_IMPORTED_MODULE_8__/* .mapLimit */ .s)(files, 3, async ({ file, name }) => {
        const same = attached.get(name);
        if (same) {
            const url = same.asset.browser_download_url;
            _log_js__WEBPACK_IMPORTED_MODULE_0__/* .log */ .R.info(`Release ${target.tag} already has ${name} with the same ${same.by} (an earlier run attached it); not uploaded again → ${(0,_sanitize_js__WEBPACK_IMPORTED_MODULE_7__/* .clean */ .uH)(url)}`);
            return url;
        }
        const old = replace.get(name);
        if (old) {
            try {
                await octokit.request('DELETE /repos/{owner}/{repo}/releases/assets/{asset_id}', {
                    owner,
                    repo,
                    asset_id: old.id,
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
        _log_js__WEBPACK_IMPORTED_MODULE_0__/* .log */ .R.info(`Attached ${name} to release ${target.tag} → ${(0,_sanitize_js__WEBPACK_IMPORTED_MODULE_7__/* .clean */ .uH)(asset.browser_download_url)}`);
        return asset.browser_download_url;
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