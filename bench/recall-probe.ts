import { loadLexicon } from '../src/main/services/compare-lexicon'
import { analyseClaim } from '../src/shared/compare/claim-analysis'
import { rankWindows } from '../src/shared/compare/rank'
import { buildSourceIndex } from '../src/shared/compare/source-index'
import { SETS, isHit, loadSet } from './lib/compare-sets'
async function main(): Promise<void> {
  const lexicon = await loadLexicon()
  const cache = new Map<string, any>()
  const ranks: number[] = []
  for (const entry of SETS.filter((e) => !e.setAside)) {
    const set = loadSet(entry)!
    let index = cache.get(set.source)
    if (!index) cache.set(set.source, (index = buildSourceIndex(set.sourceText)))
    for (const c of set.claims) {
      if (!c.passages.length) continue
      const w = rankWindows(index, analyseClaim(c.claim.exact, index, { lexicon }), { top: 200 })
      const r = w.findIndex((x) => c.passages.some((p) => isHit(x, p)))
      ranks.push(r < 0 ? 999 : r)
    }
  }
  for (const k of [1, 3, 10, 20, 40, 80, 200]) console.log(`recall@${k}`, (ranks.filter((r) => r < k).length / ranks.length).toFixed(2))
}
void main()
