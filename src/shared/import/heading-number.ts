/**
 * The division number a heading prints, as printed: `Chapter LXIV: Moguls` → `LXIV`, `Book 3` →
 * `3`, `IV. The Siege` → `IV`, `12` → `12`. It becomes the heading block's `label`, which locators
 * (`ch. LXIV`, `ch. 64`) resolve against, as a TEI division's `@n` does.
 *
 * Trade-off: a Roman numeral without a division word is taken only when punctuation or the end
 * of the heading follows it (`IV.`, `XII —`, `VI`): `I Served the Emperor` starts with the word
 * "I", not chapter one, and a lone `C.` or `D.` is a lettered section. Bare Arabic numbers of four digits (`1453: The Fall`) are years, not
 * division numbers. Number words (`Chapter One`) are not read.
 */

/** Words that name a division before its number, in the languages of the OCR data and Latin. */
const DIVISION_WORD = String.raw`(?:chapter|chap\.?|ch\.|book|bk\.?|part|pt\.?|section|sect\.?|sec\.?|§|canto|letter|lecture|volume|vol\.?|act|scene|chapitre|livre|partie|kapitel|buch|teil|abschnitt|liber|lib\.|caput|cap\.?|capitulum|κεφάλαιο|κεφ\.?|βιβλίο)`
const NUMBER = String.raw`([0-9]{1,4}|[IVXLCDM]+|[ivxlcdm]+)`
const WITH_WORD = new RegExp(String.raw`^${DIVISION_WORD}\s*${NUMBER}(?![\p{L}\p{N}])`, 'iu')
const BARE = new RegExp(String.raw`^${NUMBER}\s*(?:[.:)\]—–-]|$)`, 'u')
const ROMAN = /^M{0,4}(CM|CD|D?C{0,3})(XC|XL|L?X{0,3})(IX|IV|V?I{0,3})$/i

function valid(n: string, bare: boolean): boolean {
  if (/^\d+$/.test(n)) return !bare || n.length < 4
  // A lone `C.`, `D.`, `L.`, `M.` heading is a lettered section far more often than chapter 100.
  if (bare && n.length === 1 && !/^[ivx]$/i.test(n)) return false
  return ROMAN.test(n) && (n === n.toUpperCase() || n === n.toLowerCase())
}

/** The number printed at the start of a heading (`text`, its words), or undefined when it prints none. */
export function headingNumber(text: string): string | undefined {
  const t = text.trim()
  const m = WITH_WORD.exec(t)
  if (m && valid(m[1], false)) return m[1]
  const b = BARE.exec(t)
  return b && valid(b[1], true) ? b[1] : undefined
}
