// A saved-view operation the caller got wrong (bad name, name taken, invalid or tampered file).
// It extends QueryError so both the IPC dispatcher (bad-argument) and the CLI (one line, exit 1)
// already report it as the caller's mistake.
import { QueryError } from '../query/compile-filter'

export class ViewError extends QueryError {
  constructor(message: string) {
    super(message)
    this.name = 'ViewError'
  }
}
