// The screen shown instead of the log while the store file is damaged: what happened, in one
// sentence, and the two ways on. Nothing is deleted either way.
import { Icon } from '../../components/Icon'
import { VisibleText } from '../../components/VisibleText'
import type { StoreHealthState } from './use-store-health'

/** Where a rebuild will move the damaged file (the backend adds the time of the rebuild). */
export const keptName = (dbPath: string) => `${dbPath}.damaged-‹date and time›`

export function DamagedStore({ state }: { state: StoreHealthState }) {
  const { health, busy, error } = state
  if (!health) return null
  return (
    <main className="store-damaged" aria-labelledby="store-damaged-title">
      <div className="store-damaged-card">
        <div className="store-damaged-icon" aria-hidden="true">
          <Icon name="database" size={34} />
        </div>
        <h1 id="store-damaged-title">The log store needs attention</h1>
        <p className="store-damaged-what" data-testid="store-damaged-what">
          The store file <code className="store-path"><VisibleText text={health.dbPath} /></code> is damaged
          {health.message ? <> (<VisibleText text={health.message} />)</> : null}, so the logs in it cannot be shown.
        </p>
        <p className="muted">Nothing has been deleted. Choose how to go on:</p>
        <div className="store-choices" role="group" aria-label="How to go on">
          <button type="button" className="store-choice" disabled={busy !== null} onClick={() => void state.openReadOnly()}>
            <Icon name="search" size={18} />
            <span>
              <strong>{busy === 'read-only' ? 'Opening read-only…' : 'Open read-only'}</strong>
              <span className="store-choice-note">See what can still be read, and export it. Nothing is changed.</span>
            </span>
          </button>
          <button type="button" className="store-choice" disabled={busy !== null} onClick={() => void state.rebuild()}>
            <Icon name="plus" size={18} />
            <span>
              <strong>{busy === 'rebuild' ? 'Starting a new store…' : 'Start a new store'}</strong>
              <span className="store-choice-note">
                The damaged file is kept at <code className="store-path"><VisibleText text={keptName(health.dbPath)} /></code>;
                then import your logs again.
              </span>
            </span>
          </button>
        </div>
        {error && (
          <p className="error-text" role="alert">
            That did not work: <VisibleText text={error} />
          </p>
        )}
      </div>
    </main>
  )
}
