// From / To inputs in the chosen zone, and presets relative to the newest entry of the log.
import { useState } from 'react'
import type { EntryFilter } from '../../../../shared/types'
import { Icon } from '../../components/Icon'
import { Popover } from '../../components/Popover'
import { useSettings } from '../../settings'
import { fromInputValue, shortZoneLabel, toInputValue, zoneLabel, type TimeMode } from '../../lib/time-format'
import { aroundRange, PRESET_LABELS, presetRange, type RangePreset } from './filter-model'

export interface TimeRangeProps {
  filter: EntryFilter
  /** newest entry of the whole store, for the "Last …" presets */
  lastTs: string | null
  /** default point for "± N min around…" (the selected entry's time) */
  pointTs: string | null
  onChange: (from: string | undefined, to: string | undefined) => void
}

export function TimeRange({ filter, lastTs, pointTs, onChange }: TimeRangeProps) {
  const { timeMode } = useSettings()
  return (
    <div className="time-range" role="group" aria-label="Time range">
      <TimeInput
        label="From"
        value={filter.from}
        mode={timeMode}
        onCommit={(from) => onChange(from, filter.to)}
      />
      <TimeInput
        label="To"
        value={filter.to}
        mode={timeMode}
        onCommit={(to) => onChange(filter.from, to)}
      />
      <span className="zone-tag" title={`Times are shown and typed in ${zoneLabel(timeMode)}`}>
        {shortZoneLabel(timeMode)}
      </span>
      <Popover
        label="Time range presets"
        panelLabel="Time range presets"
        triggerClassName="btn btn-icon-text"
        triggerTitle="Presets: whole log, last 15 min / 1 h / 24 h of the log, ± N min around a time"
        trigger={
          <>
            <Icon name="clock" size={14} />
            <Icon name="chevronDown" size={14} />
          </>
        }
      >
        {(close) => (
          <PresetPanel
            lastTs={lastTs}
            pointTs={pointTs ?? filter.from ?? lastTs}
            mode={timeMode}
            onPick={(range) => {
              onChange(range.from, range.to)
              close()
            }}
          />
        )}
      </Popover>
    </div>
  )
}

interface TimeInputProps {
  label: string
  value: string | undefined
  mode: TimeMode
  onCommit: (iso: string | undefined) => void
}

/**
 * A time typed (or pasted from a log) as "2024-05-01 14:05:12"; applied on Enter or when leaving the
 * field, Escape restores the current value. An emptied field removes that bound.
 */
function TimeInput({ label, value, mode, onCommit }: TimeInputProps) {
  const shown = toInputValue(value, mode)
  const [text, setText] = useState(shown)
  const [invalid, setInvalid] = useState(false)
  // follow outside changes (a preset, a chip removed, the zone toggled) without losing focus
  const [lastShown, setLastShown] = useState(shown)
  if (shown !== lastShown) {
    setLastShown(shown)
    setText(shown)
    setInvalid(false)
  }
  const commit = () => {
    if (text.trim() === shown) return setInvalid(false)
    if (text.trim() === '') return onCommit(undefined)
    const iso = fromInputValue(text, mode)
    setInvalid(iso === null)
    if (iso) onCommit(iso)
  }
  return (
    <label className="time-input">
      <span className="time-input-label">{label}</span>
      <input
        type="text"
        inputMode="numeric"
        spellCheck={false}
        autoComplete="off"
        placeholder="YYYY-MM-DD HH:MM:SS"
        value={text}
        aria-label={`${label} (${zoneLabel(mode)})`}
        aria-invalid={invalid}
        title={invalid ? 'Not a time: use YYYY-MM-DD HH:MM:SS' : `${label}, in ${zoneLabel(mode)}; Enter to apply`}
        onChange={(event) => setText(event.target.value)}
        onBlur={commit}
        onKeyDown={(event) => {
          if (event.key === 'Enter') commit()
          else if (event.key === 'Escape' && text !== shown) {
            event.stopPropagation()
            setText(shown)
            setInvalid(false)
          }
        }}
      />
    </label>
  )
}

interface PresetPanelProps {
  lastTs: string | null
  pointTs: string | null
  mode: TimeMode
  onPick: (range: { from?: string; to?: string }) => void
}

function PresetPanel({ lastTs, pointTs, mode, onPick }: PresetPanelProps) {
  const [point, setPoint] = useState(() => toInputValue(pointTs ?? undefined, mode))
  const [minutes, setMinutes] = useState(5)
  const pointIso = fromInputValue(point, mode)
  const presets: RangePreset[] = ['all', '15m', '1h', '24h']
  return (
    <div className="preset-panel">
      <div className="preset-list">
        {presets.map((preset) => (
          <button
            key={preset}
            type="button"
            className="btn preset-button"
            disabled={preset !== 'all' && !lastTs}
            onClick={() => onPick(presetRange(preset, lastTs))}
            data-autofocus={preset === 'all' ? true : undefined}
          >
            {PRESET_LABELS[preset]}
            {preset !== 'all' && <span className="preset-hint">of the log</span>}
          </button>
        ))}
      </div>
      <form
        className="around-form"
        onSubmit={(event) => {
          event.preventDefault()
          if (pointIso) onPick(aroundRange(pointIso, minutes))
        }}
      >
        <div className="around-title">Around a point in time</div>
        <label className="field-row">
          <span>±</span>
          <input
            type="number"
            min={0}
            max={10080}
            value={minutes}
            aria-label="Minutes either side"
            onChange={(e) => setMinutes(Math.max(0, Number(e.target.value) || 0))}
          />
          <span>min around</span>
        </label>
        <div className="field-row">
          <input
            type="text"
            className="time-text"
            spellCheck={false}
            placeholder="YYYY-MM-DD HH:MM:SS"
            value={point}
            aria-label={`Point in time (${zoneLabel(mode)})`}
            aria-invalid={point.trim() !== '' && !pointIso}
            onChange={(e) => setPoint(e.target.value)}
          />
          <span className="zone-tag">{shortZoneLabel(mode)}</span>
        </div>
        <button type="submit" className="btn btn-primary" disabled={!pointIso}>
          Apply ± {minutes} min
        </button>
      </form>
    </div>
  )
}
