// Headers and query parameters: name/value rows, values as visible text.
import { VisibleText } from '../../components/VisibleText'

export interface KeyValueTableProps {
  title: string
  rows: ReadonlyArray<readonly [string, string]>
  nameHeader?: string
  empty: string
}

export function KeyValueTable({ title, rows, nameHeader = 'Name', empty }: KeyValueTableProps) {
  return (
    <section className="kv-section" aria-label={title}>
      <h3 className="section-title">
        {title} <span className="muted small">({rows.length})</span>
      </h3>
      {rows.length === 0 ? (
        <p className="muted">{empty}</p>
      ) : (
        <table className="kv-table">
          <thead>
            <tr>
              <th scope="col">{nameHeader}</th>
              <th scope="col">Value</th>
            </tr>
          </thead>
          <tbody>
            {rows.map(([name, value], i) => (
              <tr key={`${name}-${i}`}>
                <th scope="row">
                  <VisibleText text={name} />
                </th>
                <td>
                  <VisibleText text={value} multiline empty="(empty)" />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  )
}

/** Query parameters of a URL, URL-decoded, in order (repeated names kept). */
export function queryParams(url: string | null): Array<[string, string]> {
  if (!url) return []
  const q = url.indexOf('?')
  if (q < 0) return []
  const hash = url.indexOf('#', q)
  const query = url.slice(q + 1, hash < 0 ? undefined : hash)
  const decode = (s: string) => {
    try {
      return decodeURIComponent(s.replace(/\+/g, ' '))
    } catch {
      return s
    }
  }
  return query
    .split('&')
    .filter((p) => p !== '')
    .map((pair): [string, string] => {
      const eq = pair.indexOf('=')
      return eq < 0 ? [decode(pair), ''] : [decode(pair.slice(0, eq)), decode(pair.slice(eq + 1))]
    })
}
