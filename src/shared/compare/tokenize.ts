/**
 * Word tokens of a text with code point offsets, their folded form and stem.
 */
import { stemmer } from 'stemmer'
import { CodePointIndex } from '../text/code-points'
import { MOJIBAKE_SYMBOLS, foldWord } from './fold'

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
 * Irregular past forms → present, so "left"/"leave", "fled"/"flee", "sought"/"seek" share a stem
 * (the Porter stemmer only strips regular suffixes). Ambiguous forms ("found", "saw") are left out.
 */
const IRREGULAR: Record<string, string> = Object.fromEntries(
  `left:leave fled:flee sought:seek took:take taken:take gave:give given:give went:go gone:go came:come
  fought:fight won:win lost:lose held:hold kept:keep led:lead made:make slew:slay slain:slay began:begin begun:begin
  brought:bring built:build caught:catch chose:choose chosen:choose drove:drive driven:drive fell:fall fallen:fall
  knew:know known:know laid:lay met:meet paid:pay ran:run rode:ride ridden:ride rose:rise risen:rise said:say sent:send
  sold:sell spent:spend stood:stand struck:strike swore:swear sworn:swear taught:teach thought:think threw:throw
  thrown:throw told:tell wrote:write written:write overthrew:overthrow overthrown:overthrow overcame:overcome
  undertook:undertake undertaken:undertake withdrew:withdraw withdrawn:withdraw besought:beseech forsook:forsake
  forsaken:forsake bore:bear borne:bear born:birth sprang:spring sprung:spring fled:flee hid:hide hidden:hide
  shook:shake shaken:shake sank:sink sunk:sink strove:strive striven:strive wrought:work dealt:deal felt:feel
  fought:fight heard:hear meant:mean sat:sit slept:sleep spoke:speak spoken:speak stole:steal stolen:steal
  swept:sweep wept:weep froze:freeze frozen:freeze rebuilt:rebuild beheld:behold upheld:uphold`
    .split(/\s+/)
    .map((pair) => pair.split(':'))
)

/** Stem of a folded word, cached: the same few thousand words recur across a large source. */
const stemCache = new Map<string, string>()
export function stemOf(norm: string): string {
  let s = stemCache.get(norm)
  if (s === undefined) {
    const lemma = Object.hasOwn(IRREGULAR, norm) ? IRREGULAR[norm] : norm
    s = lemma.length <= 2 || /\d/.test(lemma) ? lemma : stemmer(lemma)
    if (stemCache.size > 200_000) stemCache.clear()
    stemCache.set(norm, s)
  }
  return s
}

/** Folded form of a word without a trailing possessive. */
export function normOf(word: string): string {
  const bare = /['’]s$/i.test(word) ? word.slice(0, -2) : word
  return foldWord(bare)
}

/**
 * Tokens of `text`. `base` (code points) is added to every offset, for tokenizing a slice of a
 * larger document; `index` converts UTF-16 positions of `text` (pass one for repeated use).
 */
export function tokenize(text: string, base = 0, index?: CodePointIndex): Token[] {
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
