/**
 * Finds years, full dates and date ranges in English prose and normalises them to EDTF:
 * `1390` → `1390`, `April 14, 1390` → `1390-04-14`, `22 September 1408` → `1408-09-22`,
 * `1403–1408` → `1403/1408`, `about 1400` → `1400~`, `the 1390s` → `139X`,
 * `14th century` → `13XX`, `330 BC` → `-0329` (EDTF years are astronomical), `May 9–10, 1860` →
 * `1860-05-09/1860-05-10`; and dates written without a year (`on 5 February`, `the following
 * March`), resolved from the year in force and marked `inferred` (yearless-dates.ts).
 * Offsets are code points of the text.
 */
import { isEdtf } from '../entities/edtf'
import { CodePointIndex } from '../text/code-points'
import { longestNonOverlapping, type Suggestion } from './types'
import { findYearlessDates } from './yearless-dates'

const MONTH_NAMES: Array<[RegExp, number]> = [
  [/^jan/, 1], [/^feb/, 2], [/^mar/, 3], [/^apr/, 4], [/^may/, 5], [/^jun/, 6],
  [/^jul/, 7], [/^aug/, 8], [/^sep/, 9], [/^oct/, 10], [/^nov/, 11], [/^dec/, 12]
]
const MONTH = '(January|February|March|April|May|June|July|August|September|October|November|December|Jan\\.|Feb\\.|Mar\\.|Apr\\.|Jun\\.|Jul\\.|Aug\\.|Sept?\\.|Oct\\.|Nov\\.|Dec\\.)'
/**
 * A year written without an era: 4 digits from 1000 to 2099. Three-digit numbers are far more
 * often pages, volumes and counts than years in our sources, so they count as years only with an
 * era (`AD 867`, `330 BC`) or right after a word that introduces a year (`in 867`).
 */
const YEAR = '(1\\d{3}|20\\d{2})'
const DAY = '(\\d{1,2})(?:st|nd|rd|th)?'
/** Range dashes, including the `--` of plain-text editions (Gibbon's `A.D. 1103--1152`). */
const DASH = '\\s*(?:--|–|—|-|‐|‑|−|to|until)\\s*'
/** Words after which a bare number is a page, volume or issue, never a year. */
const NOT_A_YEAR_BEFORE = /(?:(?:\bpp?\.|\bvols?\.|\bno\.|\bnos\.|\bnr\.|\bISBN(?:-1[03])?:?|\bch\.|§)\s*|\d[.,:/]|[-–])$/i
const NOT_A_YEAR_AFTER = /^(?:[.,:/]\d|\d|-\d{2}-\d{2}|\s*(?:pp?\.|pages|km|kilomet|miles|men|soldiers|troops|ships))/i

const pad = (n: number, width = 2): string => String(Math.abs(n)).padStart(width, '0')
const month = (name: string): number => MONTH_NAMES.find(([re]) => re.test(name.toLowerCase()))?.[1] ?? 0
const validDay = (y: number, m: number, d: number): boolean => m >= 1 && m <= 12 && d >= 1 && d <= new Date(Date.UTC(y, m, 0)).getUTCDate()

/** EDTF of day `d1` of month `m1` to day `d2` of month `m2` in year `y`, e.g. `1204-02-05/1204-04-12`. */
function daySpan(y: number, m1: number, d1: number, m2: number, d2: number): string | undefined {
  if (!validDay(y, m1, d1) || !validDay(y, m2, d2) || m1 * 100 + d1 >= m2 * 100 + d2) return undefined
  return `${y}-${pad(m1)}-${pad(d1)}/${y}-${pad(m2)}-${pad(d2)}`
}

/** EDTF of days `a` to `b` of one month, e.g. `1860-05-09/1860-05-10`. */
const dayRange = (y: number, m: number, a: number, b: number): string | undefined => daySpan(y, m, a, m, b)

/** EDTF of a year with an optional era: `330 BC` → `-0329` (year 0 is 1 BC). */
function eraYear(n: number, bc: boolean): string {
  return bc ? `-${pad(n - 1, 4)}` : pad(n, 4)
}

interface Rule {
  pattern: RegExp
  /** EDTF for a match, or undefined to skip it. */
  edtf(m: RegExpExecArray): string | undefined
  /** When set, the match is a bare year: only the year (group 1) is kept, and the context after it is checked. */
  bareYear?: boolean
}

const RULES: Rule[] = [
  { // 22 September 1408, 22nd of September, 1408
    pattern: new RegExp(`\\b${DAY}\\s+(?:of\\s+)?${MONTH},?\\s+(?:of\\s+)?${YEAR}\\b`, 'g'),
    edtf: (m) => (validDay(+m[3], month(m[2]), +m[1]) ? `${m[3]}-${pad(month(m[2]))}-${pad(+m[1])}` : undefined)
  },
  { // 5 February to 12 April 1204: a range of days within one year
    pattern: new RegExp(`\\b${DAY}\\s+${MONTH}\\s*(?:–|-|to|until)\\s*${DAY}\\s+${MONTH},?\\s+${YEAR}\\b`, 'g'),
    edtf: (m) => daySpan(+m[5], month(m[2]), +m[1], month(m[4]), +m[3])
  },
  { // February 5 to April 12, 1204
    pattern: new RegExp(`\\b${MONTH}\\s+${DAY}\\s*(?:–|-|to|until)\\s*${MONTH}\\s+${DAY},?\\s+${YEAR}\\b`, 'g'),
    edtf: (m) => daySpan(+m[5], month(m[1]), +m[2], month(m[3]), +m[4])
  },
  { // 9–10 May 1860: a range of days in one month
    pattern: new RegExp(`\\b${DAY}\\s*(?:–|-|to)\\s*${DAY}\\s+${MONTH},?\\s+${YEAR}\\b`, 'g'),
    edtf: (m) => dayRange(+m[4], month(m[3]), +m[1], +m[2])
  },
  { // May 9–10, 1860
    pattern: new RegExp(`\\b${MONTH}\\s+${DAY}\\s*(?:–|-)\\s*${DAY},?\\s+${YEAR}\\b`, 'g'),
    edtf: (m) => dayRange(+m[4], month(m[1]), +m[2], +m[3])
  },
  { // April 14, 1390
    pattern: new RegExp(`\\b${MONTH}\\s+${DAY},?\\s+${YEAR}\\b`, 'g'),
    edtf: (m) => (validDay(+m[3], month(m[1]), +m[2]) ? `${m[3]}-${pad(month(m[1]))}-${pad(+m[2])}` : undefined)
  },
  { // September 1390, May of 1453
    pattern: new RegExp(`\\b${MONTH},?\\s+(?:of\\s+)?${YEAR}\\b`, 'g'),
    edtf: (m) => `${m[2]}-${pad(month(m[1]))}`
  },
  { // 1408-09-22 (ISO)
    pattern: new RegExp(`\\b${YEAR}-(\\d{2})-(\\d{2})\\b`, 'g'),
    edtf: (m) => (validDay(+m[1], +m[2], +m[3]) ? m[0] : undefined)
  },
  { // 1403–1408, 1403-08, 1403 to 1408 (an abbreviated end takes the start's century)
    pattern: new RegExp(`\\b${YEAR}${DASH}(\\d{4}|\\d{2})\\b(?![\\s\\u00a0]*(?:${MONTH}|\\d)|-\\d)`, 'g'),
    edtf: (m) => {
      const end = m[2].length === 2 ? m[1].slice(0, 2) + m[2] : m[2]
      return +end > +m[1] ? `${m[1]}/${end}` : undefined
    }
  },
  { // between 1403 and 1408, from 1403 to 1408
    pattern: new RegExp(`\\b(?:between|from)\\s+${YEAR}\\s+(?:and|to|until)\\s+${YEAR}\\b`, 'gi'),
    edtf: (m) => (+m[2] > +m[1] ? `${m[1]}/${m[2]}` : undefined)
  },
  { // about 1400, c. 1400, ca. 1400, circa 1400
    pattern: new RegExp(`\\b(?:about|around|circa|approximately|c\\.|ca\\.)\\s*${YEAR}\\b`, 'gi'),
    edtf: (m) => `${m[1]}~`
  },
  { // the 1390s
    pattern: /\b(1\d{2}|20\d)0s\b/g,
    edtf: (m) => `${m[1]}X`
  },
  { // 14th century, 14th-century (EDTF: the years 1300–1399 = 13XX)
    pattern: /\b(\d{1,2})(?:st|nd|rd|th)[\s-]centur(?:y|ies)\b(?!\s*(?:BC|BCE|B\.C\.))/gi,
    edtf: (m) => (+m[1] >= 1 && +m[1] <= 21 ? `${pad(+m[1] - 1)}XX` : undefined)
  },
  { // 330 BC, 44 B.C.
    pattern: /\b(\d{1,4})\s*(BCE|BC|B\.C\.(?:E\.)?)(?![\p{L}])/gu,
    edtf: (m) => (+m[1] > 0 ? eraYear(+m[1], true) : undefined)
  },
  { // AD 867, A.D. 867, 867 AD, 867 CE
    pattern: /(?:\b(?:AD|A\.D\.)\s*(\d{1,4})\b|\b(\d{1,4})\s*(?:AD|CE|A\.D\.)(?![\p{L}]))/gu,
    edtf: (m) => (+(m[1] ?? m[2]) > 0 ? eraYear(+(m[1] ?? m[2]), false) : undefined)
  },
  { // in 867: a three-digit year after a word that introduces a year
    pattern: /\b(?:in|of|year|since|until|after|before|from)\s+([1-9]\d{2})\b(?![.,:/]?\d)/g,
    edtf: (m) => pad(+m[1], 4),
    bareYear: true
  },
  { // 1390
    pattern: new RegExp(`\\b${YEAR}\\b`, 'g'),
    edtf: (m) => m[1],
    bareYear: true
  }
]

/**
 * Every date found in `text`, normalised to EDTF; where readings overlap the longest wins
 * (`22 September 1408` rather than `1408`). Page numbers (`pp. 1339-1342`), volume numbers and
 * decimal numbers are not taken for years.
 * @param text normalised text; offsets of the result are its code points.
 */
export function findDates(text: string): Suggestion[] {
  const index = new CodePointIndex(text)
  const found: Suggestion[] = []
  for (const rule of RULES) {
    for (const m of text.matchAll(rule.pattern)) {
      const exec = m as unknown as RegExpExecArray
      let from = m.index
      let to = from + m[0].length
      // A number right after `pp.`, `vol.`, `no.` or glued to other digits is not a year (nor a range of years).
      if (/^\d/.test(m[0]) && NOT_A_YEAR_BEFORE.test(text.slice(Math.max(0, from - 10), from))) continue
      if (rule.bareYear) {
        const yearAt = m[0].lastIndexOf(m[1])
        if (NOT_A_YEAR_BEFORE.test(text.slice(Math.max(0, from + yearAt - 10), from + yearAt))) continue
        if (NOT_A_YEAR_AFTER.test(text.slice(to, to + 12))) continue
        // `in 867` suggests only the year itself, not the preposition.
        from += yearAt
        to = from + m[1].length
      }
      const edtf = rule.edtf(exec)
      if (!edtf || !isEdtf(edtf)) continue
      const start = index.toCodePoint(from)
      const end = index.toCodePoint(to)
      found.push({ start, end, exact: index.slice(start, end), type: 'date', source: 'date', edtf })
    }
  }
  const explicit = longestNonOverlapping(found)
  return [...explicit, ...findYearlessDates(text, explicit, index)].sort((a, b) => a.start - b.start || a.end - b.end)
}
