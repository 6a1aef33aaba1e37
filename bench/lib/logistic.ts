/** Logistic regression and threshold choice for the compare judgement's calibration (bench/compare-calibrate.ts). */

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
export function bestThreshold(p: number[], y: number[], by: 'balanced' | 'f1'): number {
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
