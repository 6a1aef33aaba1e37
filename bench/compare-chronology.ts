/**
 * Ninth-pass diagnosis, TUNED-ON sets only: for each claim that gives a year, the chronology fit
 * (rank.ts timeFit) of its labelled passage and of the passages ranked first and second (claim
 * alone), with the year mentions of the source within 40 sentences of each (year@offset).
 * Run: npx tsx bench/compare-chronology.ts
 */
import { loadLexicon } from '../src/main/services/compare-lexicon'
import { analyseClaim } from '../src/shared/compare/claim-analysis'
import { rankWindows } from '../src/shared/compare/rank'
import { isHit, tunedOnSets } from './lib/compare-sets'
async function main(): Promise<void> {
  const lexicon = await loadLexicon()
  for (const { set, index } of tunedOnSets()) {
    const Y = index.years
    const near = (s: number, R: number): string => { const o: string[] = []; for (let i = 0; i < Y.length; i += 2) if (Math.abs(Y[i] - s) <= R) o.push(`${Y[i + 1]}@${Y[i] - s}`); return o.join(' ') }
    for (const c of set.claims.filter((c) => c.passages.length)) {
      const concepts = analyseClaim(c.claim.exact, index, { lexicon })
      const years = concepts.filter((q) => !q.context && q.year !== undefined).map((q) => q.year)
      if (!years.length) continue
      const all = rankWindows(index, concepts, { top: 100000 })
      const r = all.findIndex((w) => c.passages.some((p) => isHit(w, p)))
      const lw = all[r]
      const fw = all[0]
      console.log(`${c.id} ${r < 0 ? 'not scored' : `rank ${r + 1}`} years [${years.join(',')}] label tf ${lw?.timeFit.toFixed(2)} first tf ${fw.timeFit.toFixed(2)} second tf ${all[1].timeFit.toFixed(2)}\n   L s${lw?.first}: ${lw ? near(lw.first, 40) : ''}\n   F s${fw.first}: ${near(fw.first, 40)}`)
    }
  }
}
void main()
