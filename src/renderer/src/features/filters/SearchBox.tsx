// Full-text search over URLs, error texts and bodies; applied after typing pauses (or on Enter).
import { forwardRef, useEffect, useRef, useState } from 'react'
import { Icon } from '../../components/Icon'

export const SEARCH_DEBOUNCE_MS = 300

export interface SearchBoxProps {
  value: string
  onChange: (text: string) => void
}

export const SearchBox = forwardRef<HTMLInputElement, SearchBoxProps>(function SearchBox({ value, onChange }, ref) {
  const [text, setText] = useState(value)
  const committed = useRef(value)
  const onChangeRef = useRef(onChange)
  useEffect(() => {
    onChangeRef.current = onChange
  })

  // follow outside changes (chip removed, "Clear all")
  useEffect(() => {
    if (value !== committed.current) {
      committed.current = value
      setText(value)
    }
  }, [value])

  useEffect(() => {
    if (text === committed.current) return
    const timer = setTimeout(() => {
      committed.current = text
      onChangeRef.current(text)
    }, SEARCH_DEBOUNCE_MS)
    return () => clearTimeout(timer)
  }, [text])

  const commitNow = (next: string) => {
    setText(next)
    committed.current = next
    onChangeRef.current(next)
  }

  return (
    <div className="search-box">
      <Icon name="search" size={15} />
      <input
        ref={ref}
        type="search"
        aria-label="Search"
        placeholder="Search URLs, errors and bodies"
        value={text}
        spellCheck={false}
        onChange={(e) => setText(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter') commitNow(text)
          else if (e.key === 'Escape' && text !== '') {
            e.stopPropagation()
            commitNow('')
          }
        }}
      />
      {text === '' && (
        <kbd className="search-hint" aria-hidden="true" title="Press / to search">
          /
        </kbd>
      )}
    </div>
  )
})
