/**
 * Folding of words for matching: repairs common encoding damage, strips diacritics, expands
 * ligatures and lower-cases. Folding is applied to one token at a time, so the token keeps the
 * code point offsets of its original spelling in the text (the folded form may be longer).
 */

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

/** Symbols of MAC_ROMAN_LOWER that are not letters; the tokenizer accepts them between letters. */
export const MOJIBAKE_SYMBOLS = '‡·‚„‰ˆ¯˘˙˚¸˝˛ˇ'

const LIGATURES: Record<string, string> = {
  'æ': 'ae', 'Æ': 'ae', 'œ': 'oe', 'Œ': 'oe', 'ß': 'ss', 'ø': 'o', 'Ø': 'o', 'đ': 'd', 'Đ': 'd',
  'ł': 'l', 'Ł': 'l', 'þ': 'th', 'Þ': 'th', 'ð': 'd', 'Ð': 'd', 'ı': 'i', 'ĸ': 'k', 'ŋ': 'n', 'ſ': 's'
}

const isLowerAscii = (c: string | undefined): boolean => c !== undefined && c >= 'a' && c <= 'z'
const isLetter = (c: string | undefined): boolean => c !== undefined && /\p{L}/u.test(c)

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
  if (!/[^\x00-\x7f]/.test(out)) return out
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

/** Case-, diacritic- and ligature-insensitive form of a word: "PalÊologus" → "palaeologus", "Ankára" → "ankara". */
export function foldWord(word: string): string {
  // Fast path: plain ASCII words (most of an English source) only need lower-casing.
  if (/^[A-Za-z0-9'’]*$/.test(word)) return word.toLowerCase().replace(/['’]/g, '')
  const repaired = repairMojibake(word)
  let out = ''
  for (const c of repaired.normalize('NFKD')) {
    if (/\p{M}/u.test(c)) continue
    out += LIGATURES[c] ?? c
  }
  return out.toLowerCase().replace(/['’]/g, '')
}
