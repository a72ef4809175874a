// CodeMirror 6 setup for read-only bodies: highlighting via CSS variables (so both themes work),
// folding, search, and control/bidi characters drawn as visible escapes.
import { json } from '@codemirror/lang-json'
import { xml } from '@codemirror/lang-xml'
import {
  bracketMatching,
  codeFolding,
  foldGutter,
  foldKeymap,
  HighlightStyle,
  StreamLanguage,
  syntaxHighlighting,
} from '@codemirror/language'
import { highlightSelectionMatches, search, searchKeymap } from '@codemirror/search'
import { EditorState, type Extension } from '@codemirror/state'
import { EditorView, highlightSpecialChars, keymap, lineNumbers } from '@codemirror/view'
import { tags as t } from '@lezer/highlight'
import { codePointLabel, escapeChar } from '../../lib/visible-text'
import type { BodyKind } from './body-format'

const HIGHLIGHT = HighlightStyle.define([
  { tag: [t.string, t.special(t.string)], color: 'var(--syn-string)' },
  { tag: [t.number, t.bool, t.null], color: 'var(--syn-number)' },
  { tag: [t.propertyName, t.attributeName], color: 'var(--syn-property)' },
  { tag: [t.tagName, t.angleBracket], color: 'var(--syn-tag)' },
  { tag: [t.attributeValue], color: 'var(--syn-string)' },
  { tag: [t.comment, t.meta, t.processingInstruction, t.documentMeta], color: 'var(--syn-comment)', fontStyle: 'italic' },
  { tag: [t.operator, t.separator, t.punctuation, t.bracket], color: 'var(--syn-punct)' },
  { tag: t.invalid, color: 'var(--err)' },
])

/** `name = value` lines of a pretty-printed form body. */
const FORM_LANGUAGE = StreamLanguage.define<{ inValue: boolean }>({
  startState: () => ({ inValue: false }),
  token(stream, state) {
    if (stream.sol()) state.inValue = false
    if (!state.inValue) {
      if (stream.match(' = ')) {
        state.inValue = true
        return 'operator'
      }
      if (stream.match(/^.+?(?= = |$)/)) return 'propertyName'
    }
    stream.skipToEnd()
    return 'string'
  },
})

// CodeMirror's default special characters miss some embeddings, isolates and invisible joiners.
const EXTRA_SPECIALS = /\u200d|[\u180e\u200c\u202a-\u202c\u2060-\u2064\u2068]/

function renderSpecial(code: number): HTMLElement {
  const span = document.createElement('span')
  span.className = 'cm-ctl-char'
  span.textContent = escapeChar(String.fromCodePoint(code))
  span.title = codePointLabel(code)
  return span
}

const THEME = EditorView.theme({
  '&': { fontSize: '12px', backgroundColor: 'var(--code-bg)', color: 'var(--fg)', height: '100%' },
  '.cm-scroller': { fontFamily: 'var(--font-mono)', lineHeight: '1.5' },
  '.cm-gutters': { backgroundColor: 'var(--code-gutter)', color: 'var(--fg-faint)', border: 'none' },
  '.cm-activeLineGutter': { backgroundColor: 'transparent' },
  '&.cm-focused': { outline: '2px solid var(--focus)', outlineOffset: '-2px' },
  '.cm-selectionBackground, &.cm-focused .cm-selectionBackground': { backgroundColor: 'var(--selection) !important' },
  '.cm-searchMatch': { backgroundColor: 'var(--search-match)', outline: '1px solid var(--warn)' },
  '.cm-searchMatch-selected': { backgroundColor: 'var(--search-match-current)' },
  '.cm-panels': { backgroundColor: 'var(--bg-elev)', color: 'var(--fg)', borderColor: 'var(--border)' },
  '.cm-foldPlaceholder': { backgroundColor: 'var(--bg-sunken)', border: '1px solid var(--border)', color: 'var(--fg-muted)' },
  '.cm-cursor': { borderLeftColor: 'var(--fg)' },
})

export function languageFor(kind: BodyKind): Extension {
  if (kind === 'json') return json()
  if (kind === 'xml') return xml()
  if (kind === 'form') return FORM_LANGUAGE
  return []
}

export function codeExtensions(kind: BodyKind, label: string, wrap: boolean): Extension[] {
  return [
    lineNumbers(),
    foldGutter(),
    codeFolding(),
    bracketMatching(),
    highlightSpecialChars({ render: renderSpecial, addSpecialChars: EXTRA_SPECIALS }),
    syntaxHighlighting(HIGHLIGHT),
    search({ top: true }),
    highlightSelectionMatches(),
    keymap.of([...searchKeymap, ...foldKeymap]),
    EditorState.readOnly.of(true),
    EditorView.contentAttributes.of({ 'aria-label': label, 'aria-readonly': 'true' }),
    wrap ? EditorView.lineWrapping : [],
    languageFor(kind),
    THEME,
  ]
}
