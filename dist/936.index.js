export const id = 936;
export const ids = [936];
export const modules = {

/***/ 91555:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   artifactNameTakenMessage: () => (/* binding */ artifactNameTakenMessage),
/* harmony export */   artifactUrl: () => (/* binding */ artifactUrl),
/* harmony export */   checkArtifactNameFree: () => (/* binding */ checkArtifactNameFree),
/* harmony export */   isGhes: () => (/* binding */ isGhes),
/* harmony export */   uploadClipsArtifact: () => (/* binding */ uploadClipsArtifact)
/* harmony export */ });
/* harmony import */ var _log_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(25625);
/* harmony import */ var _format_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(16264);
/* harmony import */ var _videogen_errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(49532);
// Workflow artifact of the downloaded clips. Artifact names are immutable per workflow run, so a clash
// is checked before the execution is created (checkArtifactNameFree, called by main) and again at upload.



/** The same rule as @actions/artifact's isGhes(): the results service exists on github.com, *.ghe.com and *.localhost only. */
function isGhes(serverUrl = process.env.GITHUB_SERVER_URL) {
    let host;
    try {
        host = new URL(serverUrl || 'https://github.com').hostname.toLowerCase();
    }
    catch {
        return true;
    }
    return host !== 'github.com' && !host.endsWith('.ghe.com') && !host.endsWith('.localhost');
}
function artifactNameTakenMessage(name) {
    return (`Input 'artifact-name': an artifact named '${name}' already exists in this workflow run, and artifact names cannot be reused within a run ` +
        `(another job, a matrix leg, an earlier step, or an earlier attempt of this job when it is re-run uploaded it). Make the name unique per job, e.g. in a matrix ` +
        `\`artifact-name: ${name}-\${{ strategy.job-index }}\` or \`artifact-name: ${name}-\${{ matrix.<key> }}\`, ` +
        `and add \`-\${{ github.run_attempt }}\` if the job may be re-run.`);
}
function artifactUrl(id) {
    const server = (process.env.GITHUB_SERVER_URL || 'https://github.com').replace(/\/+$/, '');
    return `${server}/${process.env.GITHUB_REPOSITORY ?? ''}/actions/runs/${process.env.GITHUB_RUN_ID ?? ''}/artifacts/${id}`;
}
async function artifactClient() {
    // Loaded lazily: most runs do not upload artifacts, and the library is a large part of the bundle.
    const { DefaultArtifactClient } = await Promise.all(/* import() */[__webpack_require__.e(555), __webpack_require__.e(271), __webpack_require__.e(799)]).then(__webpack_require__.bind(__webpack_require__, 76799));
    return new DefaultArtifactClient();
}
function missingRuntime() {
    const missing = ['ACTIONS_RUNTIME_TOKEN', 'ACTIONS_RESULTS_URL'].filter((v) => !process.env[v]);
    if (missing.length === 0)
        return undefined;
    return `Input 'artifact-name': uploading an artifact needs the Actions runtime, but ${missing.join(' and ')} ${missing.length > 1 ? 'are' : 'is'} not set (the runner sets them for every job step).`;
}
async function nameTaken(client, name) {
    // listArtifacts, not getArtifact: a missing name is the normal case and getArtifact reports it as an error (with a warning).
    const { artifacts } = await client.listArtifacts();
    return artifacts.some((a) => a.name === name);
}
/**
 * Pre-flight, before anything is created or billed: fails when the name is already used in this run.
 * On GHES there is no artifact service; the upload step warns and skips, so nothing to check here.
 */
async function checkArtifactNameFree(name) {
    if (isGhes())
        return;
    const missing = missingRuntime();
    if (missing)
        throw new Error(missing);
    let taken;
    try {
        taken = await nameTaken(await artifactClient(), name);
    }
    catch (error) {
        _log_js__WEBPACK_IMPORTED_MODULE_0__/* .log */ .R.warning(`Could not check whether artifact name '${name}' is free (${(0,_videogen_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .errorText */ .kc)(error)}); it is checked again before the upload`);
        return;
    }
    if (taken)
        throw new Error(artifactNameTakenMessage(name));
}
function isConflict(error) {
    // The service answers a duplicate name with HTTP 409 (Twirp already_exists); the library only keeps the text.
    return /\(409\)|already[ _]exists/i.test((0,_videogen_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .errorText */ .kc)(error));
}
async function uploadClipsArtifact(artifact, clips, root) {
    const { name } = artifact;
    if (isGhes()) {
        _log_js__WEBPACK_IMPORTED_MODULE_0__/* .log */ .R.warning(`Artifact '${name}' was not uploaded: workflow artifacts of this kind are not available on GitHub Enterprise Server (${process.env.GITHUB_SERVER_URL}). The clips are in the workspace (see the 'paths' output).`);
        return undefined;
    }
    const files = clips.flatMap((c) => (c.absPath ? [c.absPath] : []));
    if (files.length === 0) {
        _log_js__WEBPACK_IMPORTED_MODULE_0__/* .log */ .R.warning(`Artifact '${name}' was not uploaded: there are no downloaded clips`);
        return undefined;
    }
    const missing = missingRuntime();
    if (missing)
        throw new Error(missing);
    const client = await artifactClient();
    // Checked again: another job of the run may have taken the name while this one was generating.
    if (await nameTaken(client, name).catch(() => false))
        throw new Error(artifactNameTakenMessage(name));
    let result;
    try {
        result = await client.uploadArtifact(name, files, root, artifact.retentionDays ? { retentionDays: artifact.retentionDays } : {});
    }
    catch (error) {
        if (error instanceof Error && error.name === 'GHESNotSupportedError') {
            _log_js__WEBPACK_IMPORTED_MODULE_0__/* .log */ .R.warning(`Artifact '${name}' was not uploaded: ${error.message}`);
            return undefined;
        }
        if (isConflict(error))
            throw new Error(artifactNameTakenMessage(name));
        throw new Error(`Upload of artifact '${name}' failed: ${(0,_videogen_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .errorText */ .kc)(error)}`);
    }
    if (result.id === undefined)
        throw new Error(`Upload of artifact '${name}' returned no artifact id`);
    const url = artifactUrl(result.id);
    _log_js__WEBPACK_IMPORTED_MODULE_0__/* .log */ .R.info(`Uploaded artifact '${name}' (${files.length} clip${files.length > 1 ? 's' : ''}${result.size !== undefined ? `, ${(0,_format_js__WEBPACK_IMPORTED_MODULE_2__/* .formatBytes */ .z3)(result.size)} zipped` : ''}) → ${url}`);
    return { id: result.id, url };
}


/***/ })

};

//# sourceMappingURL=936.index.js.map