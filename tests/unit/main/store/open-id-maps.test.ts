/**
 * The fast open path validates records as their runs are parsed and adds them to the id maps once
 * the whole file is read (json-lines-snapshot.ts, `addToMap`). These tests hold it to what the maps
 * must be: one null-prototype map per collection, keyed by id, in file order (compaction writes that
 * order back, so it keeps the file stable), with ids like `constructor` or `__proto__` as ordinary
 * keys; a repeated id refused wherever its copies lie, and the first problem in file order named.
 */
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it, vi } from 'vitest'
import { COLLECTION_NAMES } from '../../../../src/shared/model'
import { FileProjectStore } from '../../../../src/main/store/project-store'
import { storeFs } from '../../../../src/main/store/store-fs'
import { annotation, folder, tag, unspy } from './store-test-kit'

const ODD_IDS = ['constructor', '__proto__', 'toString', 'hasOwnProperty', 'valueOf']

/** A project of `count` annotations (about 1 KB each, so they span many 96 KiB parse runs) plus the odd ids, closed. */
async function project(count: number): Promise<string> {
  const dir = folder()
  const store = await FileProjectStore.open(dir, { create: true })
  await store.transact('seed', (tx) => {
    for (let i = 0; i < count; i++) tx.put('annotations', annotation(`ann_${String(i).padStart(4, '0')}`, 'doc_1', `note ${i} `.repeat(100)))
    for (const id of ODD_IDS) tx.put('annotations', annotation(id))
    for (const id of [...ODD_IDS, 'ann_0001']) tx.put('tags', tag(id)) // the same id in two collections is no repeat
  })
  await store.close()
  return dir
}

/** The annotation ids of project.json in file order, and the file's lines. */
function annotationLines(dir: string): { lines: string[]; first: number; ids: string[] } {
  const lines = readFileSync(join(dir, 'project.json'), 'utf8').split('\n')
  const first = lines.indexOf('"annotations":[') + 1
  const ids: string[] = []
  for (let n = first; lines[n] !== ']' && !lines[n].startsWith('],'); n++) ids.push((JSON.parse(lines[n].replace(/,$/, '')) as { id: string }).id)
  return { lines, first, ids }
}

/** Sets the id of annotation line `index` (0-based among records) to `id`; returns its 1-based line. */
function setId(dir: string, index: number, id: string): number {
  const { lines, first } = annotationLines(dir)
  const n = first + index
  const comma = lines[n].endsWith(',')
  lines[n] = JSON.stringify({ ...(JSON.parse(comma ? lines[n].slice(0, -1) : lines[n]) as object), id }) + (comma ? ',' : '')
  writeFileSync(join(dir, 'project.json'), lines.join('\n'))
  return n + 1
}

describe('the id maps an open builds', () => {
  it('are null-prototype maps keyed by id, in file order, built by the line path, with odd ids as plain keys', async () => {
    const dir = await project(400)
    const { ids } = annotationLines(dir)
    unspy('readFile')
    const whole = vi.spyOn(storeFs, 'readFile')
    const store = await FileProjectStore.open(dir, { readOnly: true })
    expect(whole.mock.calls.filter(([p]) => String(p).endsWith('project.json'))).toEqual([]) // not the whole-file path
    for (const c of COLLECTION_NAMES) expect(Object.getPrototypeOf(store.data[c]), c).toBe(null)
    expect(Object.keys(store.data.annotations)).toEqual(ids)
    for (const id of ODD_IDS) {
      expect(Object.prototype.hasOwnProperty.call(store.data.annotations, id), id).toBe(true)
      expect(store.data.annotations[id]).toEqual(annotation(id))
      expect(store.data.tags[id]).toEqual(tag(id))
    }
    expect(store.data.annotations.ann_0399.note).toBe('note 399 '.repeat(100))
    expect(store.data.tags.ann_0001).toEqual(tag('ann_0001'))
    expect(store.data.entities.toString).toBeUndefined()
    await store.close()
  })

  it('refuse an id repeated next to its first use, across parse runs, or as __proto__, naming the second line', async () => {
    // [id, index of its record, index of the record given the same id] (0-based among annotation lines)
    const cases: [string, number, number][] = [['ann_0010', 10, 11], ['ann_0000', 0, 399], ['__proto__', 401, 3]]
    for (const [id, own, other] of cases) {
      const dir = await project(400)
      const { first, ids } = annotationLines(dir)
      expect(ids[own]).toBe(id)
      setId(dir, other, id)
      const second = first + Math.max(own, other) + 1 // the later copy is the repeat
      await expect(FileProjectStore.open(dir, { readOnly: true })).rejects.toThrow(`project.json line ${second}: annotations ${JSON.stringify(id)} appears twice`)
    }
  })

  it('name the first problem in file order: a repeated id before an invalid record further on', async () => {
    const dir = await project(400)
    const repeat = setId(dir, 20, 'ann_0005')
    const { lines, first } = annotationLines(dir)
    const n = first + 390
    lines[n] = lines[n].replace('"documentId":"doc_1",', '') // an invalid record far after the repeat
    writeFileSync(join(dir, 'project.json'), lines.join('\n'))
    await expect(FileProjectStore.open(dir, { readOnly: true })).rejects.toThrow(`project.json line ${repeat}: annotations "ann_0005" appears twice`)
  })
})
