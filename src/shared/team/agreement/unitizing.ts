/**
 * Krippendorff's unitizing alpha (αu) for spans, as DKPro Agreement computes it for INCEpTION:
 * raters mark units of a category on a continuum [0, length) (here: code points of a document's
 * normalised text); what is not a unit of the category is a gap. For each category c,
 *
 *   D_O(c) = Σ over ordered rater pairs (i ≠ j), over overlapping segments g of i and h of j, of δ²(g, h)
 *            / (m(m − 1) L²)
 *   δ²(g, h) = (b_g − b_h)² + (e_g − e_h)²   both units (they overlap)
 *            = l_g²                          g a unit lying inside gap h (and symmetrically)
 *            = 0                             otherwise
 *   D_E(c) = (2/L) Σ_units u of c [ (N_c − 1)(2l³ − 3l² + l)/3 + l² Σ_gaps γ ≥ l (γ − l + 1) ]
 *            / (mL(mL − 1) − Σ_units u of c l(l − 1))
 *
 * with m raters, L the continuum's length, N_c the units of c, l a unit's length and γ a gap's length
 * (gaps of every rater). αu(c) = 1 − D_O(c)/D_E(c); the overall αu averages D_O and D_E over the
 * categories first. As in DKPro, D_O = D_E gives 0. A rater's units of one category must not overlap.
 * References: Krippendorff, On the reliability of unitizing contiguous data (1995);
 * Content Analysis (2004), pp. 251–256 (the worked example there is in the tests).
 */

/** One marked span; offsets in code points of the continuum, end exclusive. */
export interface Unit {
  /** Index of the rater in the study. */
  rater: number
  start: number
  end: number
  category: string
}

export interface UnitizingStudy {
  /** Length of the continuum (code points). */
  length: number
  /** Number of raters (raters without units count: they marked nothing). */
  raters: number
  units: readonly Unit[]
}

interface Segment {
  start: number
  end: number
  unit: boolean
}

/** A rater's segmentation of the whole continuum for one category: its units and the gaps between. */
function segments(study: UnitizingStudy, rater: number, category: string): Segment[] {
  const units = study.units.filter((u) => u.rater === rater && u.category === category).sort((a, b) => a.start - b.start)
  const out: Segment[] = []
  let pos = 0
  for (const u of units) {
    if (u.start < pos) throw new Error(`rater ${rater} has overlapping units of ${category} at ${u.start}`)
    if (u.start > pos) out.push({ start: pos, end: u.start, unit: false })
    out.push({ start: u.start, end: u.end, unit: true })
    pos = u.end
  }
  if (pos < study.length) out.push({ start: pos, end: study.length, unit: false })
  return out
}

function distance(g: Segment, h: Segment): number {
  if (g.unit && h.unit) return (g.start - h.start) ** 2 + (g.end - h.end) ** 2
  if (g.unit && h.start <= g.start && g.end <= h.end) return (g.end - g.start) ** 2
  if (h.unit && g.start <= h.start && h.end <= g.end) return (h.end - h.start) ** 2
  return 0
}

/** Sum of δ² over overlapping segment pairs of two segmentations (a sweep: both are sorted tilings). */
function pairDisagreement(a: Segment[], b: Segment[]): number {
  let sum = 0
  let i = 0
  let j = 0
  while (i < a.length && j < b.length) {
    if (a[i].start < b[j].end && b[j].start < a[i].end) sum += distance(a[i], b[j])
    if (a[i].end <= b[j].end) i++
    else j++
  }
  return sum
}

/** Observed disagreement D_O for one category. */
export function observedDisagreement(study: UnitizingStudy, category: string): number {
  const { length: L, raters: m } = study
  const segs = Array.from({ length: m }, (_, r) => segments(study, r, category))
  let sum = 0
  for (let i = 0; i < m; i++) for (let j = i + 1; j < m; j++) sum += pairDisagreement(segs[i], segs[j])
  return (2 * sum) / (m * (m - 1) * L * L)
}

/** Expected disagreement D_E for one category. */
export function expectedDisagreement(study: UnitizingStudy, category: string): number {
  const { length: L, raters: m } = study
  const units = study.units.filter((u) => u.category === category).map((u) => u.end - u.start)
  const gaps: number[] = []
  for (let r = 0; r < m; r++) for (const s of segments(study, r, category)) if (!s.unit) gaps.push(s.end - s.start)
  const squared = units.reduce((s, l) => s + l * (l - 1), 0)
  let sum = 0
  for (const l of units) {
    sum += ((units.length - 1) * (2 * l ** 3 - 3 * l ** 2 + l)) / 3
    let fits = 0
    for (const g of gaps) if (g >= l) fits += g - l + 1
    sum += l * l * fits
  }
  return ((2 / L) * sum) / (m * L * (m * L - 1) - squared)
}

/** Categories marked in the study, sorted. */
export function categoriesOf(study: UnitizingStudy): string[] {
  return [...new Set(study.units.map((u) => u.category))].sort()
}

function alpha(observed: number, expected: number): number {
  return observed === expected ? 0 : 1 - observed / expected
}

/** αu for one category (DKPro's `calculateCategoryAgreement`). */
export function alphaUCategory(study: UnitizingStudy, category: string): number {
  return alpha(observedDisagreement(study, category), expectedDisagreement(study, category))
}

/** αu over every category: 1 − mean D_O / mean D_E (DKPro's `calculateAgreement`); null without units. */
export function alphaU(study: UnitizingStudy): number | null {
  const categories = categoriesOf(study)
  if (categories.length === 0 || study.length === 0 || study.raters < 2) return null
  let observed = 0
  let expected = 0
  for (const c of categories) {
    observed += observedDisagreement(study, c)
    expected += expectedDisagreement(study, c)
  }
  return alpha(observed / categories.length, expected / categories.length)
}
