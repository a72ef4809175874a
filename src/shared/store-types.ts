// The health of the store file (issue 7): a damaged store is detected when it is opened or used,
// and can then be opened read-only (to look at and export what is left) or rebuilt (an empty store
// is started and the damaged file is kept beside it).

export const STORE_STATUSES = ['ok', 'corrupt', 'read-only'] as const
export type StoreStatus = (typeof STORE_STATUSES)[number]

export interface StoreHealth {
  /** 'corrupt': the store cannot be used (the app runs on an empty in-memory store meanwhile) */
  status: StoreStatus
  dbPath: string
  /** what is wrong with the file, or why it is open read-only; null when all is well */
  message: string | null
  /** where the last rebuild moved the damaged file; null when there was none */
  backupPath: string | null
}
