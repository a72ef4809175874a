// WAI-ARIA tabs: arrow keys move between tabs, Home/End jump, the panel follows the selected tab.
import { forwardRef, useId, useRef, type ReactNode } from 'react'

export interface TabDef<K extends string> {
  key: K
  label: string
  badge?: string
}

export interface TabsProps<K extends string> {
  label: string
  tabs: ReadonlyArray<TabDef<K>>
  selected: K
  onSelect: (key: K) => void
  children: ReactNode
  actions?: ReactNode
}

function TabsInner<K extends string>(props: TabsProps<K>, ref: React.ForwardedRef<HTMLButtonElement>) {
  const { label, tabs, selected, onSelect, children, actions } = props
  const base = useId()
  const buttons = useRef<Array<HTMLButtonElement | null>>([])

  const move = (index: number) => {
    const next = (index + tabs.length) % tabs.length
    onSelect(tabs[next].key)
    buttons.current[next]?.focus()
  }
  const onKeyDown = (event: React.KeyboardEvent, index: number) => {
    const moves: Record<string, number> = { ArrowRight: index + 1, ArrowLeft: index - 1, Home: 0, End: tabs.length - 1 }
    if (event.key in moves) {
      event.preventDefault()
      move(moves[event.key])
    }
  }

  return (
    <div className="tabs">
      <div className="tab-bar">
        <div role="tablist" aria-label={label} className="tab-list">
          {tabs.map((tab, i) => (
            <button
              key={tab.key}
              ref={(el) => {
                buttons.current[i] = el
                if (tab.key !== selected || !ref) return
                if (typeof ref === 'function') ref(el)
                else ref.current = el
              }}
              type="button"
              role="tab"
              id={`${base}-tab-${tab.key}`}
              aria-selected={tab.key === selected}
              aria-controls={`${base}-panel`}
              tabIndex={tab.key === selected ? 0 : -1}
              className="tab"
              onClick={() => onSelect(tab.key)}
              onKeyDown={(e) => onKeyDown(e, i)}
            >
              {tab.label}
              {tab.badge && <span className="tab-badge">{tab.badge}</span>}
            </button>
          ))}
        </div>
        {actions && <div className="tab-actions">{actions}</div>}
      </div>
      <div role="tabpanel" id={`${base}-panel`} aria-labelledby={`${base}-tab-${selected}`} className="tab-panel">
        {children}
      </div>
    </div>
  )
}

export const Tabs = forwardRef(TabsInner) as <K extends string>(
  props: TabsProps<K> & { ref?: React.Ref<HTMLButtonElement> },
) => React.ReactElement
