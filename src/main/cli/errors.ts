/** A mistake by the user (bad option, missing file): printed as one line, exit code 1. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'UsageError'
  }
}
