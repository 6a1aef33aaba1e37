import { loadLexicon } from '../src/main/services/compare-lexicon'
import { analyseClaim } from '../src/shared/compare/claim-analysis'
import { rankWindows } from '../src/shared/compare/rank'
import { buildSemanticSpace, cosineWithSentences, foldIn } from '../src/shared/compare/semantic-space'
import { buildSourceIndex, SENTENCE_FIELDS as F } from '../src/shared/compare/source-index'
import { SETS, isHit, loadSet } from './lib/compare-sets'

async function main(): Promise<void> {
  const lexicon = await loadLexicon()
  const dims = Number(process.argv[2] ?? 100)
  const cache = new Map<string, any>()
  const res: Record<string, number[]> = { base: [], lsa: [], mix1: [], mix2: [], mix3: [] }
  for (const entry of SETS.filter((e) => !e.setAside)) {
    const set = loadSet(entry)!
    let ix = cache.get(set.source)
    if (!ix) {
      const index = buildSourceIndex(set.sourceText)
      let t = performance.now()
      const space = buildSemanticSpace(index, dims)!
      console.log(`space ${set.source.slice(-20)}: ${space.row.size} terms, ${(performance.now() - t).toFixed(0)} ms`)
      cache.set(set.source, (ix = { index, space }))
    }
    const { index, space } = ix
    const n = index.sentences.length / F
    for (const c of set.claims) {
      if (!c.passages.length) continue
      const concepts = analyseClaim(c.claim.exact, index, { lexicon })
      const q = foldIn(space, concepts.filter((k) => k.kind === 'word' || k.kind === 'name').map((k) => ({ term: k.alts[0].term, weight: k.weight })))
      const hit = (w: { start: number; end: number }) => c.passages.some((p) => isHit(w, p))
      const rankOf = (list: { start: number; end: number }[]) => { const r = list.slice(0, 10).findIndex(hit); return r < 0 ? 99 : r }
      // LSA only: single sentences
      const sims: [number, number][] = []
      for (let s = 0; s < n; s++) sims.push([s, cosineWithSentences(space, q, s, s)])
      sims.sort((a, b) => b[1] - a[1])
      res.lsa.push(rankOf(sims.slice(0, 10).map(([s]) => ({ start: index.sentences[s * F], end: index.sentences[s * F + 1] }))))
      const wins = rankWindows(index, concepts, { top: 60 })
      res.base.push(rankOf(wins))
      const max = wins[0]?.score || 1
      for (const [name, lam] of [['mix1', 0.5], ['mix2', 1], ['mix3', 2]] as const) {
        const re = wins.map((w) => ({ w, v: w.score / max + lam * Math.max(0, cosineWithSentences(space, q, Math.max(0, w.first - 1), Math.min(n - 1, w.last + 1))) })).sort((a, b) => b.v - a.v).map((x) => x.w)
        res[name].push(rankOf(re))
      }
    }
  }
  for (const [k, r] of Object.entries(res)) console.log(k.padEnd(6), 'top1', (r.filter((x) => x === 0).length / r.length).toFixed(2), 'top3', (r.filter((x) => x < 3).length / r.length).toFixed(2), 'top10', (r.filter((x) => x < 10).length / r.length).toFixed(2))
}
void main()
