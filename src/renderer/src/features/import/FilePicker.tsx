// The hidden multi-file input behind every "Open log file…" / "Import…" button.
import { forwardRef } from 'react'

export const FilePicker = forwardRef<HTMLInputElement, { onFiles: (files: File[]) => void }>(function FilePicker(
  { onFiles },
  ref,
) {
  return (
    <input
      ref={ref}
      type="file"
      multiple
      hidden
      data-testid="file-input"
      aria-label="Log files to import"
      onChange={(event) => {
        const files = [...(event.target.files ?? [])]
        event.target.value = '' // picking the same file again must fire change again
        onFiles(files)
      }}
    />
  )
})
