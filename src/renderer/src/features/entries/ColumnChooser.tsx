// Show or hide grid columns; the layout is remembered with the rest of the column state. A column
// every loaded source leaves empty starts hidden and says so; what the user picks here always wins.
import type { GridApi } from 'ag-grid-community'
import { useState } from 'react'
import type { EntryRow } from '../../../../shared/types'
import { Icon } from '../../components/Icon'
import { Popover } from '../../components/Popover'
import { COLUMNS, resetColumnState } from './columns'
import { applyEmptyColumns, forgetColumnChoices, rememberColumnChoice } from './empty-columns'

export interface ColumnChooserProps {
  grid: GridApi<EntryRow> | null
  /** columns every loaded source leaves empty */
  emptyColumns?: ReadonlySet<string> | null
}

export function ColumnChooser({ grid, emptyColumns = null }: ColumnChooserProps) {
  const [, setTick] = useState(0)
  const refresh = () => setTick((n) => n + 1)
  const reset = () => {
    forgetColumnChoices()
    resetColumnState()
    if (grid) {
      grid.resetColumnState()
      if (emptyColumns) applyEmptyColumns(grid, emptyColumns)
    }
    refresh()
  }
  return (
    <Popover
      label="Columns"
      panelLabel="Columns"
      align="end"
      triggerClassName="btn btn-small btn-ghost"
      triggerTitle="Choose the columns to show"
      trigger={
        <>
          <Icon name="columns" size={14} />
          <span>Columns</span>
        </>
      }
      onOpenChange={refresh}
    >
      {() => (
        <div className="column-chooser">
          <ul>
            {COLUMNS.map((col) => {
              const column = grid?.getColumn(col.colId)
              const empty = emptyColumns?.has(col.colId) ?? false
              return (
                <li key={col.colId}>
                  <label className="facet-row" title={empty ? 'Every loaded file leaves this column empty' : undefined}>
                    <input
                      type="checkbox"
                      checked={column?.isVisible() ?? !col.hide}
                      disabled={!grid}
                      onChange={(e) => {
                        rememberColumnChoice(col.colId, e.target.checked)
                        grid?.setColumnsVisible([col.colId], e.target.checked)
                        refresh()
                      }}
                    />
                    <span className="facet-value">{col.headerName}</span>
                    {empty && <span className="facet-count">empty</span>}
                  </label>
                </li>
              )
            })}
          </ul>
          <div className="facet-footer">
            <button type="button" className="btn btn-small btn-ghost" onClick={reset}>
              Reset layout
            </button>
          </div>
        </div>
      )}
    </Popover>
  )
}
