import * as core from '@actions/core'

let masked: string | undefined

/** Reads the key from the input or the environment and masks it (once) before anything else can print it. */
export function readAndMaskApiKey(read: (name: string) => string = core.getInput): string {
  const key = (read('api-key') || process.env.VIDEOGEN_API_KEY || '').trim()
  if (key && key !== masked) {
    core.setSecret(key)
    masked = key
  }
  return key
}
