/**
 * Ninth-pass diagnosis, TUNED-ON sets only: how often the event-frame conflict of frames.ts fires on
 * the labelled passage and on the others among the first 10 of each claim (claim alone), and on the
 * passage ranked first when the labelled one is at 2–10. A signal worth a penalty fires on the
 * wrong passages much more often than on the labelled ones.
 * Run: C8_FK=10 C8_FW=0 [C8_STRICT=1 | C8_ROLES=1] npx tsx bench/compare-frames.ts
 */
import { loadLexicon } from '../src/main/services/compare-lexicon'
import { analyseClaim } from '../src/shared/compare/claim-analysis'
import { rankWindows } from '../src/shared/compare/rank'
import { tokenise } from '../src/shared/text/tokenise'
import { isHit, tunedOnSets } from './lib/compare-sets'
async function main(): Promise<void> {
  const lexicon = await loadLexicon()
  let lab = 0, labC = 0, other = 0, otherC = 0, firstMissC = 0, firstMiss = 0
  for (const { set, index, cp } of tunedOnSets()) {
    for (const c of set.claims.filter((c) => c.passages.length)) {
      const concepts = analyseClaim(c.claim.exact, index, { lexicon })
      const ws = rankWindows(index, concepts, { top: 10, tokensOf: (s, e) => tokenise(cp.slice(s, e), s) })
      const hitAt = ws.findIndex((w) => c.passages.some((p) => isHit(w, p)))
      ws.forEach((w, k) => {
        const h = c.passages.some((p) => isHit(w, p))
        if (h) { lab++; if (w.frameConflict > 0) labC++ } else { other++; if (w.frameConflict > 0) otherC++ }
        if (k === 0 && hitAt > 0) { firstMiss++; if (w.frameConflict > 0) firstMissC++ }
      })
    }
  }
  console.log(`labelled passages in the first 10: ${lab}, with a conflict ${labC}; other passages ${other}, with a conflict ${otherC}; first passage of a claim whose labelled one is at 2-10: ${firstMiss}, with a conflict ${firstMissC}`)
}
void main()
