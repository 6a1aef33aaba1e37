/**
 * Fits the two logistic models of the compare judgement (src/shared/compare/judgement.ts) on the
 * tuned-on labelled sets only (never on the set-aside ones): P(found) — one of the top 3 passages
 * is a labelled one — and P(absent) — the claim is labelled not-found. Each claim counts twice,
 * from the claim alone and with its locator, as both are used. Prints the coefficients to paste
 * into judgement.ts and the in-sample precision/recall of "not found".
 * Run: npx tsx bench/compare-calibrate.ts
 */
import { compareWithSource } from '../src/shared/compare/compare'
import { FEATURE_ORDER, judge, probability, type JudgementFeatures } from '../src/shared/compare/judgement'
import { buildSourceIndex, type SourceIndex } from '../src/shared/compare/source-index'
import { loadLexicon } from '../src/main/services/compare-lexicon'
import { CodePointIndex } from '../src/shared/text/code-points'
import { bestThreshold, fitLogistic } from './lib/logistic'
import { SETS, isHit, loadSet } from './lib/compare-sets'

async function main(): Promise<void> {
  const lexicon = await loadLexicon()
  const indexes = new Map<string, { index: SourceIndex; cp: CodePointIndex }>()
  const rows: { f: JudgementFeatures; found: number; absent: number }[] = []
  for (const entry of SETS.filter((e) => !e.setAside)) {
    const set = loadSet(entry)
    if (!set) continue
    let ix = indexes.get(set.source)
    if (!ix) indexes.set(set.source, (ix = { index: buildSourceIndex(set.sourceText), cp: new CodePointIndex(set.sourceText) }))
    for (const c of set.claims) {
      for (const locator of [undefined, c.locator || undefined]) {
        const r = compareWithSource(ix.index, ix.cp, { claim: c.claim.exact, locator, top: 3, lexicon })
        const found = r.candidates.some((w) => c.passages.some((p) => isHit(w, p))) ? 1 : 0
        rows.push({ f: r.judgement.features, found, absent: c.passages.length ? 0 : 1 })
      }
    }
  }
  const x = rows.map((r) => FEATURE_ORDER.map((k) => r.f[k]))
  const found = fitLogistic(x, rows.map((r) => r.found))
  const absent = fitLogistic(x, rows.map((r) => r.absent))
  const absentAt = bestThreshold(rows.map((r) => probability(absent, r.f)), rows.map((r) => r.absent), 'f1')
  const foundAt = bestThreshold(rows.map((r) => probability(found, r.f)), rows.map((r) => r.found), 'balanced')
  console.log(`Fitted on ${rows.length} rankings (${rows.filter((r) => r.absent).length} of not-found claims) of the tuned-on sets:`)
  console.log(`export const FOUND_MODEL = [${found.join(', ')}]`)
  console.log(`export const ABSENT_MODEL = [${absent.join(', ')}]`)
  console.log(`export const ABSENT_THRESHOLD = ${absentAt}\nexport const FOUND_THRESHOLD = ${foundAt}`)
  const judged = rows.map((r) => judge(r.f, { found, absent, foundAt, absentAt }).verdict)
  const tp = rows.filter((r, i) => r.absent && judged[i] === 'not-found').length
  const nj = judged.filter((v) => v === 'not-found').length
  const nl = rows.filter((r) => r.absent).length
  console.log(`In sample: "not found" precision ${(nj ? tp / nj : 1).toFixed(2)} (${tp}/${nj}), recall ${(nl ? tp / nl : 1).toFixed(2)} (${tp}/${nl})`)
}

void main()
