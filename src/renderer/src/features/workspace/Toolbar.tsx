// The top bar: import, sources, time zone and theme.
import type { ReactNode } from 'react'
import { Icon } from '../../components/Icon'
import { formatCount } from '../../lib/format'
import { useSettings, type ThemeChoice } from '../../settings'

const NEXT_THEME: Record<ThemeChoice, ThemeChoice> = { system: 'light', light: 'dark', dark: 'system' }
const THEME_LABEL: Record<ThemeChoice, string> = { system: 'System theme', light: 'Light theme', dark: 'Dark theme' }

export interface ToolbarProps {
  sourceCount: number
  entryCount: number
  onImport: () => void
  /** why importing is off (the store is damaged); the button then says so instead of importing */
  importBlocked?: string | null
  onSources: () => void
  /** next to Import…: importing with options */
  importOptions?: ReactNode
  /** after Sources: the analyst tools (saved views, export, compare, tenants) */
  tools?: ReactNode
  /** after Sources, first: Triage and Findings */
  triage?: ReactNode
}

export function Toolbar(props: ToolbarProps) {
  const { sourceCount, entryCount, onImport, importBlocked, onSources, importOptions, tools, triage } = props
  const { timeMode, setTimeMode, themeChoice, setThemeChoice, theme } = useSettings()
  return (
    <header className="toolbar">
      <div className="brand">
        <span className="brand-mark" aria-hidden="true" />
        <span className="brand-name">API Log Inspector</span>
      </div>
      <button
        type="button"
        className="btn"
        onClick={onImport}
        aria-disabled={importBlocked ? true : undefined}
        title={importBlocked ?? 'Import log files (Ctrl+O)'}
      >
        <Icon name="upload" size={15} />
        Import…
      </button>
      {importOptions}
      <button
        type="button"
        className="btn btn-ghost"
        onClick={onSources}
        aria-label={`Sources (${sourceCount})`}
        title={`${formatCount(sourceCount)} imported files, ${formatCount(entryCount)} entries`}
      >
        <Icon name="database" size={15} />
        Sources
        <span className="count-badge">{formatCount(sourceCount)}</span>
      </button>
      {triage}
      {tools}
      <span className="spacer" />
      <div className="segmented" role="group" aria-label="Show times in">
        <button type="button" aria-pressed={timeMode === 'utc'} onClick={() => setTimeMode('utc')}>
          UTC
        </button>
        <button type="button" aria-pressed={timeMode === 'local'} onClick={() => setTimeMode('local')}>
          Local
        </button>
      </div>
      <button
        type="button"
        className="btn btn-ghost btn-icon"
        aria-label={`${THEME_LABEL[themeChoice]} (click to change)`}
        title={`${THEME_LABEL[themeChoice]}${themeChoice === 'system' ? ` — currently ${theme}` : ''}. Click to change.`}
        onClick={() => setThemeChoice(NEXT_THEME[themeChoice])}
      >
        <Icon name={themeChoice === 'system' ? 'monitor' : themeChoice === 'dark' ? 'moon' : 'sun'} />
      </button>
    </header>
  )
}
