// Pretty-printing hostile bodies: every character kept (only whitespace changes), quoted attribute
// values left whole, and time linear in the body whatever it holds.
import { describe, expect, it } from 'vitest'
import { detectBodyKind, prettyXml } from '../../src/renderer/src/features/detail/body-format'
import { xmlTokens } from '../../src/renderer/src/features/detail/xml-tokens'

const squash = (text: string | null) => text?.replace(/\s+/g, '')

describe('XML and HTML bodies', () => {
  it('keeps < and > inside quoted attribute values in their tag', () => {
    expect(prettyXml('<p title="a > b" data-x=\'<i>\'>t</p>')).toBe('<p title="a > b" data-x=\'<i>\'>t</p>')
    expect(prettyXml('<body><iframe srcdoc="<script>parent.__pwned=6</script>"></iframe><b>x</b></body>')).toBe(
      '<body>\n  <iframe srcdoc="<script>parent.__pwned=6</script>"></iframe>\n  <b>x</b>\n</body>',
    )
  })

  it('keeps a < that starts no tag as text, and an unclosed quote does not swallow the rest', () => {
    expect(prettyXml('<r>a < b</r>')).toBe('<r>a < b</r>')
    expect(prettyXml('<r><a title="x>y</a><b>z</b></r>')).toBe('<r>\n  <a title="x>y</a>\n  <b>z</b>\n</r>')
  })

  it('splits into tokens that join back into the text exactly', () => {
    const samples = ['<<<', '<a "<b>', "<!-- x <y> --><![CDATA[ <z> ]]><?pi ?><!DOCTYPE html>", 'a<b', '<a\'"b>c', '<', '>']
    let seed = 7
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31)
    for (let n = 0; n < 300; n++) {
      samples.push(Array.from({ length: 40 }, () => '<>"\'!-?[]/ ax'[Math.floor(random() * 13)]).join(''))
    }
    for (const text of samples) {
      expect(xmlTokens(text).map((t) => t.text).join('')).toBe(text)
      expect(squash(prettyXml(text))).toBe(squash(text))
    }
  })

  it.each([
    ['200 000 × "<"', '<'.repeat(200_000)],
    ['50 000 × \'<a "\'', '<a "'.repeat(50_000)],
    ['50 000 × "<!--"', '<!--'.repeat(50_000)],
    ['50 000 × "<\'<\\""', '<\'<"'.repeat(50_000)],
  ])('pretty-prints %s in linear time', (_, body) => {
    const started = performance.now()
    expect(squash(prettyXml(body))).toBe(squash(body))
    expect(performance.now() - started).toBeLessThan(2000)
  })
})

describe('body detection', () => {
  it('recognises form data, and a 1 MB near miss fails fast', () => {
    expect(detectBodyKind('user=6666&phone_number=%2B1%20555&comments=a+b')).toBe('form')
    expect(detectBodyKind('a=1&flag&b=2')).toBe('form')
    const started = performance.now()
    expect(detectBodyKind(`a=b&${'c'.repeat(999_000)} x`)).toBe('text')
    expect(performance.now() - started).toBeLessThan(500)
  })
})
