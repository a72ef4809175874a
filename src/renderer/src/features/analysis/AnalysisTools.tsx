// The toolbar's analyst tools: the saved-views sidebar toggle (with the view applied last and a way to
// clear it), Export…, Compare and Tenants.
import { Icon } from '../../components/Icon'
import type { SavedViews } from '../views/use-saved-views'
import type { Analysis } from './use-analysis'

export interface AnalysisToolsProps {
  analysis: Analysis
  views: SavedViews
  /** entries are loaded (export and tenants have something to work on) */
  hasEntries: boolean
  sourceCount: number
}

export function AnalysisTools({ analysis, views, hasEntries, sourceCount }: AnalysisToolsProps) {
  const active = views.active
  return (
    <div className="analysis-tools" role="group" aria-label="Analysis">
      <button
        type="button"
        className={analysis.viewsOpen ? 'btn btn-ghost is-pressed' : 'btn btn-ghost'}
        aria-pressed={analysis.viewsOpen}
        title="Show or hide the saved views"
        onClick={analysis.toggleViews}
      >
        <Icon name="bookmark" size={15} />
        Views
      </button>
      {active && (
        <span className="active-view" data-testid="active-view">
          <span className="active-view-name" title={views.isChanged ? 'Filters changed since the view was applied' : undefined}>
            {active.restored ? 'Reopened: ' : ''}“{active.name}”{views.isChanged ? ' (changed)' : ''}
          </span>
          <button
            type="button"
            className="chip-remove"
            aria-label={`Clear view ${active.name}`}
            title="Clear this view's filters (it will not reopen at the next start)"
            onClick={views.clear}
          >
            <Icon name="close" size={12} />
          </button>
        </span>
      )}
      <button type="button" className="btn btn-ghost" onClick={analysis.openExport} disabled={!hasEntries} title="Export the filtered entries (CSV, NDJSON, HAR)">
        <Icon name="download" size={15} />
        Export…
      </button>
      <button
        type="button"
        className="btn btn-ghost"
        onClick={analysis.openCompare}
        disabled={sourceCount < 2}
        title={sourceCount < 2 ? 'Import two logs to compare them' : 'Compare two sources: what changed between a working and a failing log'}
      >
        <Icon name="compare" size={15} />
        Compare
      </button>
      <button type="button" className="btn btn-ghost" onClick={analysis.openTenants} disabled={!hasEntries} title="Volume, errors and latency per tenant">
        <Icon name="building" size={15} />
        Tenants
      </button>
    </div>
  )
}
