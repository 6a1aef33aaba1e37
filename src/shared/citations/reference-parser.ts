/**
 * Parses one reference as written in running text or a notes list into a CSL-JSON item and a
 * locator. Best effort over the layouts found in Wikipedia-derived texts:
 *   Elizabeth A. Zachariadou, "Title", Dumbarton Oaks Papers, 31 (1977), pp. 339-342
 *   Lowry, Heath W. (2003) _Title_. Albany, NY: State University of New York Press, p. 153
 *   Stanford Shaw, _Title_ (Cambridge: University Press, 1976), vol. 1 p. 30
 *   Necipoglu (2009), p. 39          Shaw, _Short title_, vol. 1 pp. 30f        Kastritsis,1-3.
 * What it cannot tell is left out rather than guessed; the historian edits the proposal.
 */
import type { CslItem, CslName } from '../model'
import { itemYear } from './csl-item'
import { pageLocator } from './locator'

export interface ParsedReference {
  item: CslItem
  locator?: string
  /** True when only an author (and maybe a year or short title) was found: a short form to match. */
  short: boolean
}

const YEAR = /\b(1[0-9]{3}|20[0-9]{2})\b/
const QUOTED = /["“]([^"”]{2,})["”]/
/** An italic (Markdown `_…_`) title; `_passim_`, `_et seqq._` (lower case) are not titles. */
const ITALIC = /(?:^|[\s(,.])_([\p{Lu}\d"“'‘][^_]+)_/u
/** `p. 39`, `pp. 339-342`, `pp. 30f`, `pp. 303–304, 307` (a list of pages or ranges). */
const PAGES = /\b(pp?|p\.p)\.\s?(\d+[a-z]?(?:\s?[-–]\s?\d+)?f{0,2}(?:,\s?\d+(?:\s?[-–]\s?\d+)?(?![\d.]*\s?\d{4}))*)/
const VOLUME = /\b[Vv]ol(?:ume)?\.?\s?([IVXLC]+|\d+)\b/

/** Splits `Last, First` / `First Last` / `A and B` into CSL names. */
export function parseNames(raw: string): CslName[] {
  const s = raw.replace(/\s+/g, ' ').replace(/^[\s,.;:]+|[\s,;:]+$/g, '').replace(/(\p{Ll}{2,})\.$/u, '$1')
  if (!s) return []
  const parts = s.split(/\s+(?:and|&)\s+|;\s*/).filter(Boolean)
  return parts.map((p) => {
    const comma = p.split(/\s*,\s*/)
    if (comma.length === 2 && comma[1]) return { family: comma[0], given: comma[1] }
    const words = p.split(' ')
    // `Speros Vryonis Jr.`: a generational suffix is not the family name.
    const last = words[words.length - 1]
    const suffix = words.length > 2 && /^(Jr|Sr)\.?$|^(II|III|IV)$/.test(last) ? (words.pop(), /^[JS]r/.test(last) ? `${last.slice(0, 2)}.` : last) : undefined
    if (words.length === 1) return suffix ? { family: words[0], suffix } : { family: words[0] }
    const name: CslName = { family: words[words.length - 1], given: words.slice(0, -1).join(' ') }
    if (suffix) name.suffix = suffix
    return name
  })
}

function clean(s: string): string {
  return s.replace(/\s+/g, ' ').replace(/^[\s,.;:]+|[\s,.;:]+$/g, '').trim()
}

/** Parses a reference; never throws. */
export function parseReference(raw: string): ParsedReference {
  const s = raw.replace(/\s+/g, ' ').trim().replace(/\.$/, '')
  const item: CslItem = { id: '', type: 'book' }
  let locator: string | undefined

  // The title: a quoted title is an article or chapter (its container follows in italics or
  // as the next comma-separated part); an italic title alone is a book.
  const q = QUOTED.exec(s)
  const it = ITALIC.exec(s)
  let before = s
  let after = ''
  if (q) {
    item.title = clean(q[1])
    before = s.slice(0, q.index)
    after = s.slice(q.index + q[0].length)
    const cont = ITALIC.exec(after)
    const container = cont ? cont[1] : /^\s*,?\s*([^,(]+)/.exec(after)?.[1]
    if (container && !/^\s*(\d|pp?\.|vol)/i.test(container)) item['container-title'] = clean(container)
    const c = item['container-title'] ?? ''
    item.type = /encyclop|dictionar|lexikon/i.test(c) ? 'entry-encyclopedia' : /\bed\.|\bin\b/i.test(after.slice(0, 8)) ? 'chapter' : 'article-journal'
  } else if (it) {
    item.title = clean(it[1])
    const start = it.index + it[0].indexOf('_')
    before = s.slice(0, start)
    after = s.slice(start + it[1].length + 2)
  } else {
    // No marked title: `Author (Year) Title. Place: Publisher` or `Author, Title, (Publisher, Year)`.
    const m = /^(.+?)\s?\((\d{4})\)[,.]?\s*(.*)$/.exec(s)
    if (m) {
      before = `${m[1]} (${m[2]})`
      const rest = m[3]
      const t = /^([^.]{3,}?)\.\s(.*)$/.exec(rest)
      if (t && !/^pp?\.|^\d/.test(rest)) {
        item.title = clean(t[1])
        after = t[2]
      } else after = rest
    } else {
      // `Kazhdan 1991, p. 63`, `Harris, 2007, p. 5`: author and year, then the locator.
      const h = /^([^,\d]+?),?\s(\d{4})[a-z]?(?=,|\.|$)(.*)$/.exec(s)
      const comma = s.indexOf(',')
      if (h) {
        before = `${h[1]} (${h[2]})`
        after = h[3]
      } else {
        before = comma < 0 ? s : s.slice(0, comma)
        after = comma < 0 ? '' : s.slice(comma + 1)
        // `George Finlay, History of the Byzantine Empire, Dent, London, 1906, pp. 156–161`: an
        // unmarked title is the next part when it reads like one (capitalised, several words); it
        // ends at a comma or at the parenthesis of Chicago's `(Place: Publisher, Year)`.
        const next = /^\s*([^,(]+)/.exec(after)?.[1]?.trim() ?? ''
        if (/^\p{Lu}/u.test(next) && next.split(' ').length >= 3 && !/\d{4}|^(pp?|vol|ch)\./i.test(next)) {
          item.title = next
          after = after.slice(after.indexOf(next) + next.length)
        }
      }
    }
  }

  // A year in parentheses after the author (`Lowry, Heath W. (2003)`) belongs to the author part.
  before = before.trim().replace(/[.,:;]+$/, '')
  const byear = /\((\d{4})[a-z]?(?:\/\d+[a-z]?)?\)$/.exec(before)
  if (byear) {
    item.issued = { 'date-parts': [[parseInt(byear[1], 10)]] }
    before = before.slice(0, -byear[0].length)
  }
  const authors = parseNames(before)
  // Only plausible names: capitalised, no digits or colons (`London: Printed & sold by …` is not one).
  const plausible = (n: CslName): boolean => /^\p{Lu}/u.test(String(n.family ?? '')) && !/[\d:]/.test(`${n.family} ${n.given ?? ''}`)
  if (authors.length && authors.length <= 10 && authors.every(plausible)) item.author = authors

  // Journal style `, 31 (1977)`: volume then year.
  const vy = /,\s*(\d+)\s*\((\d{4})\)/.exec(after)
  if (vy) {
    item.volume = vy[1]
    item.issued = { 'date-parts': [[parseInt(vy[2], 10)]] }
  }
  const vol = VOLUME.exec(after)
  if (vol && item.volume === undefined) item.volume = vol[1]
  if (!item.issued) {
    const y = YEAR.exec(after.replace(PAGES, ''))
    if (y) item.issued = { 'date-parts': [[parseInt(y[1], 10)]] }
  }

  // `Place: Publisher` (inside parentheses or not).
  const pub = /(?:^|[(.,]\s*)((?:\p{Lu}[\p{L}.]*[\s,]*)+?(?:,\s*\p{Lu}{2})?):\s*([^.;,()]+?)(?=\s*[,.;)]|$)/u.exec(after)
  if (pub) {
    item['publisher-place'] = clean(pub[1])
    item.publisher = clean(pub[2])
  } else {
    const p2 = /\(([^():]+?),\s*\d{4}\)/.exec(after)
    if (p2) item.publisher = clean(p2[1])
  }

  // Pages: an article's page range is its extent (and the locator of the reference as written);
  // a page of a book is a locator only. A bare trailing number (`, 98.` / `,1-3.`) is a page locator.
  const pages = PAGES.exec(after)
  if (pages) {
    const p = pages[2].replace(/\s?[-–]\s?/g, '-')
    if (item.type !== 'book' && pages[1] !== 'p') item.page = p
    locator = pageLocator(p)
  } else {
    const bare = /[,)]\s*(\d+(?:[-–]\d+)?f{0,2})\s*$/.exec(after) ?? /^,?\s*(\d+(?:[-–]\d+)?)$/.exec(after.trim())
    if (bare && !(item.issued && bare[1] === String(itemYear(item)))) locator = pageLocator(bare[1])
  }

  const short = !item.title
  if (short) item.type = 'book'
  return { item, locator, short }
}

