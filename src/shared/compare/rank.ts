/**
 * Ranks the sentence windows of a source by how well they support a claim. Per concept, BM25
 * over sentences (rare terms weigh more) with the best alternative (word, synonym, name variant,
 * alias, value); per window, the sum over concepts scaled by how much of the claim the window
 * covers, plus the evidence in the surrounding sentences (a narrative names its actors a
 * sentence or two away: "John, the son of the criminal" two sentences after "Andronicus").
 * Windows are one to three consecutive sentences, over a paragraph break at a cost.
 */
import type { Concept } from './claim-analysis'
import { placeableTerms, proximity } from './proximity'
import { SENTENCE_FIELDS as F, SENTENCE_HEADING, SENTENCE_NOTE, postingsOf, type SourceIndex } from './source-index'

/** A ranked passage: sentences [first, last] of the index; start/end in code points of the source. */
export interface RankedWindow {
  first: number
  last: number
  start: number
  end: number
  score: number
  /** The score before the proximity factor (what the "not found" judgement reads). */
  base: number
  /** Share (0–1) of the claim's weighted pairs of concepts the window says close together (proximity.ts); 0 when not computed (below the first three). */
  proximity: number
  /** Share (0–1) of the claim's weighted concepts (weight × idf) that the window itself matches. */
  coverage: number
  /** Concepts (by position in the concept list) the window itself matches, with their best source term. */
  matched: { concept: number; term: string }[]
  /** Share (0–1) of the claim's weighted names the window or the sentences around it match. */
  nameCoverage: number
  /** False when a cited region was given and the window lies outside it. */
  inRegion: boolean
  /** The window's own evidence (sum over concepts of their best BM25 in it) and the evidence around it (decayed). */
  evidence: number
  around: number
  /** How well the source's chronology around the window fits the claim's years (0–1; 0 without years). */
  timeFit: number
}

export interface RankOptions {
  /** Number of passages wanted (default 5). */
  top?: number
  /**
   * The region the citation's locator names (code point ranges of the source): windows inside it
   * score REGION_BOOST times more; windows outside are still ranked (a wrong locator must not hide
   * the right passage), and marked.
   */
  region?: { start: number; end: number }[]
  /**
   * The words of the source between two code points (text/tokenise.ts tokens, in order). Given,
   * the first PROXIMITY_REORDERED passages are put in order by how close together each says the
   * claim's concepts (proximity.ts); without it the ranking reads the index only.
   */
  tokensOf?: (start: number, end: number) => readonly { stem: string }[]
}

/** How much a window inside the cited region is preferred to one outside it. */
export const REGION_BOOST = 3
/** Places kept for passages outside the cited region in a list of five or more (one in a shorter list). */
const OUTSIDE_SLOTS = 2

// BM25 parameters (the usual values): term frequency saturation and length normalisation.
const K1 = 1.2
const B = 0.75
/** Two-sentence windows must beat one sentence by this factor (they always match at least as much). */
const PAIR_PENALTY = 0.85
/** A window over a paragraph break must beat one inside a paragraph by this factor. */
const PARAGRAPH_PENALTY = 0.8
/** Share of the score that depends on coverage of the claim's concepts; the rest is plain evidence. */
const COVERAGE_SHARE = 0.6
/** Sentences on each side of a window whose evidence counts, decaying linearly with distance. */
const REGION_RADIUS = 8
/** Weight of the surrounding evidence relative to the window's own. */
const REGION_WEIGHT = 0.8
/**
 * Sentences whose windows are scored in full. The rest are pruned by a cheap estimate (own
 * evidence plus the evidence within REGION_RADIUS), which keeps a query on a 2 MB source fast.
 */
export const FULLY_SCORED = 200
/** Headings and tables of contents name everything and say nothing. */
const HEADING_PENALTY = 0.3
/** Notes cite and digress: a claim's support is usually in the narrative (a note still wins alone). */
const NOTE_PENALTY = 0.6
/**
 * Chronology: a window near the source's mentions of the claim's year (or years close to it) gains
 * up to this share of its score. Narratives run in time order, so even a passage that gives no
 * date sits among passages that do.
 */
const TIME_WEIGHT = 0.5
/** Sentences either side within which a year mention places a window in time. */
const TIME_RADIUS = 40
/** Years of difference at which a mention counts half. */
const TIME_SCALE = 4
/**
 * Passages put in order by proximity (proximity.ts) at the head of the list. Re-scoring a larger
 * pool (80 windows) put more passages first but lost top-3 passages on the tuned-on sets; the
 * first three only reorder, so top-3 cannot change.
 */
const PROXIMITY_REORDERED = 3
/** A passage that says every pair of the claim's concepts side by side gains this multiple of its score. */
const PROXIMITY_WEIGHT = 2
/** Terms a sentence counts as at least, so a two-word fragment ("Roma.") does not outscore prose. */
const MIN_SENTENCE_TERMS = 8

const sentenceCount = (index: SourceIndex): number => index.sentences.length / F

/** Inverse document frequency of a term over the sentences (BM25's, never negative). */
export function idf(index: SourceIndex, term: string): number {
  const list = postingsOf(index, term)
  if (!list) return 0
  const n = sentenceCount(index)
  const df = list.length / 2
  return Math.log(1 + (n - df + 0.5) / (df + 0.5))
}

/** Importance of each concept: its weight × the best weighted idf of its alternatives; 0 for context concepts. */
export function conceptImportance(index: SourceIndex, concepts: Concept[]): number[] {
  return concepts.map((c) => (c.context ? 0 : c.weight * Math.max(0, ...c.alts.map((a) => a.weight * idf(index, a.term)))))
}

/**
 * Per sentence and concept, the best weighted BM25 of the concept's alternatives
 * (`score[s * Q + q]`, with the term that gave it in `term`), the sentence's own evidence (the sum
 * over concepts) and each concept's importance (weight × best idf; 0 for context concepts).
 */
export function sentenceEvidence(index: SourceIndex, concepts: Concept[]): { score: Float64Array; term: string[]; own: Float64Array; importance: number[] } {
  const S = index.sentences
  const n = sentenceCount(index)
  const Q = concepts.length
  const score = new Float64Array(n * Q)
  const term: string[] = []
  const own = new Float64Array(n)
  const importance = conceptImportance(index, concepts)
  concepts.forEach((c, q) => {
    for (const alt of c.alts) {
      const list = postingsOf(index, alt.term)
      if (!list) continue
      const w = c.weight * alt.weight * idf(index, alt.term)
      for (let i = 0; i < list.length; i += 2) {
        const s = list[i]
        const tf = list[i + 1]
        const len = Math.max(MIN_SENTENCE_TERMS, S[s * F + 3])
        const v = (w * tf * (K1 + 1)) / (tf + K1 * (1 - B + (B * len) / (index.avgTerms || 1)))
        if (v > score[s * Q + q]) {
          own[s] += v - score[s * Q + q]
          score[s * Q + q] = v
          term[s * Q + q] = alt.term
        }
      }
    }
  })
  return { score, term, own, importance }
}

/**
 * The candidate stage's estimate of a sentence: its own evidence plus a share of the evidence
 * within REGION_RADIUS sentences (prefix sums), times REGION_BOOST inside a cited region. Only the
 * FULLY_SCORED best sentences by this estimate have their windows scored in full.
 */
export function candidateEstimate(own: Float64Array, inRegion?: (s: number) => boolean): (s: number) => number {
  const n = own.length
  const prefix = new Float64Array(n + 1)
  for (let s = 0; s < n; s++) prefix[s + 1] = prefix[s] + own[s]
  return (s) => (own[s] + (0.3 * (prefix[Math.min(n, s + REGION_RADIUS + 1)] - prefix[Math.max(0, s - REGION_RADIUS)] - own[s])) / REGION_RADIUS) * (inRegion?.(s) ? REGION_BOOST : 1)
}

/** Ranks the windows of `index` for the concepts of a claim; best first, without overlaps. */
export function rankWindows(index: SourceIndex, concepts: Concept[], options: RankOptions = {}): RankedWindow[] {
  const top = options.top ?? 5
  const S = index.sentences
  const n = sentenceCount(index)
  const region = options.region?.length ? options.region : undefined
  const inRegion = (s: number): boolean => !region || region.some((r) => S[s * F] < r.end && S[s * F + 1] > r.start)
  const Q = concepts.length
  const { score, term, own, importance } = sentenceEvidence(index, concepts)
  const totalImportance = importance.reduce((a, b) => a + b, 0) || 1
  const claimYears = concepts.filter((c) => !c.context && c.year !== undefined).map((c) => c.year!)
  const timeFit = chronology(index, claimYears)
  const windows: RankedWindow[] = []
  const seen = new Set<string>()
  const consider = (first: number, last: number): void => {
    if (first < 0 || last >= n || seen.has(`${first}:${last}`)) return
    seen.add(`${first}:${last}`)
    let mine = 0
    let around = 0
    let covered = 0
    let coveredAround = 0
    let names = 0
    let namesAround = 0
    const matched: RankedWindow['matched'] = []
    for (let q = 0; q < concepts.length; q++) {
      let best = 0
      let bestTerm = ''
      for (let s = first; s <= last; s++) {
        const v = score[s * Q + q]
        if (v > best) {
          best = v
          bestTerm = term[s * Q + q]
        }
      }
      let near = best
      for (let d = 1; d <= REGION_RADIUS; d++) {
        const decay = 1 - d / (REGION_RADIUS + 1)
        const a = first - d >= 0 ? score[(first - d) * Q + q] : 0
        const b = last + d < n ? score[(last + d) * Q + q] : 0
        near = Math.max(near, a * decay, b * decay)
      }
      if (best > 0) {
        mine += best
        covered += importance[q]
        matched.push({ concept: q, term: bestTerm })
      }
      if (near > 0) {
        around += near
        coveredAround += importance[q]
        if (concepts[q].kind === 'name') namesAround += importance[q]
      }
      if (concepts[q].kind === 'name') names += importance[q]
    }
    const coverage = covered / totalImportance
    const coverageAround = coveredAround / totalImportance
    let total = mine * (1 - COVERAGE_SHARE + COVERAGE_SHARE * coverage)
    total += REGION_WEIGHT * around * (1 - COVERAGE_SHARE + COVERAGE_SHARE * coverageAround)
    if (last > first) total *= PAIR_PENALTY ** (last - first)
    // A passage may run over two paragraphs (a claim supported by the end of one and the start
    // of the next), at a cost: most support sits inside one.
    if (S[first * F + 2] !== S[last * F + 2]) total *= PARAGRAPH_PENALTY
    if (timeFit) total *= 1 + TIME_WEIGHT * Math.max(timeFit[first], timeFit[last])
    const kinds = [S[first * F + 4], S[last * F + 4]]
    if (kinds.includes(SENTENCE_HEADING)) total *= HEADING_PENALTY
    else if (kinds.includes(SENTENCE_NOTE)) total *= NOTE_PENALTY
    const inside = inRegion(first) || inRegion(last)
    if (region && inside) total *= REGION_BOOST
    windows.push({ first, last, start: S[first * F], end: S[last * F + 1], score: total, base: total, proximity: 0, coverage, matched, nameCoverage: names ? namesAround / names : 1, inRegion: inside, evidence: mine, around, timeFit: timeFit ? Math.max(timeFit[first], timeFit[last]) : 0 })
  }
  const estimate = candidateEstimate(own, region ? inRegion : undefined)
  const hit: number[] = []
  for (let s = 0; s < n; s++) if (own[s] > 0) hit.push(s)
  let chosen = hit
  if (hit.length > FULLY_SCORED) {
    // The FULLY_SCORED best estimates: a native numeric sort of the values gives the threshold.
    const est = Float64Array.from(hit, estimate)
    const threshold = Float64Array.from(est).sort()[est.length - FULLY_SCORED]
    chosen = hit.filter((_, k) => est[k] >= threshold)
  }
  for (const s of chosen) {
    consider(s, s)
    consider(s - 1, s)
    consider(s - 1, s + 1)
    consider(s, s + 1)
  }
  windows.sort((a, b) => b.score - a.score || a.start - b.start)
  // With a cited region, the best passages outside it keep OUTSIDE_SLOTS places at the end of the
  // list: a wrong locator must not hide the right passage.
  const outsideSlots = region ? Math.min(top >= 5 ? OUTSIDE_SLOTS : 1, top - 1) : 0
  const inside: RankedWindow[] = []
  const outside: RankedWindow[] = []
  for (const w of windows) {
    if (inside.length >= top && outside.length >= outsideSlots) break
    const list = w.inRegion ? inside : outside
    if (list.length >= (w.inRegion ? top : outsideSlots)) continue
    if ([...inside, ...outside].some((o) => w.first <= o.last && o.first <= w.last)) continue
    list.push(w)
  }
  const list = [...inside.slice(0, top - Math.min(outsideSlots, outside.length)), ...outside].slice(0, top).sort((a, b) => b.score - a.score || a.start - b.start)
  if (!options.tokensOf || list.length < 2) return list
  // The first PROXIMITY_REORDERED passages are put in order by how close together each says the
  // claim's concepts: the order among them changes, never which passages they are. With a cited
  // region only the passages inside it are reordered (among the places they hold): proximity never
  // lifts a passage outside the region above one inside it.
  const terms = placeableTerms(concepts)
  const head = list.slice(0, PROXIMITY_REORDERED)
  const slots: number[] = []
  head.forEach((w, k) => {
    w.proximity = proximity(options.tokensOf!(w.start, w.end), terms, importance)
    if (region && !w.inRegion) return
    w.score = w.base * (1 + PROXIMITY_WEIGHT * w.proximity)
    slots.push(k)
  })
  const reordered = slots.map((k) => head[k]).sort((a, b) => b.score - a.score || a.start - b.start)
  slots.forEach((k, i) => (head[k] = reordered[i]))
  return [...head, ...list.slice(PROXIMITY_REORDERED)]
}

/**
 * For each sentence, how well the source's chronology around it fits the claim's years (0–1):
 * the best year mention within TIME_RADIUS sentences, discounted by the distance in years and in
 * sentences. Undefined when the claim gives no year or the source mentions none.
 */
function chronology(index: SourceIndex, years: number[]): Float64Array | undefined {
  const Y = index.years ?? []
  if (!years.length || !Y.length) return undefined
  const n = index.sentences.length / F
  const fit = new Float64Array(n)
  for (let i = 0; i < Y.length; i += 2) {
    const s = Y[i]
    const closeness = Math.max(...years.map((y) => TIME_SCALE / (TIME_SCALE + Math.abs(Y[i + 1] - y))))
    if (closeness < 0.2) continue
    for (let d = -TIME_RADIUS; d <= TIME_RADIUS; d++) {
      const t = s + d
      if (t < 0 || t >= n) continue
      const v = closeness * (1 - Math.abs(d) / (TIME_RADIUS + 1))
      if (v > fit[t]) fit[t] = v
    }
  }
  return fit
}
