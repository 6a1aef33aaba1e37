/**
 * More of what a historian would notice in one session with the store: edits made while the
 * journal is folded into project.json in the background are not lost; a document edited after a
 * reopen keeps the checksum of its text; an edit that fails half-way puts back the earlier values;
 * undo, redo and a cleared history are announced as what they are; a read-only open never writes,
 * not even for a project of an older schema; and a snapshot is the state of its moment.
 */
import { createHash } from 'node:crypto'
import { readdirSync, readFileSync, utimesSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { FileProjectStore } from '../../../../src/main/store/project-store'
import { storeFs } from '../../../../src/main/store/store-fs'
import type { StoreChange } from '../../../../src/main/store/types'
import { crash, folder, tag, unspy } from './store-test-kit'

// Spies are put back after each test here too: in the mutation run (one module graph) the kit's own afterEach may not be registered.
afterEach(() => {
  vi.restoreAllMocks()
  delete process.env.MARGINALIA_COMPACT_BYTES
})

const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex')

describe('a background compaction', () => {
  it('keeps the edits made while it runs, across a crash', async () => {
    process.env.MARGINALIA_COMPACT_BYTES = '1'
    const dir = folder()
    const store = await FileProjectStore.open(dir, { create: true })
    // Hold the compaction just before it swaps in project.json, make edits meanwhile, then let it finish.
    unspy('rename')
    const realRename = storeFs.rename
    let release!: () => void
    const held = new Promise<void>((r) => (release = r))
    let started!: () => void
    const compacting = new Promise<void>((r) => (started = r))
    vi.spyOn(storeFs, 'rename').mockImplementation(async (from, to) => {
      if (to.endsWith('project.json')) {
        started()
        await held
      }
      return realRename(from, to)
    })
    await store.transact('first', (tx) => tx.put('tags', tag('a')))
    await compacting
    await store.transact('during 1', (tx) => tx.put('tags', tag('b')))
    await store.transact('during 2', (tx) => tx.put('tags', tag('c')))
    release()
    await new Promise((r) => setTimeout(r, 300))
    vi.restoreAllMocks()
    await crash(store)
    const again = await FileProjectStore.open(dir)
    expect(Object.keys(again.data.tags).sort()).toEqual(['a', 'b', 'c'])
    expect(again.history.state().undoLabel).toBe('during 2')
    await again.close()
  })
})

describe('documents', () => {
  it('edited after a reopen keep the checksum of their text; a text saved in the session sets it', async () => {
    const dir = folder()
    const store = await FileProjectStore.open(dir, { create: true })
    await store.saveText('doc_1', 'John VII Palaiologos')
    const doc = {
      id: 'doc_1', title: 'Chronicle', format: 'text', role: 'text', sha256: 'b'.repeat(64), fileName: 'chronicle.txt', length: 20,
      structure: [], metadata: { categories: [] }, created: '2026-01-01T00:00:00.000Z', modified: '2026-01-01T00:00:00.000Z', textFile: 'doc_1.txt'
    }
    await store.transact('import', (tx) => tx.put('documents', doc as never))
    expect((store.data.documents.doc_1 as unknown as { textSha256: string }).textSha256).toBe(sha256('John VII Palaiologos'))
    await store.transact('tag', (tx) => tx.put('tags', tag('doc_1'))) // a record of another kind with the same id gets no text checksum
    expect(store.data.tags.doc_1).toEqual(tag('doc_1'))
    await store.close()
    const again = await FileProjectStore.open(dir)
    await again.transact('rename', (tx) => tx.put('documents', { ...again.data.documents.doc_1, title: 'Chronicle of Morea' }))
    expect((again.data.documents.doc_1 as unknown as { textSha256: string }).textSha256).toBe(sha256('John VII Palaiologos'))
    expect(await again.checkTexts()).toEqual([])
    await again.close()
  })
})

describe('an edit that fails', () => {
  it('half-way puts back the earlier value of a record it changed (it is not deleted)', async () => {
    const store = await FileProjectStore.open(folder(), { create: true })
    await store.transact('add a', (tx) => tx.put('tags', tag('a', '#111')))
    await expect(store.transact('bad', (tx) => {
      tx.put('tags', tag('a', '#222'))
      tx.remove('tags', 'a')
      throw new Error('boom')
    })).rejects.toThrow('boom')
    expect(store.data.tags.a).toEqual(tag('a', '#111'))
    await store.close()
  })

  it('storing a record without an id is refused as a program error, naming the edit', async () => {
    const store = await FileProjectStore.open(folder(), { create: true })
    await expect(store.transact('nameless', (tx) => tx.put('tags', { color: '#fff' } as never))).rejects.toMatchObject({
      code: 'internal', message: 'nameless: refused to store tags undefined: it has no id'
    })
    await expect(store.transact('nothing', (tx) => tx.put('tags', null as never))).rejects.toMatchObject({ code: 'internal', message: 'nothing: refused to store tags undefined: it has no id' })
    await expect(store.transact('bad', (tx) => tx.put('tags', { id: 't' } as never))).rejects.toMatchObject({ code: 'internal', message: expect.stringMatching(/^bad: refused to store tags "t": missing member color/) })
    expect(store.data.tags).toEqual({})
    await store.close()
  })
})

describe('announcements', () => {
  it('undo and redo are announced by name with the record as it now is; a cleared history as such, without records', async () => {
    const store = await FileProjectStore.open(folder(), { create: true })
    await store.transact('add a', (tx) => tx.put('tags', tag('a', '#111')))
    await store.transact('recolour a', (tx) => tx.put('tags', tag('a', '#222')))
    const heard: StoreChange[] = []
    store.onChange((c) => heard.push(c))
    await store.undo()
    await store.redo()
    store.history.clear()
    await new Promise((r) => setTimeout(r, 100))
    expect(heard.map((c) => [c.kind, c.label, c.changes.map((ch) => ch.after)])).toEqual([
      ['applied', 'Undo recolour a', [tag('a', '#111')]],
      ['applied', 'Redo recolour a', [tag('a', '#222')]],
      ['applied', 'Clear history', []]
    ])
    expect(heard[2].history).toMatchObject({ canUndo: false, canRedo: false })
    await store.close()
  })
})

describe('read-only', () => {
  it('an open of a project of an older schema writes nothing: no migration, no backup, no journal', async () => {
    const dir = folder()
    await (await FileProjectStore.open(dir, { create: true })).close()
    const v1 = JSON.stringify({ schemaVersion: 1, project: { id: 'urn:uuid:old', name: 'old', created: '2026-01-01T00:00:00Z' }, tags: { t: { id: 't', color: '#fff' } } })
    writeFileSync(join(dir, 'project.json'), v1)
    const files = () => [...readdirSync(dir), ...readdirSync(join(dir, 'backups'))].sort()
    const before = files()
    const reader = await FileProjectStore.open(dir, { readOnly: true })
    expect(reader.data.tags.t).toEqual({ id: 't', color: '#fff' })
    await expect(reader.transact('x', (tx) => tx.put('tags', tag('b')))).rejects.toMatchObject({
      code: 'io', message: 'opened read-only on request. Free some space (or open it from a writable place) and open it again to edit.'
    })
    await reader.close()
    expect(files()).toEqual(before)
    expect(readFileSync(join(dir, 'project.json'), 'utf8')).toBe(v1)
  })
})

describe('what the store hands out', () => {
  it('snapshot() is the state of that moment: later edits do not show in it, and changing its collections changes nothing stored', async () => {
    const store = await FileProjectStore.open(folder(), { create: true })
    await store.transact('add a', (tx) => tx.put('tags', tag('a', '#111')))
    const copy = store.snapshot()
    await store.transact('add b', (tx) => tx.put('tags', tag('b')))
    expect(copy.tags).toEqual({ a: tag('a', '#111') })
    delete copy.tags.a
    expect(store.data.tags).toEqual({ a: tag('a', '#111'), b: tag('b') })
    await store.close()
  })
})

describe('warnings on open', () => {
  it('name each temp file an interrupted write left and that was removed; a clean open warns of nothing', async () => {
    const dir = folder()
    await (await FileProjectStore.open(dir, { create: true })).close()
    const clean = await FileProjectStore.open(dir)
    expect(clean.warnings).toEqual([])
    await clean.close()
    const stale = [join(dir, '.project.json.0123456789ab.tmp'), join(dir, 'texts', '.doc_1.txt.0123456789ab.tmp')]
    const old = new Date(Date.now() - 120_000)
    for (const p of stale) {
      writeFileSync(p, 'half a file')
      utimesSync(p, old, old)
    }
    const again = await FileProjectStore.open(dir)
    expect(again.warnings).toHaveLength(1)
    const [, named] = /^removed 2 temp file\(s\) left by an interrupted write: (.*)$/.exec(again.warnings[0]) ?? []
    expect(named?.split(', ').sort()).toEqual([...stale].sort())
    await again.close()
  })
})
