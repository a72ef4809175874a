// Flowchart node A, "Integration broke": who fails, optionally which function, and when.
import { useId } from 'react'
import type { CallerKind } from '../../../../shared/triage-types'
import { formatDateTime } from '../../lib/time-format'
import {
  CALLER_KIND_HINTS,
  CALLER_KIND_LABELS,
  MAX_TOLERANCE,
  type FormField,
  type TriageForm,
} from './triage-form'
import { hasExplicitZone, parseReportedTime } from './triage-time'
import { ValuePicker } from './ValuePicker'
import { ZonePicker } from './ZonePicker'

export const TRIAGE_FORM_ID = 'triage-form'

export interface TriageFormViewProps {
  form: TriageForm
  invalid: FormField | null
  error: string | null
  running: boolean
  /** time span of the log, for the hint under the time fields */
  span: { from: string | null; to: string | null }
  onEdit: (patch: Partial<TriageForm>) => void
  onRun: () => void
}

export function TriageFormView({ form, invalid, error, running, span, onEdit, onRun }: TriageFormViewProps) {
  const base = useId()
  const errorId = `${base}-error`
  const callerScope = { [form.kind]: form.caller.trim() ? [form.caller.trim()] : undefined }
  const described = (field: FormField) => (invalid === field ? errorId : undefined)
  return (
    <form
      id={TRIAGE_FORM_ID}
      className="triage-form"
      aria-label="What is failing"
      noValidate
      onSubmit={(e) => {
        e.preventDefault()
        onRun()
      }}
    >
      <fieldset className="triage-fields" disabled={running}>
        <KindChoice kind={form.kind} onChange={(kind) => onEdit({ kind, caller: '', fn: '' })} />
        <div className="form-field">
          <label htmlFor={`${base}-caller`}>{CALLER_KIND_LABELS[form.kind]} that fails</label>
          <ValuePicker
            id={`${base}-caller`}
            label={CALLER_KIND_LABELS[form.kind]}
            field={form.kind}
            scope={{}}
            value={form.caller}
            onChange={(caller) => onEdit({ caller })}
            placeholder={form.kind === 'apiUser' ? 'e.g. crmsync' : 'e.g. 1001'}
            invalid={invalid === 'caller'}
            describedBy={described('caller')}
          />
        </div>
        <div className="form-field">
          <label htmlFor={`${base}-fn`}>
            Function <span className="muted">(optional)</span>
          </label>
          <ValuePicker
            id={`${base}-fn`}
            label="Function"
            field="function"
            scope={callerScope}
            value={form.fn}
            onChange={(fn) => onEdit({ fn })}
            placeholder="every function of this caller"
          />
        </div>
        <WhenFields form={form} invalid={invalid} describedBy={described} onEdit={onEdit} span={span} />
        <TimeField
          label="Last known good"
          optional
          value={form.lastGood}
          zone={form.zone}
          invalid={invalid === 'lastGood'}
          describedBy={described('lastGood')}
          onChange={(lastGood) => onEdit({ lastGood })}
        />
      </fieldset>
      <p id={errorId} className="form-error" role="alert">
        {error}
      </p>
    </form>
  )
}

function KindChoice({ kind, onChange }: { kind: CallerKind; onChange: (kind: CallerKind) => void }) {
  return (
    <fieldset className="kind-choice">
      <legend>Which kind of caller is failing?</legend>
      {(['apiUser', 'agentUser'] as const).map((k) => (
        <label key={k} className={k === kind ? 'kind-option is-checked' : 'kind-option'}>
          <input type="radio" name="triage-kind" value={k} checked={k === kind} onChange={() => onChange(k)} />
          <span className="kind-text">
            <span className="kind-name">{CALLER_KIND_LABELS[k]}</span>
            <span className="kind-hint">{CALLER_KIND_HINTS[k]}</span>
          </span>
        </label>
      ))}
    </fieldset>
  )
}

interface WhenProps {
  form: TriageForm
  invalid: FormField | null
  describedBy: (field: FormField) => string | undefined
  onEdit: (patch: Partial<TriageForm>) => void
  span: { from: string | null; to: string | null }
}

function WhenFields({ form, invalid, describedBy, onEdit, span }: WhenProps) {
  const base = useId()
  const time = (field: 'at' | 'from' | 'to', label: string) => (
    <TimeField
      label={label}
      value={form[field]}
      zone={form.zone}
      invalid={invalid === field}
      describedBy={describedBy(field)}
      onChange={(text) => onEdit({ [field]: text })}
    />
  )
  return (
    <fieldset className="when-fields">
      <legend>When did it fail?</legend>
      <div className="segmented" role="group" aria-label="Failure time as">
        <button type="button" aria-pressed={form.when === 'at'} onClick={() => onEdit({ when: 'at' })}>
          At a time
        </button>
        <button type="button" aria-pressed={form.when === 'range'} onClick={() => onEdit({ when: 'range' })}>
          Between two times
        </button>
      </div>
      {form.when === 'at' ? (
        <div className="at-row">
          {time('at', 'Reported failure time')}
          <label className="tolerance">
            <span>±</span>
            <input
              type="number"
              min={0}
              max={MAX_TOLERANCE}
              value={form.tolerance}
              aria-label="Tolerance in minutes either side"
              aria-invalid={invalid === 'tolerance' || undefined}
              onChange={(e) => onEdit({ tolerance: e.target.value === '' ? 0 : Number(e.target.value) })}
            />
            <span>min</span>
          </label>
        </div>
      ) : (
        <div className="range-row">
          {time('from', 'From')}
          {time('to', 'To')}
        </div>
      )}
      <div className="form-field">
        <label htmlFor={`${base}-zone`}>Customer&apos;s time zone</label>
        <ZonePicker
          id={`${base}-zone`}
          value={form.zone}
          invalid={invalid === 'zone'}
          onChange={(zone) => onEdit({ zone })}
        />
      </div>
      {span.from && span.to && (
        <p className="form-hint">
          The log covers {formatDateTime(span.from, 'utc')} to {formatDateTime(span.to, 'utc')}.
        </p>
      )}
    </fieldset>
  )
}

interface TimeFieldProps {
  label: string
  optional?: boolean
  value: string
  zone: string
  invalid: boolean
  describedBy?: string
  onChange: (text: string) => void
}

/** A time as the customer said it, with what it is in UTC underneath. */
function TimeField({ label, optional, value, zone, invalid, describedBy, onChange }: TimeFieldProps) {
  const id = useId()
  const ms = value.trim() === '' ? null : parseReportedTime(value, zone)
  const showUtc = ms !== null && (hasExplicitZone(value) || zone.trim().toUpperCase() !== 'UTC')
  return (
    <div className="form-field time-field">
      <label htmlFor={id}>
        {label} {optional && <span className="muted">(optional)</span>}
      </label>
      <input
        id={id}
        type="text"
        inputMode="numeric"
        spellCheck={false}
        autoComplete="off"
        placeholder="YYYY-MM-DD HH:MM"
        value={value}
        aria-invalid={invalid || (value.trim() !== '' && ms === null) || undefined}
        aria-describedby={describedBy}
        onChange={(e) => onChange(e.target.value)}
      />
      <span className="time-utc" aria-live="polite">
        {showUtc ? `= ${formatDateTime(ms as number, 'utc')}` : ''}
      </span>
    </div>
  )
}
