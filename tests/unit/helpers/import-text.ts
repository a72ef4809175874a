// Imports a text written to a temp file as an access log, into a fresh in-memory store.
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import type { ImportOptions } from '../../../src/shared/types'
import { importIntoMemory, tempDir, type Imported } from './store'

export async function importText(text: string, options: ImportOptions = {}): Promise<Imported> {
  const file = join(tempDir(), 'access.log')
  writeFileSync(file, text)
  return importIntoMemory(file, { format: 'access-log', ...options })
}
