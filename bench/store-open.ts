/**
 * Opening a project of 100,000 annotations (issue: "open ≤ 1.5× a bare JSON.parse of the same data,
 * peak memory ≤ 3× the file size"). Every figure is a ratio to a baseline measured in the same run:
 *  - one open (read in chunks, every record validated, journal replayed) vs a bare JSON.parse of the
 *    same project.json text (already in memory), and vs readFile + JSON.parse; interleaved, the ratio
 *    of the medians of ROUNDS (argv[2], default 7); beside them, vs a bare JSON.parse of the data in
 *    the model's shape (collections keyed by id, as one JSON.stringify of it gives);
 *  - the services' index of the project (src/main/services/derived/: list tallies and per-document
 *    lists, built in one pass when a session opens), as a ratio to the store's open;
 *  - peak resident memory of an open, in a fresh process, as a multiple of the file size, beside the
 *    same figure for a bare readFile + JSON.parse.
 */
import { execFileSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { ProjectIndex } from '../src/main/services/derived/project-index'
import { FileProjectStore } from '../src/main/store/project-store'
import { buildBenchProject, median, time } from './lib/store-bench-project'

function child(mode: 'store' | 'bare', dir: string): { ms: number; peakGrowth: number; size: number } {
  const out = execFileSync(process.execPath, ['--import', 'tsx', join(__dirname, 'lib', 'store-open-memory.ts'), mode, dir], { encoding: 'utf8' })
  return JSON.parse(out.trim().split('\n').pop()!)
}

async function main(rounds: number): Promise<void> {
  const root = mkdtempSync(join(tmpdir(), 'marginalia-bench-'))
  try {
    const dir = join(root, 'p100k')
    await buildBenchProject(dir, 100_000)
    const file = join(dir, 'project.json')
    const text = readFileSync(file, 'utf8')
    const opens: number[] = []
    const parses: number[] = []
    const readParses: number[] = []
    const indexes: number[] = []
    const warm = await FileProjectStore.open(dir, { readOnly: true }) // warm-up: compiles the record checks once
    // The same data in the model's own shape, one JSON.stringify of it: collections keyed by id, as
    // lowdb and schema 1 stored a project. Parsing it pays what the open pays beyond the file's
    // record arrays (ids made property names, keyed tables grown); printed beside, not instead.
    const modelText = JSON.stringify(warm.data)
    await warm.close()
    const modelParses: number[] = []
    for (let r = 0; r < rounds; r++) {
      opens.push(await time(async () => (await FileProjectStore.open(dir, { readOnly: true })).close()))
      parses.push(await time(() => JSON.parse(text)))
      readParses.push(await time(() => JSON.parse(readFileSync(file, 'utf8'))))
      modelParses.push(await time(() => JSON.parse(modelText)))
    }
    console.log(`100,000 annotations (${(text.length / 1e6).toFixed(1)} MB): open = ${(median(opens) / median(parses)).toFixed(2)}× a bare JSON.parse of the same text, ` +
      `${(median(opens) / median(readParses)).toFixed(2)}× readFile + JSON.parse (medians of ${rounds}, interleaved; ${median(opens).toFixed(0)} ms vs ${median(parses).toFixed(0)} ms)`)
    console.log(`  beside it: open = ${(median(opens) / median(modelParses)).toFixed(2)}× a bare JSON.parse of the same data as the model holds it (JSON.stringify of it, collections keyed by id: ${median(modelParses).toFixed(0)} ms)`)
    // After the opens, so its garbage does not slow them.
    const opened = await FileProjectStore.open(dir, { readOnly: true })
    for (let r = 0; r < rounds; r++) indexes.push(await time(() => new ProjectIndex(opened).close()))
    await opened.close()
    console.log(`the services' index of it, built at a session's open = ${(median(indexes) / median(opens)).toFixed(3)}× the store's open (${median(indexes).toFixed(0)} ms)`)
    const store = child('store', dir)
    const bare = child('bare', dir)
    console.log(`peak memory of an open (fresh process, RSS growth) = ${store.peakGrowth.toFixed(2)}× the file size; bare readFile + JSON.parse = ${bare.peakGrowth.toFixed(2)}×`)
  } finally {
    rmSync(root, { recursive: true, force: true })
  }
}

void main(Number(process.argv[2] ?? 7))
