export const id = 394;
export const ids = [394];
export const modules = {

/***/ 24394:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   dryRun: () => (/* binding */ dryRun)
/* harmony export */ });
/* harmony import */ var _actions_core__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(33838);
/* harmony import */ var _deliver_summary_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(66945);
/* harmony import */ var _hash_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(56495);
/* harmony import */ var _deliver_summary_settings_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(97667);
/* harmony import */ var _request_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(14390);
// dry-run: everything but the requests. Validated settings, the files with their hashes, and the exact
// body that would be sent (with placeholders where upload ids would go).





async function describe(ref, label) {
    if ('fileId' in ref) {
        _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .info */ .pq(`  ${label}: existing file ${ref.fileId} (no upload)`);
        return ref.fileId;
    }
    const { file } = ref;
    const sha = await (0,_hash_js__WEBPACK_IMPORTED_MODULE_2__/* .sha256File */ .Q)(file.absPath);
    _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .info */ .pq(`  ${label}: would upload ${file.relPath} (${file.kind}, ${file.contentType}, ${file.size} bytes, sha256 ${sha})`);
    return `<upload:${file.relPath}>`;
}
async function dryRun(settings) {
    const started = Date.now();
    _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .info */ .pq('Dry run: inputs are valid; no request is made.');
    const refs = [...settings.images, ...(settings.video ? [settings.video] : [])];
    if (refs.length)
        _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .info */ .pq('Files:');
    const imageIds = [];
    for (const ref of settings.images)
        imageIds.push(await describe(ref, 'image'));
    const videoId = settings.video ? await describe(settings.video, 'video') : undefined;
    const { body, overridden } = (0,_request_js__WEBPACK_IMPORTED_MODULE_3__/* .buildRequestBody */ .Q)(settings, imageIds, videoId);
    for (const key of overridden)
        _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .warning */ .$e(`params.${key} is ignored: a typed input sets ${key}`);
    _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .info */ .pq(`Would send POST ${settings.baseUrl}/v1/tools/generate-video-clip with body:`);
    _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .info */ .pq(JSON.stringify(body, null, 2));
    _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .setOutput */ .uH('status', 'dry-run');
    _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .setOutput */ .uH('request-body', JSON.stringify(body));
    if (settings.summary) {
        await (0,_deliver_summary_js__WEBPACK_IMPORTED_MODULE_1__/* .writeSummary */ .Sy)((0,_deliver_summary_js__WEBPACK_IMPORTED_MODULE_1__/* .renderSummary */ .Br)({
            status: 'dry-run',
            elapsedMs: Date.now() - started,
            settings: (0,_deliver_summary_settings_js__WEBPACK_IMPORTED_MODULE_4__/* .summarySettings */ .K)(settings),
            ...(settings.request.prompt && { prompt: settings.request.prompt }),
            clips: [],
        }) +
            `\n<details><summary>Request body</summary>\n\n\`\`\`json\n${JSON.stringify(body, null, 2).replace(/`/g, '\\u0060')}\n\`\`\`\n</details>\n`);
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