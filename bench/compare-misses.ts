/**
 * Error analysis of compare on the TUNED-ON labelled sets only (it refuses the set-aside ones):
 * for each claim whose labelled passage is not first, the rank of the passage, the claim's
 * concepts that the passage matches, the best candidate, and the labelled passage.
 * Run: npx tsx bench/compare-misses.ts [--locator] [--set NAME]
 */
import { loadLexicon } from '../src/main/services/compare-lexicon'
import { analyseClaim } from '../src/shared/compare/claim-analysis'
import { compareWithSource } from '../src/shared/compare/compare'
import { buildSourceIndex, type SourceIndex } from '../src/shared/compare/source-index'
import { CodePointIndex } from '../src/shared/text/code-points'
import { tokenise } from '../src/shared/text/tokenise'
import { SETS, isHit, loadSet } from './lib/compare-sets'

async function main(): Promise<void> {
  const withLocator = process.argv.includes('--locator')
  const only = process.argv.includes('--set') ? process.argv[process.argv.indexOf('--set') + 1] : undefined
  const lexicon = await loadLexicon()
  const sources = new Map<string, { index: SourceIndex; cp: CodePointIndex }>()
  for (const entry of SETS.filter((e) => !e.setAside && (!only || e.name.includes(only)))) {
    const set = loadSet(entry)
    if (!set) continue
    let ix = sources.get(set.source)
    if (!ix) sources.set(set.source, (ix = { index: buildSourceIndex(set.sourceText), cp: new CodePointIndex(set.sourceText) }))
    console.log(`\n===== ${set.name}`)
    for (const c of set.claims) {
      if (!c.passages.length) continue
      const r = compareWithSource(ix.index, ix.cp, { claim: c.claim.exact, locator: withLocator ? c.locator : undefined, top: 10, lexicon })
      const rank = r.candidates.findIndex((w) => c.passages.some((p) => isHit(w, p)))
      if (rank === 0) continue
      const concepts = analyseClaim(c.claim.exact, ix.index, { lexicon })
      const stems = new Set(c.passages.flatMap((p) => tokenise(p.exact).map((t) => t.stem)))
      const shared = concepts.filter((k) => k.kind !== 'number' && k.kind !== 'date' && k.alts.some((a) => stems.has(a.term))).map((k) => `${k.label}→${k.alts.filter((a) => stems.has(a.term)).map((a) => a.term).join('/')}`)
      console.log(`\n[${c.id}] rank ${rank < 0 ? '>10' : rank + 1}  locator ${c.locator || '-'}\n  CLAIM: ${c.claim.exact}\n  SHARED: ${shared.join(', ') || '(none)'}\n  WANT: ${c.passages.map((p) => p.exact.replace(/\s+/g, ' ').slice(0, 300)).join(' || ')}\n  TOP1: ${r.candidates[0]?.exact.replace(/\s+/g, ' ').slice(0, 300)}  [${r.candidates[0]?.matched.map((m) => m.label).join(',')}]`)
    }
  }
}
void main()
