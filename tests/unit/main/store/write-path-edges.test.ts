/**
 * The write path where a historian would see it go wrong: an undo or redo that cannot be saved is
 * taken back (the record and the undo history are as before, and the next try works), a closed
 * project refuses every change with a clear error, an edit that changes nothing leaves no undo step
 * and no journal line, several changes to one record in one edit are one step, and a change
 * listener that fails (or has unsubscribed) neither stops the others nor undoes the edit.
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { FileProjectStore } from '../../../../src/main/store/project-store'
import type { StoreChange } from '../../../../src/main/store/types'
import { crash, failAt, folder, tag } from './store-test-kit'

// Spies are put back after each test here too: in the mutation run (one module graph) the kit's own afterEach may not be registered.
afterEach(() => vi.restoreAllMocks())

const journalOf = (dir: string) => readFileSync(join(dir, 'journal.jsonl'), 'utf8')

async function storeWithTag(): Promise<{ dir: string; store: FileProjectStore }> {
  const dir = folder()
  const store = await FileProjectStore.open(dir, { create: true })
  await store.transact('add a', (tx) => tx.put('tags', tag('a', '#111')))
  await store.transact('recolour a', (tx) => tx.put('tags', tag('a', '#222')))
  return { dir, store }
}

describe('an undo or redo that cannot be saved', () => {
  it('undo: the record and the history are as before, nothing is journalled, and the next undo works', async () => {
    const { dir, store } = await storeWithTag()
    const journal = journalOf(dir)
    failAt('write', /journal\.jsonl$/)
    await expect(store.undo()).rejects.toMatchObject({ code: 'io', message: expect.stringMatching(/could not save .*journal\.jsonl: ENOSPC.*not applied/) })
    expect(store.data.tags.a).toEqual(tag('a', '#222'))
    expect(store.history.state()).toEqual({ canUndo: true, canRedo: false, undoLabel: 'recolour a', redoLabel: undefined })
    expect(journalOf(dir)).toBe(journal)
    expect(await store.undo()).toBe('recolour a')
    expect(store.data.tags.a).toEqual(tag('a', '#111'))
    await crash(store)
    const again = await FileProjectStore.open(dir)
    expect(again.data.tags.a).toEqual(tag('a', '#111'))
    expect(again.history.state()).toMatchObject({ undoLabel: 'add a', redoLabel: 'recolour a' })
    await again.close()
  })

  it('redo: the record and the history are as before, and the next redo works', async () => {
    const { dir, store } = await storeWithTag()
    await store.undo()
    failAt('write', /journal\.jsonl$/)
    await expect(store.redo()).rejects.toThrow(/ENOSPC/)
    expect(store.data.tags.a).toEqual(tag('a', '#111'))
    expect(store.history.state()).toEqual({ canUndo: true, canRedo: true, undoLabel: 'add a', redoLabel: 'recolour a' })
    expect(await store.redo()).toBe('recolour a')
    await crash(store)
    const again = await FileProjectStore.open(dir)
    expect(again.data.tags.a).toEqual(tag('a', '#222'))
    expect(again.history.state()).toMatchObject({ undoLabel: 'recolour a', canRedo: false })
    await again.close()
  })

  it('with nothing to undo or redo, says so and writes nothing', async () => {
    const dir = folder()
    const store = await FileProjectStore.open(dir, { create: true })
    const journal = journalOf(dir)
    expect(await store.undo()).toBeUndefined()
    expect(await store.redo()).toBeUndefined()
    expect(journalOf(dir)).toBe(journal)
    await store.close()
  })
})

describe('a closed project', () => {
  it('refuses edits, undo, redo and text saves with a clear error, and writes nothing', async () => {
    const { dir, store } = await storeWithTag()
    const heard: StoreChange[] = []
    store.onChange((c) => heard.push(c))
    await store.close()
    const journal = journalOf(dir)
    const closed = { code: 'conflict', message: 'the project is closed' }
    store.history.clear() // not journalled, not announced (nor announced as failed)
    await new Promise((r) => setTimeout(r, 50))
    expect(heard).toEqual([])
    await expect(store.transact('late', (tx) => tx.put('tags', tag('late')))).rejects.toMatchObject(closed)
    await expect(store.undo()).rejects.toMatchObject(closed)
    await expect(store.redo()).rejects.toMatchObject(closed)
    await expect(store.saveText('doc_1', 'text')).rejects.toMatchObject(closed)
    await expect(store.saveSource(new Uint8Array([1]), 'txt')).rejects.toMatchObject(closed)
    expect(store.data.tags.late).toBeUndefined()
    expect(journalOf(dir)).toBe(journal)
    await store.close() // a second close is harmless
  })
})

describe('what one edit records', () => {
  it('an edit that changes nothing leaves no undo step and no journal line, and gives back its value', async () => {
    const { dir, store } = await storeWithTag()
    const journal = journalOf(dir)
    expect(await store.transact('remove nothing', (tx) => (tx.remove('tags', 'absent'), 42))).toBe(42)
    expect(await store.transact('put and take back', (tx) => (tx.put('tags', tag('tmp')), tx.remove('tags', 'tmp'), 'ok'))).toBe('ok')
    expect(store.history.state().undoLabel).toBe('recolour a')
    expect(journalOf(dir)).toBe(journal)
    await store.close()
  })

  it('several changes to one record in one edit are one undo step back to where it started', async () => {
    const { dir, store } = await storeWithTag()
    await store.transact('many', (tx) => {
      tx.put('tags', tag('a', '#333'))
      tx.put('tags', tag('a', '#444'))
      tx.put('tags', tag('b'))
      tx.remove('tags', 'b')
      tx.put('tags', tag('b', '#555'))
      expect(tx.get('tags', 'a')).toEqual(tag('a', '#444'))
    })
    expect(store.data.tags).toEqual({ a: tag('a', '#444'), b: tag('b', '#555') })
    expect(await store.undo()).toBe('many') // live: back to before the first change of the edit
    expect(store.data.tags).toEqual({ a: tag('a', '#222') })
    await store.redo()
    await crash(store)
    const again = await FileProjectStore.open(dir)
    expect(again.data.tags).toEqual({ a: tag('a', '#444'), b: tag('b', '#555') })
    expect(await again.undo()).toBe('many')
    expect(again.data.tags).toEqual({ a: tag('a', '#222') })
    await again.close()
  })

  it('a record put is a copy: changing the caller’s object afterwards changes nothing stored', async () => {
    const dir = folder()
    const store = await FileProjectStore.open(dir, { create: true })
    const mine = tag('a', '#111')
    await store.transact('add a', (tx) => tx.put('tags', mine))
    mine.color = '#999'
    expect(store.data.tags.a.color).toBe('#111')
    await store.close()
  })
})

describe('change listeners', () => {
  it('one that throws neither stops the others nor undoes the edit; one that unsubscribed hears nothing', async () => {
    const dir = folder()
    const store = await FileProjectStore.open(dir, { create: true })
    const heard: string[] = []
    const gone: StoreChange[] = []
    store.onChange(() => {
      throw new Error('a broken view')
    })
    store.onChange((c) => heard.push(`${c.kind} ${c.label}`))
    const unsubscribe = store.onChange((c) => gone.push(c))
    unsubscribe()
    await store.transact('add a', (tx) => tx.put('tags', tag('a')))
    expect(heard).toEqual(['applied add a'])
    expect(gone).toEqual([])
    expect(store.data.tags.a).toEqual(tag('a'))
    await crash(store)
    const again = await FileProjectStore.open(dir)
    expect(again.data.tags.a).toEqual(tag('a'))
    await again.close()
  })
})
