import { Icon } from '../../components/Icon'

export function DropOverlay({ visible }: { visible: boolean }) {
  if (!visible) return null
  return (
    <div className="drop-overlay" aria-hidden="true">
      <div className="drop-card">
        <Icon name="upload" size={36} />
        <p>Drop to import</p>
      </div>
    </div>
  )
}
