// The post step, the safety net: if main died (SIGKILL, a runner crash) while its execution was not
// known to be over, cancel it so it does not run on and bill. Idempotent; quiet when there is nothing to do.
import * as core from '@actions/core'
import { STATE, cancelAndConfirm } from './lifecycle.js'
import { readAndMaskApiKey } from './secrets.js'
import { DEFAULT_BASE_URL, parseBaseUrl } from './settings.js'
import { createClient } from './videogen/client.js'
import { errorText } from './videogen/errors.js'
import { isTerminal } from './videogen/types.js'

export async function post(): Promise<void> {
  const apiKey = readAndMaskApiKey()
  const id = core.getState(STATE.executionId)
  const disposition = core.getState(STATE.disposition)
  if (!id || disposition) {
    core.debug(
      id ? `Execution ${id} was ${disposition}; nothing to clean up` : 'No execution was created; nothing to clean up',
    )
    return
  }
  if (!apiKey) {
    core.warning(`Execution ${id} may still be running, but no API key is available to cancel it`)
    return
  }
  let baseUrl: string
  try {
    baseUrl = parseBaseUrl(core.getInput('base-url') || process.env.VIDEOGEN_BASE_URL?.trim() || DEFAULT_BASE_URL)
  } catch (error) {
    core.warning(`Cannot check execution ${id}: ${errorText(error)}`)
    return
  }
  const client = createClient(baseUrl, apiKey)
  try {
    let seen = 'in an unknown state'
    try {
      const execution = await client.tools.getExecution(id, {
        deadline: Date.now() + 10_000,
        signal: AbortSignal.timeout(15_000),
      })
      if (isTerminal(execution.status)) {
        core.info(`Execution ${id} had already ended (${execution.status}); nothing to cancel`)
        return
      }
      seen = `still ${execution.status}`
    } catch (error) {
      // Cancel is safe to send either way (a finished execution stays as it is) and has its own rate budget.
      core.warning(`Could not read the status of execution ${id} (${errorText(error)}); cancelling it to be safe`)
    }
    core.warning(`The main step ended while execution ${id} was ${seen}; cancelling it so it does not run on`)
    const status = await cancelAndConfirm(client.tools, id, 10_000)
    core.info(`Execution ${id}: ${status ?? 'cancellation not confirmed'}`)
  } finally {
    await client.close()
  }
}
