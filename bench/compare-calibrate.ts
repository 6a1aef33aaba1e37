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
import { SETS, isHit, loadSet } from './lib/compare-sets'

/**
 * L2-regularised logistic regression by gradient descent on standardised features; returns the
 * coefficients for the raw features, [bias, ...weights].
 */
export function fitLogistic(x: number[][], y: number[], l2 = 0.01, steps = 6000, rate = 0.5): number[] {
  const d = x[0].length
  const mean = Array.from({ length: d }, (_, k) => x.reduce((s, r) => s + r[k], 0) / x.length)
  const sd = Array.from({ length: d }, (_, k) => Math.sqrt(x.reduce((s, r) => s + (r[k] - mean[k]) ** 2, 0) / x.length) || 1)
  const z = x.map((r) => r.map((v, k) => (v - mean[k]) / sd[k]))
  const w = new Array(d + 1).fill(0)
  for (let it = 0; it < steps; it++) {
    const g = new Array(d + 1).fill(0)
    for (let i = 0; i < z.length; i++) {
      const err = 1 / (1 + Math.exp(-z[i].reduce((s, v, k) => s + v * w[k + 1], w[0]))) - y[i]
      g[0] += err
      for (let k = 0; k < d; k++) g[k + 1] += err * z[i][k]
    }
    for (let k = 0; k <= d; k++) w[k] -= rate * (g[k] / z.length + (k ? l2 * w[k] : 0))
  }
  const raw = w.slice(1).map((v, k) => v / sd[k])
  const bias = w[0] - raw.reduce((s, v, k) => s + v * mean[k], 0)
  return [bias, ...raw].map((v) => Math.round(v * 1000) / 1000)
}

/**
 * The probability threshold (in steps of 0.05) with the best score: balanced accuracy
 * ((TPR + TNR) / 2), or F1 of the positive class (for "not found", a rare class whose false
 * alarms hide real passages, so precision counts as much as recall).
 */
function bestThreshold(p: number[], y: number[], by: 'balanced' | 'f1'): number {
  let best = 0.5
  let bestScore = -1
  for (let t = 0.05; t < 0.96; t += 0.05) {
    const tp = p.filter((v, i) => v >= t && y[i]).length
    const fp = p.filter((v, i) => v >= t && !y[i]).length
    const fn = p.filter((v, i) => v < t && y[i]).length
    const tn = p.filter((v, i) => v < t && !y[i]).length
    const score = by === 'f1' ? (2 * tp) / (2 * tp + fp + fn || 1) : (tp / (tp + fn || 1) + tn / (tn + fp || 1)) / 2
    if (score > bestScore) [best, bestScore] = [Math.round(t * 100) / 100, score]
  }
  return best
}

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
