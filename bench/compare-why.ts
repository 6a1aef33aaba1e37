/** Debug (tuned-on claims only): evidence of the top windows and of the labelled passage's best window. npx tsx bench/compare-why.ts ID [--locator] */
import { loadLexicon } from '../src/main/services/compare-lexicon'
import { analyseClaim } from '../src/shared/compare/claim-analysis'
import { headingsOf } from '../src/shared/compare/compare'
import { rankWindows } from '../src/shared/compare/rank'
import { buildSourceIndex } from '../src/shared/compare/source-index'
import { resolveLocator } from '../src/shared/structure/resolve-locator'
import { CodePointIndex } from '../src/shared/text/code-points'
import { SETS, isHit, loadSet } from './lib/compare-sets'
void (async () => {
  const lexicon = await loadLexicon()
  const ids = process.argv.slice(2).filter((a) => !a.startsWith('--'))
  for (const entry of SETS.filter((e) => !e.setAside)) {
    const set = loadSet(entry)!
    const cs = set.claims.filter((c) => ids.includes(c.id))
    if (!cs.length) continue
    const index = buildSourceIndex(set.sourceText)
    const cp = new CodePointIndex(set.sourceText)
    for (const c of cs) {
      const concepts = analyseClaim(c.claim.exact, index, { lexicon })
      console.log(`\n[${c.id}] ${c.claim.exact}`)
      for (const k of concepts) console.log(`   ${k.kind} ${k.label} w=${k.weight.toFixed(2)}${k.act ? ' act' : ''}: ${k.alts.slice(0, 12).map((a) => `${a.term}:${a.weight.toFixed(2)}`).join(' ')}`)
      const located = process.argv.includes('--locator') ? resolveLocator(c.locator, [], headingsOf(index, cp), index.length) : undefined
      const ws = rankWindows(index, concepts, { top: 300, region: located?.ranges.length ? located.ranges : undefined })
      const show = (w: (typeof ws)[number], i: number) => console.log(`  #${i + 1} ${isHit(w, c.passages[0]) || c.passages.some((p) => isHit(w, p)) ? 'HIT ' : ''}score ${w.score.toFixed(2)} cov ${w.coverage.toFixed(2)} own ${w.evidence.own.toFixed(2)} around ${w.evidence.around.toFixed(2)} names ${w.evidence.names.toFixed(2)}/${w.nameCoverage.toFixed(2)} time ${w.evidence.time.toFixed(2)} matched ${w.matched.map((m) => concepts[m.concept].label + '=' + m.term).join(',')}\n      ${cp.slice(w.start, w.end).replace(/\s+/g, ' ').slice(0, 200)}`)
      ws.slice(0, 4).forEach(show)
      const h = ws.findIndex((w) => c.passages.some((p) => isHit(w, p)))
      if (h >= 4) show(ws[h], h)
      if (h < 0) console.log('  passage not in top 300')
    }
  }
})()
