/**
 * The one accent-folding table of Marginalia: case, diacritics, ligatures and letters Unicode does
 * not decompose (ø, ł, đ, æ, œ, ß, ı, þ, ſ), typographic apostrophes, and the encoding damage of
 * old e-texts (Latin-1 read as Mac Roman: "PalÊologus" for "Palæologus"). `Palaiologos`,
 * `PALAIOLOGOS`, `Palaiológos` fold alike; Greek `Παλαιολόγος` and `ΠΑΛΑΙΟΛΟΓΟΣ` fold alike (tonos
 * dropped, final sigma made medial). Scripts are NOT transliterated into each other.
 * Used by entity type-ahead and merging, name suggestions, citation keys, compare and search.
 */

/** Letters that Unicode compatibility decomposition leaves alone, with their usual Latin spelling. */
const SPECIAL: Record<string, string> = {
  ø: 'o', ł: 'l', đ: 'd', ð: 'd', þ: 'th', æ: 'ae', œ: 'oe', ß: 'ss', ı: 'i', ĸ: 'k', ŋ: 'n', ſ: 's', ς: 'σ',
  // Typographic apostrophes fold to ASCII so `Manuel II's` and `Manuel II’s` compare equal.
  '\u2019': "'", '\u02bc': "'", '\u2018': "'"
}

/**
 * Latin-1 text that was decoded as Mac Roman (the damage in the Project Gutenberg Gibbon:
 * "PalÊologus" for "Palæologus", "MÈmoires" for "Mémoires", "∆thiopian" for "Æthiopian").
 * Keys are the Mac Roman characters that stand for a lower-case Latin-1 letter.
 */
const MAC_ROMAN_LOWER: Record<string, string> = {
  'Â': 'å', 'Ê': 'æ', 'Á': 'ç', 'Ë': 'è', 'È': 'é', 'Í': 'ê', 'Î': 'ë', 'Ï': 'ì', 'Ì': 'í', 'Ó': 'î',
  'Ô': 'ï', 'Ò': 'ñ', 'Ú': 'ò', 'Û': 'ó', 'Ù': 'ô', 'ı': 'õ', 'ˆ': 'ö', '¯': 'ø', '˘': 'ù', '˙': 'ú',
  '˚': 'û', '¸': 'ü', '˝': 'ý', '˛': 'þ', 'ˇ': 'ÿ', '‡': 'à', '·': 'á', '‚': 'â', '„': 'ã', '‰': 'ä'
}
/** Mac Roman characters that stand for an upper-case Latin-1 letter, repaired only before a lower-case letter. */
const MAC_ROMAN_UPPER: Record<string, string> = { '∆': 'Æ', '«': 'Ç', '»': 'È', '…': 'É', 'ƒ': 'Ä', '≈': 'Å' }

/** Symbols of the Mac Roman damage that are not letters; the word tokeniser accepts them between letters. */
export const MOJIBAKE_SYMBOLS = '‡·‚„‰ˆ¯˘˙˚¸˝˛ˇ'

const MARKS = /\p{M}/gu
const isLowerAscii = (c: string | undefined): boolean => c !== undefined && c >= 'a' && c <= 'z'
const isLetter = (c: string | undefined): boolean => c !== undefined && /\p{L}/u.test(c)

/** The folded form of one code point (empty for a combining mark, or longer: `æ` → `ae`). */
export function foldCodePoint(ch: string): string {
  const lower = ch.toLowerCase()
  const special = SPECIAL[lower]
  if (special !== undefined) return special
  // NFKD splits a precomposed letter into base + marks (and ﬁ into f i); the marks are dropped.
  return lower.normalize('NFKD').replace(MARKS, '')
}

const ASCII = /^[\x00-\x7f]*$/

/** Folded key of a whole string, with runs of white space collapsed to one space and trimmed. */
export function foldKey(text: string): string {
  if (ASCII.test(text)) return text.toLowerCase().replace(/\s+/g, ' ').trim()
  let out = ''
  for (const ch of text) out += foldCodePoint(ch)
  return out.replace(/\s+/g, ' ').trim()
}

/**
 * Repairs mojibake inside one word. A Mac Roman look-alike is replaced only where it sits inside a
 * lower-case word (after a letter and with a lower-case letter in the word), so genuine capitals
 * such as the French "Être" or an all-capitals heading are left alone. Also repairs UTF-8 read as
 * Latin-1 ("Ã©" → "é"). Length may change only for the UTF-8 case.
 */
export function repairMojibake(word: string): string {
  let out = word
  if (out.includes('Ã') || out.includes('Å')) {
    out = out.replace(/[ÃÂÅ][\u0080-\u00bf]/g, (pair) => {
      const bytes = new Uint8Array([pair.charCodeAt(0), pair.charCodeAt(1)])
      try {
        return new TextDecoder('utf-8', { fatal: true }).decode(bytes)
      } catch {
        return pair
      }
    })
  }
  if (ASCII.test(out)) return out
  const hasLower = /[a-z]/.test(out)
  const chars = Array.from(out)
  for (let i = 0; i < chars.length; i++) {
    const c = chars[i]
    const lower = MAC_ROMAN_LOWER[c]
    if (lower && hasLower && (isLetter(chars[i - 1]) || MOJIBAKE_SYMBOLS.includes(c)) && (i + 1 >= chars.length || isLetter(chars[i + 1]))) {
      chars[i] = lower
      continue
    }
    const upper = MAC_ROMAN_UPPER[c]
    if (upper && isLowerAscii(chars[i + 1])) chars[i] = upper
  }
  return chars.join('')
}

/**
 * Matching form of one word: mojibake repaired, folded, apostrophes dropped.
 * "PalÊologus" → "palaeologus", "Ankára" → "ankara", "Manuel’s" → "manuels".
 */
export function foldWord(word: string): string {
  // Fast path: plain ASCII words (most of an English source) only need lower-casing.
  if (/^[A-Za-z0-9'’]*$/.test(word)) return word.toLowerCase().replace(/['’]/g, '')
  return foldKey(repairMojibake(word)).replace(/['’]/g, '')
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
