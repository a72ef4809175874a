// User preferences remembered across runs: time zone display and colour theme.
import { createContext, useContext, useEffect, useMemo, type ReactNode } from 'react'
import { useMediaQuery } from './hooks/use-media-query'
import { usePersistentState } from './hooks/use-persistent-state'
import { oneOf } from './lib/storage'
import type { TimeMode } from './lib/time-format'

export type ThemeChoice = 'system' | 'light' | 'dark'

export interface Settings {
  timeMode: TimeMode
  setTimeMode(mode: TimeMode): void
  themeChoice: ThemeChoice
  setThemeChoice(choice: ThemeChoice): void
  /** the theme in effect after following the OS */
  theme: 'light' | 'dark'
}

const SettingsContext = createContext<Settings>({
  timeMode: 'utc',
  setTimeMode: () => undefined,
  themeChoice: 'system',
  setThemeChoice: () => undefined,
  theme: 'light',
})

export function SettingsProvider({ children }: { children: ReactNode }) {
  const [timeMode, setTimeMode] = usePersistentState<TimeMode>('inspector.timeMode', 'utc', oneOf('utc', 'local'))
  const [themeChoice, setThemeChoice] = usePersistentState<ThemeChoice>(
    'inspector.theme',
    'system',
    oneOf('system', 'light', 'dark'),
  )
  const prefersDark = useMediaQuery('(prefers-color-scheme: dark)')
  const theme = themeChoice === 'system' ? (prefersDark ? 'dark' : 'light') : themeChoice

  useEffect(() => {
    document.documentElement.dataset.theme = theme
    document.documentElement.style.colorScheme = theme
    // AG Grid's theming API switches its own colour mode from this attribute.
    document.body.dataset.agThemeMode = theme
  }, [theme])

  const value = useMemo(
    () => ({ timeMode, setTimeMode, themeChoice, setThemeChoice, theme }),
    [timeMode, setTimeMode, themeChoice, setThemeChoice, theme],
  ) satisfies Settings
  return <SettingsContext.Provider value={value}>{children}</SettingsContext.Provider>
}

export function useSettings(): Settings {
  return useContext(SettingsContext)
}
