// The native menu. Items that need the page (Export, theme, shortcuts) are sent to it as events.
import { app, Menu, type MenuItemConstructorOptions } from 'electron'
import type { MenuCommand } from '../../shared/api'
import { APP_NAME } from '../paths'

export interface MenuActions {
  open(): void
  openRecent(path: string): void
  clearRecent(): void
  recent(): string[]
  send(command: MenuCommand): void
  about(): void
}

export function buildMenu(actions: MenuActions): Menu {
  const recent = actions.recent()
  const isMac = process.platform === 'darwin'
  const template: MenuItemConstructorOptions[] = [
    ...(isMac ? [{ role: 'appMenu' as const }] : []),
    {
      label: '&File',
      submenu: [
        { label: 'Open…', accelerator: 'CmdOrCtrl+O', click: () => actions.open() },
        {
          label: 'Open Recent',
          submenu: [
            ...recent.map((path) => ({ label: path, click: () => actions.openRecent(path) })),
            ...(recent.length ? [{ type: 'separator' as const }] : []),
            { label: 'Clear Recent', enabled: recent.length > 0, click: () => actions.clearRecent() },
          ],
        },
        { label: 'Import…', accelerator: 'CmdOrCtrl+I', click: () => actions.send('import') },
        { label: 'Export…', accelerator: 'CmdOrCtrl+E', click: () => actions.send('export') },
        { type: 'separator' },
        { label: 'Triage…', accelerator: 'CmdOrCtrl+T', click: () => actions.send('triage') },
        { type: 'separator' },
        isMac ? { role: 'close' } : { role: 'quit', label: 'Quit', accelerator: 'CmdOrCtrl+Q' },
      ],
    },
    { role: 'editMenu', label: '&Edit' },
    {
      label: '&View',
      submenu: [
        { role: 'reload' },
        { label: 'Toggle Dark Mode', accelerator: 'CmdOrCtrl+Shift+D', click: () => actions.send('toggleTheme') },
        { type: 'separator' },
        { role: 'resetZoom' },
        { role: 'zoomIn' },
        { role: 'zoomOut' },
        { type: 'separator' },
        { role: 'togglefullscreen' },
        ...(app.isPackaged ? [] : [{ role: 'toggleDevTools' as const }]),
      ],
    },
    {
      label: '&Help',
      submenu: [
        { label: 'Keyboard Shortcuts', accelerator: 'F1', click: () => actions.send('shortcuts') },
        { label: `About ${APP_NAME}`, click: () => actions.about() },
      ],
    },
  ]
  return Menu.buildFromTemplate(template)
}
