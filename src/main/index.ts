// Electron main entry.
import { startDesktopApp } from './app/desktop'

startDesktopApp()
