// "What will be masked": the promise that exports always redact credentials, and for one entry (the
// selected one or a sample) each credential found, shortened, next to the tag that replaces it.
import { VisibleText } from '../../components/VisibleText'
import type { AsyncState } from '../../hooks/use-async'
import { formatDateTime } from '../../lib/time-format'
import { useSettings } from '../../settings'
import type { RedactionSample } from './use-redaction-sample'

export function RedactionPreview({ sample }: { sample: AsyncState<RedactionSample> }) {
  return (
    <section className="redaction-preview" aria-labelledby="redaction-heading">
      <h3 id="redaction-heading">Credentials are always redacted in exports</h3>
      <p className="muted">
        Authorization and cookie headers, API keys and tokens, passwords and JWT signatures are replaced by a
        «redacted:…» tag — the same secret always gets the same tag. Everything else is exported as it is.
      </p>
      <SampleBody sample={sample} />
    </section>
  )
}

function SampleBody({ sample }: { sample: AsyncState<RedactionSample> }) {
  const { timeMode } = useSettings()
  if (sample.error) return <p className="error-text">Could not preview the redaction: {sample.error.message}</p>
  const value = sample.value
  if (!value) return <p className="muted">Looking for credentials in a sample entry…</p>
  const { entry, items } = value
  if (!entry) return null
  const what = [entry.function ?? entry.url ?? `entry ${entry.id}`, entry.ts ? formatDateTime(entry.ts, timeMode) : null]
    .filter(Boolean)
    .join(' · ')
  return (
    <div className="redaction-sample" aria-busy={sample.loading}>
      <p className="redaction-which">
        {value.which === 'selected' ? 'The selected entry' : 'A sample entry'}: <VisibleText text={what} />
      </p>
      {items.length === 0 ? (
        <p className="muted" data-testid="redaction-empty">
          {value.secretsKept
            ? 'This entry holds no credentials: nothing to mask.'
            : 'Nothing left to mask: credentials in this source were already replaced when it was imported.'}
        </p>
      ) : (
        <table className="redaction-table" aria-label="What the export masks in this entry">
          <thead>
            <tr>
              <th scope="col">Field</th>
              <th scope="col">Credential (shortened)</th>
              <th scope="col">In the export</th>
            </tr>
          </thead>
          <tbody>
            {items.map((item, i) => (
              <tr key={`${item.field}-${i}`}>
                <td className="mono">
                  <VisibleText text={item.field} />
                </td>
                <td className="mono">
                  <VisibleText text={item.before} />
                </td>
                <td className="mono redacted-tag">
                  <VisibleText text={item.after} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  )
}
