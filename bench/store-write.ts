/**
 * The store at 100,000 annotations (issue: "the store scales with the edit, not the project").
 * Every figure is a ratio to a baseline measured in the same run on the same data:
 *  - one durable edit (journal append + fdatasync) vs a bare JSON.stringify of the project + write + fsync
 *    (what a whole-file store does per edit), and vs the same edit on a 1,000-annotation project;
 *  - one open (read line by line, every record validated, journal replayed) vs a bare JSON.parse of
 *    the same project.json text, and vs readFile + JSON.parse;
 *  - peak resident memory of an open, in a fresh process, as a multiple of the file size (beside the
 *    same figure for a bare readFile + JSON.parse).
 */
import { execFileSync } from 'node:child_process'
import { closeSync, fsyncSync, mkdtempSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { FileProjectStore } from '../src/main/store/project-store'
import type { Annotation } from '../src/shared/model'

function annotation(i: number, note = ''): Annotation {
  return {
    id: `ann_${i.toString(16).padStart(8, '0')}`, documentId: 'doc_bench',
    target: { start: i * 10, end: i * 10 + 8, exact: 'Bajazet.', prefix: 'the defeat and captivity of ', suffix: ' The Ottoman power was broken' },
    tags: ['person'], note: note || (i % 10 === 0 ? 'checked against Gibbon, ch. LXV' : ''), entityIds: [], citations: [],
    author: 'bench', created: '2026-11-26T10:00:00.000Z', modified: '2026-11-26T10:00:00.000Z', status: 'anchored'
  }
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]
const time = async (fn: () => unknown) => {
  const t = performance.now()
  await fn()
  return performance.now() - t
}

async function build(dir: string, size: number): Promise<void> {
  const store = await FileProjectStore.open(dir, { create: true })
  await store.transact('seed', (tx) => {
    for (let i = 0; i < size; i++) tx.put('annotations', annotation(i))
  })
  await store.close() // folds the seed into project.json
}

/** Median time of one durable edit on an open project, then of a bare whole-file save of the same data (after, so its garbage does not slow the edits). */
async function editTimes(dir: string, runs: number): Promise<{ edit: number; wholeFile: number }> {
  const store = await FileProjectStore.open(dir)
  const edits: number[] = []
  const whole: number[] = []
  for (let r = 0; r < runs; r++) edits.push(await time(() => store.transact('edit', (tx) => tx.put('annotations', annotation(r, `edit ${r}`)))))
  for (let r = 0; r < 5; r++) {
    whole.push(await time(() => {
      const fd = openSync(join(dir, 'baseline.json'), 'w')
      writeSync(fd, JSON.stringify(store.data))
      fsyncSync(fd)
      closeSync(fd)
    }))
  }
  await store.close()
  rmSync(join(dir, 'baseline.json'), { force: true })
  return { edit: median(edits), wholeFile: median(whole) }
}

function child(mode: 'store' | 'bare', dir: string): { ms: number; peakGrowth: number; size: number } {
  const out = execFileSync(process.execPath, ['--import', 'tsx', join(__dirname, 'lib', 'store-open-memory.ts'), mode, dir], { encoding: 'utf8' })
  return JSON.parse(out.trim().split('\n').pop()!)
}

async function main(): Promise<void> {
  const root = mkdtempSync(join(tmpdir(), 'marginalia-bench-'))
  try {
    const small = join(root, 'p1k')
    const large = join(root, 'p100k')
    await build(small, 1_000)
    await build(large, 100_000)
    const s = await editTimes(small, 21)
    const l = await editTimes(large, 21)
    console.log(`100,000 annotations: one durable edit = ${(l.edit / l.wholeFile).toFixed(4)}× a bare JSON.stringify + write + fsync of the project (median of 21; ${l.edit.toFixed(1)} ms vs ${l.wholeFile.toFixed(0)} ms)`)
    console.log(`100,000 vs 1,000 annotations: one durable edit = ${(l.edit / s.edit).toFixed(2)}× (same machine, same run)`)

    const text = readFileSync(join(large, 'project.json'), 'utf8')
    const opens: number[] = []
    const parses: number[] = []
    const readParses: number[] = []
    for (let r = 0; r < 5; r++) {
      opens.push(await time(async () => (await FileProjectStore.open(large, { readOnly: true })).close()))
      parses.push(await time(() => JSON.parse(text)))
      readParses.push(await time(() => JSON.parse(readFileSync(join(large, 'project.json'), 'utf8'))))
    }
    console.log(`100,000 annotations (${(text.length / 1e6).toFixed(1)} MB): open = ${(median(opens) / median(parses)).toFixed(2)}× a bare JSON.parse of the same text, ` +
      `${(median(opens) / median(readParses)).toFixed(2)}× readFile + JSON.parse (medians of 5, interleaved)`)
    const store = child('store', large)
    const bare = child('bare', large)
    console.log(`peak memory of an open (fresh process, RSS growth) = ${store.peakGrowth.toFixed(2)}× the file size; bare readFile + JSON.parse = ${bare.peakGrowth.toFixed(2)}×`)
  } finally {
    rmSync(root, { recursive: true, force: true })
  }
}

void main()
