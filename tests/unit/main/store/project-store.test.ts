import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it, vi } from 'vitest'
import * as atomic from '../../../../src/main/store/atomic-write'
import { FileProjectStore, restoreNewestBackup } from '../../../../src/main/store/project-store'
import type { Tag } from '../../../../src/shared/model'
import { tempDir } from '../../../helpers/temp-dir'

const cleanups: (() => void)[] = []
afterEach(() => {
  cleanups.splice(0).forEach((c) => c())
  vi.restoreAllMocks()
})
function folder() {
  const t = tempDir()
  cleanups.push(t.cleanup)
  return t.dir
}
const tag = (id: string, color = '#fff'): Tag => ({ id, color })

describe('FileProjectStore', () => {
  it('creates the project layout with a schemaVersion and keeps every edit across a reopen', async () => {
    const dir = folder()
    const store = await FileProjectStore.open(dir, { create: true })
    expect(['backups', 'project.json', 'sources', 'texts'].every((n) => readdirSync(dir).includes(n))).toBe(true)
    await store.transact('add', (tx) => tx.put('tags', tag('people')))
    await store.saveText('doc_1', 'Ιωάννης 𝔊')
    await store.close()
    expect(JSON.parse(readFileSync(join(dir, 'project.json'), 'utf8')).schemaVersion).toBe(1)
    const again = await FileProjectStore.open(dir)
    expect(again.data.tags.people).toEqual(tag('people'))
    await again.close()
  })

  it('refuses a folder that is not a project unless asked to create one', async () => {
    const dir = folder()
    await expect(FileProjectStore.open(join(dir, 'nope'))).rejects.toThrow(/no such project folder/)
    await expect(FileProjectStore.open(dir)).rejects.toThrow(/not a Marginalia project/)
  })

  it('lets one process write at a time', async () => {
    const dir = folder()
    const store = await FileProjectStore.open(dir, { create: true })
    // Simulate another live process holding the lock.
    await store.close()
    writeFileSync(join(dir, '.marginalia.lock'), String(process.ppid))
    await expect(FileProjectStore.open(dir)).rejects.toThrow(/open in another Marginalia process/)
    // A lock left by a process that is gone is taken over.
    writeFileSync(join(dir, '.marginalia.lock'), '999999999')
    const reopened = await FileProjectStore.open(dir)
    await reopened.close()
  })

  it('undoes and redoes creates, edits and deletes, and persists each step', async () => {
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

  it('rolls an edit back and reports it when the disk refuses the write (e.g. full disk)', async () => {
    const dir = folder()
    const store = await FileProjectStore.open(dir, { create: true })
    await store.transact('keep', (tx) => tx.put('tags', tag('kept')))
    const before = readFileSync(join(dir, 'project.json'), 'utf8')
    vi.spyOn(atomic, 'writeFileAtomic').mockRejectedValueOnce(Object.assign(new Error('ENOSPC: no space left on device'), { code: 'ENOSPC' }))
    await expect(store.transact('lost', (tx) => tx.put('tags', tag('lost')))).rejects.toThrow(/could not save .*ENOSPC/)
    expect(store.data.tags.lost).toBeUndefined()
    expect(store.data.tags.kept).toBeDefined()
    expect(readFileSync(join(dir, 'project.json'), 'utf8')).toBe(before)
    await store.close()
  })

  it('serialises concurrent edits and writes all of them', async () => {
    const dir = folder()
    const store = await FileProjectStore.open(dir, { create: true })
    await Promise.all(Array.from({ length: 50 }, (_, i) => store.transact(`t${i}`, (tx) => tx.put('tags', tag(`t${i}`)))))
    await store.close()
    const onDisk = JSON.parse(readFileSync(join(dir, 'project.json'), 'utf8'))
    expect(Object.keys(onDisk.tags)).toHaveLength(50)
    expect(readdirSync(dir).filter((n) => n.endsWith('.tmp'))).toEqual([])
  })

  it('moves a corrupt project.json aside, never overwrites it, and offers the newest valid backup', async () => {
    const dir = folder()
    const store = await FileProjectStore.open(dir, { create: true })
    await store.transact('add', (tx) => tx.put('tags', tag('precious')))
    await store.close()
    // Opening makes a verified backup of the valid file.
    await (await FileProjectStore.open(dir)).close()
    writeFileSync(join(dir, 'project.json'), '{"schemaVersion": 1, "proj')
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
    const newer = { ...JSON.parse(readFileSync(file, 'utf8')), schemaVersion: 99 }
    writeFileSync(file, JSON.stringify(newer))
    await expect(FileProjectStore.open(dir)).rejects.toThrow(/newer Marginalia/)
    expect(JSON.parse(readFileSync(file, 'utf8')).schemaVersion).toBe(99)
  })
})

describe('loading defensively', () => {
  it('drops __proto__ keys of a crafted project.json instead of polluting prototypes', async () => {
    const dir = folder()
    await (await FileProjectStore.open(dir, { create: true })).close()
    const file = join(dir, 'project.json')
    const text = readFileSync(file, 'utf8').replace('"tags":{}', '"tags":{},"__proto__":{"polluted":true}')
    writeFileSync(file, '\uFEFF' + text)
    const store = await FileProjectStore.open(dir)
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
    // Plain JSON.parse would keep an own "__proto__" key, which a later spread or merge turns into pollution.
    expect(Object.keys(store.data)).not.toContain('__proto__')
    await store.close()
  })
})
