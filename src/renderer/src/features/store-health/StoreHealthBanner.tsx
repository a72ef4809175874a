// Under the toolbar: a persistent banner while the damaged store is open read-only (with the way
// out), and after a rebuild a note saying where the damaged file was kept.
import { useState } from 'react'
import { ConfirmDialog } from '../../components/ConfirmDialog'
import { Icon } from '../../components/Icon'
import { VisibleText } from '../../components/VisibleText'
import { toVisibleText } from '../../lib/visible-text'
import { keptName } from './DamagedStore'
import type { StoreHealthState } from './use-store-health'

export function StoreHealthBanner({ state }: { state: StoreHealthState }) {
  const [confirming, setConfirming] = useState(false)
  const { health } = state
  if (health?.status === 'read-only') {
    return (
      <div className="store-banner is-read-only" role="region" aria-label="Store opened read-only">
        <Icon name="alert" size={15} />
        <p>
          <strong>Read-only:</strong> the store <code className="store-path"><VisibleText text={health.dbPath} /></code> is
          damaged{health.message ? <> (<VisibleText text={health.message} />)</> : null}. You see what could still be read
          and can export it; imports and changes are off.
        </p>
        {state.error && (
          <span className="error-text" role="alert">
            <VisibleText text={state.error} />
          </span>
        )}
        <button type="button" className="btn btn-small" disabled={state.busy !== null} onClick={() => setConfirming(true)}>
          {state.busy === 'rebuild' ? 'Starting a new store…' : 'Start a new store…'}
        </button>
        {confirming && (
          <ConfirmDialog
            title="Start a new store?"
            message={`The damaged file is kept at ${toVisibleText(keptName(health.dbPath))}, and a new, empty store takes its place: import your logs again afterwards.`}
            confirmLabel="Start a new store"
            onCancel={() => setConfirming(false)}
            onConfirm={() => {
              setConfirming(false)
              void state.rebuild()
            }}
          />
        )}
      </div>
    )
  }
  if (state.keptAt) {
    return (
      <div className="store-banner is-rebuilt" role="region" aria-label="New store started">
        <Icon name="check" size={15} />
        <p>
          <strong>A new, empty store was started.</strong> The damaged file is kept at{' '}
          <code className="store-path"><VisibleText text={state.keptAt} /></code>. Import your logs again to go on.
        </p>
        <button type="button" className="btn btn-ghost btn-icon" aria-label="Dismiss" title="Dismiss" onClick={state.dismissKept}>
          <Icon name="close" size={14} />
        </button>
      </div>
    )
  }
  return null
}
