/**
 * What the journal gives back after a crash, and what it refuses. A line whose checksum is right
 * but whose content is not an entry this version wrote (an unknown operation, a change without a
 * collection, a gap in the numbering, a broken header) must stop the open with the line named and
 * change nothing: applied, it could delete or overwrite records silently. Edits, removals, undo,
 * redo and a cleared history are replayed exactly as they were made live.
 */
import { createHash } from 'node:crypto'
import { appendFileSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { ProjectData } from '../../../../src/shared/model'
import { History } from '../../../../src/main/store/history'
import type { JournalEntry } from '../../../../src/main/store/journal'
import { FileProjectStore } from '../../../../src/main/store/project-store'
import { applyEntry } from '../../../../src/main/store/replay'
import { annotation, crash, failAt, folder, tag } from './store-test-kit'

const journalPath = (dir: string) => join(dir, 'journal.jsonl')
/** A journal line as the format defines it (16 hex digits of sha256 of the JSON, a space, the JSON), computed here independently of the writer. */
const line = (value: unknown) => {
  const json = JSON.stringify(value)
  return `${createHash('sha256').update(json).digest('hex').slice(0, 16)} ${json}\n`
}

/** A crashed project whose journal holds its header and one edit (seq 1) adding tag a. */
async function crashedWithOneEdit(): Promise<string> {
  const dir = folder()
  const store = await FileProjectStore.open(dir, { create: true })
  await store.transact('a', (tx) => tx.put('tags', tag('a')))
  await crash(store)
  return dir
}

describe('journal lines with a good checksum but bad content', () => {
  const entries: [string, unknown, RegExp][] = [
    ['an unknown operation', { seq: 2, op: 'purge', label: 'x', changes: [] }, /line 3: not a journal entry/],
    ['a sequence number that is not a number', { seq: '2', op: 'edit', label: 'x', changes: [] }, /line 3: not a journal entry/],
    ['a label that is not text', { seq: 2, op: 'edit', label: 7, changes: [] }, /line 3: not a journal entry/],
    ['changes that are not a list', { seq: 2, op: 'edit', label: 'x', changes: { c: 'tags' } }, /line 3: not a journal entry/],
    ['a change to an unknown collection', { seq: 2, op: 'edit', label: 'x', changes: [{ c: 'secrets', id: 'a', v: null }] }, /line 3: a change names no collection or id/],
    ['a change without an id', { seq: 2, op: 'edit', label: 'x', changes: [{ c: 'tags', id: 7, v: null }] }, /line 3: a change names no collection or id/],
    ['an empty change', { seq: 2, op: 'edit', label: 'x', changes: [null] }, /line 3: a change names no collection or id/],
    ['a gap in the numbering', { seq: 3, op: 'edit', label: 'x', changes: [] }, /line 3: edit 3 follows edit 1/],
    ['a repeated number', { seq: 1, op: 'edit', label: 'x', changes: [] }, /line 3: edit 1 follows edit 1/]
  ]
  for (const [what, entry, problem] of entries) {
    it(`refuses ${what}, naming the line, and leaves the journal as it was`, async () => {
      const dir = await crashedWithOneEdit()
      appendFileSync(journalPath(dir), line(entry))
      const before = readFileSync(journalPath(dir))
      await expect(FileProjectStore.open(dir)).rejects.toMatchObject({ code: 'invalid-file', message: expect.stringMatching(problem) })
      expect(readFileSync(journalPath(dir))).toEqual(before)
    })
  }

  const headers: [string, (h: Record<string, unknown>) => unknown][] = [
    ['another journal version', (h) => ({ ...h, journal: 2 })],
    ['no project id', (h) => ({ ...h, project: 1 })],
    ['a snapshot number that is not a number', (h) => ({ ...h, baseSeq: '0' })],
    ['no snapshot hash', (h) => ({ ...h, baseHash: null })]
  ]
  for (const [what, edit] of headers) {
    it(`refuses a header with ${what}`, async () => {
      const dir = await crashedWithOneEdit()
      const lines = readFileSync(journalPath(dir), 'utf8').split('\n')
      const header = JSON.parse(lines[0].slice(17)) as Record<string, unknown>
      lines[0] = line(edit(header)).trimEnd()
      writeFileSync(journalPath(dir), lines.join('\n'))
      await expect(FileProjectStore.open(dir)).rejects.toMatchObject({ code: 'invalid-file', message: expect.stringMatching(/journal\.jsonl line 1: not a journal header/) })
    })
  }

  it('sets aside the journal of another project instead of replaying it', async () => {
    const dir = await crashedWithOneEdit()
    const lines = readFileSync(journalPath(dir), 'utf8').split('\n')
    lines[0] = line({ ...JSON.parse(lines[0].slice(17)), project: 'prj_someone_else' }).trimEnd()
    writeFileSync(journalPath(dir), lines.join('\n'))
    const again = await FileProjectStore.open(dir)
    expect(again.data.tags.a).toBeUndefined()
    expect(again.warnings.join('\n')).toMatch(/it belongs to another project/)
    await again.close()
  })
})

describe('replay after a crash', () => {
  it('applies a removal written in the journal', async () => {
    const dir = await crashedWithOneEdit()
    appendFileSync(journalPath(dir), line({ seq: 2, op: 'edit', label: 'remove a', changes: [{ c: 'tags', id: 'a', v: null }] }))
    const again = await FileProjectStore.open(dir)
    expect(again.data.tags).toEqual({})
    expect(again.history.state()).toMatchObject({ undoLabel: 'remove a' })
    await again.undo()
    expect(again.data.tags.a).toEqual(tag('a'))
    await again.close()
  })

  it('replays undo then redo: the record is back and the history is where it was', async () => {
    const dir = folder()
    const store = await FileProjectStore.open(dir, { create: true })
    await store.transact('first', (tx) => tx.put('tags', tag('a')))
    await store.transact('second', (tx) => tx.put('tags', tag('b')))
    await store.undo()
    await store.redo()
    await crash(store)
    const again = await FileProjectStore.open(dir)
    expect(Object.keys(again.data.tags)).toEqual(['a', 'b'])
    expect(again.history.state()).toEqual({ canUndo: true, canRedo: false, undoLabel: 'second', redoLabel: undefined })
    await again.undo()
    expect(Object.keys(again.data.tags)).toEqual(['a'])
    await again.close()
  })

  it('replays a cleared history: the edits before it can no longer be undone, the records stay', async () => {
    const dir = folder()
    const store = await FileProjectStore.open(dir, { create: true })
    await store.transact('first', (tx) => tx.put('tags', tag('a')))
    await store.transact('second', (tx) => tx.put('tags', tag('b')))
    store.history.clear()
    await store.transact('third', (tx) => tx.put('tags', tag('c'))) // journalled after the clear
    await crash(store)
    const again = await FileProjectStore.open(dir)
    expect(Object.keys(again.data.tags)).toEqual(['a', 'b', 'c'])
    expect(again.history.state()).toMatchObject({ canUndo: true, undoLabel: 'third' })
    await again.undo()
    expect(again.history.state()).toMatchObject({ canUndo: false, canRedo: true, redoLabel: 'third' })
    expect(Object.keys(again.data.tags)).toEqual(['a', 'b'])
    await again.close()
  })

  it('resumes a journal whose torn tail follows Greek and astral text at the right byte, losing no edit', async () => {
    const dir = folder()
    const store = await FileProjectStore.open(dir, { create: true })
    await store.transact('greek', (tx) => tx.put('annotations', annotation('ann_1', 'doc_1', 'Ἰωάννης Παλαιολόγος 𝔊🏛')))
    await crash(store)
    // A crash mid-append, longer than the next edit's line: it must be cut off, not just written over.
    appendFileSync(journalPath(dir), '0123456789abcdef {"seq":2,"op":"edit","label":"lost","changes":[{"c":"tags","id":"' + 'x'.repeat(600))
    const second = await FileProjectStore.open(dir)
    await second.transact('more', (tx) => tx.put('annotations', annotation('ann_2', 'doc_1', 'Μανουήλ')))
    await crash(second)
    const third = await FileProjectStore.open(dir)
    expect(third.data.annotations.ann_1.note).toBe('Ἰωάννης Παλαιολόγος 𝔊🏛')
    expect(third.data.annotations.ann_2.note).toBe('Μανουήλ')
    expect(third.warnings.join('\n')).not.toMatch(/cut off/) // no leftover bytes of the torn line
    await third.close()
  })

  it('after a compaction cut short (project.json saved, journal not yet swapped) applies each edit once and keeps journalling', async () => {
    const dir = folder()
    const store = await FileProjectStore.open(dir, { create: true })
    await store.transact('first', (tx) => tx.put('tags', tag('a', '#111')))
    await store.transact('recolour', (tx) => tx.put('tags', tag('a', '#222')))
    await store.transact('second', (tx) => tx.put('tags', tag('b')))
    failAt('rename', /journal\.jsonl$/) // the swap of the journal fails after project.json was written
    await store.close()
    expect(store.warnings.join('\n')).toMatch(/could not fold the journal/)
    expect(readFileSync(join(dir, 'project.json'), 'utf8')).toContain('"id":"b"')
    const again = await FileProjectStore.open(dir)
    expect(again.data.tags).toEqual({ a: tag('a', '#222'), b: tag('b') })
    expect(again.history.state()).toMatchObject({ undoLabel: 'second' })
    await again.transact('third', (tx) => tx.put('tags', tag('c')))
    await crash(again)
    const third = await FileProjectStore.open(dir)
    expect(third.data.tags).toEqual({ a: tag('a', '#222'), b: tag('b'), c: tag('c') })
    await third.undo()
    await third.undo()
    expect(third.data.tags).toEqual({ a: tag('a', '#222') })
    await third.close()
  })
})

describe('replaying undo and redo beyond the saved history', () => {
  // A session keeps 500 edits but a snapshot saves the newest 100, so after a compaction a journal can
  // hold more undos (or redos) than the reopened history has edits: those replay as nothing to undo.
  const entry = (seq: number, op: 'undo' | 'redo'): JournalEntry => ({ seq, op, label: op, changes: [] })

  it('an undo with nothing left to undo leaves the redo stack with real edits only', () => {
    const data = { tags: {} } as unknown as ProjectData // undo/redo entries carry no changes; nothing else is read
    const history = new History()
    history.record({ label: 'tag a', changes: [{ collection: 'tags', id: 'a', before: undefined, after: tag('a') }] })
    applyEntry(data, history, entry(1, 'undo'))
    applyEntry(data, history, entry(2, 'undo'))
    expect(history.state()).toEqual({ canUndo: false, canRedo: true, undoLabel: undefined, redoLabel: 'tag a' })
    applyEntry(data, history, entry(3, 'redo'))
    applyEntry(data, history, entry(4, 'redo'))
    expect(history.state()).toEqual({ canUndo: true, canRedo: false, undoLabel: 'tag a', redoLabel: undefined })
  })
})
