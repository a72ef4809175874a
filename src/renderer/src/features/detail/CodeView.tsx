// A read-only CodeMirror view. CodeMirror draws only the visible lines, so multi-megabyte bodies
// stay responsive; search (Ctrl+F) and folding come with it.
import { foldAll, unfoldAll } from '@codemirror/language'
import { openSearchPanel } from '@codemirror/search'
import { EditorState } from '@codemirror/state'
import { EditorView } from '@codemirror/view'
import { forwardRef, useEffect, useImperativeHandle, useRef } from 'react'
import type { BodyKind } from './body-format'
import { codeExtensions } from './code-extensions'

export interface CodeViewHandle {
  search(): void
  foldAll(): void
  unfoldAll(): void
}

export interface CodeViewProps {
  text: string
  kind: BodyKind
  label: string
  wrap?: boolean
}

export const CodeView = forwardRef<CodeViewHandle, CodeViewProps>(function CodeView({ text, kind, label, wrap = true }, ref) {
  const host = useRef<HTMLDivElement>(null)
  const view = useRef<EditorView | null>(null)

  useEffect(() => {
    if (!host.current) return
    const editor = new EditorView({ parent: host.current })
    view.current = editor
    return () => {
      editor.destroy()
      view.current = null
    }
  }, [])

  useEffect(() => {
    view.current?.setState(EditorState.create({ doc: text, extensions: codeExtensions(kind, label, wrap) }))
  }, [text, kind, label, wrap])

  useImperativeHandle(ref, () => ({
    search: () => {
      if (view.current) openSearchPanel(view.current)
    },
    foldAll: () => {
      if (view.current) foldAll(view.current)
    },
    unfoldAll: () => {
      if (view.current) unfoldAll(view.current)
    },
  }))

  return <div className="code-view" ref={host} data-testid="code-view" />
})
