/**
 * Author–year references in running text that are not glued to a sentence end:
 *   as Necipoglu (2009), p. 39 shows …        … (Necipoglu 2009, p. 39).
 * The narrative form needs a locator (`Karaman (1391)` is a place and a date, not a reference);
 * the parenthetical form needs `Name Year`.
 */
import { pageLocator } from './locator'
import type { RawFind } from './raw-find'
import { sentenceAround } from './sentences'

const NAME = String.raw`\p{Lu}[\p{L}'’-]+(?:\s(?:and|&)\s\p{Lu}[\p{L}'’-]+)?(?:\set\sal\.)?`
const LOC = String.raw`(?:pp?|ch|fol|vol)\.\s?[\dIVXLCivxlc]+[rv]?(?:\s?[-–]\s?\d+)?f{0,2}`
const NARRATIVE = new RegExp(String.raw`(?<![\p{L}.])(${NAME})\s\((\d{4})[a-z]?\),?\s(${LOC})`, 'gu')
const PARENTHETICAL = new RegExp(String.raw`\((${NAME})\s(\d{4})[a-z]?(?:,\s?(${LOC}|\d+(?:[-–]\d+)?))?\)`, 'gu')

const NOT_A_NAME = /^(January|February|March|April|May|June|July|August|September|October|November|December|Spring|Summer|Autumn|Fall|Winter|Easter|Christmas)$/

/** Finds author–year references (UTF-16 indices); `taken` spans (glued references) are skipped. */
export function findAuthorYearReferences(text: string, taken: { start: number; end: number }[]): RawFind[] {
  const out: RawFind[] = []
  const overlaps = (s: number, e: number): boolean => taken.some((t) => s < t.end && t.start < e)
  for (const re of [NARRATIVE, PARENTHETICAL]) {
    for (const m of text.matchAll(re)) {
      const start = m.index
      const end = start + m[0].length
      if (overlaps(start, end)) continue
      const [, name, year, loc] = m
      // `(May 2018)`, `(Spring 1990)`: a date, not a reference.
      if (NOT_A_NAME.test(name)) continue
      const locator = loc ? (/^\d/.test(loc) ? pageLocator(loc) : loc) : undefined
      const family = name.replace(/\set\sal\.$/, '').split(/\s(?:and|&)\s/).map((f) => ({ family: f }))
      out.push({
        kind: 'author-year',
        start,
        end,
        claim: sentenceAround(text, start),
        parsed: { item: { id: '', type: 'book', author: family, issued: { 'date-parts': [[parseInt(year, 10)]] } }, locator, short: true }
      })
    }
  }
  return out
}
