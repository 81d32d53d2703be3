// Shapes of VideoGen ids. Ids are opaque (the execution prefix changed once, vg_exec_ → vg_tool_), but an
// id is used in request paths, file names and log lines, so one that does not look like an id is refused:
// `vg_`, a lower-case kind, `_`, then base64url characters.

export const FILE_ID = /^vg_file_[A-Za-z0-9_-]{1,100}$/
/** Any vg_ id but a file id. */
export const EXECUTION_ID = /^vg_(?!file_)[a-z]{1,16}_[A-Za-z0-9_-]{1,100}$/

export const isFileId = (value: unknown): value is string => typeof value === 'string' && FILE_ID.test(value)
export const isExecutionId = (value: unknown): value is string => typeof value === 'string' && EXECUTION_ID.test(value)

/** The same execution under either prefix: the API still answers old `vg_exec_` ids with `vg_tool_` ones. */
export function sameExecution(a: string, b: string): boolean {
  const body = (id: string) => id.replace(/^vg_(exec|tool)_/, '')
  return a === b || (/^vg_(exec|tool)_/.test(a) && /^vg_(exec|tool)_/.test(b) && body(a) === body(b))
}
