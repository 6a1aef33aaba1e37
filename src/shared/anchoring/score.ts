/**
 * Scoring of anchoring candidates. A candidate is a place in the text (UTF-16 indices, as
 * String.indexOf and approx-string-match give them) where the quote was found with `errors` edits.
 * The score is a weighted mean of four pieces of evidence, normalised to 0–1 over the evidence
 * the selector actually carries (an import without prefix/suffix is scored on quote and position).
 */
import { similarity } from './similarity'

/**
 * Weights of the evidence. The quote dominates (it is what the historian highlighted); the prefix
 * and suffix together weigh almost as much, so a quote found in the wrong surroundings cannot reach
 * the threshold on its own unless it is long and unique (see DISTINCTIVE_*). Position is a
 * tie-breaker only (as in Hypothesis's match-quote): among equally good matches the nearest to the
 * old position wins, but position never outweighs a differing context, because edits before a
 * passage shift it arbitrarily far.
 */
export const QUOTE_WEIGHT = 50
export const PREFIX_WEIGHT = 20
export const SUFFIX_WEIGHT = 20
export const POSITION_WEIGHT = 2

/**
 * Below this score an annotation is orphaned rather than moved. With the weights above (and
 * position ≈ 1), 0.75 accepts: an exact quote with one side of its context intact (≈0.78), a quote
 * with up to ~40% edits inside intact context (≈0.78), a long unique quote in rewritten context
 * (≈0.78, see DISTINCTIVE_*); and refuses an exact but short quote in unrelated context (≈0.57:
 * the look-alike "John VII" elsewhere) and a half-rewritten quote even in intact context (≈0.73).
 */
export const MIN_SCORE = 0.75

/**
 * Context similarity of two unrelated natural-language strings of 32 characters is not 0: they
 * share letters and spaces. On Gibbon vol. 6, random pairs of 32-character windows have a mean
 * normalised edit similarity of 0.14 and a 99th percentile of 0.31 (bench/anchoring.ts prints
 * this). Similarities are rescaled so that 0.3 counts as no evidence at all, i.e. chance
 * resemblance almost never helps a look-alike: evidence = (sim − 0.3) / 0.7, floored at 0.
 */
export const UNRELATED_CONTEXT_SIMILARITY = 0.3

/**
 * A long quote found (almost) exactly, and only once, is its own evidence even if its context was
 * rewritten: its context evidence is floored at 0.5. 24 code points is about four words, past the
 * length of a name or a date that recurs by chance ("John VII", "in 1390").
 */
export const DISTINCTIVE_QUOTE_LENGTH = 24
export const DISTINCTIVE_QUOTE_SIMILARITY = 0.9
export const DISTINCTIVE_CONTEXT_FLOOR = 0.5

export interface Candidate {
  startUtf16: number
  endUtf16: number
  /** Edits between the quote and the text at the candidate (0 for an exact match). */
  errors: number
}

export interface ScoringContext {
  text: string
  quote: string
  prefix: string
  suffix: string
  /** Old start as a UTF-16 index, when known. */
  hintUtf16?: number
  /** True when only one place in the text matches the quote closely. */
  unique: boolean
}

/**
 * Rescaled context evidence in 0–1 (see UNRELATED_CONTEXT_SIMILARITY). Whitespace runs count as one
 * space on both sides, and the actual context is cut to the stored one's collapsed length from the
 * quote's side (`nearEnd`: the prefix touches the quote at its end): the same page extracted by
 * another tool (textContent vs. rendered text) differs mostly in indentation and line breaks.
 */
function contextEvidence(stored: string, actual: string, nearEnd: boolean): number {
  const a = stored.replace(/\s+/g, ' ')
  let b = actual.replace(/\s+/g, ' ')
  if (b.length > a.length) b = nearEnd ? b.slice(b.length - a.length) : b.slice(0, a.length)
  const sim = similarity(a, b)
  return Math.max(0, (sim - UNRELATED_CONTEXT_SIMILARITY) / (1 - UNRELATED_CONTEXT_SIMILARITY))
}

/** 1 − errors / the longer of the quote and the matched text (normalised edit similarity). */
export function quoteSimilarity(c: Candidate, quoteLength: number): number {
  const longest = Math.max(quoteLength, c.endUtf16 - c.startUtf16)
  return longest === 0 ? 1 : Math.max(0, 1 - c.errors / longest)
}

/** Score in 0–1 of one candidate. */
export function scoreCandidate(c: Candidate, s: ScoringContext): number {
  const quoteSim = quoteSimilarity(c, s.quote.length)
  const distinctive =
    s.unique && [...s.quote].length >= DISTINCTIVE_QUOTE_LENGTH && quoteSim >= DISTINCTIVE_QUOTE_SIMILARITY
  const floor = distinctive ? DISTINCTIVE_CONTEXT_FLOOR : 0
  let total = QUOTE_WEIGHT * quoteSim
  let weights = QUOTE_WEIGHT
  if (s.prefix) {
    const actual = s.text.slice(Math.max(0, c.startUtf16 - s.prefix.length), c.startUtf16)
    total += PREFIX_WEIGHT * Math.max(floor, contextEvidence(s.prefix, actual, true))
    weights += PREFIX_WEIGHT
  }
  if (s.suffix) {
    const actual = s.text.slice(c.endUtf16, c.endUtf16 + s.suffix.length)
    total += SUFFIX_WEIGHT * Math.max(floor, contextEvidence(s.suffix, actual, false))
    weights += SUFFIX_WEIGHT
  }
  if (s.hintUtf16 !== undefined) {
    const distance = Math.abs(c.startUtf16 - s.hintUtf16)
    total += POSITION_WEIGHT * Math.max(0, 1 - distance / Math.max(1, s.text.length))
    weights += POSITION_WEIGHT
  }
  return total / weights
}
