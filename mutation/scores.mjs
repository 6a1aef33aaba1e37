// Per-file and per-folder mutation scores from the kept results (mutation/*.json), with the number
// of mutants each file has today (counted by Stryker's own instrumenter), so files never run show up
// as "not run". Usage: node mutation/scores.mjs   (docs/mutation.md)
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { Instrumenter } from '@stryker-mutator/instrumenter'

const FOLDERS = ['src/shared/anchoring', 'src/main/store', 'src/shared/export']
const quiet = { debug() {}, info() {}, warn() {}, error() {}, trace() {}, isDebugEnabled: () => false, isTraceEnabled: () => false }
const instrumenter = new Instrumenter(quiet)
const options = { plugins: null, excludedMutations: [], ignorers: [], noHeader: true, mutationRanges: [] }

/** Statuses by file, over every results file (a file split by line ranges sums its parts). */
const statuses = {}
const dir = new URL('.', import.meta.url).pathname
for (const name of readdirSync(dir).filter((n) => n.endsWith('.json'))) {
  const report = JSON.parse(readFileSync(join(dir, name), 'utf8'))
  for (const [file, d] of Object.entries(report.files)) (statuses[file] ??= []).push(...d.mutants.map((m) => m.status))
}

for (const folder of FOLDERS) {
  const files = readdirSync(folder).filter((n) => n.endsWith('.ts') && n !== 'index.ts' && n !== 'types.ts').map((n) => `${folder}/${n}`)
  let detected = 0, valid = 0, total = 0, notRun = 0
  for (const file of files.sort()) {
    const { mutants } = await instrumenter.instrument([{ name: file, content: readFileSync(file, 'utf8'), mutate: true }], options)
    const st = statuses[file] ?? []
    const det = st.filter((s) => s === 'Killed' || s === 'Timeout').length
    const surv = st.filter((s) => s === 'Survived').length
    const nocov = st.filter((s) => s === 'NoCoverage').length
    detected += det; valid += det + surv + nocov; total += mutants.length; notRun += Math.max(0, mutants.length - st.length)
    const part = st.length && st.length < mutants.length ? ` (${st.length} of ${mutants.length} run)` : ''
    console.log(`${file.padEnd(44)} ${String(mutants.length).padStart(4)}  ${st.length ? `${det}/${det + surv + nocov} ${((100 * det) / (det + surv + nocov)).toFixed(1)}% survived ${surv} no coverage ${nocov}${part}` : 'not run'}`)
  }
  console.log(`${folder}: ${valid ? `${detected}/${valid} = ${((100 * detected) / valid).toFixed(1)}% over what was run` : 'nothing run'}; ${total} mutants today, ${notRun} not run\n`)
}
