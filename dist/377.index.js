export const id = 377;
export const ids = [377];
export const modules = {

/***/ 7377:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   openCache: () => (/* binding */ openCache)
/* harmony export */ });
async function openCache(_settings, _client) {
    throw new Error('cache: not implemented yet');
}


/***/ })

};
