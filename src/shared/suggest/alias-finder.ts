/**
 * Finds every occurrence of the known entities' labels and aliases in a text: accent- and
 * case-insensitive (fold.ts), whole words only, longest name first (`Manuel II` rather than
 * `Manuel` inside it). Offsets are code points of the original text.
 */
import type { Entity } from '../model'
import { foldKey, foldText, originalRange, type FoldedText } from '../text/fold'
import { CodePointIndex } from '../text/code-points'
import { longestNonOverlapping, type Suggestion } from './types'

const WORD_CHAR = /[\p{L}\p{N}]/u

/** Names shorter than this (folded) are not searched: one letter matches everywhere. */
const MIN_NAME_LENGTH = 2

function isWordChar(ch: string | undefined): boolean {
  return ch !== undefined && WORD_CHAR.test(ch)
}

/**
 * All whole-word occurrences of `name` in the folded text, as UTF-16 ranges of the folded text.
 * White space inside the name matches any run of white space (a name may wrap across lines).
 */
function occurrences(f: FoldedText, name: string): Array<[number, number]> {
  const key = foldKey(name)
  if (key.length < MIN_NAME_LENGTH) return []
  const pattern = new RegExp(key.split(' ').map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('\\s+'), 'g')
  const out: Array<[number, number]> = []
  for (const m of f.folded.matchAll(pattern)) {
    const from = m.index
    const to = from + m[0].length
    // Whole words: no letter or digit on either side, unless the name itself starts/ends with a non-word char.
    if (isWordChar(key[0]) && isWordChar(f.folded[from - 1])) continue
    if (isWordChar(key[key.length - 1]) && isWordChar(f.folded[to])) continue
    out.push([from, to])
  }
  return out
}

/**
 * Every mention of `entities` by label or alias in `text`. Where names overlap, the longest
 * wins; for the same span matched by two entities, the first entity given wins.
 * @param text the document's normalised text; returned offsets are its code points.
 */
export function findAliasMentions(text: string, entities: readonly Entity[], folded: FoldedText = foldText(text)): Suggestion[] {
  const index = new CodePointIndex(text)
  const found: Suggestion[] = []
  for (const entity of entities) {
    if (entity.type === 'date') continue // dates are found by value (date-finder), not by spelling
    const names = [entity.label, ...entity.aliases]
    for (const name of names) {
      for (const [from, to] of occurrences(folded, name)) {
        const { start, end } = originalRange(folded, from, to)
        found.push({ start, end, exact: index.slice(start, end), type: entity.type, source: 'alias', entityId: entity.id })
      }
    }
  }
  return longestNonOverlapping(found)
}
