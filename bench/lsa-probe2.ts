import { loadLexicon } from '../src/main/services/compare-lexicon'
import { analyseClaim } from '../src/shared/compare/claim-analysis'
import { rankWindows } from '../src/shared/compare/rank'
import { buildSemanticSpace, neighbours } from '../src/shared/compare/semantic-space'
import { buildSourceIndex } from '../src/shared/compare/source-index'
import { SETS, isHit, loadSet } from './lib/compare-sets'

async function main(): Promise<void> {
  const lexicon = await loadLexicon()
  const dims = Number(process.argv[2] ?? 100)
  const cache = new Map<string, any>()
  const configs: [string, number, number, number][] = [['base', 0, 0, 0], ['n5c5w5', 5, 0.5, 0.5], ['n5c4w5', 5, 0.4, 0.5], ['n10c4w4', 10, 0.4, 0.4], ['n5c6w7', 5, 0.6, 0.7], ['n3c5w8', 3, 0.5, 0.8]]
  const res: Record<string, number[]> = {}
  let shown = 0
  for (const entry of SETS.filter((e) => !e.setAside)) {
    const set = loadSet(entry)!
    let ix = cache.get(set.source)
    if (!ix) {
      const index = buildSourceIndex(set.sourceText)
      cache.set(set.source, (ix = { index, space: buildSemanticSpace(index, dims)! }))
    }
    const { index, space } = ix
    for (const c of set.claims) {
      if (!c.passages.length) continue
      const hit = (w: { start: number; end: number }) => c.passages.some((p) => isHit(w, p))
      const rankOf = (list: { start: number; end: number }[]) => { const r = list.slice(0, 10).findIndex(hit); return r < 0 ? 99 : r }
      for (const [name, count, min, wt] of configs) {
        const concepts = analyseClaim(c.claim.exact, index, { lexicon })
        if (count) for (const k of concepts) {
          if (k.kind !== 'word') continue
          const have = new Set(k.alts.map((a) => a.term))
          for (const [t, cos] of neighbours(space, k.alts[0].term, count, min)) if (!have.has(t)) { k.alts.push({ term: t, weight: wt * cos, how: 'synonym' }); have.add(t) }
          if (name === 'n5c5w5' && shown < 40) { shown++; console.log(k.label, '→', neighbours(space, k.alts[0].term, count, min).map(([t, c]) => `${t}:${c.toFixed(2)}`).join(' ')) }
        }
        ;(res[name] ??= []).push(rankOf(rankWindows(index, concepts, { top: 10 })))
      }
    }
  }
  for (const [k, r] of Object.entries(res)) console.log(k.padEnd(8), 'top1', (r.filter((x) => x === 0).length / r.length).toFixed(2), 'top3', (r.filter((x) => x < 3).length / r.length).toFixed(2), 'top10', (r.filter((x) => x < 10).length / r.length).toFixed(2))
}
void main()
