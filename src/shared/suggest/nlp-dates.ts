/**
 * Dates as compromise-dates reads them, as a second opinion behind date-finder.ts: it catches
 * phrasings the patterns do not (`the spring of 1390`, `mid-May 1453`). Only readings that name
 * a year are kept (relative dates such as `the following year` would be computed from today),
 * and the result is cut back to the precision written (year, month or day). Timezone 'UTC' so a
 * day is never shifted by the machine's zone. Offsets are code points of the text.
 */
import type compromise from 'compromise'
import { isEdtf } from '../entities/edtf'
import { CodePointIndex } from '../text/code-points'
import nlp from './nlp-instance'
import { paragraphs } from './tokens'
import type { Suggestion } from './types'

interface DateMatch {
  text: string
  offset: { start: number; length: number }
  dates?: { start: string | null; end: string | null }
}

/** EDTF of a compromise-dates reading, at the precision its start/end days imply. */
function toEdtf(start: string, end: string): string | undefined {
  const s = start.slice(0, 10)
  const e = end.slice(0, 10)
  const [sy, sm, sd] = s.split('-')
  const [ey, em, ed] = e.split('-')
  const lastDay = (y: string, m: string): string => String(new Date(Date.UTC(+y, +m, 0)).getUTCDate())
  const year = (y: string, m: string, d: string, isEnd: boolean): string | undefined =>
    (isEnd ? m === '12' && d === '31' : m === '01' && d === '01') ? y : undefined
  if (s === e) return s
  if (sy === ey && sm === em && sd === '01' && ed === lastDay(ey, em)) return `${sy}-${sm}`
  const ys = year(sy, sm, sd, false)
  const ye = year(ey, em, ed, true)
  if (ys && ye) return ys === ye ? ys : `${ys}/${ye}`
  return `${s}/${e}`
}

type DatesView = ReturnType<typeof compromise> & { dates(opts?: object): { json(o?: object): DateMatch[] } }

/**
 * Dates compromise-dates finds in one parsed paragraph that name a year (see the module comment).
 * @param view compromise's parse of the paragraph (shared with the name finder: one parse each).
 * @param offset UTF-16 index of the paragraph in the whole text; results are code points of it.
 */
export function datesOfParagraph(view: ReturnType<typeof compromise>, paraText: string, offset: number, index: CodePointIndex): Suggestion[] {
  if (!/\d{3,4}/.test(paraText)) return [] // no year, nothing to read
  const out: Suggestion[] = []
  for (const d of (view as DatesView).dates({ timezone: 'UTC' }).json({ offset: true })) {
    const year = /\b(1\d{3}|20\d{2})\b/.exec(d.text)
    if (!year || !d.dates?.start || !d.dates.end) continue
    const edtf = toEdtf(d.dates.start, d.dates.end)
    if (!edtf || !isEdtf(edtf) || !edtf.includes(year[1])) continue
    const from = offset + d.offset.start
    const raw = index.slice(index.toCodePoint(from), index.toCodePoint(from + d.offset.length))
    // Keep the date itself: `On April 14, 1390.` → `April 14, 1390`.
    const lead = /^(?:(?:on|in|at|by|during|since|until|from|the)\s+)*/iu.exec(raw)?.[0] ?? ''
    const exact = raw.slice(lead.length).replace(/[\s.,;:)]+$/u, '')
    const start = index.toCodePoint(from) + [...lead].length
    out.push({ start, end: start + [...exact].length, exact, type: 'date', source: 'nlp', edtf })
  }
  return out
}

/** Dates compromise-dates finds in a whole text that name a year. */
export function findNlpDates(text: string): Suggestion[] {
  const index = new CodePointIndex(text)
  return paragraphs(text).flatMap((para) => datesOfParagraph(nlp(para.text), para.text, para.offset, index))
}
