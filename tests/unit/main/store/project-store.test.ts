import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { FileProjectStore, restoreNewestBackup } from '../../../../src/main/store/project-store'
import type { StoreChange } from '../../../../src/main/store/types'
import { SCHEMA_VERSION } from '../../../../src/shared/model'
import { crash, failAt, folder, tag } from './store-test-kit'

describe('FileProjectStore', () => {
  it('creates the project layout with a schemaVersion and keeps every edit across a reopen', async () => {
    const dir = folder()
    const store = await FileProjectStore.open(dir, { create: true })
    expect(['backups', 'journal.jsonl', 'project.json', 'sources', 'texts'].every((n) => readdirSync(dir).includes(n))).toBe(true)
    await store.transact('add', (tx) => tx.put('tags', tag('people')))
    await store.saveText('doc_1', 'Ιωάννης 𝔊')
    await store.close()
    expect(JSON.parse(readFileSync(join(dir, 'project.json'), 'utf8')).schemaVersion).toBe(SCHEMA_VERSION)
    const again = await FileProjectStore.open(dir)
    expect(again.data.tags.people).toEqual(tag('people'))
    await again.close()
  })

  it('refuses a folder that is not a project unless asked to create one', async () => {
    const dir = folder()
    await expect(FileProjectStore.open(join(dir, 'nope'))).rejects.toThrow(/no such project folder/)
    await expect(FileProjectStore.open(dir)).rejects.toThrow(/not a Marginalia project/)
  })

  it('undoes and redoes creates, edits and deletes, and the undo history survives closing the project', async () => {
    const dir = folder()
    const store = await FileProjectStore.open(dir, { create: true })
    await store.transact('create', (tx) => tx.put('tags', tag('a', '#111')))
    await store.transact('edit', (tx) => tx.put('tags', tag('a', '#222')))
    await store.transact('delete', (tx) => tx.remove('tags', 'a'))
    expect(store.data.tags.a).toBeUndefined()
    await store.undo()
    expect(store.data.tags.a.color).toBe('#222')
    await store.undo()
    expect(store.data.tags.a.color).toBe('#111')
    await store.undo()
    expect(store.data.tags.a).toBeUndefined()
    await store.redo()
    expect(store.data.tags.a.color).toBe('#111')
    expect(store.history.state()).toMatchObject({ canUndo: true, canRedo: true, undoLabel: 'create', redoLabel: 'edit' })
    await store.close()
    const again = await FileProjectStore.open(dir)
    expect(again.data.tags.a.color).toBe('#111')
    expect(again.history.state()).toMatchObject({ canUndo: true, canRedo: true, undoLabel: 'create', redoLabel: 'edit' })
    await again.redo()
    expect(again.data.tags.a.color).toBe('#222')
    await again.close()
  })

  it('rebuilds the undo history from the journal after a crash (no close)', async () => {
    const dir = folder()
    const store = await FileProjectStore.open(dir, { create: true })
    await store.transact('first', (tx) => tx.put('tags', tag('a')))
    await store.transact('second', (tx) => tx.put('tags', tag('b')))
    await store.undo()
    // No close: the process "dies" here; only the journal has the edits. Release the lock as a dead process would.
    await crash(store)
    const again = await FileProjectStore.open(dir)
    expect(Object.keys(again.data.tags)).toEqual(['a'])
    expect(again.history.state()).toMatchObject({ undoLabel: 'first', redoLabel: 'second' })
    await again.close()
  })

  it('forgets the history when asked, across a reopen too', async () => {
    const dir = folder()
    const store = await FileProjectStore.open(dir, { create: true })
    await store.transact('first', (tx) => tx.put('tags', tag('a')))
    store.history.clear()
    await store.close()
    const again = await FileProjectStore.open(dir)
    expect(again.history.state().canUndo).toBe(false)
    await again.close()
  })

  it('changes nothing when an edit throws', async () => {
    const store = await FileProjectStore.open(folder(), { create: true })
    await expect(store.transact('bad', (tx) => {
      tx.put('tags', tag('x'))
      throw new Error('boom')
    })).rejects.toThrow('boom')
    expect(store.data.tags.x).toBeUndefined()
    expect(store.history.state().canUndo).toBe(false)
    await store.close()
  })

  it('announces an edit only once it is durable, and a failed write as rolled back', async () => {
    const dir = folder()
    const store = await FileProjectStore.open(dir, { create: true })
    const events: { change: StoreChange; journal: string }[] = []
    store.onChange((change) => events.push({ change, journal: readFileSync(join(dir, 'journal.jsonl'), 'utf8') }))
    await store.transact('keep', (tx) => tx.put('tags', tag('kept')))
    expect(events).toHaveLength(1)
    expect(events[0].change.kind).toBe('applied')
    expect(events[0].journal).toContain('"kept"') // the line was on disk when the listener ran
    const before = readFileSync(join(dir, 'journal.jsonl'))
    failAt('datasync', /journal\.jsonl$/)
    await expect(store.transact('lost', (tx) => tx.put('tags', tag('lost')))).rejects.toThrow(/could not save .*journal\.jsonl.*ENOSPC/)
    expect(store.data.tags.lost).toBeUndefined()
    expect(store.data.tags.kept).toBeDefined()
    expect(readFileSync(join(dir, 'journal.jsonl'))).toEqual(before) // the partial line was cut off again
    expect(events[1].change).toMatchObject({ kind: 'rolled-back', label: 'lost', error: { code: 'io' } })
    expect(events[1].change.changes).toEqual([{ collection: 'tags', id: 'lost', before: tag('lost'), after: undefined }])
    expect(store.history.state().undoLabel).toBe('keep')
    await store.close()
    const again = await FileProjectStore.open(dir)
    expect(Object.keys(again.data.tags)).toEqual(['kept'])
    await again.close()
  })

  it('rolls back every edit queued behind a failed write, newest first', async () => {
    const dir = folder()
    const store = await FileProjectStore.open(dir, { create: true })
    await store.transact('base', (tx) => tx.put('tags', tag('a', '#000')))
    failAt('datasync', /journal\.jsonl$/)
    const first = store.transact('one', (tx) => tx.put('tags', tag('a', '#111')))
    const second = store.transact('two', (tx) => tx.put('tags', tag('a', '#222')))
    await expect(first).rejects.toThrow(/ENOSPC/)
    await expect(second).rejects.toThrow(/ENOSPC/)
    expect(store.data.tags.a.color).toBe('#000')
    await store.transact('three', (tx) => tx.put('tags', tag('b')))
    await store.close()
    const again = await FileProjectStore.open(dir)
    expect(again.data.tags.a.color).toBe('#000')
    expect(again.data.tags.b).toBeDefined()
    await again.close()
  })

  it('serialises concurrent edits and writes all of them', async () => {
    const dir = folder()
    const store = await FileProjectStore.open(dir, { create: true })
    await Promise.all(Array.from({ length: 50 }, (_, i) => store.transact(`t${i}`, (tx) => tx.put('tags', tag(`t${i}`)))))
    await store.close()
    const onDisk = await FileProjectStore.open(dir, { readOnly: true })
    expect(Object.keys(onDisk.data.tags)).toHaveLength(50)
    expect(readdirSync(dir).filter((n) => n.endsWith('.tmp'))).toEqual([])
  })

  it('moves a corrupt project.json aside, never overwrites it, and offers the newest valid backup', async () => {
    const dir = folder()
    const store = await FileProjectStore.open(dir, { create: true })
    await store.transact('add', (tx) => tx.put('tags', tag('precious')))
    await store.close() // closing compacts and backs up the new state
    writeFileSync(join(dir, 'project.json'), '{"schemaVersion": 2, "proj')
    await expect(FileProjectStore.open(dir)).rejects.toThrow(/project\.json: not valid JSON.*moved to .*corrupt.*Newest valid backup/s)
    expect(existsSync(join(dir, 'project.json'))).toBe(false)
    expect(readdirSync(dir).some((n) => n.startsWith('project.json.corrupt-'))).toBe(true)
    await restoreNewestBackup(dir)
    const restored = await FileProjectStore.open(dir)
    expect(restored.data.tags.precious).toBeDefined()
    await restored.close()
  })

  it('refuses a project made by a newer version without touching it', async () => {
    const dir = folder()
    await (await FileProjectStore.open(dir, { create: true })).close()
    const file = join(dir, 'project.json')
    const text = readFileSync(file, 'utf8').replace(`"schemaVersion":${SCHEMA_VERSION}`, '"schemaVersion":99')
    writeFileSync(file, text)
    await expect(FileProjectStore.open(dir)).rejects.toThrow(/newer Marginalia/)
    expect(readFileSync(file, 'utf8')).toBe(text)
  })

  it('opens read-only on request: reads work, edits are refused with a clear message, nothing is written', async () => {
    const dir = folder()
    const store = await FileProjectStore.open(dir, { create: true })
    await store.transact('add', (tx) => tx.put('tags', tag('a')))
    const reader = await FileProjectStore.open(dir, { readOnly: true }) // beside the writer: no lock needed
    expect(reader.data.tags.a).toBeDefined()
    await expect(reader.transact('x', (tx) => tx.put('tags', tag('b')))).rejects.toThrow(/read-only/)
    await reader.close()
    await store.close()
  })
})

describe('loading defensively', () => {
  it('drops __proto__ members of a crafted project.json instead of polluting prototypes', async () => {
    const dir = folder()
    await (await FileProjectStore.open(dir, { create: true })).close()
    const file = join(dir, 'project.json')
    const text = readFileSync(file, 'utf8').replace('"tags":[\n],', '"tags":[\n{"id":"t","color":"#fff","__proto__":{"polluted":true}}\n],')
    writeFileSync(file, '\uFEFF' + text) // a BOM also sends it down the whole-file path
    const store = await FileProjectStore.open(dir)
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
    expect(Object.keys(store.data.tags.t)).toEqual(['id', 'color'])
    await store.close()
  })
})
