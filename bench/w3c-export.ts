/**
 * W3C export alone on the large synthetic project (100,000 annotations over Gibbon vol. 6, see
 * tests/helpers/synthetic-project.ts), as a ratio to `JSON.stringify` of the same data and texts
 * measured in the same run (median of 5 interleaved runs). Target: under 5 (issue 5).
 * bench/export-formats.ts measures every format the same way; this one is quicker to run.
 * Run: npx tsx bench/w3c-export.ts [annotations]
 */
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { runSteps } from '../src/shared/export/steps'
import { w3cSteps } from '../src/shared/export/w3c'
import { syntheticProject } from '../tests/helpers/synthetic-project'

const SOURCE = join(__dirname, '..', '..', 'shared', 'corpus', 'large', 'gibbon-decline-and-fall-vol6-pg895.txt')
const N = Number(process.argv[2] ?? 100_000)
const RUNS = 5
if (!existsSync(SOURCE)) {
  console.log(`skipped: ${SOURCE} is absent (the shared corpus is not on this machine)`)
  process.exit(0)
}

const { data, texts } = syntheticProject(SOURCE, N)
const input = { data, texts, scope: {}, options: {}, exportedAt: '2026-11-26T12:00:00.000Z' }
const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]
const time = (fn: () => unknown): number => {
  const t = performance.now()
  fn()
  return performance.now() - t
}

JSON.stringify({ data, texts }) // warm-up
runSteps(w3cSteps(input))
const base: number[] = []
const ours: number[] = []
let bytes = 0
let files = 0
for (let r = 0; r < RUNS; r++) {
  base.push(time(() => JSON.stringify({ data, texts })))
  ours.push(time(() => {
    const out = runSteps(w3cSteps(input))
    files = out.files.length
    bytes = out.files.reduce((s, f) => s + f.content.length, 0)
  }))
}
const ratio = median(ours) / median(base)
console.log(`${N} annotations → ${files} file(s), ${(bytes / 1e6).toFixed(0)} M characters`)
console.log(`w3c export: ${ratio.toFixed(2)}× JSON.stringify (${median(ours).toFixed(0)} ms vs ${median(base).toFixed(0)} ms) ${ratio < 5 ? 'OK' : 'OVER the 5× target'}`)
