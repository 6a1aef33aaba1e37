/**
 * Eighth-pass diagnosis on the TUNED-ON labelled sets only (set-aside and fresh sets are never
 * read): for each claim with a labelled passage, from the claim alone,
 * - candidate stage: the rank of the labelled passage's best sentence by the pruning estimate
 *   (rank.ts candidateEstimate; only the first FULLY_SCORED sentences have their windows scored),
 *   or "none" when no sentence of it matches any concept;
 * - ranking stage: the rank of the labelled passage in the final list (compareWithSource, cut at 50);
 * - for a miss at rank > 1, the parts of the claim (who/where = names, what = acts, when = years
 *   and dates, how many = numbers, other = other words) the labelled passage matches and the
 *   passage ranked first does not, and the reverse.
 * Prints one row per claim and recall@k of both stages.
 * Run: npx tsx bench/compare-diagnose.ts [--locator]   (--locator: with each claim's locator, as the
 * bench's "claim + locator" mode: the cited region's sentences estimated and scored three times higher)
 */
import { loadLexicon } from '../src/main/services/compare-lexicon'
import { analyseClaim, type Concept } from '../src/shared/compare/claim-analysis'
import { compareWithSource, headingsOf } from '../src/shared/compare/compare'
import { FULLY_SCORED, candidateEstimate, rankWindows, sentenceEvidence } from '../src/shared/compare/rank'
import { SENTENCE_FIELDS as F } from '../src/shared/compare/source-index'
import { resolveLocator } from '../src/shared/structure/resolve-locator'
import { isHit, tunedOnSets } from './lib/compare-sets'

const partOf = (c: Concept): string => (c.kind === 'name' ? 'name' : c.kind === 'date' || c.year !== undefined ? 'when' : c.kind === 'number' ? 'howMany' : c.act ? 'what' : 'other')

async function main(): Promise<void> {
  const lexicon = await loadLexicon()
  const withLocator = process.argv.includes('--locator')
  const cand: number[] = []
  const fin: number[] = []
  const kinds: Record<string, number> = {}
  // Over the misses whose labelled passage was scored: parts only the labelled passage matches, parts only the first one matches.
  const labelledOnly: Record<string, number> = {}
  const firstOnly: Record<string, number> = {}
  let lowerCoverage = 0
  let scoredMisses = 0
  const lengths: number[] = []
  for (const { set, index, cp } of tunedOnSets()) {
    const S = index.sentences
    const n = S.length / F
    for (const c of set.claims.filter((c) => c.passages.length)) {
      const concepts = analyseClaim(c.claim.exact, index, { lexicon })
      const { own } = sentenceEvidence(index, concepts)
      const located = withLocator && c.locator ? resolveLocator(c.locator, [], headingsOf(index, cp), index.length) : undefined
      const region = located?.ranges.length ? located.ranges : undefined
      const estimate = candidateEstimate(own, region && ((s) => region.some((r) => S[s * F] < r.end && S[s * F + 1] > r.start)))
      const hits: number[] = []
      for (let s = 0; s < n; s++) if (own[s] > 0) hits.push(s)
      const est = hits.map((s) => [s, estimate(s)] as const).sort((a, b) => b[1] - a[1])
      const labelled = (s: number): boolean => c.passages.some((p) => S[s * F] < p.end && S[s * F + 1] > p.start)
      const cr = est.findIndex(([s]) => labelled(s))
      const res = compareWithSource(index, cp, { claim: c.claim.exact, top: 50, lexicon, locator: withLocator ? c.locator : undefined })
      const r = res.candidates.findIndex((w) => c.passages.some((p) => isHit(w, p)))
      cand.push(cr)
      fin.push(r)
      const kind = cr < 0 ? 'no term' : cr >= FULLY_SCORED ? 'pruned' : r < 0 ? 'scored, below 50' : r < 3 ? (r === 0 ? 'top-1' : 'order (2-3)') : r < 10 ? 'order (4-10)' : 'order (11-50)'
      kinds[kind] = (kinds[kind] ?? 0) + 1
      let span = 0
      for (let s = 0; s < n; s++) if (labelled(s)) span++
      lengths.push(span)
      let diff = ''
      if (r !== 0) {
        const all = rankWindows(index, concepts, { top: 100000, region })
        const lw = all.find((w) => c.passages.some((p) => isHit(w, p)))
        const first = all[0]
        const parts = (w: typeof first | undefined): Set<string> => new Set((w?.matched ?? []).map((m) => `${partOf(concepts[m.concept])}:${concepts[m.concept].label}`))
        const a = parts(lw)
        const b = parts(first)
        if (lw) {
          scoredMisses++
          if (lw.coverage < first.coverage) lowerCoverage++
          for (const x of a) if (!b.has(x)) labelledOnly[x.split(':')[0]] = (labelledOnly[x.split(':')[0]] ?? 0) + 1
          for (const x of b) if (!a.has(x)) firstOnly[x.split(':')[0]] = (firstOnly[x.split(':')[0]] ?? 0) + 1
        }
        diff = `  labelled-only [${[...a].filter((x) => !b.has(x)).join(' ')}] first-only [${[...b].filter((x) => !a.has(x)).join(' ')}] shared ${[...a].filter((x) => b.has(x)).length}/${concepts.length}; labelled cov ${lw?.coverage.toFixed(2) ?? '-'} first cov ${first?.coverage.toFixed(2)}`
      }
      console.log(`${c.id.padEnd(5)} ${span} sent. cand ${cr < 0 ? 'none' : cr + 1} final ${r < 0 ? '>50' : r + 1} [${kind}]${diff}`)
    }
  }
  const recall = (xs: number[], k: number): string => (xs.filter((r) => r >= 0 && r < k).length / xs.length).toFixed(2)
  console.log(`\n${fin.length} claims with a passage. recall@k (candidate stage by estimate / final ranking):`)
  for (const k of [1, 3, 5, 10, 20, 50, FULLY_SCORED]) console.log(`  @${k}: ${recall(cand, k)} / ${recall(fin, k)}`)
  console.log(`kinds: ${JSON.stringify(kinds)}`)
  console.log(`labelled passages: ${lengths.filter((l) => l <= 3).length} of ${lengths.length} within 3 sentences (longest ${Math.max(...lengths)})`)
  console.log(`misses whose labelled passage was scored: ${scoredMisses}; its window covers less of the claim than the first: ${lowerCoverage}`)
  console.log(`concepts matched only by the labelled passage, by part (summed over those misses): ${JSON.stringify(labelledOnly)}; only by the first: ${JSON.stringify(firstOnly)}`)
}
void main()
