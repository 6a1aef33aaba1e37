/**
 * The journal's edges a historian meets after something went wrong: a project whose journal.jsonl is
 * gone still opens with its saved state; an append that failed half-written (full disk) and whose
 * clean-up failed too is cut off before the next edit, so no false crash warning and no lost edit
 * follow; a journal started afresh keeps each edit on its own line; a write after close is refused
 * with a clear error and writes nothing; and every file the store opens is closed again (a long
 * session must not run out of file handles).
 */
import { readFileSync, rmSync } from 'node:fs'
import { open as openAsync } from 'node:fs/promises'
import { join } from 'node:path'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { writeFileAtomic } from '../../../../src/main/store/atomic-write'
import { type JournalEntry, type JournalHeader, journalLine, JournalWriter, readJournal } from '../../../../src/main/store/journal'
import { FileProjectStore } from '../../../../src/main/store/project-store'
import { pathOfHandle, storeFs } from '../../../../src/main/store/store-fs'
import { annotation, crash, folder, tag, trackHandles, unspy } from './store-test-kit'

// Spies are put back after each test here too: in the mutation run (one module graph) the kit's own afterEach may not be registered.
afterEach(() => vi.restoreAllMocks())

const journalPath = (dir: string) => join(dir, 'journal.jsonl')
const header: JournalHeader = { journal: 1, project: 'urn:uuid:journal-writer-test', baseSeq: 0, baseHash: '' }
const addTag = (seq: number, id: string): JournalEntry => ({ seq, op: 'edit', label: `add ${id}`, changes: [{ c: 'tags', id, v: tag(id) }] })

describe('journal.jsonl missing', () => {
  it('a project whose journal is gone opens with its saved state and journals new edits again', async () => {
    const dir = folder()
    const store = await FileProjectStore.open(dir, { create: true })
    await store.transact('a', (tx) => tx.put('tags', tag('a')))
    await store.close() // folded into project.json
    rmSync(journalPath(dir))
    const again = await FileProjectStore.open(dir)
    expect(again.data.tags).toEqual({ a: tag('a') })
    await again.transact('b', (tx) => tx.put('tags', tag('b')))
    await crash(again)
    const third = await FileProjectStore.open(dir)
    expect(third.data.tags).toEqual({ a: tag('a'), b: tag('b') })
    expect(third.warnings.join('\n')).not.toMatch(/journal/)
    await third.close()
  })
})

describe('a failed append', () => {
  it('written half before the disk filled, and not cut back (that failed too), is cut off before the next edit', async () => {
    const dir = folder()
    const store = await FileProjectStore.open(dir, { create: true })
    await store.transact('a', (tx) => tx.put('tags', tag('a')))
    const good = readFileSync(journalPath(dir))
    // The long edit's line is written half, then the disk is full; cutting the half line back fails as well.
    unspy('write')
    const realWrite = storeFs.write
    vi.spyOn(storeFs, 'write').mockImplementationOnce(async (handle, data, position) => {
      const bytes = Buffer.from(data as string)
      await realWrite(handle, bytes.subarray(0, bytes.length >> 1), position)
      throw Object.assign(new Error('ENOSPC: injected failure'), { code: 'ENOSPC' })
    })
    const probe = await openAsync(journalPath(dir), 'r')
    const fileHandleProto = Object.getPrototypeOf(probe) as { truncate: (len?: number) => Promise<void> }
    await probe.close()
    const truncate = vi.spyOn(fileHandleProto, 'truncate').mockRejectedValueOnce(Object.assign(new Error('EIO: injected failure'), { code: 'EIO' }))
    try {
      await expect(store.transact('long note', (tx) => tx.put('annotations', annotation('ann_1', 'doc_1', 'n'.repeat(3000))))).rejects.toThrow(/ENOSPC/)
    } finally {
      truncate.mockRestore()
    }
    expect(readFileSync(journalPath(dir)).length).toBeGreaterThan(good.length + 1000) // the half line is still there
    await store.transact('b', (tx) => tx.put('tags', tag('b')))
    await crash(store)
    const again = await FileProjectStore.open(dir)
    expect(again.data.tags).toEqual({ a: tag('a'), b: tag('b') })
    expect(again.data.annotations).toEqual({})
    expect(again.warnings.join('\n')).not.toMatch(/cut off/) // no leftover of the half line: no false crash warning
    await again.close()
  })
})

describe('JournalWriter', () => {
  it('a journal started afresh holds each given edit on its own line, and appends follow them', async () => {
    const dir = folder()
    const writer = await JournalWriter.start(dir, header, [journalLine(addTag(1, 'a')), journalLine(addTag(2, 'b'))])
    await writer.append(journalLine(addTag(3, 'c')))
    await writer.replace({ ...header, baseSeq: 1 }, [journalLine(addTag(2, 'b')), journalLine(addTag(3, 'c'))]) // after a compaction up to edit 1
    await writer.append(journalLine(addTag(4, 'd')))
    await writer.close()
    const read = await readJournal(dir)
    expect(read.header).toEqual({ ...header, baseSeq: 1 })
    expect(read.entries.map((e) => e.changes[0].id)).toEqual(['b', 'c', 'd'])
    expect(read.tornTail).toBe(false)
  })

  it('refuses an append after close with an error naming the journal, and writes nothing', async () => {
    const dir = folder()
    const writer = await JournalWriter.start(dir, header)
    await writer.close()
    const before = readFileSync(journalPath(dir))
    await expect(writer.append(journalLine(addTag(1, 'a')))).rejects.toMatchObject({ code: 'io', message: `${journalPath(dir)} is closed` })
    expect(readFileSync(journalPath(dir))).toEqual(before)
    await writer.close() // closing twice is harmless
  })
})

describe('file handles', () => {
  it('a replaced file leaves no handle open: the temp file and the folder fsynced are closed', async () => {
    const dir = folder()
    const handles = trackHandles()
    for (let i = 0; i < 3; i++) await writeFileAtomic(join(dir, 'notes.txt'), `version ${i}`)
    expect(handles.length).toBe(6) // per write: the temp file, the folder
    expect(handles.map((h) => h.fd)).toEqual(handles.map(() => -1))
  })

  it('a project closed leaves no handle open, the journal’s included', async () => {
    const dir = folder()
    const handles = trackHandles()
    const store = await FileProjectStore.open(dir, { create: true })
    await store.transact('a', (tx) => tx.put('tags', tag('a')))
    await store.close()
    expect(handles.map(pathOfHandle)).toContain(journalPath(dir))
    expect(handles.filter((h) => h.fd !== -1)).toEqual([])
  })
})
