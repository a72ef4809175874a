// First run: what this is for and the two ways in.
import { Icon } from '../../components/Icon'

export interface EmptyStateProps {
  onOpen: () => void
  onSample: () => void
  busy: boolean
  /** why importing is off (the store is open read-only), or null */
  blocked?: string | null
}

export function EmptyState({ onOpen, onSample, busy, blocked = null }: EmptyStateProps) {
  return (
    <main className="empty-state">
      <div className="empty-card">
        <div className="empty-icon" aria-hidden="true">
          <Icon name="file" size={40} />
        </div>
        <h1>Open an API log</h1>
        <p className="empty-lead">
          HAR, VICIdial, Workato CSV, JSON/NDJSON, access logs — or drop a file here.
        </p>
        <div className="empty-actions">
          <button type="button" className="btn btn-primary btn-large" onClick={onOpen} disabled={busy || blocked !== null}>
            <Icon name="upload" />
            Open log file…
          </button>
          <button type="button" className="btn btn-large" onClick={onSample} disabled={busy || blocked !== null}>
            Open sample data
          </button>
        </div>
        {blocked && <p className="warn-text empty-blocked">{blocked}</p>}
        <ul className="empty-hints">
          <li>Files never leave this machine: they are read into a local store.</li>
          <li>Then filter by API User, Agent User, Function and Result, and open any call to read its request and response.</li>
          <li>
            Keyboard: <kbd>/</kbd> search · <kbd>↑</kbd>
            <kbd>↓</kbd> move through entries · <kbd>Enter</kbd> open details · <kbd>Esc</kbd> back to the list
          </li>
        </ul>
      </div>
    </main>
  )
}
