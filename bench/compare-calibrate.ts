/**
 * Fits the two logistic models of the compare judgement (src/shared/compare/judgement.ts) on the
 * tuned-on labelled sets only (never on the set-aside ones): P(found) — one of the top 3 passages
 * is a labelled one — and P(absent) — the claim is labelled not-found. Each claim counts twice,
 * from the claim alone and with its locator, as both are used. Prints the coefficients to paste
 * into judgement.ts and the in-sample precision/recall of "not found".
 * Also reports leave-one-set-out cross-validation of "not found" from the claim alone.
 * Run: npx tsx bench/compare-calibrate.ts
 */
import { compareWithSource } from '../src/shared/compare/compare'
import { FEATURE_ORDER, judge, probability, type JudgementFeatures } from '../src/shared/compare/judgement'
import { loadLexicon } from '../src/main/services/compare-lexicon'
import { bestThreshold, fitLogistic } from './lib/logistic'
import { isHit, tunedOnSets } from './lib/compare-sets'

async function main(): Promise<void> {
  const lexicon = await loadLexicon()
  const rows: { f: JudgementFeatures; found: number; absent: number; set: string; alone: boolean }[] = []
  for (const { set, ...ix } of tunedOnSets()) {
    for (const c of set.claims) {
      for (const [k, locator] of [undefined, c.locator || undefined].entries()) {
        const r = compareWithSource(ix.index, ix.cp, { claim: c.claim.exact, locator, top: 3, lexicon })
        const found = r.candidates.some((w) => c.passages.some((p) => isHit(w, p))) ? 1 : 0
        rows.push({ f: r.judgement.features, found, absent: c.passages.length ? 0 : 1, set: set.name, alone: k === 0 })
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
  // Leave one set out: fit both models and their thresholds on four sets, judge the fifth's claims
  // from the claim alone; how "not found" would do on claims the fit never saw.
  let cvTp = 0
  let cvJudged = 0
  let cvLabelled = 0
  for (const held of [...new Set(rows.map((r) => r.set))]) {
    const train = rows.filter((r) => r.set !== held)
    const tx = train.map((r) => FEATURE_ORDER.map((k) => r.f[k]))
    const f = fitLogistic(tx, train.map((r) => r.found))
    const a = fitLogistic(tx, train.map((r) => r.absent))
    const models = { found: f, absent: a, foundAt: bestThreshold(train.map((r) => probability(f, r.f)), train.map((r) => r.found), 'balanced'), absentAt: bestThreshold(train.map((r) => probability(a, r.f)), train.map((r) => r.absent), 'f1') }
    for (const r of rows.filter((r) => r.set === held && r.alone)) {
      const nf = judge(r.f, models).verdict === 'not-found'
      cvJudged += nf ? 1 : 0
      cvTp += nf && r.absent ? 1 : 0
      cvLabelled += r.absent
    }
  }
  console.log(`Leave one set out, claim alone: "not found" precision ${(cvJudged ? cvTp / cvJudged : 1).toFixed(2)} (${cvTp}/${cvJudged}), recall ${(cvLabelled ? cvTp / cvLabelled : 1).toFixed(2)} (${cvTp}/${cvLabelled})`)
  console.log(`In sample: "not found" precision ${(nj ? tp / nj : 1).toFixed(2)} (${tp}/${nj}), recall ${(nl ? tp / nl : 1).toFixed(2)} (${tp}/${nl})`)
}

void main()
