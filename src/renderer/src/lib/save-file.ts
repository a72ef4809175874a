// Handing a file to the user from the page: an <a download> click, which a browser turns into a
// download (and the desktop app into its save dialog). Works under the page's CSP (no navigation, no
// inline script). One module for every download (exports, view files, triage reports), so tests can
// replace it.

// path separators, characters file systems reject, controls, and bidi or invisible characters that
// could disguise a name ("invoice\u202Egnp.exe" shows as "invoiceexe.png")
const UNSAFE_IN_NAMES = /[\\/<>:"|?*\u0000-\u001f\u007f-\u009f\u00ad\u061c\u180e\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff]+/g

/** A file name without folders, characters file systems reject, or characters that disguise it. */
export function safeFileName(name: string, fallback = 'download.txt'): string {
  const clean = name.replace(UNSAFE_IN_NAMES, '_').replace(/^[.\s]+/, '').slice(0, 150).trim()
  return clean === '' || /^_+$/.test(clean) ? fallback : clean
}

/** A finished export's download path on the loopback host (anything else is not followed). */
export function isDownloadPath(url: string): boolean {
  return /^\/download\/[0-9a-f-]{36}$/.test(url)
}

/** Starts the download of a same-origin URL (a finished export on the loopback host, or a blob). */
export function startDownload(url: string, fileName?: string): void {
  const link = document.createElement('a')
  link.href = url
  link.download = fileName === undefined ? '' : safeFileName(fileName)
  link.rel = 'noopener'
  link.style.display = 'none'
  document.body.append(link)
  link.click()
  link.remove()
}

/** Saves text made in the page (an exported view, a triage report) as a file. */
export function saveTextFile(fileName: string, content: string, type: string): void {
  const url = URL.createObjectURL(new Blob([content], { type }))
  try {
    startDownload(url, fileName)
  } finally {
    // the click has handed the blob to the download; the URL can go once that has surely happened
    setTimeout(() => URL.revokeObjectURL(url), 60_000)
  }
}
