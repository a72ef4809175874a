// Compare two sources ("A works, B fails"): totals and error rates side by side, the Function × Result
// matrix with regressions first, and what appears in only one of them. Any count filters the grid.
import { useId } from 'react'
import type { CompareResult, CompareSide } from '../../../../shared/compare-types'
import type { EntryFilter, SourceInfo } from '../../../../shared/types'
import { Dialog } from '../../components/Dialog'
import { VisibleText } from '../../components/VisibleText'
import { useAsync } from '../../hooks/use-async'
import { usePersistentState } from '../../hooks/use-persistent-state'
import { plural } from '../../lib/format'
import { formatDateTime } from '../../lib/time-format'
import { toVisibleText } from '../../lib/visible-text'
import { useApi } from '../../services'
import { useSettings } from '../../settings'
import { isEmptyFilter } from '../filters/filter-model'
import { formatDelta, formatPoints, formatRate, pickPair, rateTone, TONE_WORD } from './compare-model'
import { CompareMatrix } from './CompareMatrix'
import { OnlyIn } from './OnlyInLists'

export interface CompareDialogProps {
  sources: readonly SourceInfo[]
  /** the grid's filter; the comparison can be narrowed by it */
  filter: EntryFilter
  /** applies a filter to the grid (the dialog then closes) */
  onFilter: (filter: EntryFilter) => void
  onClose: () => void
}

type Pair = { a: number; b: number }
const isPair = (v: unknown): v is Pair | null =>
  v === null || (typeof v === 'object' && typeof (v as Pair).a === 'number' && typeof (v as Pair).b === 'number')
const isBoolean = (v: unknown): v is boolean => typeof v === 'boolean'

export function CompareDialog({ sources, filter, onFilter, onClose }: CompareDialogProps) {
  const api = useApi()
  const ids = useId()
  const [remembered, setPair] = usePersistentState<Pair | null>('inspector.compare.pair', null, isPair)
  const [narrow, setNarrow] = usePersistentState('inspector.compare.narrow', false, isBoolean)
  const pair = pickPair(sources, remembered)
  const { sourceId: _ignored, ...rest } = filter
  const canNarrow = !isEmptyFilter(rest)
  const request = pair && pair.a !== pair.b ? { a: pair.a, b: pair.b, ...(narrow && canNarrow ? { filter: rest } : {}) } : null
  const result = useAsync(request ? () => api.compareSources(request) : null, JSON.stringify(request))
  const apply = (f: EntryFilter) => {
    onFilter(f)
    onClose()
  }
  const choose = (side: 'a' | 'b', id: number) => pair && setPair({ ...pair, [side]: id })

  return (
    <Dialog title="Compare two sources" onClose={onClose} className="dialog-wide dialog-compare">
      {!pair ? (
        <p className="muted">Import a second log to compare: for example yesterday’s export (works) and today’s (fails).</p>
      ) : (
        <>
          <div className="compare-pickers" role="group" aria-label="Sources to compare">
            <SourcePicker id={`${ids}-a`} label="A — works" sources={sources} value={pair.a} onChange={(id) => choose('a', id)} />
            <SourcePicker id={`${ids}-b`} label="B — fails" sources={sources} value={pair.b} onChange={(id) => choose('b', id)} />
            <button type="button" className="btn btn-small" onClick={() => setPair({ a: pair.b, b: pair.a })} title="Swap A and B">
              Swap
            </button>
            {canNarrow && (
              <label className="check-row">
                <input type="checkbox" checked={narrow} onChange={(e) => setNarrow(e.target.checked)} />
                <span>Only entries matching the current filters</span>
              </label>
            )}
          </div>
          {pair.a === pair.b ? (
            <p className="warn-text">Pick two different sources.</p>
          ) : result.error ? (
            <p className="error-text" role="alert">Could not compare: {result.error.message}</p>
          ) : !result.value ? (
            <p className="muted" aria-busy="true">Comparing…</p>
          ) : (
            <CompareBody result={result.value} busy={result.loading} onFilter={apply} />
          )}
        </>
      )}
    </Dialog>
  )
}

function SourcePicker(props: { id: string; label: string; sources: readonly SourceInfo[]; value: number; onChange: (id: number) => void }) {
  return (
    <label className="source-picker" htmlFor={props.id}>
      <span className="form-label">{props.label}</span>
      <select id={props.id} value={props.value} onChange={(e) => props.onChange(Number(e.target.value))}>
        {props.sources.map((s) => (
          <option key={s.id} value={s.id}>
            {toVisibleText(s.name)} ({plural(s.entryCount, 'entry', 'entries')})
          </option>
        ))}
      </select>
    </label>
  )
}

function CompareBody({ result, busy, onFilter }: { result: CompareResult; busy: boolean; onFilter: (f: EntryFilter) => void }) {
  const rateDelta = result.a.errorRate !== null && result.b.errorRate !== null ? result.b.errorRate - result.a.errorRate : null
  const tone = rateTone(rateDelta)
  return (
    <div className="compare-body" aria-busy={busy}>
      <div className="compare-sides">
        <SideCard label="A — works" side={result.a} />
        <div className={`compare-change tone-${tone}`} data-testid="error-rate-change">
          <span className="form-label">Error rate</span>
          <strong>
            {formatRate(result.a.errorRate)} → {formatRate(result.b.errorRate)}
          </strong>
          <span>
            {formatPoints(rateDelta)}
            {TONE_WORD[tone] && ` (${TONE_WORD[tone]})`} · errors {formatDelta(result.b.errors - result.a.errors)}
          </span>
        </div>
        <SideCard label="B — fails" side={result.b} />
      </div>
      <h3 className="compare-heading">Function × Result, biggest regressions first</h3>
      {result.rows.length === 0 ? <p className="muted">No entries on either side.</p> : <CompareMatrix result={result} onFilter={onFilter} />}
      <div className="compare-only">
        <OnlyIn title={`Only in A — ${toVisibleText(result.a.name)}`} side="a" diff={result.onlyInA} onFilter={onFilter} />
        <OnlyIn title={`Only in B — ${toVisibleText(result.b.name)}`} side="b" diff={result.onlyInB} onFilter={onFilter} />
      </div>
    </div>
  )
}

function SideCard({ label, side }: { label: string; side: CompareSide }) {
  const { timeMode } = useSettings()
  return (
    <div className="compare-side">
      <span className="form-label">{label}</span>
      <strong className="compare-side-name">
        <VisibleText text={side.name} />
      </strong>
      <span>
        {plural(side.total, 'entry', 'entries')} · {plural(side.errors, 'error')} ({formatRate(side.errorRate)})
      </span>
      <span className="muted small">
        {side.firstTs && side.lastTs
          ? `${formatDateTime(side.firstTs, timeMode)} → ${formatDateTime(side.lastTs, timeMode)}`
          : side.total === 0
            ? 'nothing matches here'
            : 'no timestamps'}
      </span>
    </div>
  )
}
