// Runs `handler` when the desktop menu sends `command` (a browser never does).
import { useEffect, useRef } from 'react'
import type { MenuCommand } from '../../../../shared/api'
import { useServices } from '../../services'

export function useMenuCommand(command: MenuCommand, handler: () => void): void {
  const { on } = useServices()
  const handlerRef = useRef(handler)
  useEffect(() => {
    handlerRef.current = handler
  })
  useEffect(() => on('menuCommand', (event) => event.command === command && handlerRef.current()), [on, command])
}
