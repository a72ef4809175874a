// Saves text as a file through the browser's download (a Blob and an <a download>): works under the
// page's CSP (no navigation, no inline script) in a browser and in the desktop window alike.

/** A file name without folders or characters file systems reject. */
export function safeFileName(name: string, fallback = 'report.txt'): string {
  const base = name.split(/[\\/]/).pop() ?? ''
  const clean = base.replace(/[\u0000-\u001f\u007f<>:"|?*]+/g, '_').replace(/^[.\s]+/, '').slice(0, 150)
  return clean === '' ? fallback : clean
}

export function downloadText(fileName: string, content: string, type: string): void {
  const url = URL.createObjectURL(new Blob([content], { type }))
  const link = document.createElement('a')
  link.href = url
  link.download = safeFileName(fileName)
  link.rel = 'noopener'
  link.style.display = 'none'
  document.body.appendChild(link)
  link.click()
  link.remove()
  // the download has started by now; the object URL can go once it surely has
  setTimeout(() => URL.revokeObjectURL(url), 60_000)
}
