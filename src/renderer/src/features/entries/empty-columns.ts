// Columns every loaded source leaves empty (Status and Method for a VICIdial-only store, Agent User
// for access logs) are hidden by default, so a new user sees the columns that matter. The user's
// own choices in the column chooser always win, and a saved view or "Reset layout" counts the
// hidden-because-empty columns as part of the default layout.
import type { GridApi } from 'ag-grid-community'
import type { EntryFilter, EntryRow } from '../../../../shared/types'
import { readStored, removeStored, writeStored } from '../../lib/storage'

/** Columns checked exactly, each with the filter matching the entries that leave it empty. */
export const EMPTY_CHECKS: ReadonlyArray<{ colId: string; empty: EntryFilter }> = [
  { colId: 'apiUser', empty: { apiUser: [null] } },
  { colId: 'agentUser', empty: { agentUser: [null] } },
  { colId: 'statusCode', empty: { statusCode: ['none'] } },
  { colId: 'method', empty: { method: [null] } },
]

/**
 * Columns no filter can test for emptiness: judged from samples (the first and last entries, and the
 * first and last errors and notices), and only when every source has the same format — whether a
 * format logs a duration or an error text does not change from one entry to the next.
 */
export const SAMPLED_COLUMNS = ['resultReason', 'durationMs'] as const satisfies ReadonlyArray<keyof EntryRow>

const CANDIDATES = [...EMPTY_CHECKS.map((c) => c.colId), ...SAMPLED_COLUMNS]

const CHOICES_KEY = 'inspector.grid.columnChoices.v1'
type Choices = Record<string, boolean>
const isChoices = (v: unknown): v is Choices =>
  typeof v === 'object' && v !== null && !Array.isArray(v) && Object.values(v).every((x) => typeof x === 'boolean')

/** Columns the user showed or hid in the column chooser: automatic hiding leaves them alone. */
export function loadColumnChoices(): Choices {
  return readStored<Choices>(CHOICES_KEY, {}, isChoices)
}

export function rememberColumnChoice(colId: string, visible: boolean): void {
  writeStored(CHOICES_KEY, { ...loadColumnChoices(), [colId]: visible })
}

export function forgetColumnChoices(): void {
  removeStored(CHOICES_KEY)
}

let hiddenNow: ReadonlySet<string> = new Set()

/** The columns hidden right now because they are empty (and the user has not chosen otherwise). */
export function autoHiddenColumns(): ReadonlySet<string> {
  return hiddenNow
}

/** Hides the empty columns and shows the ones that are no longer empty, except where the user chose. */
export function applyEmptyColumns(grid: GridApi<EntryRow>, empty: ReadonlySet<string>): void {
  const choices = loadColumnChoices()
  const free = CANDIDATES.filter((id) => !(id in choices))
  const hide = free.filter((id) => empty.has(id))
  hiddenNow = new Set(hide)
  if (grid.isDestroyed()) return
  grid.setColumnsVisible(hide, false)
  grid.setColumnsVisible(free.filter((id) => !empty.has(id) && autoWasHiding(grid, id)), true)
}

/** A column to show again: hidden now, though the user never hid it. */
function autoWasHiding(grid: GridApi<EntryRow>, colId: string): boolean {
  return grid.getColumn(colId)?.isVisible() === false
}
