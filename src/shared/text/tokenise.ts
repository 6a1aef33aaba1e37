/**
 * The one word tokeniser of Marginalia: words of a text with code point offsets, their folded form
 * (text/fold.ts) and their stem (text/stem.ts). Compare, search and the suggestion finders use it.
 */
import { CodePointIndex } from './code-points'
import { MOJIBAKE_SYMBOLS, foldWord } from './fold'
import { stemOf } from './stem'

/** One word of a text. `start`/`end` are code points of the text, end exclusive. */
export interface Token {
  start: number
  end: number
  /** The word as written. */
  text: string
  /** Folded form (see foldWord), possessive `'s` removed. */
  norm: string
  /** Porter stem of `norm` (numbers and single letters are kept as they are). */
  stem: string
  /** True when the word as written starts with a capital letter. */
  cap: boolean
  /** Up to 8 characters of the text between the previous token and this one ('' at the start). */
  gap: string
}

// A word: letters/digits, with inner apostrophes ("Manuel's"), and digit groups ("30,000", "1.5").
// The mojibake symbols (e.g. "˚" for "û") are accepted between letters so damaged words stay whole.
export const WORD = new RegExp(
  `(?:[\\p{L}\\p{N}]|∆(?=\\p{Ll}))(?:[\\p{L}\\p{N}\\p{M}]|(?<=\\p{L})[${MOJIBAKE_SYMBOLS}]|['’](?=\\p{L})|(?<=\\p{N})[,.](?=\\p{N}{3}(?!\\p{N})))*`,
  'gu'
)

/**
 * Folded form of a word without a trailing possessive; an 18th-century elided past ("receiv'd",
 * "deliver’d") is written out ("received", "delivered").
 */
export function normOf(word: string): string {
  const bare = /['’]s$/i.test(word) ? word.slice(0, -2) : /\p{L}{2}['’]d$/iu.test(word) ? `${word.slice(0, -2)}${/e$/i.test(word.slice(0, -2)) ? 'd' : 'ed'}` : word
  return foldWord(bare)
}

/**
 * Tokens of `text`. `base` (code points) is added to every offset, for tokenizing a slice of a
 * larger document; `index` converts UTF-16 positions of `text` (pass one for repeated use).
 */
export function tokenise(text: string, base = 0, index?: CodePointIndex): Token[] {
  const cp = index ?? new CodePointIndex(text)
  const tokens: Token[] = []
  WORD.lastIndex = 0
  let prevEnd = 0
  for (let m = WORD.exec(text); m; m = WORD.exec(text)) {
    const word = m[0]
    const norm = normOf(word)
    if (!norm) continue
    const start = cp.toCodePoint(m.index) + base
    const end = cp.toCodePoint(m.index + word.length) + base
    const first = word[0]
    const cap = first === '∆' || first !== first.toLowerCase()
    const gap = text.slice(Math.max(prevEnd, m.index - 8), m.index)
    prevEnd = m.index + word.length
    tokens.push({ start, end, text: word, norm, stem: stemOf(norm), cap, gap })
  }
  return tokens
}
