export const id = 661;
export const ids = [661];
export const modules = {

/***/ 86661:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   post: () => (/* binding */ post)
/* harmony export */ });
/* harmony import */ var _actions_core__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(33838);
/* harmony import */ var _lifecycle_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(66367);
/* harmony import */ var _secrets_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(27194);
/* harmony import */ var _settings_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(91567);
/* harmony import */ var _videogen_client_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(27354);
/* harmony import */ var _videogen_errors_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(49532);
/* harmony import */ var _videogen_types_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(21162);
// The post step, the safety net: if main died (SIGKILL, a runner crash) while its execution was not
// known to be over, cancel it so it does not run on and bill. Idempotent; quiet when there is nothing to do.







async function post() {
    const apiKey = (0,_secrets_js__WEBPACK_IMPORTED_MODULE_2__/* .readAndMaskApiKey */ .L)();
    const id = _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .getState */ .Gu(_lifecycle_js__WEBPACK_IMPORTED_MODULE_1__/* .STATE */ .c4.executionId);
    const disposition = _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .getState */ .Gu(_lifecycle_js__WEBPACK_IMPORTED_MODULE_1__/* .STATE */ .c4.disposition);
    if (!id || disposition) {
        _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .debug */ .Yz(id ? `Execution ${id} was ${disposition}; nothing to clean up` : 'No execution was created; nothing to clean up');
        return;
    }
    if (!apiKey) {
        _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .warning */ .$e(`Execution ${id} may still be running, but no API key is available to cancel it`);
        return;
    }
    let baseUrl;
    try {
        baseUrl = (0,_settings_js__WEBPACK_IMPORTED_MODULE_3__/* .parseBaseUrl */ .Q2)(_actions_core__WEBPACK_IMPORTED_MODULE_0__/* .getInput */ .V4('base-url') || process.env.VIDEOGEN_BASE_URL?.trim() || _settings_js__WEBPACK_IMPORTED_MODULE_3__/* .DEFAULT_BASE_URL */ .Ql);
    }
    catch (error) {
        _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .warning */ .$e(`Cannot check execution ${id}: ${(0,_videogen_errors_js__WEBPACK_IMPORTED_MODULE_5__/* .errorText */ .kc)(error)}`);
        return;
    }
    const client = (0,_videogen_client_js__WEBPACK_IMPORTED_MODULE_4__/* .createClient */ .U)(baseUrl, apiKey);
    try {
        let seen = 'in an unknown state';
        try {
            const execution = await client.tools.getExecution(id, {
                deadline: Date.now() + 10_000,
                signal: AbortSignal.timeout(15_000),
            });
            if ((0,_videogen_types_js__WEBPACK_IMPORTED_MODULE_6__/* .isTerminal */ .H)(execution.status)) {
                _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .info */ .pq(`Execution ${id} had already ended (${execution.status}); nothing to cancel`);
                return;
            }
            seen = `still ${execution.status}`;
        }
        catch (error) {
            // Cancel is safe to send either way (a finished execution stays as it is) and has its own rate budget.
            _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .warning */ .$e(`Could not read the status of execution ${id} (${(0,_videogen_errors_js__WEBPACK_IMPORTED_MODULE_5__/* .errorText */ .kc)(error)}); cancelling it to be safe`);
        }
        _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .warning */ .$e(`The main step ended while execution ${id} was ${seen}; cancelling it so it does not run on`);
        const status = await (0,_lifecycle_js__WEBPACK_IMPORTED_MODULE_1__/* .cancelAndConfirm */ .Un)(client.tools, id, 10_000);
        _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .info */ .pq(`Execution ${id}: ${status ?? 'cancellation not confirmed'}`);
    }
    finally {
        await client.close();
    }
}


/***/ })

};

//# sourceMappingURL=661.index.js.map