/**
 * What backups/ holds after many sessions and after a bad copy: the ten newest states (older ones
 * go only once a newer copy is verified), a copy that reads back differently is never kept as a
 * backup (the session says so), a migration stops before rewriting project.json when its forced
 * backup does not verify, and restore skips a damaged newest backup for the one before it.
 */
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { BACKUPS_KEPT } from '../../../../src/main/store/backups'
import { FileProjectStore, restoreNewestBackup } from '../../../../src/main/store/project-store'
import { storeFs } from '../../../../src/main/store/store-fs'
import { folder, tag, unspy } from './store-test-kit'

// Spies are put back after each test here too: in the mutation run (one module graph) the kit's own afterEach may not be registered.
afterEach(() => vi.restoreAllMocks())

const backupsDir = (dir: string) => join(dir, 'backups')
const backups = (dir: string) => readdirSync(backupsDir(dir)).sort()
const tagsIn = (file: string) => (JSON.parse(readFileSync(file, 'utf8')) as { tags: unknown[] }).tags.length

/** One session: open, add tag `id`, close (compacted, so a backup of the new state is made). */
async function session(dir: string, id: string): Promise<FileProjectStore> {
  const store = await FileProjectStore.open(dir, { create: true })
  await store.transact(`add ${id}`, (tx) => tx.put('tags', tag(id)))
  await store.close()
  return store
}

describe('backup rotation', () => {
  it(`keeps the ${BACKUPS_KEPT} newest states and deletes the older ones`, async () => {
    const dir = folder()
    await session(dir, 't1')
    writeFileSync(join(backupsDir(dir), 'notes.txt'), 'my notes') // not a backup: never counted, rotated or restored
    for (let i = 2; i <= 12; i++) await session(dir, `t${i}`)
    const kept = backups(dir).filter((n) => n !== 'notes.txt')
    expect(readFileSync(join(backupsDir(dir), 'notes.txt'), 'utf8')).toBe('my notes')
    expect(BACKUPS_KEPT).toBe(10)
    expect(kept).toHaveLength(10)
    expect(kept.map((n) => tagsIn(join(backupsDir(dir), n)))).toEqual([3, 4, 5, 6, 7, 8, 9, 10, 11, 12]) // oldest kept: t1–t3
  })
})

describe('no backup of a state already backed up', () => {
  it('an edit undone before closing leaves the newest backup as the only copy of that state', async () => {
    const dir = folder()
    for (const id of ['a', 'b', 'c']) await session(dir, id)
    const before = backups(dir)
    const store = await FileProjectStore.open(dir)
    await store.transact('add d', (tx) => tx.put('tags', tag('d')))
    await store.undo() // the state is that of the newest backup again (the edit count is not)
    await store.close()
    expect(backups(dir)).toEqual(before)
  })
})

describe('a backup that does not verify', () => {
  it('a copy that reads back differently is not kept, and the session says so; project.json is saved all the same', async () => {
    const dir = folder()
    await session(dir, 'a')
    const before = backups(dir)
    unspy('copyFile')
    const realCopy = storeFs.copyFile
    vi.spyOn(storeFs, 'copyFile').mockImplementationOnce(async (from, to) => {
      await realCopy(from, to)
      writeFileSync(to, readFileSync(to, 'utf8').replace('"b"', '"B"')) // the disk gave back other bytes
    })
    const store = await session(dir, 'b')
    expect(store.warnings.join('\n')).toMatch(/no backup was made after saving .*project\.json: the copy of .*project\.json read back differently \(sha256 [0-9a-f]{12}…, wrote [0-9a-f]{12}…\)/)
    expect(backups(dir)).toEqual(before) // neither the bad copy nor its temp file is left
    expect(readFileSync(join(dir, 'project.json'), 'utf8')).toContain('"id":"b"')
  })

  it('a migration whose forced backup does not read back stops before rewriting project.json', async () => {
    const dir = folder()
    await session(dir, 'x')
    const v1 = JSON.stringify({ schemaVersion: 1, project: { id: 'urn:uuid:old', name: 'old', created: '2026-01-01T00:00:00Z' }, tags: { t: { id: 't', color: '#fff' } } })
    writeFileSync(join(dir, 'project.json'), v1)
    unspy('readFile')
    const realRead = storeFs.readFile
    vi.spyOn(storeFs, 'readFile').mockImplementation(async (path) => {
      const bytes = await realRead(path)
      return /backups/.test(path) ? Buffer.concat([bytes, Buffer.from(' ')]) : bytes
    })
    await expect(FileProjectStore.open(dir)).rejects.toThrow(/backup .*before-v\d+\.json did not verify/)
    expect(readFileSync(join(dir, 'project.json'), 'utf8')).toBe(v1)
  })
})

describe('restore', () => {
  it('without a backups folder says there is no valid backup, and changes nothing', async () => {
    const dir = folder()
    await session(dir, 'a')
    rmSync(backupsDir(dir), { recursive: true })
    const file = readFileSync(join(dir, 'project.json'))
    await expect(restoreNewestBackup(dir)).rejects.toMatchObject({ code: 'not-found', message: `${dir}: no valid backup in backups/` })
    expect(readFileSync(join(dir, 'project.json'))).toEqual(file)
  })

  it('skips a damaged newest backup and puts back the one before it', async () => {
    const dir = folder()
    await session(dir, 'a')
    await session(dir, 'b')
    const [older, newest] = backups(dir)
    writeFileSync(join(backupsDir(dir), newest), '{ damaged')
    writeFileSync(join(dir, 'project.json'), '{ broken')
    await expect(FileProjectStore.open(dir)).rejects.toThrow(new RegExp(`Newest valid backup: .*${older}`))
    expect(await restoreNewestBackup(dir)).toBe(join(backupsDir(dir), older))
    const store = await FileProjectStore.open(dir)
    expect(Object.keys(store.data.tags)).toEqual(['a'])
    await store.close()
  })
})
