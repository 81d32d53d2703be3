export const id = 661;
export const ids = [661];
export const modules = {

/***/ 86661:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   post: () => (/* binding */ post)
/* harmony export */ });
/* harmony import */ var _log_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(25625);
/* harmony import */ var _actions_core__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(33838);
/* harmony import */ var _cancel_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(90833);
/* harmony import */ var _inputs_settings_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(91893);
/* harmony import */ var _state_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(2462);
/* harmony import */ var _videogen_client_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(27354);
/* harmony import */ var _videogen_errors_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(49532);
/* harmony import */ var _videogen_types_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(21162);
// The post step, the safety net: if main died (SIGKILL, a runner crash) while an execution was not known
// to be over, or while a create was in flight, cancel what is still running so it does not bill on.
// Idempotent; quiet when there is nothing to do.








const CANCEL_BUDGET_MS = 10_000;
async function post(apiKey) {
    const state = (0,_state_js__WEBPACK_IMPORTED_MODULE_4__/* .readPostState */ .cj)();
    if (state.open.length === 0 && !state.createsInFlight) {
        _log_js__WEBPACK_IMPORTED_MODULE_0__/* .log */ .R.debug('No execution was left open and no create was in flight; nothing to clean up');
        return;
    }
    const what = state.open.length > 0 ? `Execution ${state.open.join(', ')}` : 'An execution whose create was in flight';
    if (!apiKey) {
        _log_js__WEBPACK_IMPORTED_MODULE_0__/* .log */ .R.warning(`${what} may still be running, but no API key is available to cancel it`);
        return;
    }
    let baseUrl;
    try {
        baseUrl = state.baseUrl ?? (0,_inputs_settings_js__WEBPACK_IMPORTED_MODULE_3__/* .baseUrlFrom */ .$f)(_actions_core__WEBPACK_IMPORTED_MODULE_1__/* .getInput */ .V4);
    }
    catch (error) {
        _log_js__WEBPACK_IMPORTED_MODULE_0__/* .log */ .R.warning(`${what} may still be running, but it cannot be checked: ${(0,_videogen_errors_js__WEBPACK_IMPORTED_MODULE_6__/* .errorText */ .kc)(error)}`);
        return;
    }
    const client = (0,_videogen_client_js__WEBPACK_IMPORTED_MODULE_5__/* .createClient */ .U)(baseUrl, apiKey, { log: { debug: _log_js__WEBPACK_IMPORTED_MODULE_0__/* .log */ .R.debug, info: _log_js__WEBPACK_IMPORTED_MODULE_0__/* .log */ .R.info } });
    try {
        for (const id of state.open)
            await cancelOpen(client.tools, id);
        if (state.createsInFlight)
            await cancelCreatedUnseen(client.tools, state.createsInFlight, new Set(state.open));
    }
    finally {
        await client.close();
    }
}
async function cancelOpen(tools, id) {
    let seen = 'in an unknown state';
    try {
        const execution = await tools.getExecution(id, {
            deadline: Date.now() + 10_000,
            signal: AbortSignal.timeout(15_000),
        });
        if ((0,_videogen_types_js__WEBPACK_IMPORTED_MODULE_7__/* .isTerminal */ .H)(execution.status)) {
            _log_js__WEBPACK_IMPORTED_MODULE_0__/* .log */ .R.info(`Execution ${id} had already ended (${execution.status}); nothing to cancel`);
            return;
        }
        seen = `still ${execution.status}`;
    }
    catch (error) {
        // Cancel is safe to send either way (a finished execution stays as it is) and has its own rate budget.
        _log_js__WEBPACK_IMPORTED_MODULE_0__/* .log */ .R.warning(`Could not read the status of execution ${id} (${(0,_videogen_errors_js__WEBPACK_IMPORTED_MODULE_6__/* .errorText */ .kc)(error)}); cancelling it to be safe`);
    }
    _log_js__WEBPACK_IMPORTED_MODULE_0__/* .log */ .R.warning(`The main step ended while execution ${id} was ${seen}; cancelling it so it does not run on`);
    const status = await (0,_cancel_js__WEBPACK_IMPORTED_MODULE_2__/* .cancelAndConfirm */ .Un)(tools, id, CANCEL_BUDGET_MS, _log_js__WEBPACK_IMPORTED_MODULE_0__/* .log */ .R);
    const outcome = `Execution ${id} ${(0,_cancel_js__WEBPACK_IMPORTED_MODULE_2__/* .cancelOutcome */ .Lb)(status, (0,_cancel_js__WEBPACK_IMPORTED_MODULE_2__/* .cancelByHand */ .Jn)(id))}`;
    if (status === 'cancelled' || (status !== undefined && (0,_videogen_types_js__WEBPACK_IMPORTED_MODULE_7__/* .isTerminal */ .H)(status)))
        _log_js__WEBPACK_IMPORTED_MODULE_0__/* .log */ .R.info(outcome);
    else
        _log_js__WEBPACK_IMPORTED_MODULE_0__/* .log */ .R.warning(outcome);
}
/** How long the post step keeps looking for an execution whose create was in flight, and how often. */
const LATE_CREATE_MS = 20_000;
const RELIST_MS = 3_000;
/**
 * Main was killed while `count` creates were in flight: their executions may exist, unknown to it. The
 * list has no creation time, so look at what appeared above the newest id main saw before sending, and
 * cancel when exactly as many running clip executions appeared as creates were in flight; otherwise (an
 * other job on the same key, or the list unreadable) name the candidates rather than guess.
 */
async function cancelCreatedUnseen(tools, inFlight, known) {
    const creates = inFlight.count === 1 ? 'a create request was' : `${inFlight.count} create requests were`;
    _log_js__WEBPACK_IMPORTED_MODULE_0__/* .log */ .R.warning(`The main step was stopped while ${creates} in flight: looking for the execution it may have created`);
    let candidates;
    let looked = 1;
    try {
        const end = Date.now() + LATE_CREATE_MS;
        candidates = await (0,_cancel_js__WEBPACK_IMPORTED_MODULE_2__/* .executionsSince */ ._0)(tools, inFlight.mark.newest, known, Date.now() + 15_000);
        // A create the API is still working on appears in the list a little later: look again for a while, to
        // name it (only what the first look found is cancelled).
        while (candidates.length < inFlight.count && Date.now() + RELIST_MS < end) {
            await new Promise((resolve) => setTimeout(resolve, RELIST_MS));
            candidates = await (0,_cancel_js__WEBPACK_IMPORTED_MODULE_2__/* .executionsSince */ ._0)(tools, inFlight.mark.newest, known, Date.now() + 15_000);
            looked++;
        }
    }
    catch (error) {
        _log_js__WEBPACK_IMPORTED_MODULE_0__/* .log */ .R.warning(`Could not list executions (${(0,_videogen_errors_js__WEBPACK_IMPORTED_MODULE_6__/* .errorText */ .kc)(error)}): an execution may have been created and may be running. Check GET /v1/tools/executions or the dashboard and cancel it there.`);
        return;
    }
    const ids = candidates.map((c) => c.toolExecutionId);
    if (candidates.length === 0) {
        const after = inFlight.mark.newest ? ` newer than ${inFlight.mark.newest}` : '';
        _log_js__WEBPACK_IMPORTED_MODULE_0__/* .log */ .R.warning(`No running execution appeared since the create was sent (the list was read ${looked} times over ${Math.round(LATE_CREATE_MS / 1000)} s): it was not created, has ended already, or the API is still processing it. Check GET /v1/tools/executions?selfOnly=true for a clip execution${after}, or the dashboard, in a few minutes, and cancel it there.`);
        return;
    }
    if (looked > 1) {
        // Found only on a later look: as likely another job's execution on the same key, started since, as this
        // step's create processed late. Cancelling would stop work someone else is paying for.
        _log_js__WEBPACK_IMPORTED_MODULE_0__/* .log */ .R.warning(`${ids.length} running execution${ids.length === 1 ? '' : 's'} appeared while the post step looked again (${ids.join(', ')}): this step's create, processed late, or another job's on the same key; not cancelled, since it cannot be told which. If it is this step's, cancel it in the dashboard or with POST /v1/tools/executions/<id>/cancel.`);
        return;
    }
    if (!inFlight.mark.known) {
        // The list could not be read before the create: these may all have been running before the step.
        _log_js__WEBPACK_IMPORTED_MODULE_0__/* .log */ .R.warning(`The executions list could not be read before the create, so what is running now cannot be told apart from what ran before: not cancelling any. Check and cancel the one this step created, if any: ${ids.join(', ')}`);
        return;
    }
    if (candidates.length !== inFlight.count) {
        _log_js__WEBPACK_IMPORTED_MODULE_0__/* .log */ .R.warning(`${candidates.length} running executions appeared since the create was sent, for ${inFlight.count} in flight: not cancelling any, since another job may own some. Check and cancel yours: ${ids.join(', ')}`);
        return;
    }
    for (const id of ids) {
        const status = await (0,_cancel_js__WEBPACK_IMPORTED_MODULE_2__/* .cancelAndConfirm */ .Un)(tools, id, CANCEL_BUDGET_MS, _log_js__WEBPACK_IMPORTED_MODULE_0__/* .log */ .R);
        _log_js__WEBPACK_IMPORTED_MODULE_0__/* .log */ .R.warning(`Execution ${id}, created while the main step was stopped, ${(0,_cancel_js__WEBPACK_IMPORTED_MODULE_2__/* .cancelOutcome */ .Lb)(status, (0,_cancel_js__WEBPACK_IMPORTED_MODULE_2__/* .cancelByHand */ .Jn)(id))}`);
    }
}


/***/ })

};

//# sourceMappingURL=661.index.js.map