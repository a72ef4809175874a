// Handing a file to the user from the page: an <a download> click, which a browser turns into a
// download (and the desktop app into its save dialog). Kept in one module so tests can replace it.

/** A finished export's download path on the loopback host (anything else is not followed). */
export function isDownloadPath(url: string): boolean {
  return /^\/download\/[0-9a-f-]{36}$/.test(url)
}

/** Starts the download of a same-origin URL (a finished export on the loopback host). */
export function startDownload(url: string, fileName?: string): void {
  const link = document.createElement('a')
  link.href = url
  link.download = fileName ?? ''
  link.rel = 'noopener'
  link.style.display = 'none'
  document.body.append(link)
  link.click()
  link.remove()
}

/** Saves text made in the page (an exported view) as a file. */
export function saveTextFile(fileName: string, content: string, type: string): void {
  const url = URL.createObjectURL(new Blob([content], { type }))
  try {
    startDownload(url, fileName)
  } finally {
    // the click has handed the blob to the download; give it a moment before the URL goes
    setTimeout(() => URL.revokeObjectURL(url), 10_000)
  }
}
