// Entry point of both the main and the post step (one bundle, as actions/checkout does): the state
// `isPost` is only visible to the post step. The key is read and masked here, once, before anything
// else can print it, and handed down as a value.
import { log } from './log.js'
import { InputErrors } from './inputs/input-error.js'
import { readAndMaskApiKey } from './inputs/secrets.js'
import { isPost, markMainStarted } from './state.js'
import { errorText } from './videogen/errors.js'

/** Whatever keeps the event loop alive after the step is done (a stuck socket, a timer) must not hold the job. */
const EXIT_GRACE_MS = 500

async function entry(): Promise<void> {
  const apiKey = readAndMaskApiKey()
  if (isPost()) {
    const { post } = await import('./post.js')
    return post(apiKey)
  }
  markMainStarted()
  const { main } = await import('./main.js')
  return main(apiKey)
}

function fail(error: unknown): void {
  if (error instanceof InputErrors && error.errors.length > 1) {
    // One annotation per input, titled with its name, then the step's failure.
    for (const e of error.errors) log.error(e.message, { title: `Input '${e.input}'` })
    log.fail(`${error.errors.length} inputs are invalid (see above); nothing was sent`)
    return
  }
  log.fail(errorText(error))
}

entry()
  .catch(fail)
  .finally(() => setTimeout(() => process.exit(), EXIT_GRACE_MS).unref())
