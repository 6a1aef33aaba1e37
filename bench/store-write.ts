/**
 * The store at 100,000 annotations (issue: "the store scales with the edit, not the project").
 * Every figure is a ratio to a baseline measured in the same run on the same data:
 *  - one durable edit (journal append + fdatasync) vs a bare JSON.stringify of the project + write + fsync
 *    (what a whole-file store does per edit), and vs the same edit on a 1,000-annotation project;
 *  - one edit through the services followed by a read of the project lists a window re-reads
 *    (getProjectInfo, listTags, listEntities, listCitations), 100,000 vs 1,000 annotations: the
 *    lists are kept per change (src/main/services/derived/), so this should scale with the edit too.
 * Opening is measured by bench/store-open.ts.
 */
import { closeSync, fsyncSync, mkdtempSync, openSync, rmSync, writeSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { ProjectSession } from '../src/main/services/project-session'
import { FileProjectStore } from '../src/main/store/project-store'
import { benchAnnotation as annotation, buildBenchProject as build, median, time } from './lib/store-bench-project'

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

/** Median time of an annotation edit through the services plus the project lists read after it. */
async function editAndListTimes(dir: string, runs: number): Promise<number> {
  const session = await ProjectSession.open(dir)
  const times: number[] = []
  for (let r = 0; r < runs; r++) {
    times.push(await time(async () => {
      const edited = await session.api.updateAnnotation({ id: annotation(r).id, tags: [`tag${r % 3}`] })
      if (!edited.ok) throw new Error(edited.error.message)
      for (const m of ['getProjectInfo', 'listTags', 'listEntities', 'listCitations'] as const) {
        const read = await session.call(m, {})
        if (!read.ok) throw new Error(read.error.message)
      }
    }))
  }
  await session.close()
  return median(times)
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
    const sl = await editAndListTimes(small, 21)
    const ll = await editAndListTimes(large, 21)
    console.log(`100,000 vs 1,000 annotations: an edit through the services then the four project lists = ${(ll / sl).toFixed(2)}× (median of 21; ${ll.toFixed(1)} ms vs ${sl.toFixed(1)} ms)`)
  } finally {
    rmSync(root, { recursive: true, force: true })
  }
}

void main()
