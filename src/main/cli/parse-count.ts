import { UsageError } from './errors'

/** A whole number from 1 to max given to an option such as --limit. */
export function parseCount(value: string, flag: string, max: number): number {
  if (!/^\d+$/.test(value) || Number(value) < 1 || Number(value) > max) {
    throw new UsageError(`${flag}: expected a whole number from 1 to ${max}, got "${value}"`)
  }
  return Number(value)
}
