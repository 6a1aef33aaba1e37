/**
 * Numbers, years and dates in token sequences, as values: "thirty thousand", "30,000" and
 * "30000" are all 30000; "four-and-twenty" is 24; "the twenty-seventh of July" is day 27 of month 7.
 */
import type { Token } from '../text/tokenise'

const UNITS: Record<string, number> = {
  zero: 0, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
  eleven: 11, twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17,
  eighteen: 18, nineteen: 19, twenty: 20, thirty: 30, forty: 40, fourty: 40, fifty: 50, sixty: 60,
  seventy: 70, eighty: 80, ninety: 90, dozen: 12, score: 20
}
const ORDINALS: Record<string, number> = {
  first: 1, second: 2, third: 3, fourth: 4, fifth: 5, sixth: 6, seventh: 7, eighth: 8, ninth: 9,
  tenth: 10, eleventh: 11, twelfth: 12, thirteenth: 13, fourteenth: 14, fifteenth: 15, sixteenth: 16,
  seventeenth: 17, eighteenth: 18, nineteenth: 19, twentieth: 20, thirtieth: 30, fortieth: 40,
  fiftieth: 50, sixtieth: 60, seventieth: 70, eightieth: 80, ninetieth: 90, hundredth: 100, thousandth: 1000
}
const MULTIPLIERS: Record<string, number> = { hundred: 100, thousand: 1000, million: 1_000_000, myriad: 10_000 }
export const MONTHS: Record<string, number> = {
  january: 1, jan: 1, february: 2, feb: 2, march: 3, mar: 3, april: 4, apr: 4, may: 5, june: 6, jun: 6,
  july: 7, jul: 7, august: 8, aug: 8, september: 9, sept: 9, sep: 9, october: 10, oct: 10,
  november: 11, nov: 11, december: 12, dec: 12
}
/** Value of `key` in a word table, own properties only ("constructor" is not a number). */
function own(table: Record<string, number>, key: string): number | undefined {
  return Object.hasOwn(table, key) ? table[key] : undefined
}

/** Month number (1–12) of a folded word, or undefined. */
export function monthOf(norm: string): number | undefined {
  return own(MONTHS, norm)
}

export const MONTH_NAMES = ['', 'January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December']

/** A number in a text. Offsets are code points of the text the tokens came from. */
export interface NumberMention {
  start: number
  end: number
  value: number
  /** 'year' for a plausible calendar year (a 4-digit number 1000–2100 or a 3–4 digit number after "in"/"A.D."). */
  kind: 'year' | 'number' | 'ordinal'
  /** Index of the first and one past the last token of the mention. */
  from: number
  to: number
}

/** A calendar date with at least a month (and a day or a year). */
export interface DateMention {
  start: number
  end: number
  year?: number
  month: number
  day?: number
  from: number
  to: number
}

const isDigits = (t: Token): boolean => /^\d[\d,.]*$/.test(t.norm)
/** Two tokens belong to one number only when separated by spaces or a hyphen, never by a comma. */
const joined = (t: Token): boolean => /^[\s-]*$/.test(t.gap)

function wordValue(norm: string): { v: number; kind: 'unit' | 'mult' | 'ord' } | undefined {
  const unit = own(UNITS, norm)
  if (unit !== undefined) return { v: unit, kind: 'unit' }
  const mult = own(MULTIPLIERS, norm)
  if (mult !== undefined) return { v: mult, kind: 'mult' }
  const ord = own(ORDINALS, norm)
  if (ord !== undefined) return { v: ord, kind: 'ord' }
  return undefined
}

/** Every number of `tokens` (digits, number words, ordinals), left to right, longest first. */
export function findNumbers(tokens: Token[]): NumberMention[] {
  const out: NumberMention[] = []
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]
    if (isDigits(t)) {
      const value = Number(t.norm.replace(/,/g, ''))
      if (!Number.isFinite(value)) continue
      // "1,400,000" groups thousands; "1.5" is a decimal.
      const prev = tokens[i - 1]?.norm
      const yearCue = prev === 'in' || prev === 'ad' || prev === 'a' || prev === 'c' || prev === 'circa' || prev === 'year' || prev === 'since' || prev === 'from' || prev === 'until'
      const plain = /^\d+$/.test(t.norm)
      const kind = plain && ((value >= 1000 && value <= 2100) || (yearCue && value >= 100 && value <= 2100)) ? 'year' : 'number'
      let to = i + 1
      let v = value
      // "30 thousand"
      const next = tokens[i + 1]
      const mult = next && joined(next) ? own(MULTIPLIERS, next.norm) : undefined
      if (mult !== undefined) {
        v *= mult
        to++
      }
      out.push({ start: t.start, end: tokens[to - 1].end, value: v, kind: to > i + 1 ? 'number' : kind, from: i, to })
      i = to - 1
      continue
    }
    let w = wordValue(t.norm)
    // "a hundred", "a thousand"
    if (!w && t.norm === 'a' && tokens[i + 1] && own(MULTIPLIERS, tokens[i + 1].norm) !== undefined && joined(tokens[i + 1])) w = { v: 1, kind: 'unit' }
    if (!w || w.kind === 'mult') continue
    // "one" alone is usually a pronoun ("one of them"); count it only as part of a longer number.
    let total = 0
    let current = 0
    let ordinal = false
    let j = i
    let last = i
    for (; j < tokens.length; j++) {
      const tok = tokens[j]
      if (j > i && !joined(tok)) break
      if (j > i && tok.norm === 'and' && tokens[j + 1] && joined(tokens[j + 1]) && wordValue(tokens[j + 1].norm)) continue
      const x = j === i ? w : wordValue(tok.norm)
      if (!x) break
      if (x.kind === 'mult') {
        if (x.v >= 1000) {
          total += (current || 1) * x.v
          current = 0
        } else current = (current || 1) * x.v
      } else current += x.v
      last = j
      if (x.kind === 'ord') {
        ordinal = true
        break
      }
    }
    const value = total + current
    const len = last - i + 1
    if (len === 1 && (t.norm === 'one' || t.norm === 'a' || t.norm === 'second' || t.norm === 'score' || t.norm === 'first')) continue
    out.push({ start: t.start, end: tokens[last].end, value, kind: ordinal ? 'ordinal' : 'number', from: i, to: last + 1 })
    i = last
  }
  return out
}

/**
 * Dates with a month name: "July 20, 1402", "20 July 1402", "the twenty-seventh of July",
 * "September 1390". `numbers` must be findNumbers(tokens).
 */
export function findDates(tokens: Token[], numbers: NumberMention[]): DateMention[] {
  const byStart = new Map(numbers.map((n) => [n.from, n]))
  const byEnd = new Map(numbers.map((n) => [n.to, n]))
  const out: DateMention[] = []
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]
    const month = monthOf(t.norm)
    // Short forms and "may"/"march" need a capital and a number beside them.
    if (!month || !t.cap) continue
    let from = i
    let to = i + 1
    let day: number | undefined
    let year: number | undefined
    const after = byStart.get(i + 1)
    if (after && after.value >= 1 && after.value <= 31 && after.kind !== 'year') {
      day = after.value
      to = after.to
      const y = byStart.get(to)
      if (y && y.kind === 'year') {
        year = y.value
        to = y.to
      }
    } else if (after && after.kind === 'year') {
      year = after.value
      to = after.to
    }
    // "20 July", "the twentieth of July"
    const ofBefore = tokens[i - 1]?.norm === 'of' ? i - 1 : i
    const before = byEnd.get(ofBefore)
    if (day === undefined && before && before.value >= 1 && before.value <= 31 && before.kind !== 'year') {
      day = before.value
      from = before.from
      if (year === undefined) {
        const y = byStart.get(to)
        if (y && y.kind === 'year') {
          year = y.value
          to = y.to
        }
      }
    }
    if (day === undefined && year === undefined) continue
    out.push({ start: tokens[from].start, end: tokens[to - 1].end, month, day, year, from, to })
    i = to - 1
  }
  return out
}
