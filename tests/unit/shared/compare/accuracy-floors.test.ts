import { beforeAll, describe, expect, it } from 'vitest'
import { accuracy, loadSet, notFoundScore, SETS, type ClaimSet, type LabelledClaim } from '../../../../bench/lib/compare-sets'
import { loadLexicon } from '../../../../src/main/services/compare-lexicon'
import { compareWithSource } from '../../../../src/shared/compare/compare'
import type { Lexicon } from '../../../../src/shared/compare/lexicon'
import { buildSourceIndex, type SourceIndex } from '../../../../src/shared/compare/source-index'
import { CodePointIndex } from '../../../../src/shared/text/code-points'

// The figures docs/compare.md quotes for Gibbon vols. 6 and 2 (bench/compare.ts), as floors:
// a change that lowers any of them fails here. Needs ../shared/corpus (the full volumes).
const sets = SETS.map((e) => loadSet(e)).filter((s): s is ClaimSet => !!s)

describe.skipIf(sets.length < SETS.length)('accuracy on the labelled sets (needs ../shared/corpus)', () => {
  let lexicon: Lexicon | undefined
  const sources = new Map<string, { index: SourceIndex; cp: CodePointIndex }>()
  const run = (group: boolean, locator: boolean) => {
    const chosen = sets.filter((s) => s.setAside === group && !s.fresh) // fresh sets (run once) are in neither group
    const all: LabelledClaim[] = chosen.flatMap((s) => s.claims)
    const of = new Map(chosen.flatMap((s) => s.claims.map((c) => [c, sources.get(s.source)!] as const)))
    return {
      ranks: accuracy(all, (c) => compareWithSource(of.get(c)!.index, of.get(c)!.cp, { claim: c.claim.exact, locator: locator ? c.locator : undefined, top: 10, lexicon }).candidates),
      notFound: notFoundScore(all, (c) => compareWithSource(of.get(c)!.index, of.get(c)!.cp, { claim: c.claim.exact, top: 3, lexicon }).judgement.verdict === 'not-found')
    }
  }
  beforeAll(async () => {
    lexicon = await loadLexicon()
    for (const s of sets) if (!sources.has(s.source)) sources.set(s.source, { index: buildSourceIndex(s.sourceText), cp: new CodePointIndex(s.sourceText) })
  }, 120_000)

  // Floors are the counts measured by bench/compare.ts (docs/compare.md), so losing one claim fails.
  const atLeast = (share: number, count: number, n: number): void => expect(share).toBeGreaterThanOrEqual(count / n - 1e-9)

  it('seed article against the whole of vol. 6: claim alone top-1 2/13, top-3 4/13; with locator top-1 3/13, top-3 7/13', () => {
    const seed = sets.find((s) => s.name.startsWith('seed'))!
    const { index, cp } = sources.get(seed.source)!
    const alone = accuracy(seed.claims, (c) => compareWithSource(index, cp, { claim: c.claim.exact, top: 10, lexicon }).candidates)
    const located = accuracy(seed.claims, (c) => compareWithSource(index, cp, { claim: c.claim.exact, locator: c.locator, top: 10, lexicon }).candidates)
    expect(alone.n).toBe(13)
    atLeast(alone.top1, 2, 13)
    atLeast(alone.top3, 4, 13)
    atLeast(located.top1, 3, 13)
    atLeast(located.top3, 7, 13)
  }, 120_000)

  /** Claim-alone and with-locator [top-1, top-3] counts of a group's n claims that have a passage. */
  const rankFloors = (setAside: boolean, n: number, alone: [number, number], located: [number, number]) => {
    const a = run(setAside, false)
    const l = run(setAside, true)
    expect(a.ranks.n).toBe(n)
    atLeast(a.ranks.top1, alone[0], n)
    atLeast(a.ranks.top3, alone[1], n)
    atLeast(l.ranks.top1, located[0], n)
    atLeast(l.ranks.top3, located[1], n)
    return a.notFound
  }

  it('tuned-on sets: claim alone top-1 17/52, top-3 27/52; with locator top-1 23/52, top-3 32/52; not-found P 11/24, R 11/17', () => {
    const notFound = rankFloors(false, 52, [17, 27], [23, 32])
    atLeast(notFound.precision, 11, 24)
    atLeast(notFound.recall, 11, 17)
  }, 120_000)

  it('set-aside sets (never tuned on, the fresh one included): claim alone top-1 5/38, top-3 12/38; with locator top-1 8/38, top-3 16/38; not-found R 6/15', () => {
    atLeast(rankFloors(true, 38, [5, 12], [8, 16]).recall, 6, 15)
  }, 120_000)
})
