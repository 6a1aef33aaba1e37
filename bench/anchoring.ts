/**
 * Anchoring benchmark on Gibbon's Decline and Fall vol. 6 (1.4 MB of real text):
 *  1. re-anchoring 10,000 annotations after a new version of the text (insertions, deletions and
 *     word changes spread through the book) with `reanchorAll`, as a ratio to a plain
 *     diff-match-patch diff of the two versions measured in the same run (the least any
 *     version-aware re-anchoring must do);
 *  2. how many are anchored / moved / orphaned, against a ground truth: the edits are made here,
 *     so where every character of the old text went is known, and each result is compared with
 *     where its passage really is in the new text (misplaced anchors are counted, must be 0);
 *  3. the similarity of unrelated 32-character context windows (the figure behind
 *     UNRELATED_CONTEXT_SIMILARITY in src/shared/anchoring/score.ts).
 * Run: npx tsx bench/anchoring.ts [annotations]
 */
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import DiffMatchPatch from 'diff-match-patch'
import { describe, reanchorAll } from '../src/shared/anchoring'
import { similarity } from '../src/shared/anchoring/similarity'
import { CodePointIndex } from '../src/shared/text/code-points'
import { normaliseText } from '../src/shared/text/normalise'

const SOURCE = join(__dirname, '..', '..', 'shared', 'corpus', 'large', 'gibbon-decline-and-fall-vol6-pg895.txt')
const N = Number(process.argv[2] ?? 10_000)
if (!existsSync(SOURCE)) {
  console.log(`skipped: ${SOURCE} is absent (the shared corpus is not on this machine)`)
  process.exit(0)
}

/** Deterministic pseudo-random numbers (LCG), so every run measures the same work. */
let seed = 42
const rnd = (): number => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648

const oldText = normaliseText(readFileSync(SOURCE, 'utf8'))
const oldIndex = new CodePointIndex(oldText)

// Annotations: N passages of 2–12 words at random word starts.
const anns = Array.from({ length: N }, (_, i) => {
  let u = Math.floor(rnd() * (oldText.length - 200))
  while (u > 0 && /\S/.test(oldText[u - 1])) u--
  let e = u
  for (let w = 0, words = 2 + Math.floor(rnd() * 10); w < words; w++) {
    e = oldText.indexOf(' ', e + 1)
    if (e < 0) e = oldText.length
  }
  const start = oldIndex.toCodePoint(u)
  return { id: `a${i}`, target: describe(oldIndex, start, oldIndex.toCodePoint(e)), u, e }
})

// The new version: every ~5,000 characters, insert a sentence, delete a few words, or change a word.
// Ground truth: oldToNew[i] is where old UTF-16 unit i is in the new text, -1 when deleted or changed.
let newText = ''
let last = 0
const oldToNew = new Int32Array(oldText.length).fill(-1)
const copy = (from: number, to: number): void => {
  for (let i = from; i < to; i++) oldToNew[i] = newText.length + (i - from)
  newText += oldText.slice(from, to)
}
const edits = { inserted: 0, deleted: 0, changed: 0 }
for (let u = 5_000; u < oldText.length - 100; u += 3_000 + Math.floor(rnd() * 4_000)) {
  const at = oldText.indexOf(' ', u)
  copy(last, at)
  const kind = rnd()
  if (kind < 0.34) {
    newText += ' [Editor: a note inserted in the new edition.]'
    last = at
    edits.inserted++
  } else if (kind < 0.67) {
    last = oldText.indexOf(' ', oldText.indexOf(' ', oldText.indexOf(' ', at + 1) + 1) + 1)
    edits.deleted++
  } else {
    newText += ' emended'
    last = oldText.indexOf(' ', at + 1)
    edits.changed++
  }
}
copy(last, oldText.length)

const time = (fn: () => unknown): number => {
  const t = performance.now()
  fn()
  return performance.now() - t
}
const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]

console.log(`${N} annotations over ${oldIndex.length} code points; new version with ${edits.inserted} insertions, ${edits.deleted} deletions, ${edits.changed} word changes`)
let results = reanchorAll(oldText, newText, anns)
const base: number[] = []
const ours: number[] = []
for (let r = 0; r < 3; r++) {
  base.push(time(() => new DiffMatchPatch().diff_main(oldText, newText)))
  ours.push(time(() => (results = reanchorAll(oldText, newText, anns))))
}
const counts = { anchored: 0, moved: 0, orphaned: 0 }
const newIndex = new CodePointIndex(newText)
// Each result against where its passage really went. Untouched passages (every character kept, no
// insertion inside) must come back exactly there; edited ones must overlap what is left of them.
const truth = { untouched: 0, exact: 0, edited: 0, editedFound: 0, misplaced: 0, lostUntouched: 0 }
const misplacedExamples: string[] = []
results.forEach((r, k) => {
  counts[r.status]++
  const { u, e } = anns[k]
  const kept: number[] = []
  let touched = false
  for (let i = u; i < e; i++) {
    if (oldToNew[i] < 0) touched = true
    else {
      if (kept.length && oldToNew[i] !== kept[kept.length - 1] + 1) touched = true // something inserted here
      kept.push(oldToNew[i])
    }
  }
  if (!kept.length) {
    // Passage wholly deleted: only an orphan is right.
    if (r.status !== 'orphaned') truth.misplaced++
    return
  }
  const start = newIndex.toCodePoint(kept[0])
  const end = newIndex.toCodePoint(kept[kept.length - 1] + 1)
  if (touched) truth.edited++
  else truth.untouched++
  if (r.status === 'orphaned') {
    if (!touched) truth.lostUntouched++
    return
  }
  const right = touched ? r.start < end && r.end > start : r.start === start && r.end === end
  if (right) touched ? truth.editedFound++ : truth.exact++
  else {
    truth.misplaced++
    if (misplacedExamples.length < 3) misplacedExamples.push(`"${anns[k].target.exact}" truly at ${start}-${end}, placed at ${r.start}-${r.end} (${r.status}, score ${r.score})`)
  }
})
console.log(`reanchorAll: ${(median(ours) / median(base)).toFixed(1)}× a plain diff of the two versions (${median(ours).toFixed(0)} ms vs ${median(base).toFixed(0)} ms; ${(median(ours) / N).toFixed(2)} ms per annotation)`)
for (const r of results.filter((x) => x.status === 'orphaned').slice(0, 3)) console.log(`  e.g. orphaned: "${r.target.exact}" (${r.reason}, score ${r.score})`)
console.log(`outcome: ${counts.anchored} anchored, ${counts.moved} moved, ${counts.orphaned} orphaned`)
console.log(`against the ground truth: ${truth.exact} of ${truth.untouched} untouched passages exactly where they went (${truth.lostUntouched} orphaned); ${truth.editedFound} of ${truth.edited} edited passages found overlapping what is left of them; ${truth.misplaced} misplaced (must be 0)`)
for (const m of misplacedExamples) console.log(`  e.g. misplaced: ${m}`)
if (truth.misplaced > 0) process.exitCode = 1

// Unrelated context windows: how similar are two random 32-character windows of the book?
const sims: number[] = []
for (let i = 0; i < 4000; i++) {
  const a = Math.floor(rnd() * (oldText.length - 40))
  const b = Math.floor(rnd() * (oldText.length - 40))
  sims.push(similarity(oldText.slice(a, a + 32), oldText.slice(b, b + 32)))
}
sims.sort((x, y) => x - y)
const mean = sims.reduce((s, x) => s + x, 0) / sims.length
console.log(`unrelated 32-character contexts: mean similarity ${mean.toFixed(2)}, 99th percentile ${sims[Math.floor(sims.length * 0.99)].toFixed(2)} (UNRELATED_CONTEXT_SIMILARITY = 0.3)`)
