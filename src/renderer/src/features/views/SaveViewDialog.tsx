// "Save current view…": a name, how to keep the time range (these times, the last N minutes of the
// log, or the whole log), and a summary of what else the view holds (filters, search, columns, sort).
import { useId, useState } from 'react'
import type { EntryFilter } from '../../../../shared/types'
import { VIEW_LIMITS, type SavedView, type SavedViewSpec } from '../../../../shared/view-types'
import { Dialog } from '../../components/Dialog'
import { COLUMNS } from '../entries/columns'
import { describeTimeRange, type ValueFormatter } from '../filters/filter-model'
import { useSettings } from '../../settings'
import type { GridLayout } from './grid-layout'
import {
  buildViewSpec,
  defaultLastMinutes,
  describeViewFilter,
  findView,
  hasTimeRange,
  viewNameProblem,
  type TimeChoice,
} from './view-model'

export interface SaveViewDialogProps {
  filter: EntryFilter
  layout: GridLayout
  views: readonly SavedView[]
  format: ValueFormatter
  /** resolves to true when saved (the dialog then closes) */
  onSave: (spec: SavedViewSpec) => Promise<boolean>
  onClose: () => void
}

export function SaveViewDialog({ filter, layout, views, format, onSave, onClose }: SaveViewDialogProps) {
  const { timeMode } = useSettings()
  const ids = useId()
  const [name, setName] = useState('')
  const [time, setTime] = useState<TimeChoice>(hasTimeRange(filter) ? 'absolute' : 'all')
  const [minutes, setMinutes] = useState(() => defaultLastMinutes(filter))
  const [touched, setTouched] = useState(false)
  const [saving, setSaving] = useState(false)
  const problem = viewNameProblem(name) ?? (time === 'relative' && !validMinutes(minutes) ? minutesProblem() : null)
  const existing = findView(views, name)
  const spec = buildViewSpec({ name, filter, time, lastMinutes: minutes, ...layout })

  const submit = async () => {
    setTouched(true)
    if (problem || saving) return
    setSaving(true)
    const saved = await onSave(spec)
    setSaving(false)
    if (saved) onClose()
  }
  const range = describeTimeRange(filter, timeMode)
  return (
    <Dialog
      title="Save view"
      onClose={onClose}
      footer={
        <>
          <button type="button" className="btn" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" form={`${ids}-form`} className="btn btn-primary" disabled={saving}>
            {existing ? 'Replace view' : 'Save view'}
          </button>
        </>
      }
    >
      <form
        id={`${ids}-form`}
        className="view-form"
        onSubmit={(event) => {
          event.preventDefault()
          void submit()
        }}
      >
        <label className="form-field">
          <span className="form-label">Name</span>
          <input
            type="text"
            value={name}
            maxLength={VIEW_LIMITS.nameChars + 20}
            placeholder="e.g. crmsync auth failures"
            aria-invalid={touched && problem !== null}
            aria-describedby={`${ids}-name-note`}
            onChange={(e) => setName(e.target.value)}
            data-autofocus
          />
        </label>
        <p id={`${ids}-name-note`} className={touched && problem ? 'form-note error-text' : 'form-note warn-text'} role={touched && problem ? 'alert' : undefined}>
          {touched && problem ? problem : existing ? `A view named “${existing.name}” exists: saving replaces it.` : ''}
        </p>
        <fieldset className="form-fieldset">
          <legend>Time range</legend>
          <label className="radio-row">
            <input type="radio" name={`${ids}-time`} checked={time === 'absolute'} disabled={!range} onChange={() => setTime('absolute')} />
            <span>
              These times{range ? `: ${range}` : ' (no time range is set)'}
            </span>
          </label>
          <label className="radio-row">
            <input type="radio" name={`${ids}-time`} checked={time === 'relative'} onChange={() => setTime('relative')} />
            <span>Relative to the end of the log: the last</span>
            <input
              type="number"
              className="minutes-input"
              min={1}
              max={VIEW_LIMITS.maxLastMinutes}
              value={Number.isFinite(minutes) ? minutes : ''}
              aria-label="Minutes before the end of the log"
              onChange={(e) => {
                setMinutes(e.target.valueAsNumber)
                setTime('relative')
              }}
            />
            <span>minutes</span>
          </label>
          <label className="radio-row">
            <input type="radio" name={`${ids}-time`} checked={time === 'all'} onChange={() => setTime('all')} />
            <span>Whole log</span>
          </label>
        </fieldset>
        <dl className="view-summary">
          <dt>Filters</dt>
          <dd>{describeViewFilter(spec, format, timeMode)}</dd>
          <dt>Columns and sort</dt>
          <dd>{describeLayout(layout)}</dd>
        </dl>
        {filter.sourceId?.length ? (
          <p className="form-note muted">The source file filter is not saved: a view applies to any source.</p>
        ) : null}
      </form>
    </Dialog>
  )
}

const validMinutes = (n: number) => Number.isInteger(n) && n >= 1 && n <= VIEW_LIMITS.maxLastMinutes
const minutesProblem = () => `Give a whole number of minutes from 1 to ${VIEW_LIMITS.maxLastMinutes.toLocaleString('en-US')}.`

function describeLayout(layout: GridLayout): string {
  const shown = layout.columns.filter((c) => !c.hidden).length
  const columns = layout.columns.length === 0 ? 'default columns' : `${shown} columns as in the grid`
  if (!layout.sort) return `${columns}, default order`
  const label = COLUMNS.find((c) => c.colId === layout.sort?.field)?.headerName ?? layout.sort.field
  return `${columns}, sorted by ${label} ${layout.sort.dir === 'asc' ? 'ascending' : 'descending'}`
}
