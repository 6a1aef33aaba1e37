/**
 * Fits the re-ranking model of compare (src/shared/compare/rerank.ts) on the TUNED-ON labelled
 * sets only, and estimates how it does on claims never seen by leave-one-article-out
 * cross-validation: the claims of one article (both Constantinople sets are one article) are
 * ranked by a model fitted on the other articles' claims. Prints, per mode (claim alone, with the
 * locator, with locator and context), the first stage's top-1/top-3 and the cross-validated
 * re-ranked ones, then the weights fitted on all tuned-on claims to paste into rerank.ts (RERANK_WEIGHTS).
 * Run: npx tsx bench/compare-fit.ts [--l2 0.01] [--features score,semantic] (a subset, for ablation)
 */
import { loadLexicon } from '../src/main/services/compare-lexicon'
import { analyseClaim } from '../src/shared/compare/claim-analysis'
import { headingsOf } from '../src/shared/compare/compare'
import { rankWindows } from '../src/shared/compare/rank'
import { RERANK_FEATURES, RERANK_POOL as POOL, linearScore, rerankFeatures } from '../src/shared/compare/rerank'
import { buildSemanticSpace, semanticFits, type SemanticSpace } from '../src/shared/compare/semantic-space'
import { buildSourceIndex, type SourceIndex } from '../src/shared/compare/source-index'
import { resolveLocator } from '../src/shared/structure/resolve-locator'
import { CodePointIndex } from '../src/shared/text/code-points'
import { contextOf } from './lib/compare-context'
import { SETS, isHit, loadSet } from './lib/compare-sets'

const MODES = ['alone', 'locator', 'context'] as const
type Mode = (typeof MODES)[number]

interface Row { article: string; set: string; id: string; mode: Mode; x: number[][]; y: number[] }

/** The article a set's claims come from (the unit of cross-validation). */
const articleOf = (file: string): string => (/constantinople/.test(file) ? 'constantinople' : file.replace(/^.*\/|\.json$/g, ''))

/** Listwise softmax fit (ListNet, top-one probability of the labelled passages) with L2, on standardised features. */
export function fitListwise(rows: Row[], use: boolean[], l2: number, steps = 1500, rate = 0.3): number[] {
  const d = RERANK_FEATURES.length
  const all = rows.flatMap((r) => r.x)
  const mean = Array.from({ length: d }, (_, k) => all.reduce((s, v) => s + v[k], 0) / all.length)
  const sd = Array.from({ length: d }, (_, k) => Math.sqrt(all.reduce((s, v) => s + (v[k] - mean[k]) ** 2, 0) / all.length) || 1)
  const lists = rows.filter((r) => r.y.some((v) => v)).map((r) => ({ z: r.x.map((v) => v.map((x, k) => (use[k] ? (x - mean[k]) / sd[k] : 0))), y: r.y }))
  const w = new Array(d).fill(0)
  for (let it = 0; it < steps; it++) {
    const g = new Array(d).fill(0)
    for (const { z, y } of lists) {
      const s = z.map((v) => linearScore(w, v))
      const m = Math.max(...s)
      const e = s.map((v) => Math.exp(v - m))
      const total = e.reduce((a, b) => a + b, 0)
      const pos = e.reduce((a, v, i) => a + (y[i] ? v : 0), 0)
      // d/dw of −log(Σ_pos p_i) = Σ_i p_i z_i − Σ_pos (p_i / P_pos) z_i
      for (let i = 0; i < z.length; i++) {
        const coef = e[i] / total - (y[i] ? e[i] / pos : 0)
        if (coef) for (let k = 0; k < d; k++) g[k] += coef * z[i][k]
      }
    }
    for (let k = 0; k < d; k++) w[k] -= rate * (g[k] / lists.length + l2 * w[k])
  }
  return w.map((v, k) => (use[k] ? v / sd[k] : 0))
}

const rankOfHit = (scores: number[], y: number[]): number => {
  const order = scores.map((s, i) => [s, i] as const).sort((a, b) => b[0] - a[0] || a[1] - b[1]).map(([, i]) => i)
  const r = order.slice(0, 10).findIndex((i) => y[i])
  return r < 0 ? 99 : r
}

async function main(): Promise<void> {
  const arg = (name: string): string | undefined => (process.argv.includes(name) ? process.argv[process.argv.indexOf(name) + 1] : undefined)
  const l2 = Number(arg('--l2') ?? 0.01)
  const chosen = arg('--features')?.split(',')
  const use = RERANK_FEATURES.map((f) => !chosen || chosen.includes(f))
  const lexicon = await loadLexicon()
  const sources = new Map<string, { index: SourceIndex; cp: CodePointIndex; space?: SemanticSpace }>()
  const rows: Row[] = []
  for (const entry of SETS.filter((e) => !e.setAside)) {
    const set = loadSet(entry)
    if (!set) continue
    let src = sources.get(set.source)
    if (!src) {
      const index = buildSourceIndex(set.sourceText)
      sources.set(set.source, (src = { index, cp: new CodePointIndex(set.sourceText), space: buildSemanticSpace(index) }))
    }
    const { index, cp, space } = src
    for (const c of set.claims) {
      if (!c.passages.length) continue
      for (const mode of MODES) {
        const context = mode === 'context' ? contextOf(set, c) : undefined
        const concepts = analyseClaim(c.claim.exact, index, { lexicon, context })
        const located = mode !== 'alone' && c.locator ? resolveLocator(c.locator, [], headingsOf(index, cp), index.length) : undefined
        const region = located?.ranges.length ? located.ranges : undefined
        const windows = rankWindows(index, concepts, { top: POOL, region })
        const fits = semanticFits(space, concepts, windows, index.sentences.length / 5)
        const x = rerankFeatures(windows, fits)
        rows.push({ article: articleOf(entry.file), set: set.name, id: c.id, mode, x, y: windows.map((w) => (c.passages.some((p) => isHit(w, p)) ? 1 : 0)) })
      }
    }
  }
  const articles = [...new Set(rows.map((r) => r.article))]
  const firstStage = (r: Row): number => rankOfHit(r.x.map((_, i) => -i), r.y)
  const cvRank = new Map<Row, number>()
  for (const held of articles) {
    const w = fitListwise(rows.filter((r) => r.article !== held), use, l2)
    for (const r of rows.filter((r) => r.article === held)) cvRank.set(r, rankOfHit(r.x.map((v) => linearScore(w, v)), r.y))
  }
  const report = (label: string, rs: Row[], rank: (r: Row) => number): string => {
    const ranks = rs.map(rank)
    return `${label} top-1 ${(ranks.filter((x) => x === 0).length / ranks.length).toFixed(2)} top-3 ${(ranks.filter((x) => x < 3).length / ranks.length).toFixed(2)}`
  }
  for (const mode of MODES) {
    const rs = rows.filter((r) => r.mode === mode)
    console.log(`${mode.padEnd(8)} ${report('first stage', rs, firstStage)}   ${report('re-ranked (leave-one-article-out)', rs, (r) => cvRank.get(r)!)}`)
    for (const set of [...new Set(rs.map((r) => r.set))]) {
      const ss = rs.filter((r) => r.set === set)
      console.log(`    ${set.padEnd(26)} ${report('first', ss, firstStage)}   ${report('cv', ss, (r) => cvRank.get(r)!)}`)
    }
  }
  const w = fitListwise(rows, use, l2)
  console.log(`\nexport const RERANK_WEIGHTS = [${w.map((v) => Math.round(v * 1000) / 1000).join(', ')}]`)
  console.log(RERANK_FEATURES.map((f, k) => `${f}=${(Math.round(w[k] * 1000) / 1000)}`).join(' '))
}

void main()
