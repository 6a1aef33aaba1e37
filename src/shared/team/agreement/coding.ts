/**
 * Chance-corrected agreement of a coding study: several raters each assign one nominal value (or
 * nothing) to each item. Cohen's κ (two raters), Fleiss' κ (any number) and Krippendorff's α
 * (nominal, missing values allowed), with the conventions of DKPro Agreement as INCEpTION calls it:
 * κ is (A_O − A_E) / (1 − A_E), and α is 1 − D_O / D_E.
 *
 * References: Cohen 1960; Fleiss 1971; Krippendorff, Content Analysis (2004), ch. 11;
 * Artstein & Poesio, Inter-coder agreement for computational linguistics (2008).
 */

/** One item's values, one per rater in the study's rater order; `null` = the rater gave none. */
export type CodingItem = readonly (string | null)[]

/** A value that is not a number: no item to measure, or no decision for the raters to agree on. */
export interface Undefined {
  value: null
  /** Why the coefficient is undefined, in words for the table. */
  reason: string
}

/** A coefficient, or why it has none. */
export type Coefficient = { value: number } | Undefined

function counts(values: Iterable<string>): Map<string, number> {
  const out = new Map<string, number>()
  for (const v of values) out.set(v, (out.get(v) ?? 0) + 1)
  return out
}

/** Items in which every rater gave a value (κ needs complete items; INCEpTION excludes the others). */
export function completeItems(items: readonly CodingItem[]): string[][] {
  return items.filter((item) => item.every((v) => v !== null)) as string[][]
}

/** The κ conventions INCEpTION applies: no items → undefined; one category seen → 1. */
function kappaGuard(items: readonly string[][]): Undefined | { value: 1 } | undefined {
  if (items.length === 0) return { value: null, reason: 'no span annotated by every rater' }
  if (new Set(items.flat()).size === 1) return { value: 1 }
  return undefined
}

/**
 * Cohen's κ for two raters over the items both coded (incomplete items are left out).
 * A_O = share of items with equal values; A_E = Σ_c p₁(c)·p₂(c), each rater with their own marginals.
 */
export function cohenKappa(items: readonly CodingItem[]): Coefficient {
  if (items.some((item) => item.length !== 2)) throw new Error('Cohen’s κ compares exactly two raters')
  const complete = completeItems(items)
  const guard = kappaGuard(complete)
  if (guard) return guard
  const n = complete.length
  const observed = complete.filter(([a, b]) => a === b).length / n
  const first = counts(complete.map((i) => i[0]))
  const second = counts(complete.map((i) => i[1]))
  let expected = 0
  for (const [c, k] of first) expected += (k / n) * ((second.get(c) ?? 0) / n)
  return { value: expected === 1 ? observed : (observed - expected) / (1 - expected) }
}

/**
 * Fleiss' κ over the items every rater coded. For item i with n raters and n_ic of them choosing c:
 * P_i = Σ_c n_ic(n_ic − 1) / (n(n − 1)); A_O = mean P_i; A_E = Σ_c p_c² with p_c = Σ_i n_ic / (N·n).
 */
export function fleissKappa(items: readonly CodingItem[]): Coefficient {
  const complete = completeItems(items)
  const guard = kappaGuard(complete)
  if (guard) return guard
  const raters = complete[0].length
  if (raters < 2) return { value: null, reason: 'fewer than two raters' }
  let observed = 0
  const totals = new Map<string, number>()
  for (const item of complete) {
    let agreeing = 0
    for (const [c, k] of counts(item)) {
      agreeing += k * (k - 1)
      totals.set(c, (totals.get(c) ?? 0) + k)
    }
    observed += agreeing / (raters * (raters - 1))
  }
  observed /= complete.length
  let expected = 0
  for (const k of totals.values()) expected += (k / (complete.length * raters)) ** 2
  return { value: expected === 1 ? observed : (observed - expected) / (1 - expected) }
}

/**
 * Krippendorff's α, nominal, written in its pairable-values form: only items with at least two values
 * count; each ordered pair of values (u, v) from different raters of an item with m_u values weighs
 * 1/(m_u − 1). D_O = weighted share of unequal pairs among the n pairable values; D_E = share of unequal
 * pairs among all n(n − 1) ordered pairs of pairable values. α = 1 − D_O/D_E.
 * As INCEpTION: no pairable value → undefined; a single value used → undefined; D_O = D_E = 0 → 1.
 */
export function krippendorffAlpha(items: readonly CodingItem[]): Coefficient {
  const pairable = items.map((item) => item.filter((v): v is string => v !== null)).filter((vs) => vs.length >= 2)
  const n = pairable.reduce((s, vs) => s + vs.length, 0)
  if (n === 0) return { value: null, reason: 'no span coded by two raters' }
  const totals = counts(pairable.flat())
  if (totals.size < 2) return { value: null, reason: 'only one value was used: nothing to agree on' }
  let unequal = 0
  for (const vs of pairable) {
    let same = 0
    for (const k of counts(vs).values()) same += k * (k - 1)
    unequal += (vs.length * (vs.length - 1) - same) / (vs.length - 1)
  }
  const observed = unequal / n
  let sameAll = 0
  for (const k of totals.values()) sameAll += k * (k - 1)
  const expected = (n * (n - 1) - sameAll) / (n * (n - 1))
  if (observed === 0 && expected === 0) return { value: 1 }
  return { value: 1 - observed / expected }
}

/**
 * The study seen through one category: a value becomes `c` when it contains `c` (values may be sets
 * written `a + b`), `¬c` otherwise; missing stays missing. Category rows of the table measure this.
 */
export function binarise(items: readonly CodingItem[], category: string, contains: (value: string, c: string) => boolean): CodingItem[] {
  const not = `¬${category}`
  return items.map((item) => item.map((v) => (v === null ? null : contains(v, category) ? category : not)))
}
