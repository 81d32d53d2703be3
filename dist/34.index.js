export const id = 34;
export const ids = [34];
export const modules = {

/***/ 5034:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  dryRun: () => (/* binding */ dryRun)
});

// EXTERNAL MODULE: ./node_modules/@actions/core/lib/core.js + 18 modules
var core = __webpack_require__(5009);
// EXTERNAL MODULE: ./src/deliver/summary.ts
var summary = __webpack_require__(6945);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
;// CONCATENATED MODULE: ./src/hash.ts


/** SHA-256 of a file, streamed. */
async function sha256File(file) {
    const hash = (0,external_node_crypto_.createHash)('sha256');
    for await (const chunk of (0,external_node_fs_.createReadStream)(file, { highWaterMark: 1024 * 1024 }))
        hash.update(chunk);
    return hash.digest('hex');
}

// EXTERNAL MODULE: ./src/deliver/summary-settings.ts
var summary_settings = __webpack_require__(7667);
// EXTERNAL MODULE: ./src/request.ts
var request = __webpack_require__(4390);
;// CONCATENATED MODULE: ./src/dry-run.ts
// dry-run: everything but the requests. Validated settings, the files with their hashes, and the exact
// body that would be sent (with placeholders where upload ids would go).





async function describe(ref, label) {
    if ('fileId' in ref) {
        core/* info */.pq(`  ${label}: existing file ${ref.fileId} (no upload)`);
        return ref.fileId;
    }
    const { file } = ref;
    const sha = await sha256File(file.absPath);
    core/* info */.pq(`  ${label}: would upload ${file.relPath} (${file.kind}, ${file.contentType}, ${file.size} bytes, sha256 ${sha})`);
    return `<upload:${file.relPath}>`;
}
async function dryRun(settings) {
    const started = Date.now();
    core/* info */.pq('Dry run: inputs are valid; no request is made.');
    const refs = [...settings.images, ...(settings.video ? [settings.video] : [])];
    if (refs.length)
        core/* info */.pq('Files:');
    const imageIds = [];
    for (const ref of settings.images)
        imageIds.push(await describe(ref, 'image'));
    const videoId = settings.video ? await describe(settings.video, 'video') : undefined;
    const { body, overridden } = (0,request/* buildRequestBody */.Q)(settings, imageIds, videoId);
    for (const key of overridden)
        core/* warning */.$e(`params.${key} is ignored: a typed input sets ${key}`);
    core/* info */.pq(`Would send POST ${settings.baseUrl}/v1/tools/generate-video-clip with body:`);
    core/* info */.pq(JSON.stringify(body, null, 2));
    core/* setOutput */.uH('status', 'dry-run');
    core/* setOutput */.uH('request-body', JSON.stringify(body));
    if (settings.summary) {
        await (0,summary/* writeSummary */.Sy)((0,summary/* renderSummary */.Br)({ status: 'dry-run', elapsedMs: Date.now() - started, settings: (0,summary_settings/* summarySettings */.K)(settings), ...(settings.request.prompt && { prompt: settings.request.prompt }), clips: [] }) + `\n<details><summary>Request body</summary>\n\n\`\`\`json\n${JSON.stringify(body, null, 2).replace(/`/g, '\\u0060')}\n\`\`\`\n</details>\n`);
    }
}


/***/ })

};
