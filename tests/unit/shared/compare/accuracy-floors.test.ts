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
    const chosen = sets.filter((s) => s.setAside === group)
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

  it('tuned-on sets: claim alone top-1 ≥ 0.29, top-3 ≥ 0.50; with locator top-1 ≥ 0.38, top-3 ≥ 0.60; not-found P ≥ 0.58, R ≥ 0.58', () => {
    const alone = run(false, false)
    const located = run(false, true)
    expect(alone.ranks.n).toBe(52)
    expect(alone.ranks.top1).toBeGreaterThanOrEqual(0.288)
    expect(alone.ranks.top3).toBeGreaterThanOrEqual(0.5)
    expect(located.ranks.top1).toBeGreaterThanOrEqual(0.38)
    expect(located.ranks.top3).toBeGreaterThanOrEqual(0.596)
    expect(alone.notFound.precision).toBeGreaterThanOrEqual(0.58)
    expect(alone.notFound.recall).toBeGreaterThanOrEqual(0.58)
  }, 120_000)

  it('set-aside sets (never tuned on): claim alone top-3 ≥ 0.29, with locator top-3 ≥ 0.38', () => {
    const alone = run(true, false)
    const located = run(true, true)
    expect(alone.ranks.n).toBe(21)
    expect(alone.ranks.top3).toBeGreaterThanOrEqual(0.285)
    expect(located.ranks.top3).toBeGreaterThanOrEqual(0.38)
  }, 120_000)
})
