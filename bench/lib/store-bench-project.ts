/**
 * The project the store benches measure: N annotations on one document, written by the store
 * itself (one edit, then the close folds it into project.json), plus the timing helpers they share.
 */
import { FileProjectStore } from '../../src/main/store/project-store'
import type { Annotation } from '../../src/shared/model'

/** Annotation number `i` (ids `ann_` + 8 hex), with an optional note. */
export function benchAnnotation(i: number, note = ''): Annotation {
  return {
    id: `ann_${i.toString(16).padStart(8, '0')}`, documentId: 'doc_bench',
    target: { start: i * 10, end: i * 10 + 8, exact: 'Bajazet.', prefix: 'the defeat and captivity of ', suffix: ' The Ottoman power was broken' },
    tags: ['person'], note: note || (i % 10 === 0 ? 'checked against Gibbon, ch. LXV' : ''), entityIds: [], citations: [],
    author: 'bench', created: '2026-11-26T10:00:00.000Z', modified: '2026-11-26T10:00:00.000Z', status: 'anchored'
  }
}

/** Creates a project of `size` annotations in `dir` and closes it (so all of it is in project.json). */
export async function buildBenchProject(dir: string, size: number): Promise<void> {
  const store = await FileProjectStore.open(dir, { create: true })
  await store.transact('seed', (tx) => {
    for (let i = 0; i < size; i++) tx.put('annotations', benchAnnotation(i))
  })
  await store.close()
}

export const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]

/** Milliseconds `fn` took. */
export async function time(fn: () => unknown): Promise<number> {
  const t = performance.now()
  await fn()
  return performance.now() - t
}
