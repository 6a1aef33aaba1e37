/**
 * Where a highlight is, in words, so two highlights of the same words can be told apart in a list
 * (the relation editor's choices, a relation's ends): the printed page when the document has pages,
 * else the paragraph's number, and a few words of context either side.
 */
import type { Annotation, Block } from '../../shared/model'
import { pageLabelAt } from './compare-judgement'

/** Characters of context shown on each side of the quote. */
const CONTEXT = 24

/** Longest quote shown whole; longer ones are shortened with an ellipsis. */
const QUOTE = 60

/** `p. 341` when code point `at` lies on a printed page, else `¶ 12` (the 1-based number of the paragraph, list item or note holding it), else ''. */
export function placeOf(structure: readonly Block[], at: number): string {
  const page = pageLabelAt(structure, at)
  if (page) return `p. ${page}`
  let n = 0
  for (const b of structure) {
    if (b.kind !== 'paragraph' && b.kind !== 'list-item' && b.kind !== 'note' && b.kind !== 'line-group') continue
    if (b.start > at) break
    n++
    if (at < b.end) return `¶ ${n}`
  }
  return ''
}

function shorten(s: string, max: number): string {
  const cps = [...s]
  return cps.length > max ? `${cps.slice(0, max - 1).join('')}…` : s
}

/** The quote, where it is and its context: `“Manuel II” · ¶ 3 · …son of his uncle Manuel II, who succeeded…`. */
export function highlightChoiceLabel(a: Annotation, structure: readonly Block[]): string {
  const { exact, prefix, suffix } = a.target
  const where = placeOf(structure, a.target.start)
  const before = [...prefix].slice(-CONTEXT).join('').replace(/\s+/g, ' ').trimStart()
  const after = [...suffix].slice(0, CONTEXT).join('').replace(/\s+/g, ' ').trimEnd()
  const context = `…${before}${shorten(exact, QUOTE)}${after}…`
  return [`“${shorten(exact, QUOTE)}”`, where, context].filter(Boolean).join(' · ')
}

/** A short name for a highlight as a relation's end: its quote and where it is (`“Manuel II” (¶ 3)`). */
export function highlightName(a: Annotation, structure: readonly Block[]): string {
  const where = placeOf(structure, a.target.start)
  return `“${shorten(a.target.exact, QUOTE)}”${where ? ` (${where})` : ''}`
}
