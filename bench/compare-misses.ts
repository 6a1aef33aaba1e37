/**
 * Failure analysis on the TUNED-ON labelled sets only (set-aside and fresh sets are refused): for
 * each claim with a labelled passage, the rank of that passage among the first 40 windows from the
 * claim alone, the concepts the claim became, and the opening of the passage ranked first.
 * Run: npx tsx bench/compare-misses.ts [--locator]
 */
import { loadLexicon } from '../src/main/services/compare-lexicon'
import { analyseClaim } from '../src/shared/compare/claim-analysis'
import { compareWithSource } from '../src/shared/compare/compare'
import { isHit, tunedOnSets } from './lib/compare-sets'

async function main(): Promise<void> {
  const lexicon = await loadLexicon()
  const withLocator = process.argv.includes('--locator')
  const ranks: number[] = []
  for (const { set, ...l } of tunedOnSets()) {
    for (const c of set.claims.filter((c) => c.passages.length)) {
      const res = compareWithSource(l.index, l.cp, { claim: c.claim.exact, top: 40, lexicon, locator: withLocator ? c.locator : undefined })
      const r = res.candidates.findIndex((w) => c.passages.some((p) => isHit(w, p)))
      ranks.push(r)
      const concepts = analyseClaim(c.claim.exact, l.index, { lexicon })
      console.log(`\n${c.id} rank ${r < 0 ? '>40' : r + 1}: ${c.claim.exact}`)
      console.log(`  concepts: ${concepts.map((k) => `${k.label}${k.kind === 'name' ? '(N)' : k.act ? '(A)' : ''}[${k.alts.length}]`).join(' ')}`)
      console.log(`  labelled: ${c.passages[0].exact.replace(/\s+/g, ' ').slice(0, 220)}`)
      if (r !== 0) console.log(`  first:    ${res.candidates[0]?.exact.replace(/\s+/g, ' ').slice(0, 220)}`)
      if (r > 0) console.log(`  hit matched: ${res.candidates[r].matched.map((m) => m.label).join(', ')} | first matched: ${res.candidates[0].matched.map((m) => m.label).join(', ')}`)
    }
  }
  console.log(`\nranks: ${ranks.map((r) => (r < 0 ? '-' : r + 1)).join(' ')}`)
}
void main()
