export const id = 394;
export const ids = [394];
export const modules = {

/***/ 24394:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   dryRun: () => (/* binding */ dryRun)
/* harmony export */ });
/* harmony import */ var _log_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(25625);
/* harmony import */ var _deliver_outputs_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(45867);
/* harmony import */ var _deliver_summary_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(66945);
/* harmony import */ var _deliver_summary_settings_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(97667);
/* harmony import */ var _hash_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(56495);
/* harmony import */ var _request_body_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(22579);
/* harmony import */ var _videogen_errors_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(49532);
// dry-run: everything but the requests. Validated settings, the files with their hashes, and the exact
// body that would be sent (with placeholders where upload ids would go).







const LABELS = { images: 'image', videos: 'video', audio: 'audio', startFrame: 'start frame' };
async function describe(ref, label) {
    if ('fileId' in ref) {
        _log_js__WEBPACK_IMPORTED_MODULE_0__/* .log */ .R.info(`  ${label}: existing file ${ref.fileId} (no upload)`);
        return ref.fileId;
    }
    const { file } = ref;
    const sha = await (0,_hash_js__WEBPACK_IMPORTED_MODULE_3__/* .sha256File */ .Q)(file.absPath);
    _log_js__WEBPACK_IMPORTED_MODULE_0__/* .log */ .R.info(`  ${label}: would upload ${file.label} (${file.kind}, ${file.contentType}, ${file.size} bytes, sha256 ${sha})`);
    return `<upload:${file.relPath}>`;
}
/** The body of one request, with its files listed as they are met. */
async function planBody(clip) {
    const labels = new Map();
    for (const [kind, label] of Object.entries(LABELS)) {
        const refs = clip.files[kind];
        for (const ref of refs === undefined ? [] : Array.isArray(refs) ? refs : [refs])
            labels.set(ref, label);
    }
    // One by one, in input order, so the listing reads as the inputs do.
    const described = new Map();
    for (const [ref, label] of labels)
        described.set(ref, await describe(ref, label));
    const { body, overridden } = (0,_request_body_js__WEBPACK_IMPORTED_MODULE_5__/* .buildRequestBody */ .Q)(clip, await (0,_request_body_js__WEBPACK_IMPORTED_MODULE_5__/* .mapRequestFiles */ .b)(clip.files, async (ref) => described.get(ref)));
    for (const key of overridden)
        _log_js__WEBPACK_IMPORTED_MODULE_0__/* .log */ .R.warning(`params.${key} is ignored: a typed input sets ${key}`);
    return body;
}
/** The final body against the API document; undeclared params keys were already warned about. */
async function checkBody(body) {
    const { API_DOCUMENT, describeIssue, isUndeclared, validateSchema } = await Promise.all(/* import() */[__webpack_require__.e(892), __webpack_require__.e(49)]).then(__webpack_require__.bind(__webpack_require__, 85049));
    const all = validateSchema('GenerateVideoClipRequest', body, { strict: true });
    const issues = all.filter((i) => !isUndeclared(i));
    const extra = all.length > issues.length ? ', but for the fields it does not declare (warned above)' : '';
    if (issues.length === 0)
        _log_js__WEBPACK_IMPORTED_MODULE_0__/* .log */ .R.info(`The body is valid against the API document of ${API_DOCUMENT}${extra}.`);
    for (const issue of issues)
        _log_js__WEBPACK_IMPORTED_MODULE_0__/* .log */ .R.warning(`The body is not valid against the API document of ${API_DOCUMENT}: ${describeIssue(issue)}`);
}
/** Files, body and validity of one request, as the log shows them. */
async function plan(clip, baseUrl) {
    const refs = [...clip.files.images, ...clip.files.videos, ...clip.files.audio];
    if (refs.length || clip.files.startFrame)
        _log_js__WEBPACK_IMPORTED_MODULE_0__/* .log */ .R.info('Files:');
    const body = await planBody(clip);
    _log_js__WEBPACK_IMPORTED_MODULE_0__/* .log */ .R.info(`Would send POST ${baseUrl}/v1/tools/generate-video-clip with body:`);
    _log_js__WEBPACK_IMPORTED_MODULE_0__/* .log */ .R.info(JSON.stringify(body, null, 2));
    await checkBody(body);
    return body;
}
async function dryRun(settings) {
    const started = Date.now();
    _log_js__WEBPACK_IMPORTED_MODULE_0__/* .log */ .R.info('Dry run: inputs are valid; no request is made.');
    if (settings.prComment)
        _log_js__WEBPACK_IMPORTED_MODULE_0__/* .log */ .R.info('pr-comment: no comment in a dry run, which makes no request');
    const bodies = new Map();
    for (const clip of settings.requests) {
        if (settings.batch)
            _log_js__WEBPACK_IMPORTED_MODULE_0__/* .log */ .R.info(`Request ${clip.id}:`);
        bodies.set(clip.id ?? '', await plan(clip, settings.baseUrl));
    }
    // One request: its body; a batch: the bodies keyed by item id.
    const shown = settings.batch ? Object.fromEntries(bodies) : bodies.get('');
    (0,_deliver_outputs_js__WEBPACK_IMPORTED_MODULE_1__/* .setOutput */ .uH)(_deliver_outputs_js__WEBPACK_IMPORTED_MODULE_1__/* .OUTPUTS */ .py.status, 'dry-run');
    (0,_deliver_outputs_js__WEBPACK_IMPORTED_MODULE_1__/* .setOutput */ .uH)(_deliver_outputs_js__WEBPACK_IMPORTED_MODULE_1__/* .OUTPUTS */ .py.requestBody, JSON.stringify(shown));
    if (!settings.summary)
        return;
    const first = settings.requests[0];
    try {
        const markdown = (0,_deliver_summary_js__WEBPACK_IMPORTED_MODULE_2__/* .renderSummary */ .Br)({
            status: 'dry-run',
            elapsedMs: Date.now() - started,
            settings: settings.batch ? [['Requests', String(settings.requests.length)]] : (0,_deliver_summary_settings_js__WEBPACK_IMPORTED_MODULE_6__/* .summarySettings */ .K)(first),
            ...(!settings.batch && first?.request.prompt && { prompt: first.request.prompt }),
            clips: [],
            requestBody: JSON.stringify(shown, null, 2),
        });
        await (0,_deliver_summary_js__WEBPACK_IMPORTED_MODULE_2__/* .writeSummary */ .Sy)(markdown);
    }
    catch (error) {
        _log_js__WEBPACK_IMPORTED_MODULE_0__/* .log */ .R.warning(`Could not write the job summary: ${(0,_videogen_errors_js__WEBPACK_IMPORTED_MODULE_4__/* .errorText */ .kc)(error)}`);
    }
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

//# sourceMappingURL=394.index.js.map