import { clean } from '../sanitize.js'

/** A problem with an input: names the input and what it allows. Raised before any API request. */
export class InputError extends Error {
  override readonly name = 'InputError'
  constructor(
    readonly input: string,
    detail: string,
  ) {
    // An input may quote an event payload or a committed file name: one clean line.
    super(clean(`Input '${input}': ${detail}`, 4000))
  }
}

/** Every input problem of a run, so one run reports them all, not the first only. */
export class InputErrors extends Error {
  override readonly name = 'InputErrors'
  constructor(readonly errors: InputError[]) {
    super(
      errors.length === 1
        ? (errors[0] as InputError).message
        : `${errors.length} inputs are invalid: ${errors.map((e) => e.message).join(' ')}`,
    )
  }
}

/** Collects InputErrors while the inputs are read, so each field is checked even after one failed. */
export class Problems {
  readonly errors: InputError[] = []

  /** Runs a reader; an InputError (or several) is recorded and `undefined` returned instead. */
  async take<T>(read: () => T | Promise<T>): Promise<T | undefined> {
    try {
      return await read()
    } catch (error) {
      if (error instanceof InputError) this.push(error)
      else if (error instanceof InputErrors) for (const e of error.errors) this.push(e)
      else throw error
      return undefined
    }
  }

  add(input: string, detail: string): void {
    this.push(new InputError(input, detail))
  }

  /** A step input that every batch item inherits is wrong once, not once per item. */
  push(error: InputError): void {
    if (!this.errors.some((e) => e.message === error.message)) this.errors.push(error)
  }

  has(input: string): boolean {
    return this.errors.some((e) => e.input === input)
  }

  throwIfAny(): void {
    if (this.errors.length > 0) throw new InputErrors(this.errors)
  }
}
