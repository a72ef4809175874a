// Show or hide grid columns; the layout is remembered with the rest of the column state.
import type { GridApi } from 'ag-grid-community'
import { useState } from 'react'
import type { EntryRow } from '../../../../shared/types'
import { Icon } from '../../components/Icon'
import { Popover } from '../../components/Popover'
import { COLUMNS, resetColumnState } from './columns'

export function ColumnChooser({ grid }: { grid: GridApi<EntryRow> | null }) {
  const [, setTick] = useState(0)
  const refresh = () => setTick((n) => n + 1)
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
              return (
                <li key={col.colId}>
                  <label className="facet-row">
                    <input
                      type="checkbox"
                      checked={column?.isVisible() ?? !col.hide}
                      disabled={!grid}
                      onChange={(e) => {
                        grid?.setColumnsVisible([col.colId], e.target.checked)
                        refresh()
                      }}
                    />
                    <span className="facet-value">{col.headerName}</span>
                  </label>
                </li>
              )
            })}
          </ul>
          <div className="facet-footer">
            <button
              type="button"
              className="btn btn-small btn-ghost"
              onClick={() => {
                resetColumnState()
                grid?.resetColumnState()
                refresh()
              }}
            >
              Reset layout
            </button>
          </div>
        </div>
      )}
    </Popover>
  )
}
