// App-wide messages (failed requests, import problems) in one polite live region.
import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react'
import { Icon } from './Icon'

export interface Notice {
  id: number
  kind: 'error' | 'info'
  text: string
}

interface NoticeApi {
  notify(kind: Notice['kind'], text: string): void
}

const NoticeContext = createContext<NoticeApi>({ notify: () => undefined })
let nextId = 1

export function NoticeProvider({ children }: { children: ReactNode }) {
  const [notices, setNotices] = useState<Notice[]>([])
  const dismiss = (id: number) => setNotices((list) => list.filter((n) => n.id !== id))
  const notify = useCallback((kind: Notice['kind'], text: string) => {
    const id = nextId++
    setNotices((list) => [...list.filter((n) => n.text !== text), { id, kind, text }].slice(-4))
    if (kind === 'info') setTimeout(() => setNotices((list) => list.filter((n) => n.id !== id)), 5000)
  }, [])
  const api = useMemo(() => ({ notify }), [notify])
  return (
    <NoticeContext.Provider value={api}>
      {children}
      <div className="notices" role="status" aria-live="polite">
        {notices.map((n) => (
          <div key={n.id} className={`notice notice-${n.kind}`}>
            <Icon name={n.kind === 'error' ? 'alert' : 'check'} />
            <span className="notice-text">{n.text}</span>
            <button type="button" className="btn btn-ghost btn-icon" aria-label="Dismiss message" onClick={() => dismiss(n.id)}>
              <Icon name="close" size={14} />
            </button>
          </div>
        ))}
      </div>
    </NoticeContext.Provider>
  )
}

export function useNotify(): NoticeApi['notify'] {
  return useContext(NoticeContext).notify
}
