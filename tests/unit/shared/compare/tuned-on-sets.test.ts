import { describe, expect, it } from 'vitest'
import { SETS, loadSet, tunedOnSets } from '../../../../bench/lib/compare-sets'

// The failure analyses (bench/compare-misses.ts, compare-diagnose.ts, compare-chapters.ts) read the
// labelled sets through tunedOnSets: they must never see a set-aside or fresh claim.
const present = SETS.filter((e) => loadSet(e))

describe.skipIf(present.length < SETS.length)('tunedOnSets: what failure analyses may read (needs ../shared/corpus)', () => {
  it('yields the tuned-on sets only, in order, each source indexed once', () => {
    const seen = [...tunedOnSets()]
    expect(seen.map((s) => s.set.name)).toEqual(SETS.filter((e) => !e.setAside).map((e) => e.name))
    expect(seen.some((s) => s.set.setAside || s.set.fresh)).toBe(false)
    // Constantinople vs vol. 6 and the seed article share Gibbon vol. 6: one index for both.
    const vol6 = seen.filter((s) => s.set.source.includes('vol6'))
    expect(vol6.length).toBeGreaterThan(1)
    expect(new Set(vol6.map((s) => s.index)).size).toBe(1)
    expect(vol6[0].cp.length).toBe(vol6[0].index.length)
  }, 60_000)
})
