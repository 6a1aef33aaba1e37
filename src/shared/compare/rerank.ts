/**
 * Learned re-ranking of the ranker's first passages. rank.ts scores windows with hand-set
 * constants (coverage share, evidence around, chronology, penalties); here a linear model over
 * features of each passage — fitted pairwise (a labelled passage against each other passage of
 * the same claim) on the tuned-on labelled sets only, by bench/compare-rerank-fit.ts, which prints
 * RERANK_MODEL and reports leave-one-set-out cross-validation — puts the first RERANK_POOL
 * passages in a new order. Every feature is relative to the claim (shares, ratios to the best
 * passage), so a model fitted on some claims reads others on the same scale.
 */
import type { Concept } from './claim-analysis'
import { placeableTerms, proximity } from './proximity'
import type { RankedWindow } from './rank'
import { SENTENCE_FIELDS as F, SENTENCE_NOTE, postingsOf, type SourceIndex } from './source-index'

/** Passages re-ranked: the ranker's first RERANK_POOL (non-overlapping) windows. */
export const RERANK_POOL = 30

/** The features, in the order of RERANK_MODEL's weights. */
export const RERANK_FEATURES = [
  /** ln(base score / best base score in the pool): the hand-set ranker's own opinion (≤ 0). */
  'relScore',
  /** Share of the claim's weighted concepts the passage matches. */
  'coverage',
  /** Share of the claim's weighted names found in or around the passage. */
  'nameCoverage',
  /** Shares (0–1) of the claim's weighted names, acts ("what"), years and dates, numbers and other words the passage matches (0 when the claim has none). */
  'names',
  'acts',
  'when',
  'numbers',
  'words',
  /** Share of the matched weight matched by the claim's own word or value (not a synonym, variant or alias). */
  'exact',
  /** Term proximity of the claim's concepts in the passage (proximity.ts). */
  'proximity',
  /** Sentences in the passage beyond the first (0–2). */
  'extraSentences',
  /** 1 for a passage in a note. */
  'note',
  /** Own evidence / (own + surrounding evidence): support in the passage rather than near it. */
  'ownShare',
  /** Fit of the source's chronology around the passage to the claim's years (0–1). */
  'timeFit',
  /** Share of the claim's weighted concepts found within WIDE_RADIUS sentences of the passage (the section that tells the event). */
  'wideCoverage'
] as const

/** Sentences either side of a passage that count as its section (wideCoverage). */
export const WIDE_RADIUS = 30

/** Sentences (ascending, unique) where a concept occurs through any of its alternatives. */
function conceptSentences(index: SourceIndex, c: Concept): number[] {
  const out = new Set<number>()
  for (const a of c.alts) {
    const list = postingsOf(index, a.term)
    if (list) for (let i = 0; i < list.length; i += 2) out.add(list[i])
  }
  return [...out].sort((a, b) => a - b)
}

/** True when the ascending list has a value in [lo, hi]. */
function anyWithin(list: number[], lo: number, hi: number): boolean {
  let a = 0
  let b = list.length
  while (a < b) {
    const m = (a + b) >> 1
    if (list[m] < lo) a = m + 1
    else b = m
  }
  return a < list.length && list[a] <= hi
}

/**
 * Weights of RERANK_FEATURES (a pairwise logistic model has no bias). Fitted by
 * `npx tsx bench/compare-rerank-fit.ts` on the tuned-on sets; refit after changing the ranker.
 */
export const RERANK_MODEL: number[] = []

type Part = 'names' | 'acts' | 'when' | 'numbers' | 'words'
const partOf = (c: Concept): Part => (c.kind === 'name' ? 'names' : c.kind === 'date' || c.year !== undefined ? 'when' : c.kind === 'number' ? 'numbers' : c.act ? 'acts' : 'words')

/**
 * The features of each passage of `pool` (RERANK_FEATURES order). `importance` weighs each concept
 * (rank.ts sentenceEvidence); `tokensOf` gives the words of the source between two code points.
 */
export function rerankFeatures(index: SourceIndex, concepts: Concept[], importance: readonly number[], pool: RankedWindow[], tokensOf: (start: number, end: number) => readonly { stem: string }[]): number[][] {
  const best = Math.max(...pool.map((w) => w.base))
  const terms = placeableTerms(concepts)
  const partTotal: Record<Part, number> = { names: 0, acts: 0, when: 0, numbers: 0, words: 0 }
  concepts.forEach((c, q) => (partTotal[partOf(c)] += importance[q]))
  const where = concepts.map((c) => (c.context ? [] : conceptSentences(index, c)))
  const totalImportance = importance.reduce((a, b) => a + b, 0) || 1
  return pool.map((w) => {
    const part: Record<Part, number> = { names: 0, acts: 0, when: 0, numbers: 0, words: 0 }
    let matched = 0
    let exact = 0
    for (const m of w.matched) {
      const c = concepts[m.concept]
      const imp = importance[m.concept]
      part[partOf(c)] += imp
      matched += imp
      if (m.term === c.alts[0]?.term) exact += imp
    }
    const share = (p: Part): number => (partTotal[p] > 0 ? part[p] / partTotal[p] : 0)
    const S = index.sentences
    let note = 0
    for (let s = w.first; s <= w.last; s++) if (S[s * F + 4] === SENTENCE_NOTE) note = 1
    w.proximity = proximity(tokensOf(w.start, w.end), terms, importance)
    return [
      best > 0 && w.base > 0 ? Math.log(w.base / best) : -10,
      w.coverage,
      w.nameCoverage,
      share('names'),
      share('acts'),
      share('when'),
      share('numbers'),
      share('words'),
      matched > 0 ? exact / matched : 0,
      w.proximity,
      w.last - w.first,
      note,
      w.evidence + w.around > 0 ? w.evidence / (w.evidence + w.around) : 0,
      w.timeFit,
      concepts.reduce((sum, _, q) => sum + (anyWithin(where[q], w.first - WIDE_RADIUS, w.last + WIDE_RADIUS) ? importance[q] : 0), 0) / totalImportance
    ]
  })
}

/** The model's score of one passage's features. */
export function rerankScore(model: readonly number[], features: readonly number[]): number {
  return features.reduce((z, v, k) => z + (model[k] ?? 0) * v, 0)
}

/**
 * The first `top` passages of `pool` (the ranker's list, best first) in the model's order. With a
 * cited region (`region`), the places the ranker gave to passages outside it stay theirs, in the
 * ranker's order; only the passages inside it are re-ranked: a passage on another page is never
 * lifted above one on the cited page.
 */
export function rerankPool(pool: RankedWindow[], features: number[][], model: readonly number[], top: number, region: boolean): RankedWindow[] {
  const scored = pool.map((w, k) => ({ w, z: rerankScore(model, features[k]) }))
  for (const { w, z } of scored) w.score = Math.exp(z)
  if (!region) return scored.sort((a, b) => b.z - a.z || a.w.start - b.w.start).slice(0, top).map((s) => s.w)
  const inside = scored.filter((s) => s.w.inRegion).sort((a, b) => b.z - a.z || a.w.start - b.w.start).map((s) => s.w)
  const outside = pool.filter((w) => !w.inRegion)
  const outsideSlots = Math.min(top >= 5 ? 2 : 1, top - 1)
  // The ranker's selection: its best inside and outside passages, in the order of its scores.
  const keptOutside = outside.slice(0, outsideSlots)
  const base = [...pool.filter((w) => w.inRegion).slice(0, top - Math.min(outsideSlots, keptOutside.length)), ...keptOutside].sort((a, b) => b.base - a.base || a.start - b.start)
  let i = 0
  return base.map((w) => (w.inRegion ? inside[i++] : w))
}
