// SQLite's BINARY collation in JS: text compares by its UTF-8 bytes, which is code point order.
// UTF-16 code unit order agrees with it except between surrogates (U+D800–U+DFFF, the halves of
// characters above U+FFFF) and U+E000–U+FFFF, which this fixes up at the first difference.

/** Negative, zero or positive as `a` sorts before, with or after `b` under BINARY. */
export function compareBinary(a: string, b: string): number {
  const n = Math.min(a.length, b.length)
  for (let i = 0; i < n; i++) {
    let x = a.charCodeAt(i)
    let y = b.charCodeAt(i)
    if (x === y) continue
    if (x >= 0xd800 && y >= 0xd800) {
      x = x >= 0xe000 ? x - 0x800 : x + 0x2000
      y = y >= 0xe000 ? y - 0x800 : y + 0x2000
    }
    return x - y
  }
  return a.length - b.length
}

/** Lower-cases A–Z only: SQLite's LIKE ignores case for ASCII letters and for nothing else. */
export function asciiLower(text: string): string {
  return /[A-Z]/.test(text) ? text.replace(/[A-Z]+/g, (s) => s.toLowerCase()) : text
}
