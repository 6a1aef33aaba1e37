/**
 * Dates written without a year — `on 5 February`, `by 13 April`, `April 15`, `in June`,
 * `the following March`, and years named relatively (`the following year`) — resolved from the year in force at that point of the text: the text is
 * read in order, each explicit date (`1204`, `April 12, 1861`) sets the year (and month) in force,
 * and each resolved date moves it on. A date that only a later year in the same sentence explains
 * (`during (15 June) … the Battle of Kosovo in 1389`) takes that year. Years that do not date the
 * narrative are not used: life spans and bare publication years in parentheses (`(1370 – 1408)`,
 * `(1977)`), intervals, decades and centuries, and a bare three-digit number after four-digit years. Every result is marked `inferred` and names the
 * date it was inferred from. Offsets are code points of the text.
 */
import { isEdtf } from '../entities/edtf'
import type { CodePointIndex } from '../text/code-points'
import { overlaps, type Suggestion } from './types'

const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december']
const MONTH = '(January|February|March|April|May|June|July|August|September|October|November|December|Jan\\.|Feb\\.|Mar\\.|Apr\\.|Jun\\.|Jul\\.|Aug\\.|Sept?\\.|Oct\\.|Nov\\.|Dec\\.)'
const DAY = '(\\d{1,2})(?:st|nd|rd|th)?'
/** Words before a month name alone that make it a date (`in June`, `until May`), not a name or a verb. */
const CUE = '(?:[Ii]n|[Bb]y|[Uu]ntil|[Tt]ill|[Ff]rom|[Ss]ince|[Dd]uring|[Tt]hrough(?:out)?|[Bb]efore|[Aa]fter|[Oo]n|[Oo]f|[Tt]hat|[Ee]arly|[Ll]ate|[Mm]id-?|[Ll]ast|[Nn]ext|[Tt]he (?:following|next|same|previous|preceding))'

/**
 * A month this many months or more before the one in force is read as the next year's
 * (`…Antietam in September … the Proclamation in January`); a smaller step back is the narrative
 * looking back within the year (`effective May 3. On April 28 he moved`).
 */
export const ROLLOVER_MONTHS = 5

interface Mention {
  from: number
  to: number
  /** 1–12; 0 for a year named only relatively (`the following year`). */
  month: number
  day?: number
  relative?: 'next' | 'previous'
}

interface Anchor {
  from: number
  to: number
  year: number
  month?: number
  exact: string
}

const monthOf = (name: string): number => MONTHS.findIndex((m) => m.startsWith(name.toLowerCase().replace('.', '').slice(0, 3))) + 1
const validDay = (y: number, m: number, d: number): boolean => d >= 1 && d <= new Date(Date.UTC(y, m, 0)).getUTCDate()
const pad = (n: number, w = 2): string => String(n).padStart(w, '0')

/** Yearless mentions in the text (UTF-16 positions), before any is resolved. */
function mentions(text: string): Mention[] {
  const out: Mention[] = []
  const noYearAfter = '(?![,\\s]*(?:of\\s+)?\\d{3,4}\\b)(?![.,]?\\d)'
  for (const m of text.matchAll(new RegExp(`\\b${DAY}\\s+(?:of\\s+)?${MONTH}\\b${noYearAfter}`, 'g')))
    out.push({ from: m.index, to: m.index + m[0].length, month: monthOf(m[2]), day: +m[1] })
  for (const m of text.matchAll(new RegExp(`\\b${MONTH}\\s+${DAY}\\b${noYearAfter}(?!\\s*[–-]\\s*\\d)`, 'g')))
    out.push({ from: m.index, to: m.index + m[0].length, month: monthOf(m[1]), day: +m[2] })
  for (const m of text.matchAll(new RegExp(`\\b${CUE}\\s+(?:(?:early|late|mid-?)\\s*)?${MONTH}(?!\\s*\\d)(?![\\w-])`, 'g'))) {
    const rel = /^the (following|next)|^next/i.test(m[0]) ? 'next' : /^the (previous|preceding)|^last/i.test(m[0]) ? 'previous' : undefined
    const monthAt = m.index + m[0].length - m[1].length
    out.push({ from: rel ? m.index : monthAt, to: m.index + m[0].length, month: monthOf(m[1]), relative: rel })
  }
  for (const m of text.matchAll(/\b(?:[Tt]he (following|next|previous|preceding|same) year|[Tt]hat (?:same )?year)\b(?!['’]s)/g)) {
    const rel = m[1] === 'following' || m[1] === 'next' ? 'next' : m[1] === 'previous' || m[1] === 'preceding' ? 'previous' : undefined
    out.push({ from: m.index, to: m.index + m[0].length, month: 0, relative: rel })
  }
  return out.sort((a, b) => a.from - b.from || b.to - a.to)
}

/** The text inside the parentheses around [from, to) on the same line, or undefined when not inside any. */
function parenthesised(text: string, from: number, to: number): string | undefined {
  const open = text.lastIndexOf('(', from)
  if (open < 0 || text.lastIndexOf(')', from - 1) > open || text.lastIndexOf('\n', from) > open) return undefined
  const close = text.indexOf(')', to)
  if (close < 0 || text.indexOf('\n', to) !== -1 && text.indexOf('\n', to) < close) return undefined
  return text.slice(open + 1, close)
}

/** Explicit dates that set the year in force (see the module comment). */
function anchors(text: string, explicit: readonly Suggestion[], index: CodePointIndex): Anchor[] {
  const out: Anchor[] = []
  for (const d of explicit) {
    const m = /^(\d{4})(?:-(\d{2}))?(?:-\d{2})?~?$/.exec(d.edtf ?? '')
    if (!m) continue // intervals, decades, centuries, BC years
    // A bare three-digit "year" among four-digit ones is a number (`resulted in 600 casualties`).
    if (/^\d{3}$/.test(d.exact) && out.length > 0 && out[out.length - 1].year >= 1000) continue
    const from = index.toUtf16(d.start)
    const to = index.toUtf16(d.end)
    const inside = parenthesised(text, from, to)
    // A life span or a bare publication year: `(1370 – 22 September 1408)`, `(1977)`, `(born about 1400)`.
    if (inside !== undefined && (/\d\s*(?:[–—-]|--|to)\s*\S*\d/.test(inside) || /^\s*(?:c\.|ca\.|born|b\.|died|d\.)?\s*\d{3,4}\s*\w?\s*$/i.test(inside) || /\b(?:born|died)\b/i.test(inside))) continue
    out.push({ from, to, year: +m[1], month: m[2] ? +m[2] : undefined, exact: d.exact })
  }
  return out.sort((a, b) => a.from - b.from)
}

/** Bounds (UTF-16) of the sentence around `at`: from after the previous full stop or line break to the next. */
function sentenceAround(text: string, at: number): [number, number] {
  const before = text.slice(Math.max(0, at - 400), at)
  const b = Math.max(before.search(/[.!?]\s+(?=[^.!?]*$)|\n(?=[^\n]*$)/), -1)
  const start = b < 0 ? Math.max(0, at - 400) : Math.max(0, at - 400) + b + 1
  const after = text.slice(at, at + 400).search(/[.!?](?:\s|$)|\n/)
  return [start, after < 0 ? at + 400 : at + after]
}

/**
 * Dates without a year in `text`, resolved and marked `inferred`. `explicit` are the dates with a
 * year found in the same text (findDates' other rules); mentions overlapping them are left out.
 */
export function findYearlessDates(text: string, explicit: readonly Suggestion[], index: CodePointIndex): Suggestion[] {
  const found = anchors(text, explicit, index)
  const taken = explicit.map((d) => ({ start: index.toUtf16(d.start), end: index.toUtf16(d.end) }))
  const out: Suggestion[] = []
  let a = 0
  let state: { year: number; month?: number; anchor: Anchor } | undefined
  let lastEnd = -1
  for (const m of mentions(text)) {
    if (m.from < lastEnd || taken.some((t) => overlaps(t, { start: m.from, end: m.to }))) continue
    while (a < found.length && found[a].from < m.from) {
      state = { year: found[a].year, month: found[a].month, anchor: found[a] }
      a++
    }
    const [sStart, sEnd] = sentenceAround(text, m.from)
    const next = found[a]
    // No year yet in this sentence, but one later in it: that year dates the mention.
    const local = !state || state.anchor.from < sStart ? (next && next.from < sEnd ? next : undefined) : undefined
    let year: number
    let from: Anchor
    if (local) {
      year = local.year
      from = local
    } else if (state) {
      from = state.anchor
      year = state.year
      if (m.month === 0) year += m.relative === 'next' ? 1 : m.relative === 'previous' ? -1 : 0
      else if (m.relative === 'next') year += state.month === undefined || m.month <= state.month ? 1 : 0
      else if (m.relative === 'previous') year -= state.month === undefined || m.month >= state.month ? 1 : 0
      else if (state.month !== undefined && state.month - m.month >= ROLLOVER_MONTHS) year++
    } else continue // nothing to infer from
    if (m.day !== undefined && !validDay(year, m.month, m.day)) continue
    const edtf = m.month === 0 ? pad(year, 4) : m.day !== undefined ? `${pad(year, 4)}-${pad(m.month)}-${pad(m.day)}` : `${pad(year, 4)}-${pad(m.month)}`
    if (!isEdtf(edtf)) continue
    if (!local) state = { year, month: m.month || undefined, anchor: from }
    lastEnd = m.to
    const start = index.toCodePoint(m.from)
    const end = index.toCodePoint(m.to)
    out.push({
      start, end, exact: index.slice(start, end), type: 'date', source: 'date', edtf, inferred: true,
      inferredFrom: { start: index.toCodePoint(from.from), end: index.toCodePoint(from.to), exact: from.exact }
    })
  }
  return out
}
