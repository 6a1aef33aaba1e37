/**
 * "Is it in this source?": a calibrated judgement on a ranked list of passages — a supporting
 * passage found, related passages only, or not found — with a confidence. Two logistic models
 * over features of the ranking give the probability that a listed passage is the one a historian
 * labelled (P(found)) and the probability that the source has no such passage (P(absent)); their
 * coefficients were fitted by bench/compare-calibrate.ts on the tuned-on labelled sets only.
 * The judgement informs; it never records or preselects a verdict.
 */

/** What the ranking says about a claim, each value as computed in compare.ts. */
export interface JudgementFeatures {
  /** Share (0–1) of the claim's weighted terms the best passage itself contains. */
  coverage: number
  /** Share (0–1) of the claim's weighted names found in or around the best passage. */
  nameCoverage: number
  /** Share (0–1) of the claim's weighted terms that occur anywhere in the source. */
  presence: number
  /** ln(best score / second score), 0 when there is one candidate or none. */
  margin: number
  /** Best score divided by the claim's total weight (how much evidence per unit of claim). */
  strength: number
  /** Share (0–1) of the claim's names that occur anywhere in the source (any spelling it knows). */
  namePresence: number
  /** Claim words and names the source never uses (0–1: count / 4, capped), the sign of a fact it lacks. */
  absentTerms: number
}

export type JudgementVerdict = 'supported-passage-found' | 'related-passages-only' | 'not-found'

export interface Judgement {
  verdict: JudgementVerdict
  /** Calibrated probability (0–1) that the verdict is right. */
  confidence: number
  /** P(one of the listed passages is the one that bears on the claim). */
  pFound: number
  /** P(the source has no passage bearing on the claim). */
  pAbsent: number
  features: JudgementFeatures
}

/** Order of the features in the coefficient vectors. */
export const FEATURE_ORDER: (keyof JudgementFeatures)[] = ['coverage', 'nameCoverage', 'presence', 'margin', 'strength', 'namePresence', 'absentTerms']

/**
 * Fitted coefficients [bias, ...FEATURE_ORDER]. Refit with `npx tsx bench/compare-calibrate.ts`
 * (it prints these two lines) after changing the ranking.
 */
export const FOUND_MODEL = [1.043, -1.737, -0.508, -1.058, 4.674, 0.45, -0.412, -0.428]
export const ABSENT_MODEL = [10.106, 0.62, -0.823, -10.366, -1.296, -0.408, -0.358, -4.938]

/**
 * Probabilities from which "not found" and "supported passage found" are said (fitted with the
 * models on the tuned-on sets: "found" at the best balanced accuracy, "not found" at the best F1 of that rare class).
 */
export const ABSENT_THRESHOLD = 0.25
export const FOUND_THRESHOLD = 0.5

const sigmoid = (x: number): number => 1 / (1 + Math.exp(-x))

/** Logistic probability of a model [bias, ...weights] for features in FEATURE_ORDER. */
export function probability(model: number[], f: JudgementFeatures): number {
  return sigmoid(FEATURE_ORDER.reduce((z, k, i) => z + model[i + 1] * f[k], model[0]))
}

/** The judgement on a ranking with these features. */
export function judge(f: JudgementFeatures, models: { found: number[]; absent: number[]; foundAt?: number; absentAt?: number } = { found: FOUND_MODEL, absent: ABSENT_MODEL }): Judgement {
  const pFound = probability(models.found, f)
  const pAbsent = probability(models.absent, f)
  const round = (x: number): number => Math.round(x * 1000) / 1000
  const absentAt = models.absentAt ?? ABSENT_THRESHOLD
  const foundAt = models.foundAt ?? FOUND_THRESHOLD
  // Confidence is the model's probability of the verdict given, so the same number means the same
  // odds whatever the verdict: for "related passages only", the probability that neither extreme holds.
  if (pAbsent >= absentAt) return { verdict: 'not-found', confidence: round(pAbsent), pFound: round(pFound), pAbsent: round(pAbsent), features: f }
  if (pFound >= foundAt) return { verdict: 'supported-passage-found', confidence: round(pFound), pFound: round(pFound), pAbsent: round(pAbsent), features: f }
  return { verdict: 'related-passages-only', confidence: round(Math.max(0, 1 - pFound - pAbsent)), pFound: round(pFound), pAbsent: round(pAbsent), features: f }
}
