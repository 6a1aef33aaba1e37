/**
 * The agreement coefficients on small fixtures computed by hand (the arithmetic is in the comments)
 * and on the published examples of Krippendorff (1995, p. 57; 2004, p. 254).
 */
import { describe, expect, it } from 'vitest'
import { cohenKappa, fleissKappa, krippendorffAlpha, type CodingItem } from '../../../../src/shared/team/agreement/coding'
import { alphaU, alphaUCategory, expectedDisagreement, observedDisagreement, type Unit, type UnitizingStudy } from '../../../../src/shared/team/agreement/unitizing'

/** Krippendorff (1995), example A digitised: 24 positions, Bertha and Bill, 1 = inside a unit. */
const BERTHA = '001111111100001111110000'
const BILL = '000011110000000110000000'
const exampleA: CodingItem[] = [...BERTHA].map((v, i) => [v, BILL[i]])

describe('coding measures on Krippendorff 1995, example A', () => {
  // Pairs (Bertha, Bill): (0,0) ×10, (1,0) ×8, (1,1) ×6, (0,1) ×0; N = 24.
  // Bertha: 14 ones, 10 zeros. Bill: 6 ones, 18 zeros. Pooled: 20 ones, 28 zeros of 48.
  it("Cohen's κ = 0.3846", () => {
    // A_O = 16/24; A_E = (14·6 + 10·18)/24² = 264/576 = 0.458333
    // κ = (0.666667 − 0.458333)/(1 − 0.458333) = 0.208333/0.541667 = 0.384615
    expect(cohenKappa(exampleA).value).toBeCloseTo(0.384615, 5)
  })
  it("Fleiss' κ (Scott's π for two raters) = 0.3143", () => {
    // A_E = (20/48)² + (28/48)² = 0.173611 + 0.340278 = 0.513889
    // κ = (0.666667 − 0.513889)/(1 − 0.513889) = 0.152778/0.486111 = 0.314286
    expect(fleissKappa(exampleA).value).toBeCloseTo(0.314286, 5)
  })
  it("Krippendorff's α = 0.3286", () => {
    // n = 48 pairable values; D_O = 8 disagreeing items × 2 ordered pairs / (m−1 = 1) / 48 = 1/3
    // D_E = (48·47 − (20·19 + 28·27))/(48·47) = (2256 − 380 − 756)/2256 = 1120/2256 = 0.496454
    // α = 1 − 0.333333/0.496454 = 0.328571
    expect(krippendorffAlpha(exampleA).value).toBeCloseTo(0.328571, 5)
  })
})

describe('coding measures with three raters and a missing value', () => {
  const items: CodingItem[] = [
    ['a', 'a', 'a'],
    ['a', 'a', 'b'],
    ['b', 'b', 'b'],
    ['a', 'b', 'b'],
    ['a', null, null] // incomplete: left out of κ; one value only: not pairable for α
  ]
  it("Fleiss' κ = 1/3 over the four complete items", () => {
    // P_i = Σ n_ic(n_ic−1)/(3·2): 6/6, 2/6, 6/6, 2/6 → A_O = (1 + 1/3 + 1 + 1/3)/4 = 2/3
    // a: 3+2+0+1 = 6, b: 6 of 12 → A_E = 0.5² + 0.5² = 1/2; κ = (2/3 − 1/2)/(1/2) = 1/3
    expect(fleissKappa(items).value).toBeCloseTo(1 / 3, 10)
  })
  it("Krippendorff's α = 7/18", () => {
    // n = 12; unequal ordered pairs per item /(m−1 = 2): 0, 4/2, 0, 4/2 → D_O = 4/12 = 1/3
    // D_E = (12·11 − (6·5 + 6·5))/(12·11) = 72/132 = 6/11; α = 1 − (1/3)/(6/11) = 1 − 11/18 = 7/18
    expect(krippendorffAlpha(items).value).toBeCloseTo(7 / 18, 10)
  })
  it('gives no number, with a reason, when there is nothing to measure', () => {
    expect(cohenKappa([['a', null]])).toMatchObject({ value: null, reason: expect.stringContaining('every rater') })
    expect(krippendorffAlpha([['a', 'a'], ['a', 'a']])).toMatchObject({ value: null })
    expect(fleissKappa([['x', 'x', 'x']]).value).toBe(1) // INCEpTION: one category observed → 1
  })
})

const study = (length: number, raters: number, units: [number, number, number, string][]): UnitizingStudy => ({
  length, raters, units: units.map(([rater, start, len, category]): Unit => ({ rater, start, end: start + len, category }))
})

describe('unitizing αu', () => {
  it('on a fixture computed by hand', () => {
    // L = 10; rater 0 marks X at [2,5), rater 1 at [3,5).
    // Segments: r0 gap[0,2) unit[2,5) gap[5,10); r1 gap[0,3) unit[3,5) gap[5,10).
    // Overlapping pairs: only unit–unit gives δ² = (2−3)² + (5−5)² = 1 (unit[2,5) is not inside gap[0,3)).
    // D_O = 2·1/(2·1·10²) = 0.01
    // D_E: units l = 3, 2 (N = 2), Σ l(l−1) = 6 + 2 = 8; gaps 2, 5, 3, 5.
    //   l = 3: (N−1)(2·27 − 3·9 + 3)/3 = 10, gaps ≥ 3 fit 1 + 3 + 3 = 7 → 9·7 = 63 → 73
    //   l = 2: (16 − 12 + 2)/3 = 2, gaps ≥ 2 fit 1 + 4 + 2 + 4 = 11 → 4·11 = 44 → 46
    //   D_E = (2/10)·119 / (2·10·19 − 8) = 23.8/372 = 0.0639785
    // αu = 1 − 0.01/0.0639785 = 0.843697
    const s = study(10, 2, [[0, 2, 3, 'X'], [1, 3, 2, 'X']])
    expect(observedDisagreement(s, 'X')).toBeCloseTo(0.01, 12)
    expect(expectedDisagreement(s, 'X')).toBeCloseTo(23.8 / 372, 12)
    expect(alphaUCategory(s, 'X')).toBeCloseTo(0.843697, 6)
    expect(alphaU(s)).toBeCloseTo(0.843697, 6)
  })

  it('reproduces Krippendorff 2004, p. 254: αu = 0.8591, c: D_O 0.0144, D_E 0.0532, α 0.7286; k: α 1', () => {
    // Continuum [150, 450) shifted to [0, 300).
    const s = study(300, 2, [
      [0, 75, 70, 'c'], [0, 220, 30, 'c'], [1, 70, 80, 'c'], [1, 205, 20, 'c'], [1, 250, 20, 'c'],
      [0, 30, 60, 'k'], [0, 150, 50, 'k'], [1, 30, 60, 'k'], [1, 150, 50, 'k']
    ])
    expect(observedDisagreement(s, 'c')).toBeCloseTo(0.0144, 4)
    expect(expectedDisagreement(s, 'c')).toBeCloseTo(0.0532, 4)
    expect(alphaUCategory(s, 'c')).toBeCloseTo(0.7286, 4)
    expect(observedDisagreement(s, 'k')).toBe(0)
    expect(expectedDisagreement(s, 'k')).toBeCloseTo(0.049, 4)
    expect(alphaUCategory(s, 'k')).toBe(1)
    expect(alphaU(s)).toBeCloseTo(0.8591, 3)
  })

  it('reproduces the observed disagreements of Krippendorff 1995, p. 57 (A 0.03125, B 2.26736, C 0.02777, D 0.38715)', () => {
    const s = study(24, 2, [
      [0, 2, 8, 'A'], [0, 14, 6, 'A'], [1, 4, 4, 'A'], [1, 15, 2, 'A'],
      [0, 0, 18, 'B'], [1, 0, 2, 'B'], [1, 2, 1, 'B'], [1, 3, 1, 'B'], [1, 4, 1, 'B'], [1, 5, 1, 'B'], [1, 6, 3, 'B'], [1, 9, 1, 'B'],
      [0, 2, 6, 'C'], [0, 10, 2, 'C'], [0, 14, 4, 'C'], [0, 20, 2, 'C'], [1, 0, 2, 'C'], [1, 4, 4, 'C'], [1, 10, 4, 'C'], [1, 16, 2, 'C'], [1, 20, 2, 'C'],
      [0, 0, 2, 'D'], [0, 2, 8, 'D'], [0, 10, 4, 'D'], [0, 14, 6, 'D'], [0, 20, 4, 'D'], [1, 0, 4, 'D'], [1, 4, 4, 'D'], [1, 8, 7, 'D'], [1, 15, 2, 'D'], [1, 17, 7, 'D']
    ])
    expect(observedDisagreement(s, 'A')).toBeCloseTo(0.03125, 5)
    expect(observedDisagreement(s, 'B')).toBeCloseTo(2.26736, 5)
    expect(observedDisagreement(s, 'C')).toBeCloseTo(0.02777, 4) // = 1/36, printed truncated
    expect(observedDisagreement(s, 'D')).toBeCloseTo(0.38715, 5)
  })

  it('is 1 for identical markings and falls when one rater shifts a span', () => {
    const same = study(100, 3, [[0, 10, 5, 'X'], [1, 10, 5, 'X'], [2, 10, 5, 'X'], [0, 50, 20, 'X'], [1, 50, 20, 'X'], [2, 50, 20, 'X']])
    expect(alphaU(same)).toBe(1)
    const shifted = study(100, 3, [[0, 10, 5, 'X'], [1, 10, 5, 'X'], [2, 12, 5, 'X'], [0, 50, 20, 'X'], [1, 50, 20, 'X'], [2, 50, 20, 'X']])
    expect(alphaU(shifted)!).toBeLessThan(1)
    expect(alphaU(shifted)!).toBeGreaterThan(0.5)
  })
})
