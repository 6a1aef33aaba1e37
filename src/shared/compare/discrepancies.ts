/**
 * Differences between a claim and a source passage: dates and years that differ, numbers that
 * differ (in words or digits: "thirty thousand" = 30000), names that are spellings of one entity
 * (reported with `variant: true`, not as errors) and names the passage does not have at all.
 */
import type { Discrepancy } from '../model/annotation'
import { GENERIC_NAME_WORDS, type EntityNames } from './claim-analysis'
import { nameSimilarity } from './names'
import { MONTH_NAMES, findDates, monthOf, findNumbers, type DateMention, type NumberMention } from './numbers'
import { STOPWORDS } from './stopwords'
import { tokenise, type Token } from '../text/tokenise'

export interface DiscrepancyOptions {
  entities?: EntityNames[]
  /** True when a folded word is a common word of the language (so a capitalised sentence start is not a name). */
  isCommonWord?: (norm: string) => boolean
}

const ROMAN = /^(?=[IVXLC])M*(C[MD]|D?C{0,3})(X[CL]|L?X{0,3})(I[XV]|V?I{0,3})$/
const PLACE_CUES = new Set(['at', 'in', 'to', 'from', 'near', 'of', 'into', 'towards', 'toward'])
const PLACE_WORDS = new Set(['city', 'sea', 'river', 'island', 'isle', 'mount', 'battle', 'siege', 'town', 'coast', 'province', 'kingdom'])

interface Name {
  text: string
  words: string[]
  kind: 'name' | 'place'
}

/** Proper names of a text: runs of capitalised words, without titles, regnal numbers and sentence-initial common words. */
function namesIn(tokens: Token[], options: DiscrepancyOptions): Name[] {
  const out: Name[] = []
  let run: Token[] = []
  let cue = ''
  const flush = (): void => {
    const words = run.filter((t) => !GENERIC_NAME_WORDS.has(t.norm) && !STOPWORDS.has(t.norm) && !ROMAN.test(t.text.replace(/['’]s$/, '')))
    if (words.length) {
      const entity = options.entities?.find((e) => e.names.some((n) => tokenise(n).some((x) => words.some((w) => w.norm === x.norm))))
      const placeLike = run.some((t) => PLACE_WORDS.has(t.norm)) || (PLACE_CUES.has(cue) && cue !== 'of')
      const kind = entity ? (entity.type === 'place' ? 'place' : 'name') : placeLike ? 'place' : 'name'
      out.push({ text: run.map((t, i) => (i ? t.gap : '') + t.text).join('').replace(/['’]s$/, ''), words: words.map((w) => w.norm), kind })
    }
    run = []
  }
  tokens.forEach((t, i) => {
    const initial = i === 0 || /[.!?:"“(]\s*$/.test(t.gap)
    const common = initial && (STOPWORDS.has(t.norm) || (options.isCommonWord?.(t.norm) ?? false))
    const isCap = t.cap && !common && !/^\d/.test(t.norm) && monthOf(t.norm) === undefined
    // "Battle of Ankara", "Republic of Venice": "of" joins capitalised words.
    // A name runs over spaces only: "Selymbria (Silivri)" is two names.
    if (isCap && run.length && !/^\s+$/.test(t.gap)) flush()
    if (isCap) {
      if (!run.length) cue = (tokens[i - 1]?.norm === 'the' ? tokens[i - 2]?.norm : tokens[i - 1]?.norm) ?? ''
      run.push(t)
    } else if (t.norm === 'of' && run.length && tokens[i + 1]?.cap && /^\s+$/.test(t.gap)) run.push(t)
    else flush()
  })
  flush()
  return out
}

function dateText(d: DateMention): string {
  return [d.day, MONTH_NAMES[d.month], d.year].filter((x) => x !== undefined).join(' ')
}

/** Discrepancies between a claim and a passage (both plain text). Order: dates, numbers, names. */
export function findDiscrepancies(claim: string, passage: string, options: DiscrepancyOptions = {}): Discrepancy[] {
  const ct = tokenise(claim)
  const pt = tokenise(passage)
  const cn = findNumbers(ct)
  const pn = findNumbers(pt)
  const cd = findDates(ct, cn)
  const pd = findDates(pt, pn)
  const out: Discrepancy[] = []
  // Dates with a month: compare month and day (and year when both give one).
  const inDate = (n: NumberMention, dates: DateMention[]): boolean => dates.some((d) => n.from >= d.from && n.to <= d.to)
  for (const d of cd) {
    if (pd.some((p) => p.month === d.month && p.day === d.day && (p.year === undefined || d.year === undefined || p.year === d.year))) continue
    const other = pd[0]
    out.push({ kind: 'date', claim: dateText(d), source: other ? dateText(other) : '', variant: false })
  }
  const passageValues = new Set(pn.map((n) => n.value))
  const passageYears = pn.filter((n) => n.kind === 'year')
  for (const n of cn) {
    if (n.kind !== 'year' || inDate(n, cd)) continue
    if (passageValues.has(n.value) || pd.some((d) => d.year === n.value)) continue
    const closest = [...passageYears].sort((a, b) => Math.abs(a.value - n.value) - Math.abs(b.value - n.value))[0]
    out.push({ kind: 'date', claim: String(n.value), source: closest ? String(closest.value) : '', variant: false })
  }
  // Numbers: the same value in any form agrees; otherwise compare with a number of the same unit
  // ("five months" vs "eight years" are not comparable; "five years" vs "seven years" are).
  const unitOf = (n: NumberMention, tokens: Token[]): string => {
    const next = tokens.slice(n.to, n.to + 3).find((t) => !STOPWORDS.has(t.norm))
    return next?.stem ?? ''
  }
  for (const n of cn) {
    if (n.kind === 'year' || inDate(n, cd)) continue
    if (passageValues.has(n.value)) continue
    const unit = unitOf(n, ct)
    const rival = pn.find((p) => p.kind !== 'year' && !inDate(p, pd) && unit && unitOf(p, pt) === unit)
    const text = ct.slice(n.from, n.to).map((t) => t.text).join(' ')
    out.push({ kind: 'number', claim: text, source: rival ? pt.slice(rival.from, rival.to).map((t) => t.text).join(' ') : '', variant: false })
  }
  // Names: equal (no discrepancy), a variant spelling or alias (variant), or absent.
  const passageNames = namesIn(pt, options)
  const passageWords = new Set(pt.map((t) => t.norm))
  const reported = new Set<string>()
  for (const name of namesIn(ct, options)) {
    if (name.words.some((w) => passageWords.has(w))) continue
    if (reported.has(name.text)) continue
    reported.add(name.text)
    let match: { text: string; entityId?: string } | undefined
    for (const e of options.entities ?? []) {
      const words = e.names.flatMap((x) => tokenise(x).map((t) => t.norm))
      if (!name.words.some((w) => words.includes(w))) continue
      const found = passageNames.find((p) => p.words.some((w) => words.includes(w) || words.some((x) => nameSimilarity(x, w) >= 0.8)))
      if (found) match = { text: found.text, entityId: e.id }
    }
    if (!match) {
      const found = passageNames.find((p) => p.words.some((w) => name.words.some((c) => nameSimilarity(c, w) >= 0.8)))
      if (found) match = { text: found.text }
    }
    const d: Discrepancy = { kind: name.kind, claim: name.text, source: match?.text ?? '', variant: !!match }
    if (match?.entityId) d.entityId = match.entityId
    out.push(d)
  }
  return out
}
