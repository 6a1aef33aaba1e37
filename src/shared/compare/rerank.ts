/**
 * Second stage of the ranking: the first stage (rank.ts, hand-set BM25 evidence) proposes a pool
 * of passages; a linear model re-orders them by the first-stage score (relative to the best of
 * the pool) and by the passage's semantic fit with the claim in the source's own semantic space
 * (semantic-space.ts: cosine with the window ±1 and ±4 sentences). The weights are fitted on the
 * tuned-on labelled claims only by bench/compare-fit.ts (listwise softmax; the feature set was
 * chosen by leave-one-article-out cross-validation, docs/compare.md).
 */
import { selectTop, type RankedWindow } from './rank'
import type { SemanticFit } from './semantic-space'

/** Passages of the first stage that the model re-orders. */
export const RERANK_POOL = 40

/** Feature names, in the order of the model's weights. */
export const RERANK_FEATURES = ['score', 'semantic', 'semanticWide'] as const

/** Weights fitted by `npx tsx bench/compare-fit.ts` on the tuned-on sets (see RERANK_FEATURES). */
export const RERANK_WEIGHTS: readonly number[] = [7.352, 2.898, 11.985]

/**
 * The feature vector of each window of one pool (RERANK_FEATURES order). The first-stage score
 * is taken relative to the pool's best, so one model applies to every claim.
 */
export function rerankFeatures(windows: RankedWindow[], fits: SemanticFit[]): number[][] {
  const best = Math.max(1e-9, ...windows.map((w) => w.score))
  return windows.map((w, i) => [w.score / best, fits[i]?.near ?? 0, fits[i]?.wide ?? 0])
}

/** Linear score of a feature vector. */
export function linearScore(weights: readonly number[], features: number[]): number {
  let z = 0
  for (let i = 0; i < features.length; i++) z += weights[i] * features[i]
  return z
}

/**
 * Re-orders a first-stage pool by the model and keeps `top` (the cited-region rule of rank.ts
 * applies again: the best passages outside the region keep their places at the end). Each
 * window's `score` becomes the model's score.
 */
export function rerankWindows(pool: RankedWindow[], fits: SemanticFit[], top: number, hasRegion: boolean, weights: readonly number[] = RERANK_WEIGHTS): RankedWindow[] {
  const x = rerankFeatures(pool, fits)
  const scored = pool.map((w, i) => ({ ...w, score: linearScore(weights, x[i]) }))
  scored.sort((a, b) => b.score - a.score || a.start - b.start)
  return selectTop(scored, top, hasRegion)
}
