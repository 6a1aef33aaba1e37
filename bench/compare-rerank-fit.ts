/**
 * Fits the learned re-ranking (src/shared/compare/rerank.ts) on the TUNED-ON labelled sets only
 * (set-aside and fresh sets are never read): for each claim with a labelled passage, the ranker's
 * first RERANK_POOL passages from the claim alone and with the locator, their features, and which
 * are labelled. Pairwise logistic regression: for each labelled passage and each other passage of
 * the same claim, the difference of their features, both ways round. Reports leave-one-set-out
 * cross-validation (fit on four sets, rank the fifth) against the ranker's own order, then fits on
 * all five and prints RERANK_MODEL for rerank.ts.
 * Run: npx tsx bench/compare-rerank-fit.ts [--pool=N] [--l2=X]
 */
import { loadLexicon } from '../src/main/services/compare-lexicon'
import { analyseClaim } from '../src/shared/compare/claim-analysis'
import { compareWithSource, headingsOf } from '../src/shared/compare/compare'
import { conceptImportance, rankWindows } from '../src/shared/compare/rank'
import { RERANK_FEATURES, RERANK_POOL, rerankFeatures, rerankPool } from '../src/shared/compare/rerank'
import { buildSourceIndex, type SourceIndex } from '../src/shared/compare/source-index'
import { resolveLocator } from '../src/shared/structure/resolve-locator'
import { CodePointIndex } from '../src/shared/text/code-points'
import { tokenise } from '../src/shared/text/tokenise'
import { fitLogistic } from './lib/logistic'
import { SETS, isHit, loadSet } from './lib/compare-sets'

interface Row { set: string; mode: 'alone' | 'locator'; feats: number[][]; hit: boolean[]; region: boolean; current: number; pool: ReturnType<typeof rankWindows> }

const arg = (name: string, d: number): number => Number(process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1] ?? d)

async function main(): Promise<void> {
  const lexicon = await loadLexicon()
  const poolSize = arg('pool', RERANK_POOL)
  const l2 = arg('l2', 0.01)
  const built = new Map<string, { index: SourceIndex; cp: CodePointIndex }>()
  const rows: Row[] = []
  for (const entry of SETS.filter((e) => !e.setAside)) {
    const set = loadSet(entry)
    if (!set) continue
    let l = built.get(set.source)
    if (!l) built.set(set.source, (l = { index: buildSourceIndex(set.sourceText), cp: new CodePointIndex(set.sourceText) }))
    const { index, cp } = l
    const tokensOf = (start: number, end: number) => tokenise(cp.slice(start, end), start)
    for (const c of set.claims.filter((c) => c.passages.length)) {
      const concepts = analyseClaim(c.claim.exact, index, { lexicon })
      const importance = conceptImportance(index, concepts)
      for (const mode of ['alone', 'locator'] as const) {
        const located = mode === 'locator' && c.locator ? resolveLocator(c.locator, [], headingsOf(index, cp), index.length) : undefined
        const region = located?.ranges.length ? located.ranges : undefined
        const pool = rankWindows(index, concepts, { top: poolSize, region })
        const current = compareWithSource(index, cp, { claim: c.claim.exact, locator: mode === 'locator' ? c.locator : undefined, top: 10, lexicon }).candidates.findIndex((w) => c.passages.some((p) => isHit(w, p)))
        rows.push({ set: entry.name, mode, pool, region: !!region, current, feats: rerankFeatures(index, concepts, importance, pool, tokensOf), hit: pool.map((w) => c.passages.some((p) => isHit(w, p))) })
      }
    }
  }
  const only = process.argv.find((a) => a.startsWith('--only='))?.slice(7).split(',')
  const mask = RERANK_FEATURES.map((f) => !only || only.includes(f))
  const hard = process.argv.includes('--hard')
  const listwise = process.argv.includes('--listwise')
  // Listwise: softmax over each claim's pool, maximising the probability of its labelled passages
  // (ListNet with a one-hot target), features standardised, L2, gradient descent.
  const fitListwise = (train: Row[]): number[] => {
    const d = RERANK_FEATURES.length
    const all = train.flatMap((r) => r.feats)
    const mean = Array.from({ length: d }, (_, k) => all.reduce((s, v) => s + v[k], 0) / all.length)
    const sd = Array.from({ length: d }, (_, k) => Math.sqrt(all.reduce((s, v) => s + (v[k] - mean[k]) ** 2, 0) / all.length) || 1)
    const z = train.filter((r) => r.hit.some(Boolean)).map((r) => ({ x: r.feats.map((f) => f.map((v, k) => (mask[k] ? (v - mean[k]) / sd[k] : 0))), y: r.hit }))
    const w = new Array(d).fill(0)
    for (let it = 0; it < 3000; it++) {
      const g = new Array(d).fill(0)
      for (const { x, y } of z) {
        const s = x.map((f) => f.reduce((a, v, k) => a + v * w[k], 0))
        const m = Math.max(...s)
        const e = s.map((v) => Math.exp(v - m))
        const sum = e.reduce((a, b) => a + b, 0)
        const pos = y.filter(Boolean).length
        x.forEach((f, i) => {
          const coef = e[i] / sum - (y[i] ? 1 / pos : 0)
          for (let k = 0; k < d; k++) g[k] += coef * f[k]
        })
      }
      for (let k = 0; k < d; k++) w[k] -= 0.5 * (g[k] / z.length + l2 * w[k])
    }
    return w.map((v, k) => Math.round((v / sd[k]) * 1000) / 1000)
  }
  const fit = (train: Row[]): number[] => {
    if (listwise) return fitListwise(train)
    const x: number[][] = []
    const y: number[] = []
    for (const r of train) {
      r.hit.forEach((h, i) => {
        if (!h) return
        r.hit.forEach((g, j) => {
          // --hard: only the passages the ranker put above the labelled one, or in its first three.
          if (g || (hard && j > i && j >= 3)) return
          const d = r.feats[i].map((v, k) => (mask[k] ? v - r.feats[j][k] : 0))
          x.push(d, d.map((v) => -v))
          y.push(1, 0)
        })
      })
    }
    return fitLogistic(x, y, l2).slice(1)
  }
  const rankOf = (r: Row, model: number[]): number => {
    const list = rerankPool(r.pool.map((w) => ({ ...w })), r.feats, model, 10, r.region)
    return list.findIndex((w) => r.hit[r.pool.findIndex((p) => p.start === w.start && p.end === w.end)])
  }
  const summary = (ranks: number[]): string => {
    const n = ranks.length || 1
    return `top-1 ${(ranks.filter((r) => r === 0).length / n).toFixed(2)} top-3 ${(ranks.filter((r) => r >= 0 && r < 3).length / n).toFixed(2)} MRR ${(ranks.reduce((s, r) => s + (r >= 0 ? 1 / (r + 1) : 0), 0) / n).toFixed(2)}`
  }
  const sets = [...new Set(rows.map((r) => r.set))]
  console.log(`pool ${poolSize}, l2 ${l2}; ${rows.length / 2} claims; labelled passage in the pool: alone ${rows.filter((r) => r.mode === 'alone' && r.hit.some(Boolean)).length}, locator ${rows.filter((r) => r.mode === 'locator' && r.hit.some(Boolean)).length}`)
  const cv: Record<string, number[]> = { alone: [], locator: [] }
  const cur: Record<string, number[]> = { alone: [], locator: [] }
  for (const held of sets) {
    const model = fit(rows.filter((r) => r.set !== held))
    for (const mode of ['alone', 'locator'] as const) {
      const test = rows.filter((r) => r.set === held && r.mode === mode)
      const ranks = test.map((r) => rankOf(r, model))
      cv[mode].push(...ranks)
      cur[mode].push(...test.map((r) => r.current))
      console.log(`  held out ${held.padEnd(26)} ${mode.padEnd(8)} current ${summary(test.map((r) => r.current))}  →  learned ${summary(ranks)}`)
    }
  }
  for (const mode of ['alone', 'locator'] as const) console.log(`leave-one-set-out, ${mode}: current ${summary(cur[mode])}  →  learned ${summary(cv[mode])}`)
  const model = fit(rows)
  for (const mode of ['alone', 'locator'] as const) console.log(`in sample (all five sets), ${mode}: ${summary(rows.filter((r) => r.mode === mode).map((r) => rankOf(r, model)))}`)
  console.log(`weights: ${RERANK_FEATURES.map((f, k) => `${f} ${model[k]}`).join(', ')}`)
  console.log(`export const RERANK_MODEL: number[] = [${model.join(', ')}]`)
}
void main()
