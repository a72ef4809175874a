// The detail pane's body formatting never recurses: a body nested 100 000 levels deep (hostile log
// content, issue 7) is detected and pretty-printed without overflowing the stack.
import { describe, expect, it } from 'vitest'
import { detectBodyKind, prettyJson, prettyXml } from '../../src/renderer/src/features/detail/body-format'

describe('deeply nested bodies', () => {
  it('pretty-prints JSON nested 100 000 levels deep', () => {
    const depth = 100_000
    const body = '{"a":'.repeat(depth) + '[1]' + '}'.repeat(depth)
    expect(detectBodyKind(body, 'application/json')).toBe('json')
    const pretty = prettyJson(body)
    expect(pretty).not.toBeNull()
    expect(pretty!.replace(/\s+/g, '')).toBe(body)
  })

  it('indents XML nested 100 000 levels deep', () => {
    const depth = 100_000
    const body = '<a>'.repeat(depth) + 'x' + '</a>'.repeat(depth)
    expect(detectBodyKind(body, 'application/xml')).toBe('xml')
    expect(prettyXml(body)?.replace(/\s+/g, '')).toBe(body)
  })
})
