/**
 * A project in today's layout (one record per line) opens by the line-by-line path: project.json is
 * never read as one whole string (a large project would need several times its size in memory and
 * open many times slower), whatever it holds: records in every collection, a note longer than one
 * parse run or one read, text that looks like a dangerous key, undo and redo steps, empty lists. And
 * it opens with exactly what was saved.
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { FileProjectStore } from '../../../../src/main/store/project-store'
import { storeFs } from '../../../../src/main/store/store-fs'
import { annotation, folder, tag, unspy } from './store-test-kit'

afterEach(() => vi.restoreAllMocks())

/** Paths read whole through storeFs.readFile from now on. */
function wholeReads(): string[] {
  const paths: string[] = []
  unspy('readFile')
  const real = storeFs.readFile
  vi.spyOn(storeFs, 'readFile').mockImplementation(async (path) => {
    paths.push(path)
    return real(path)
  })
  return paths
}

async function reopened(dir: string) {
  const reads = wholeReads()
  const store = await FileProjectStore.open(dir, { readOnly: true })
  return { store, reads }
}

describe('opening a project in the line layout', () => {
  it('reads every record, long and short, and the undo and redo steps, line by line and exactly', async () => {
    const dir = folder()
    const store = await FileProjectStore.open(dir, { create: true })
    const long = 'Ω ἀρχή 𝔊 '.repeat(70_000) // ≈ 1.1 MB of UTF-8: longer than a parse run (96 KiB) and a read (512 KiB)
    await store.transact('tags', (tx) => {
      tx.put('tags', tag('t1', '#f00'))
      tx.put('tags', tag('t2', '#0f0'))
    })
    await store.transact('notes', (tx) => {
      for (let i = 0; i < 50; i++) tx.put('annotations', annotation(`ann_${i}`, 'doc_1', `note ${i} `.repeat(400)))
    })
    await store.transact('long', (tx) => tx.put('annotations', annotation('ann_long', 'doc_1', long)))
    await store.transact('odd', (tx) => tx.put('annotations', annotation('ann_odd', 'doc_1', 'a note that says "__proto__": {"x": 1} and constructor')))
    await store.transact('last', (tx) => tx.put('tags', tag('t3')))
    await store.undo() // one redo step saved too
    const saved = store.snapshot()
    await store.close()
    expect(readFileSync(join(dir, 'project.json'), 'utf8').split('\n').length).toBeGreaterThan(50) // one record per line

    const { store: again, reads } = await reopened(dir)
    expect(reads.filter((p) => p.endsWith('project.json'))).toEqual([])
    expect(again.snapshot()).toEqual(saved)
    expect(again.data.annotations.ann_long.note).toBe(long)
    expect(again.history.state()).toEqual({ canUndo: true, canRedo: true, undoLabel: 'odd', redoLabel: 'last' })
    await again.close()
  })

  it('reads a project with empty collections and no history the same way', async () => {
    const dir = folder()
    const store = await FileProjectStore.open(dir, { create: true })
    const saved = store.snapshot()
    await store.close()
    const { store: again, reads } = await reopened(dir)
    expect(reads.filter((p) => p.endsWith('project.json'))).toEqual([])
    expect(again.snapshot()).toEqual(saved)
    expect(again.history.state().canUndo).toBe(false)
    await again.close()
  })
})
