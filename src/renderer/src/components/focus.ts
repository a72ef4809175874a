const FOCUSABLE =
  'button:not([disabled]), [href], input:not([disabled]):not([type="hidden"]), select:not([disabled]), ' +
  'textarea:not([disabled]), [tabindex]:not([tabindex="-1"])'

export function focusableIn(root: HTMLElement): HTMLElement[] {
  return [...root.querySelectorAll<HTMLElement>(FOCUSABLE)].filter((el) => !el.closest('[hidden]'))
}

/** Focuses the element marked data-autofocus, else the first focusable one, else the root. */
export function focusFirst(root: HTMLElement): void {
  const preferred = root.querySelector<HTMLElement>('[data-autofocus]')
  const target = preferred ?? focusableIn(root)[0] ?? root
  target.focus()
}

/** Keeps Tab inside `root` (modal dialogs). */
export function trapTab(event: KeyboardEvent | React.KeyboardEvent, root: HTMLElement): void {
  if (event.key !== 'Tab') return
  const items = focusableIn(root)
  if (items.length === 0) return
  const first = items[0]
  const last = items[items.length - 1]
  if (event.shiftKey && document.activeElement === first) {
    event.preventDefault()
    last.focus()
  } else if (!event.shiftKey && document.activeElement === last) {
    event.preventDefault()
    first.focus()
  }
}
