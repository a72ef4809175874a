import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { bridge, toFileRef } from './api'
import { App } from './App'
import type { Services } from './services'
import './styles/base.css'
import './styles/layout.css'
import './styles/controls.css'
import './styles/filters.css'
import './styles/timeline.css'
import './styles/imports.css'
import './styles/dialogs.css'
import './styles/detail.css'
import './styles/message.css'
import './styles/analysis.css'
import './styles/analysis-dialogs.css'
import './styles/compare.css'
import './styles/triage.css'
import './styles/store-health.css'

// In the desktop app exports are saved where the user picks in a native save dialog; a browser downloads them.
const isDesktop = Boolean(window.inspector)
const services: Services = {
  api: bridge.api,
  on: bridge.on,
  toFileRef,
  isDesktop,
  chooseSavePath: isDesktop ? (name) => bridge.chooseSavePath(name) : undefined,
}

createRoot(document.getElementById('root') as HTMLElement).render(
  <StrictMode>
    <App services={services} />
  </StrictMode>,
)
