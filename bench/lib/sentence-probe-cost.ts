/**
 * Cost of the sentence model in compare (bench/compare-sentence-probe.ts --cost), as ratios to a
 * plain full-text scan per query (bench/lib/plain-scan.ts) in the same run, on the seed set's
 * source (Gibbon vol. 6): the current comparison; the comparison plus embedding the claim and the
 * sentences of its `pool` best windows ±1 (nothing cached); the comparison plus the claim only (as
 * if the source's sentences were embedded at index time); and embedding the whole source,
 * extrapolated from SAMPLE consecutive sentences of it. Also the model's load time and memory.
 */
import { loadLexicon } from '../../src/main/services/compare-lexicon'
import { analyseClaim } from '../../src/shared/compare/claim-analysis'
import { compareWithSource } from '../../src/shared/compare/compare'
import { rankWindows } from '../../src/shared/compare/rank'
import { buildSourceIndex, SENTENCE_FIELDS as F } from '../../src/shared/compare/source-index'
import { CodePointIndex } from '../../src/shared/text/code-points'
import { SETS, loadSet } from './compare-sets'
import { plainScan } from './plain-scan'
import { clean, loadSentenceModel } from './sentence-model'

const SAMPLE = 320
const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[xs.length >> 1]
const time = async (fn: () => unknown): Promise<number> => {
  const t = performance.now()
  await fn()
  return performance.now() - t
}
const mb = (): string => `${(process.memoryUsage().rss / 1e6).toFixed(0)} MB`

export async function cost(pool: number): Promise<void> {
  const lexicon = await loadLexicon()
  const set = loadSet(SETS[0])
  if (!set) throw new Error(`${SETS[0].file}: its source is not on this machine`)
  const cp = new CodePointIndex(set.sourceText)
  const index = buildSourceIndex(set.sourceText)
  const S = index.sentences
  const n = S.length / F
  const text = (s: number): string => clean(cp.slice(S[s * F], S[s * F + 1]))
  const before = mb()
  const model = await loadSentenceModel()
  console.log(`model loaded in ${model.loadMs.toFixed(0)} ms; process memory (rss) ${before} before, ${mb()} after`)
  const claims = set.claims.map((c) => c.claim.exact)
  // Warm-up (JIT, the lexicon's first look-ups, the model's first shapes), not timed.
  for (const claim of claims.slice(0, 5)) {
    plainScan(claim, 5, cp)
    compareWithSource(index, cp, { claim, top: 5, lexicon })
    await model.embed([clean(claim)])
  }
  const scan: number[] = []
  const first: number[] = []
  const fresh: number[] = []
  const claimOnly: number[] = []
  let sentences = 0
  for (const claim of claims) {
    scan.push(await time(() => plainScan(claim, 5, cp)))
    first.push(await time(() => compareWithSource(index, cp, { claim, top: 5, lexicon })))
    const ws = rankWindows(index, analyseClaim(claim, index, { lexicon }), { top: pool })
    const need = [...new Set(ws.flatMap((w) => Array.from({ length: w.last - w.first + 3 }, (_, i) => w.first - 1 + i)).filter((s) => s >= 0 && s < n))].map(text)
    sentences += need.length
    fresh.push(first[first.length - 1] + (await time(async () => { for (let i = 0; i < need.length; i += 16) await model.embed([clean(claim), ...need.slice(i, i + 16)]) })))
    claimOnly.push(first[first.length - 1] + (await time(() => model.embed([clean(claim)]))))
  }
  const sample = Array.from({ length: SAMPLE }, (_, i) => text((n >> 1) + i))
  const sampleMs = await time(async () => { for (let i = 0; i < SAMPLE; i += 16) await model.embed(sample.slice(i, i + 16)) })
  const scanMs = median(scan)
  console.log(`${set.source.replace(/^.*\//, '')} (${n} sentences), ${claims.length} claims, medians, against one plain scan per query; ${pool} windows ±1 = ${(sentences / claims.length).toFixed(0)} sentences per claim:`)
  console.log(`  current comparison: ${(scanMs / median(first)).toFixed(1)}× faster than a scan`)
  console.log(`  + embedding the claim and its pool's sentences: ${(median(fresh) / scanMs).toFixed(1)}× slower than a scan`)
  console.log(`  + embedding the claim only (sentences embedded at index time): ${(scanMs / median(claimOnly)).toFixed(1)}× faster than a scan`)
  console.log(`  embedding the whole source at index time: ${SAMPLE} sentences at ${(SAMPLE / (sampleMs / 1000)).toFixed(1)}/s, so about ${((n * sampleMs) / SAMPLE / scanMs).toFixed(0)}× one scan (extrapolated); rss ${mb()}`)
}
