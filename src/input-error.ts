/** A problem with an input: names the input and what it allows. Raised before any API request. */
export class InputError extends Error {
  override readonly name = 'InputError'
  constructor(
    readonly input: string,
    detail: string,
  ) {
    super(`Input '${input}': ${detail}`)
  }
}
