/**
 * References glued straight after a sentence, as in the plain-text wiki dump layout:
 *   …in his birth name.Elizabeth A. Zachariadou, "John VII …", Dumbarton Oaks Papers, 31 (1977), pp. 339-342
 *   …"Emperor of All Thessaly".Necipoglu (2009), p. 39 John VII was allowed…
 * A candidate starts where a sentence end is followed by a capital with no space between; it is a
 * reference only if it reads like one (a year plus a quoted/italic title or a page, or `Name (Year)`).
 */
import type { RawFind } from './raw-find'
import { parseReference } from './reference-parser'
import { isSentenceFullStop, sentenceEndingAt } from './sentences'

/** Sentence end (`.`, `!`, `?`, then closing quotes) immediately followed by a capital letter. */
const GLUE = /[.!?]["”’)]?(?=\p{Lu})/gu

/** `Name (2009)` or `Name and Other (2009a)`, then an optional locator. */
export const SHORT_REF = /^(\p{Lu}[\p{L}'’-]+(?:\s(?:and|&)\s\p{Lu}[\p{L}'’-]+)?(?:\set\sal\.)?)\s?\((\d{4}[a-z]?)\)(?:,?\s*((?:pp?|ch|fol|vol)\.\s?[\dIVXLCivxlc]+[rv]?(?:\s?[-–]\s?\d+)?f{0,2}))?/u

/** A page token that ends a full glued reference (`pp. 339-342`, `p. 39`). */
const PAGE_END = /\bpp?\.\s?\d+[a-z]?(?:\s?[-–]\s?\d+)?f{0,2}/

/** Finds glued references in `text` (UTF-16 indices). */
export function findGluedReferences(text: string): RawFind[] {
  const out: RawFind[] = []
  for (const m of text.matchAll(GLUE)) {
    const refStart = m.index + m[0].length
    // `John V.A. Fine`: a full stop after an initial or abbreviation ends no sentence.
    if (!isSentenceFullStop(text, m.index)) continue
    // `MUL.APIN`, `U.S.A`: an all-capitals word right after the dot is a name with dots, not a reference.
    if (/^\p{Lu}{2,}(?!\p{Ll})/u.test(text.slice(refStart, refStart + 20))) continue
    const lineEnd = text.indexOf('\n', refStart) < 0 ? text.length : text.indexOf('\n', refStart)
    const rest = text.slice(refStart, lineEnd)
    const short = SHORT_REF.exec(rest)
    let refEnd: number
    if (short) {
      refEnd = refStart + short[0].length
    } else {
      if (!looksLikeFullReference(rest)) continue
      // Cut after the first page token when a new sentence follows it on the same line.
      const p = PAGE_END.exec(rest)
      refEnd = p && /^\s+\p{Lu}/u.test(rest.slice(p.index + p[0].length)) ? refStart + p.index + p[0].length : lineEnd
    }
    while (refEnd > refStart && /[\s.,;]/.test(text[refEnd - 1])) refEnd--
    const claim = sentenceEndingAt(text, refStart)
    if (claim.end <= claim.start) continue
    out.push({ kind: 'glued', start: refStart, end: refEnd, claim, parsed: parseReference(text.slice(refStart, refEnd)) })
  }
  return out
}

/**
 * A year, at least one comma, a quoted or italic title or a page token, and a start that is a
 * name (capitalised words and initials up to the first comma) or a quoted title. The last test
 * keeps out wp2txt leftovers such as `…below.January 2022 If Hecate is the "gate-keeper", …`.
 */
function looksLikeFullReference(s: string): boolean {
  if (!/\b(1[0-9]{3}|20[0-9]{2})\b/.test(s) || !s.includes(',')) return false
  if (!(/["“][^"”]{2,}["”]/.test(s) || /_[^_]{2,}_/.test(s) || PAGE_END.test(s))) return false
  if (/^["“]/.test(s)) return true
  const head = s.slice(0, s.indexOf(','))
  return NAME_HEAD.test(head) && !MONTH.test(head)
}

/** One to six capitalised words or initials (`Elizabeth A. Zachariadou`, `Mango`, `J.-C. Cheynet`), optional `and`. */
const NAME_HEAD = /^(?:(?:\p{Lu}[\p{L}'’.-]*|and|&|de|von|van|der|la|le|di|du)\s?){1,6}$/u
const MONTH = /^(January|February|March|April|May|June|July|August|September|October|November|December)\b/
