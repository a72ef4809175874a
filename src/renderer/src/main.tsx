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

const services: Services = { api: bridge.api, on: bridge.on, toFileRef }

createRoot(document.getElementById('root') as HTMLElement).render(
  <StrictMode>
    <App services={services} />
  </StrictMode>,
)
