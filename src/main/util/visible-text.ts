// Makes control, bidi-override and other invisible characters visible, for terminals and any
// surface where hostile log text must not change how the output looks.

// C0 controls except tab, DEL, C1 controls, bidi embeddings/overrides/isolates, zero-width and
// line/paragraph separators.
const INVISIBLE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff]/g

export function escapeInvisible(text: string): string {
  return text.replace(INVISIBLE, (c) => {
    const code = c.charCodeAt(0)
    if (code === 0x1b) return '\\e'
    return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`
  })
}

/** For single-line cells: also shows tabs and line breaks as escapes. */
export function escapeForCell(text: string): string {
  return escapeInvisible(text).replace(/\t/g, '\\t').replace(/\n/g, '\\n')
}
