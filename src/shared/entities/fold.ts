/**
 * Accent- and case-insensitive comparison keys. `Palaiologos`, `PALAIOLOGOS` and `Palaiológos`
 * fold to the same key; Greek `Παλαιολόγος` and `ΠΑΛΑΙΟΛΟΓΟΣ` fold alike (tonos dropped, final
 * sigma made medial). Letters that Unicode does not decompose (ø, ł, đ, æ, œ, ß, ı, þ) get their
 * usual Latin spellings. Different scripts are NOT transliterated into each other: a Greek
 * spelling is matched because it is stored as an alias, not by guessing.
 */

const SPECIAL: Record<string, string> = {
  ø: 'o', ł: 'l', đ: 'd', ð: 'd', þ: 'th', æ: 'ae', œ: 'oe', ß: 'ss', ı: 'i', ς: 'σ',
  // Typographic apostrophes fold to ASCII so `Manuel II's` and `Manuel II’s` compare equal.
  '\u2019': "'", '\u02bc': "'", '\u2018': "'"
}

const MARKS = /\p{M}/gu

/** The folded form of one code point (may be empty for a combining mark, or longer: `æ` → `ae`). */
export function foldCodePoint(ch: string): string {
  const lower = ch.toLowerCase()
  const special = SPECIAL[lower]
  if (special !== undefined) return special
  // NFD splits a precomposed letter into base + marks; the marks are then dropped.
  return lower.normalize('NFD').replace(MARKS, '')
}

/** Folded key of a whole string, with runs of white space collapsed to one space and trimmed. */
export function foldKey(text: string): string {
  let out = ''
  for (const ch of text) out += foldCodePoint(ch)
  return out.replace(/\s+/g, ' ').trim()
}

/**
 * A folded copy of a text that remembers where each folded UTF-16 unit came from, so a match in
 * the folded text maps back to code point offsets of the original.
 */
export interface FoldedText {
  /** The folded text (white space kept one-for-one, not collapsed). */
  folded: string
  /** For each UTF-16 index of `folded`, the code point offset in the original text it came from. */
  origin: Int32Array
  /** Code point length of the original text. */
  length: number
}

/** Folds a text keeping an offset map (code points of the original, see FoldedText). */
export function foldText(text: string): FoldedText {
  const parts: string[] = []
  const origins: number[] = []
  let cp = 0
  for (const ch of text) {
    const f = foldCodePoint(ch)
    parts.push(f)
    for (let i = 0; i < f.length; i++) origins.push(cp)
    cp++
  }
  return { folded: parts.join(''), origin: Int32Array.from(origins), length: cp }
}

/**
 * Maps a half-open range [from, to) of UTF-16 indices of `f.folded` back to code point offsets
 * [start, end) of the original text. The end is extended over code points that folded to nothing
 * (combining marks following the last letter), so a match never cuts a letter from its accents.
 */
export function originalRange(f: FoldedText, from: number, to: number): { start: number; end: number } {
  const start = f.origin[from]
  const end = to < f.folded.length ? f.origin[to] : f.length
  return { start, end: Math.max(end, f.origin[to - 1] + 1) }
}
