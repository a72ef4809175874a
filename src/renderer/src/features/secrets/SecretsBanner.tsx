// A persistent warning while any loaded source was imported with its credentials kept.
import type { SourceInfo } from '../../../../shared/types'
import { Icon } from '../../components/Icon'
import { toVisibleText } from '../../lib/visible-text'

export interface SecretsBannerProps {
  /** the store's own flag (StoreInfo.hasSecretsKept) */
  hasSecretsKept: boolean
  sources: readonly SourceInfo[]
  onOpenSources: () => void
}

/** "a.har", "a.har and b.har", "a.har, b.har and 2 more" */
export function listNames(names: readonly string[]): string {
  const shown = names.slice(0, 2).map((n) => `“${toVisibleText(n)}”`)
  if (names.length <= 1) return shown.join('')
  if (names.length === 2) return `${shown[0]} and ${shown[1]}`
  return `${shown.join(', ')} and ${names.length - 2} more`
}

export function SecretsBanner({ hasSecretsKept, sources, onOpenSources }: SecretsBannerProps) {
  const kept = sources.filter((s) => s.secretsKept)
  if (!hasSecretsKept && kept.length === 0) return null
  const from = kept.length > 0 ? listNames(kept.map((s) => s.name)) : 'a source'
  const it = kept.length > 1 ? 'them' : 'it'
  return (
    <div className="secrets-banner" role="region" aria-label="Live credentials in this store">
      <Icon name="key" size={15} />
      <p>
        <strong>This store holds live credentials from {from};</strong> exports still redact them. Remove the source
        or re-import {it} with redaction.
      </p>
      <button type="button" className="btn btn-small" onClick={onOpenSources}>
        Open Sources
      </button>
    </div>
  )
}
