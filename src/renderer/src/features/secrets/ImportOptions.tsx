// The menu next to "Import…": import with options. Today one option: keep credentials instead of
// redacting them on import (not recommended), chosen per import and reset afterwards.
import { useId, useState } from 'react'
import type { ImportOptions as Options } from '../../../../shared/types'
import { Icon } from '../../components/Icon'
import { Popover } from '../../components/Popover'

export interface ImportOptionsProps {
  /** opens the file picker; the picked files are imported with these options */
  onChoose: (options: Options) => void
}

export function ImportOptions({ onChoose }: ImportOptionsProps) {
  return (
    <Popover
      label="Import options"
      panelLabel="Import options"
      triggerClassName="btn btn-icon import-options-trigger"
      triggerTitle="Import with options (keep credentials)"
      trigger={<Icon name="chevronDown" size={14} />}
    >
      {(close) => (
        <OptionsPanel
          onChoose={(options) => {
            close()
            onChoose(options)
          }}
        />
      )}
    </Popover>
  )
}

function OptionsPanel({ onChoose }: ImportOptionsProps) {
  const [keep, setKeep] = useState(false)
  const noteId = useId()
  return (
    <div className="import-options">
      <label className="check-row">
        <input type="checkbox" checked={keep} onChange={(e) => setKeep(e.target.checked)} aria-describedby={noteId} />
        <span>Keep credentials (not recommended)</span>
      </label>
      <p id={noteId} className={keep ? 'import-options-note warn-text' : 'import-options-note muted'}>
        {keep ? <Icon name="alert" size={13} /> : null}
        Normally passwords, tokens, API keys and cookies are replaced on import. Kept, they are stored as
        they are: anyone who gets this store can use them. Exports still redact them.
      </p>
      <button type="button" className="btn btn-primary btn-small" onClick={() => onChoose(keep ? { keepSecrets: true } : {})}>
        <Icon name="upload" size={13} />
        {keep ? 'Choose files (keep credentials)…' : 'Choose files…'}
      </button>
    </div>
  )
}
