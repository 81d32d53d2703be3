// Entry point of both the main and the post step (one bundle, as actions/checkout does): the state
// `isPost` is only visible to the post step.
import * as core from '@actions/core'
import { InputError } from './input-error.js'
import { readAndMaskApiKey } from './secrets.js'
import { errorText } from './videogen/errors.js'

async function entry(): Promise<void> {
  readAndMaskApiKey()
  if (core.getState('isPost') === 'true') {
    const { post } = await import('./post.js')
    await post()
    return
  }
  core.saveState('isPost', 'true')
  const { main } = await import('./main.js')
  await main()
}

entry().catch((error: unknown) => {
  const message = error instanceof InputError ? `${error.message}` : errorText(error)
  core.setFailed(message)
})
