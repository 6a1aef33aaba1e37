/**
 * Ninth-pass probe of distributional knowledge built from the source itself: for each word given,
 * the words of Gibbon vols. 6 and 2 that co-occur with it within one sentence either side (same
 * paragraph), by pointwise mutual information, log(c·N / (n_word · n_other)) over those windows.
 * Reads no labelled set. Prints the best 25 per word with at least MINC co-occurrences (default 3);
 * ONLY=stem,stem… keeps only those stems (to see where given paraphrases stand).
 * Run: npx tsx bench/compare-cooccurrence.ts blinded fled died killed besieged
 */
import { buildSourceIndex, SENTENCE_FIELDS as F } from '../src/shared/compare/source-index'
import { stemOf } from '../src/shared/text/stem'
import { textOf } from './lib/compare-sets'

const files = ['../shared/corpus/large/gibbon-decline-and-fall-vol6-pg895.txt', '../shared/corpus/large/gibbon-decline-and-fall-vol2-pg732.txt']
/** Sentences either side that share a window. */
const RADIUS = 1
const minCount = Number(process.env.MINC ?? 3)
const only = process.env.ONLY?.split(',')
const queries = process.argv.slice(2).map((w) => stemOf(w.toLowerCase()))
const df = new Map<string, number>()
const co = new Map<string, Map<string, number>>()
let windows = 0
for (const f of files) {
  const index = buildSourceIndex(textOf(f))
  const n = index.sentences.length / F
  const bags: string[][] = Array.from({ length: n }, () => [])
  for (const [t, list] of Object.entries(index.postings)) {
    if (!/^[a-z]/.test(t)) continue
    for (let i = 0; i < list.length; i += 2) bags[list[i]].push(t)
  }
  for (let s = 0; s < n; s++) {
    const win = new Set<string>()
    for (let d = -RADIUS; d <= RADIUS; d++) if (s + d >= 0 && s + d < n && index.sentences[(s + d) * F + 2] === index.sentences[s * F + 2]) for (const t of bags[s + d]) win.add(t)
    windows++
    for (const t of win) df.set(t, (df.get(t) ?? 0) + 1)
    for (const q of queries) {
      if (!win.has(q)) continue
      let m = co.get(q)
      if (!m) co.set(q, (m = new Map()))
      for (const t of win) m.set(t, (m.get(t) ?? 0) + 1)
    }
  }
}
for (const q of queries) {
  const m = co.get(q)
  if (!m) {
    console.log(`${q}: not in the source`)
    continue
  }
  const nq = df.get(q)!
  const rows = [...m]
    .filter(([t, c]) => t !== q && c >= minCount && (!only || only.includes(t)))
    .map(([t, c]) => [t, Math.log((c * windows) / (nq * df.get(t)!)), c] as const)
    .sort((a, b) => b[1] - a[1])
    .slice(0, 25)
  console.log(`${q} (${nq} windows): ${rows.map(([t, p, c]) => `${t} ${p.toFixed(1)}/${c}`).join(', ')}`)
}
