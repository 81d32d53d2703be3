// The step's log: every message passes cleanLines() on its way out, so whatever outside text a message
// quotes (a file name, an input, an API field) cannot become a workflow command.
import * as core from '@actions/core'
import { cleanLines } from './sanitize.js'

type Properties = core.AnnotationProperties

export const log = {
  debug: (message: string): void => core.debug(cleanLines(message)),
  info: (message: string): void => core.info(cleanLines(message)),
  notice: (message: string, properties?: Properties): void => core.notice(cleanLines(message), properties),
  warning: (message: string, properties?: Properties): void => core.warning(cleanLines(message), properties),
  error: (message: string, properties?: Properties): void => core.error(cleanLines(message), properties),
  fail: (message: string): void => core.setFailed(cleanLines(message)),
}
