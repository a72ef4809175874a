// Names of headers, query parameters and body fields whose values are credentials. The triage diff
// says only that such a value changed; it never shows one.

const SECRET_NAME_RE =
  /auth|cookie|token|secret|passw|passwd|^pass$|^pwd$|api[-_]?key|apikey|session|signature|^sig$|credential|private[-_]?key|client[-_]?secret/i

export function isSecretName(name: string): boolean {
  return SECRET_NAME_RE.test(name)
}
