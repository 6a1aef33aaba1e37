/**
 * The coefficients against independent implementations on random data:
 * - Krippendorff's α against the npm package `krippendorff` (coincidence-matrix form, written from
 *   the Wikipedia article; ours uses the pairable-values form);
 * - Cohen's κ against its pairwise-disagreement form 1 − D_O/D_E with D_E over all N² cross pairs;
 * - Fleiss' κ against brute-force enumeration of rater pairs and of pooled rating pairs;
 * - αu's observed disagreement against a double loop over all segment pairs written with DKPro's
 *   offset/length conditions (ours sweeps both tilings once).
 */
import { alpha as referenceAlpha } from 'krippendorff'
import { describe, expect, it } from 'vitest'
import { cohenKappa, fleissKappa, krippendorffAlpha, type CodingItem } from '../../../../src/shared/team/agreement/coding'
import { observedDisagreement, type Unit } from '../../../../src/shared/team/agreement/unitizing'
import { prng } from '../../../helpers/synthetic-project'

function randomItems(rnd: () => number, raters: number, n: number, missing: number): CodingItem[] {
  const values = ['a', 'b', 'c', 'd'].slice(0, 2 + Math.floor(rnd() * 3))
  return Array.from({ length: n }, () => Array.from({ length: raters }, () => (rnd() < missing ? null : values[Math.floor(rnd() * values.length)])))
}

describe('agreement against independent implementations on random data', () => {
  it("Krippendorff's α equals the npm krippendorff package's on 200 random studies with missing values", () => {
    const rnd = prng(7)
    let compared = 0
    for (let trial = 0; trial < 200; trial++) {
      const raters = 2 + Math.floor(rnd() * 4)
      const items = randomItems(rnd, raters, 3 + Math.floor(rnd() * 30), 0.25)
      const ours = krippendorffAlpha(items)
      if (ours.value === null) continue
      const matrix = Array.from({ length: raters }, (_, r) => items.map((item) => item[r] ?? undefined))
      expect(ours.value).toBeCloseTo(referenceAlpha(matrix), 10)
      compared++
    }
    expect(compared).toBeGreaterThan(150)
  })

  it("Cohen's κ equals 1 − D_O/D_E computed over all cross pairs", () => {
    const rnd = prng(11)
    for (let trial = 0; trial < 200; trial++) {
      const items = randomItems(rnd, 2, 2 + Math.floor(rnd() * 40), 0) as [string, string][]
      const ours = cohenKappa(items)
      if (new Set(items.flat()).size === 1) continue
      const n = items.length
      const dO = items.filter(([x, y]) => x !== y).length / n
      let cross = 0
      for (const [x] of items) for (const [, y] of items) if (x !== y) cross++
      const dE = cross / (n * n)
      expect(ours.value).toBeCloseTo(1 - dO / dE, 10)
    }
  })

  it("Fleiss' κ equals its brute-force pair-counting form", () => {
    const rnd = prng(13)
    for (let trial = 0; trial < 200; trial++) {
      const raters = 2 + Math.floor(rnd() * 5)
      const items = randomItems(rnd, raters, 2 + Math.floor(rnd() * 30), 0) as string[][]
      if (new Set(items.flat()).size === 1) continue
      let agreeingPairs = 0
      for (const item of items) for (let r = 0; r < raters; r++) for (let s = 0; s < raters; s++) if (r !== s && item[r] === item[s]) agreeingPairs++
      const pBar = agreeingPairs / (items.length * raters * (raters - 1))
      const pooled = items.flat()
      let same = 0
      for (const x of pooled) for (const y of pooled) if (x === y) same++
      const pE = same / pooled.length ** 2
      expect(fleissKappa(items).value).toBeCloseTo((pBar - pE) / (1 - pE), 10)
    }
  })

  it("αu's observed disagreement equals a double loop over all segment pairs", () => {
    const rnd = prng(17)
    for (let trial = 0; trial < 100; trial++) {
      const L = 20 + Math.floor(rnd() * 200)
      const raters = 2 + Math.floor(rnd() * 3)
      const units: Unit[] = []
      for (let r = 0; r < raters; r++) {
        let pos = Math.floor(rnd() * 10)
        while (pos < L - 1) {
          const len = 1 + Math.floor(rnd() * 15)
          if (pos + len > L) break
          units.push({ rater: r, start: pos, end: pos + len, category: 'X' })
          pos += len + Math.floor(rnd() * 20) // adjacent units allowed (gap 0)
        }
      }
      // Segments as (offset, length, isUnit) tilings, then DKPro's distance on offset/length.
      const tiling = (r: number) => {
        const out: [number, number, boolean][] = []
        let pos = 0
        for (const u of units.filter((x) => x.rater === r)) {
          if (u.start > pos) out.push([pos, u.start - pos, false])
          out.push([u.start, u.end - u.start, true])
          pos = u.end
        }
        if (pos < L) out.push([pos, L - pos, false])
        return out
      }
      const dist = ([o1, l1, c1]: [number, number, boolean], [o2, l2, c2]: [number, number, boolean]) => {
        const bd = o1 - o2
        const ld = l1 - l2
        if (c1 && c2 && -l1 < bd && bd < l2) return bd * bd + (bd + ld) * (bd + ld)
        if (c1 && !c2 && -ld >= bd && bd >= 0) return l1 * l1
        if (!c1 && c2 && -ld <= bd && bd <= 0) return l2 * l2
        return 0
      }
      let sum = 0
      for (let i = 0; i < raters; i++) for (let j = 0; j < raters; j++) {
        if (i === j) continue
        for (const g of tiling(i)) for (const h of tiling(j)) if (g[0] < h[0] + h[1] && h[0] < g[0] + g[1]) sum += dist(g, h)
      }
      const expected = sum / (raters * (raters - 1) * L * L)
      expect(observedDisagreement({ length: L, raters, units }, 'X')).toBeCloseTo(expected, 12)
    }
  })
})
