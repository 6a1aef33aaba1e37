/**
 * Pseudo-relevance feedback: the source's own vocabulary for the claim. The first ranking's best
 * passages are read, and the words they share — weighted by each passage's score, the word's share
 * of the passage and its rarity in the source (idf) — become extra concepts sought at a low weight.
 * A claim in modern words ("the Crusaders occupied Galata") then also finds passages in Gibbon's
 * ("the Latins", "the Franks", "Pera") without a hand table: the words come from this source.
 * Extra concepts are marked `context`, so they add evidence but never count in a passage's coverage
 * of the claim, in its matched terms or in the "not found" judgement.
 */
import type { Concept } from './claim-analysis'
import { idf, type RankedWindow } from './rank'
import type { SourceIndex } from './source-index'
import { STOPWORDS } from './stopwords'

export interface FeedbackOptions {
  /** Passages read (the first ranking's best). */
  passages: number
  /** Words added. */
  terms: number
  /** Weight of the best added word relative to a claim word (the others in proportion to their score). */
  weight: number
  /** Least idf for a word to be added: words in more sentences than this allows say nothing of the claim. */
  minIdf: number
}

export const FEEDBACK: FeedbackOptions = { passages: 5, terms: 8, weight: 0.3, minIdf: 3 }

/**
 * The feedback concepts for a claim from its first ranking (`windows`, best first): words of the
 * best passages that the claim's concepts do not already seek. `tokensOf` gives the words of the
 * source between two code points.
 */
export function feedbackConcepts(index: SourceIndex, concepts: Concept[], windows: RankedWindow[], tokensOf: (start: number, end: number) => readonly { norm: string; stem: string }[], options: FeedbackOptions = FEEDBACK): Concept[] {
  const sought = new Set(concepts.flatMap((c) => c.alts.map((a) => a.term)))
  const used = windows.slice(0, options.passages)
  const best = Math.max(0, ...used.map((w) => w.base))
  if (!(best > 0)) return []
  const score = new Map<string, number>()
  for (const w of used) {
    const words = tokensOf(w.start, w.end).filter((t) => !STOPWORDS.has(t.norm) && t.norm.length > 2 && !/\d/.test(t.norm))
    if (!words.length) continue
    const counts = new Map<string, number>()
    for (const t of words) counts.set(t.stem, (counts.get(t.stem) ?? 0) + 1)
    for (const [stem, n] of counts) {
      if (sought.has(stem)) continue
      const rarity = idf(index, stem)
      if (rarity < options.minIdf) continue
      score.set(stem, (score.get(stem) ?? 0) + (w.base / best) * (n / words.length) * rarity)
    }
  }
  // A word of one passage only is that passage's, not the claim's: keep words at least two passages share.
  const shared = new Map<string, number>()
  for (const w of used) for (const stem of new Set(tokensOf(w.start, w.end).map((t) => t.stem))) shared.set(stem, (shared.get(stem) ?? 0) + 1)
  const chosen = [...score].filter(([stem]) => (shared.get(stem) ?? 0) >= 2).sort((a, b) => b[1] - a[1]).slice(0, options.terms)
  const top = chosen[0]?.[1] ?? 0
  return chosen.map(([stem, s]) => ({ label: stem, kind: 'word', weight: options.weight * (s / top), context: true, alts: [{ term: stem, weight: 1, how: 'word' }], spans: [] }))
}
