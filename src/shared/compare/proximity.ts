/**
 * Term proximity: how close together a passage says the claim's concepts. A claim states one event
 * (who did what to whom, when); a passage that states it says those parts within a clause, while a
 * passage that merely shares the claim's words scatters them over its sentences ("Bajazet" in one
 * clause, "besieged" three clauses later about someone else). The index keeps no word positions,
 * so this is computed on the text of the best windows only (see rank.ts, `tokensOf`).
 * Distances are in words (tokens of text/tokenise.ts, function words included).
 */
import type { Concept } from './claim-analysis'
import { epithetTermWords } from './regnal'

/** Words apart at which a pair of concepts counts half. */
export const PROXIMITY_SCALE = 6

/**
 * For each concept, the stems whose occurrence places it in a text: its word alternatives, each
 * word of a phrase alternative (`put+death`), the words of a name written with an epithet. Numbers
 * and dates get an empty set and take no part, nor do context concepts: placing values too (a
 * number or date where it starts) lost passages on the tuned-on sets, a date beside the claim's
 * other words being as often another event of the same day.
 */
export function placeableTerms(concepts: Concept[]): Set<string>[] {
  return concepts.map((c) => {
    const terms = new Set<string>()
    if (c.context || c.kind === 'number' || c.kind === 'date') return terms
    for (const a of c.alts) {
      if (a.term.startsWith('#') || a.term.startsWith('@')) continue
      for (const w of epithetTermWords(a.term) ?? a.term.split('+')) if (w && w !== '*') terms.add(w)
    }
    return terms
  })
}

/**
 * Share (0–1) of the claim's pairs of concepts, weighted by the product of their importances, that
 * the text says close together: a pair found d words apart counts SCALE / (SCALE + d − 1); a pair
 * of which the text lacks one concept counts 0. `tokens` are the words of the text in order (only
 * their stems are read); `terms` come from placeableTerms; `importance` weighs each concept.
 */
export function proximity(tokens: readonly { stem: string }[], terms: Set<string>[], importance: readonly number[]): number {
  const positions: number[][] = terms.map(() => [])
  const placeable = terms.map((t) => t.size > 0)
  tokens.forEach((t, i) => {
    terms.forEach((set, q) => {
      if (set.has(t.stem)) positions[q].push(i)
    })
  })
  let found = 0
  let total = 0
  for (let a = 0; a < terms.length; a++) {
    if (!placeable[a]) continue
    for (let b = a + 1; b < terms.length; b++) {
      if (!placeable[b]) continue
      const w = importance[a] * importance[b]
      total += w
      const d = nearest(positions[a], positions[b])
      if (d !== undefined) found += (w * PROXIMITY_SCALE) / (PROXIMITY_SCALE + Math.max(1, d) - 1)
    }
  }
  return total > 0 ? found / total : 0
}

/** Least distance between a position of `xs` and one of `ys` (both ascending), or undefined when either is empty. */
function nearest(xs: number[], ys: number[]): number | undefined {
  if (!xs.length || !ys.length) return undefined
  let best = Infinity
  let i = 0
  let j = 0
  while (i < xs.length && j < ys.length) {
    best = Math.min(best, Math.abs(xs[i] - ys[j]))
    if (xs[i] < ys[j]) i++
    else j++
  }
  return best
}
