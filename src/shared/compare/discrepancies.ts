/**
 * Differences between a claim and a source passage that a historian checks: dates (days, years,
 * years given relatively — "the following year" — and dates within a reign or a life), numbers
 * (in words or digits: "thirty thousand" = 30000; "some five years" against "ten years"), names
 * (a different person; a spelling variant or an alias is marked `variant: true`, not an error)
 * and places. Each discrepancy carries both values; the passage's is empty when it gives none.
 */
import type { Discrepancy } from '../model/annotation'
import { tokenise, type Token } from '../text/tokenise'
import { nameDiscrepancies, type NameOptions } from './name-discrepancies'
import { MONTH_NAMES, findDates, findNumbers, type DateMention, type NumberMention } from './numbers'
import { relativeYears, scopedDates } from './relative-dates'
import { STOPWORDS } from './stopwords'

export type DiscrepancyOptions = NameOptions

/** Words that make a number approximate ("some five years", "about 30,000", "nearly ten"). */
const APPROXIMATE = new Set(['some', 'about', 'nearly', 'almost', 'around', 'approximately', 'roughly', 'circa', 'near', 'above', 'upwards', 'perhaps', 'c', 'ca'])
/** Relative difference within which two approximate counts agree. */
const APPROXIMATE_TOLERANCE = 0.25

function dateText(d: DateMention): string {
  return [d.day, MONTH_NAMES[d.month], d.year].filter((x) => x !== undefined).join(' ')
}
const spanText = (tokens: Token[], from: number, to: number): string => tokens.slice(from, to).map((t, i) => (i ? t.gap.replace(/\s+/g, ' ') : '') + t.text).join('')

/** The number as written, with its qualifier when approximate ("some five"). */
function numberText(tokens: Token[], n: NumberMention): string {
  return spanText(tokens, isApproximate(tokens, n) ? n.from - 1 : n.from, n.to)
}
function isApproximate(tokens: Token[], n: NumberMention): boolean {
  return APPROXIMATE.has(tokens[n.from - 1]?.norm ?? '')
}
/** The unit counted: the first content word after the number ("years", "crowns"). */
function unitOf(tokens: Token[], n: NumberMention): string {
  return tokens.slice(n.to, n.to + 3).find((t) => !STOPWORDS.has(t.norm))?.stem ?? ''
}

/** Discrepancies between a claim and a passage (both plain text). Order: dates, numbers, names and places. */
export function findDiscrepancies(claim: string, passage: string, options: DiscrepancyOptions = {}): Discrepancy[] {
  const ct = tokenise(claim)
  const pt = tokenise(passage)
  const cn = findNumbers(ct)
  const pn = findNumbers(pt)
  const cd = findDates(ct, cn)
  const pd = findDates(pt, pn)
  const out: Discrepancy[] = []
  const inDate = (n: NumberMention, dates: DateMention[]): boolean => dates.some((d) => n.from >= d.from && n.to <= d.to)
  // Dates with a month: compare month and day (and year when both give one).
  for (const d of cd) {
    if (pd.some((p) => p.month === d.month && p.day === d.day && (p.year === undefined || d.year === undefined || p.year === d.year))) continue
    const other = pd[0]
    out.push({ kind: 'date', claim: dateText(d), source: other ? dateText(other) : '', variant: false })
  }
  // Years, explicit or relative ("in 1376 … the following year" is 1377), against the passage's.
  const passageYears = [
    ...pn.filter((n) => n.kind === 'year').map((n) => ({ year: n.value, text: String(n.value) })),
    ...pd.filter((d) => d.year !== undefined).map((d) => ({ year: d.year!, text: String(d.year) })),
    ...relativeYears(pt, pn).map((r) => ({ year: r.year, text: `${r.text} (${r.year})` }))
  ]
  const claimYears = [
    ...cn.filter((n) => n.kind === 'year' && !inDate(n, cd)).map((n) => ({ year: n.value, text: String(n.value) })),
    ...relativeYears(ct, cn).map((r) => ({ year: r.year, text: `${r.text} (${r.year})` }))
  ]
  for (const y of claimYears) {
    if (passageYears.some((p) => p.year === y.year)) continue
    const closest = [...passageYears].sort((a, b) => Math.abs(a.year - y.year) - Math.abs(b.year - y.year))[0]
    out.push({ kind: 'date', claim: y.text, source: closest?.text ?? '', variant: false })
  }
  // Dates within a reign or a life: comparable only with the same kind ("third year of his reign").
  const ps = scopedDates(pt, pn)
  const cs = scopedDates(ct, cn)
  for (const c of cs) {
    const same = ps.filter((p) => p.scope === c.scope)
    if (!same.length || same.some((p) => p.n === c.n)) continue
    out.push({ kind: 'date', claim: c.text, source: same[0].text, variant: false })
  }
  const inScoped = (n: NumberMention, list: typeof cs): boolean => list.some((s) => n.from >= s.from && n.from < s.to)
  // Numbers: the same value in any form agrees, as do two values within a quarter of each other
  // when either is approximate; otherwise compare with a number of the same unit ("five months"
  // and "eight years" are not comparable; "some five years" and "ten years" are).
  for (const n of cn) {
    if (n.kind === 'year' || inDate(n, cd) || inScoped(n, cs)) continue
    const unit = unitOf(ct, n)
    const rivals = pn.filter((p) => p.kind !== 'year' && !inDate(p, pd) && !inScoped(p, ps) && unit && unitOf(pt, p) === unit)
    const agrees = (p: NumberMention): boolean =>
      p.value === n.value || ((isApproximate(ct, n) || isApproximate(pt, p)) && Math.abs(p.value - n.value) <= APPROXIMATE_TOLERANCE * Math.max(p.value, n.value))
    if (pn.some((p) => p.value === n.value) || rivals.some(agrees)) continue
    const rival = rivals[0]
    out.push({ kind: 'number', claim: numberText(ct, n), source: rival ? numberText(pt, rival) : '', variant: false })
  }
  out.push(...nameDiscrepancies(ct, pt, options))
  return out
}
