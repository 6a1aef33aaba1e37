/**
 * The words of a document as packed arrays, the unit of search: each word's code point span in
 * the normalised text, its folded form (one vocabulary per document, so a word is an integer), and
 * the passages (paragraphs: runs of text between blank lines) the search index is built over.
 *
 * Words are cut by the one tokeniser's WORD pattern and folded by its `normOf` (src/shared/text/: case,
 * diacritics, ligatures, the Gutenberg mojibake, possessive `'s`), so search and comparison see the
 * same words: `Palæologus`, `PalÊologus` and `palaeologus` are one word, `Παλαιολόγος` is
 * `παλαιολογος`. Packed arrays keep Gibbon vols. 2 + 6 (540,000 words)
 * at about 6 MB instead of ~60 MB of token objects.
 */
import { normOf, WORD } from '../text/tokenise'
import { CodePointIndex } from '../text/code-points'

/**
 * A passage longer than this (in words) is cut at the next line break, so one candidate stays
 * small; a text without line breaks is cut anywhere after four times as many. A phrase across a cut
 * is not found: cuts are rare (no paragraph of Gibbon vols. 2 and 6 is cut; the longest has 1,523 words).
 */
export const MAX_PASSAGE_WORDS = 3000

export interface WordTable {
  /** Code point offset of each word's first character in the normalised text. */
  starts: Int32Array
  /** Code point offset after each word's last character (exclusive). */
  ends: Int32Array
  /** Each word's folded form, as an index into `vocab`. */
  terms: Int32Array
  /** Folded forms, each once. */
  vocab: string[]
  /** Index of the first word of each passage, plus a final `words` sentinel: passage p is words [passages[p], passages[p+1]). */
  passages: Int32Array
  /** Number of words. */
  words: number
}

/** Folds one word as search does (the query and the text go through this same function). */
export function foldTerm(word: string): string {
  return normOf(word)
}

const BLANK_LINE = /\n[^\S\n]*\n/

/** Grows a typed array to at least `n` elements, keeping its contents. */
function grow(a: Int32Array<ArrayBuffer>, n: number): Int32Array<ArrayBuffer> {
  if (n <= a.length) return a
  const b = new Int32Array(Math.max(n, a.length * 2))
  b.set(a)
  return b
}

/**
 * Builds the word table of `text` in steps of about `chunk` UTF-16 units; each step yields
 * `[done, total]` (UTF-16 units) so a caller can report progress, yield and cancel between steps.
 */
export function* buildWordTableSteps(text: string, chunk = 200_000): Generator<[number, number], WordTable> {
  const cp = new CodePointIndex(text)
  let starts: Int32Array<ArrayBuffer> = new Int32Array(1024)
  let ends: Int32Array<ArrayBuffer> = new Int32Array(1024)
  let terms: Int32Array<ArrayBuffer> = new Int32Array(1024)
  const passages: number[] = [0]
  const vocab: string[] = []
  const ids = new Map<string, number>()
  /** Raw spelling → term id, or -1 for a word that folds to nothing. */
  const seen = new Map<string, number>()
  let n = 0
  let prevEnd = 0
  let nextYield = chunk
  const re = new RegExp(WORD.source, 'gu')
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const word = m[0]
    let id = seen.get(word)
    if (id === undefined) {
      const folded = foldTerm(word)
      id = folded ? ids.get(folded) ?? -1 : -1
      if (folded && id < 0) {
        id = vocab.length
        vocab.push(folded)
        ids.set(folded, id)
      }
      seen.set(word, id)
    }
    if (id < 0) continue
    if (n > 0) {
      const gap = text.slice(prevEnd, m.index)
      const sinceStart = n - passages[passages.length - 1]
      if (BLANK_LINE.test(gap) || (sinceStart >= MAX_PASSAGE_WORDS && gap.includes('\n')) || sinceStart >= 4 * MAX_PASSAGE_WORDS) passages.push(n)
    }
    starts = grow(starts, n + 1)
    ends = grow(ends, n + 1)
    terms = grow(terms, n + 1)
    starts[n] = cp.toCodePoint(m.index)
    ends[n] = cp.toCodePoint(m.index + word.length)
    terms[n] = id
    n++
    prevEnd = m.index + word.length
    if (m.index >= nextYield) {
      yield [m.index, text.length]
      nextYield = m.index + chunk
    }
  }
  if (n === 0) passages.length = 0
  passages.push(n)
  return { starts: starts.slice(0, n), ends: ends.slice(0, n), terms: terms.slice(0, n), vocab, passages: Int32Array.from(passages), words: n }
}

/** The folded words of a short text (a query word, an entity's name), in order. */
export function foldedWords(text: string): string[] {
  const out: string[] = []
  for (const m of text.matchAll(new RegExp(WORD.source, 'gu'))) {
    const f = foldTerm(m[0])
    if (f) out.push(f)
  }
  return out
}
