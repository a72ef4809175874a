// The customer's time zone: common zones by name, this computer's zone, or any IANA name / ±HH:MM.
import { useState } from 'react'
import { COMMON_ZONES, isValidZone, localZone } from './triage-time'

const OTHER = '__other__'

export interface ZonePickerProps {
  id: string
  value: string
  onChange: (zone: string) => void
  invalid?: boolean
  disabled?: boolean
}

export function ZonePicker({ id, value, onChange, invalid, disabled }: ZonePickerProps) {
  const here = localZone()
  const choices = COMMON_ZONES.some((z) => z.value === here)
    ? COMMON_ZONES
    : [COMMON_ZONES[0], { value: here, label: `This computer (${here})` }, ...COMMON_ZONES.slice(1)]
  const listed = choices.some((z) => z.value === value)
  const [other, setOther] = useState(!listed)
  const selected = other || !listed ? OTHER : value
  return (
    <div className="zone-picker">
      <select
        id={id}
        value={selected}
        disabled={disabled}
        aria-label="Customer's time zone"
        onChange={(e) => {
          const next = e.target.value
          setOther(next === OTHER)
          if (next !== OTHER) onChange(next)
        }}
      >
        {choices.map((z) => (
          <option key={z.value} value={z.value}>
            {z.value === here && z.value !== 'UTC' ? `${z.label} · this computer` : z.label}
          </option>
        ))}
        <option value={OTHER}>Other zone or offset…</option>
      </select>
      {selected === OTHER && (
        <input
          type="text"
          className="zone-text"
          aria-label="Time zone name or offset"
          placeholder="Europe/Madrid or -04:00"
          spellCheck={false}
          autoComplete="off"
          value={value}
          disabled={disabled}
          aria-invalid={invalid || (value.trim() !== '' && !isValidZone(value)) || undefined}
          onChange={(e) => onChange(e.target.value)}
        />
      )}
    </div>
  )
}
