/**
 * Opening a project folder, the cases a historian meets: a new project in a folder not made yet,
 * named after it; a folder that is no project (empty or not) named as such; a disk that cannot be
 * written opens read-only and says so (a new project there is refused); a read that fails for
 * another reason than a corrupt file leaves project.json where it is; a file of a newer version is
 * refused and left alone; a corrupt file is set aside with a message naming where and what to do;
 * and restore keeps the file it replaces.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { FileProjectStore, restoreNewestBackup } from '../../../../src/main/store/project-store'
import { storeFs } from '../../../../src/main/store/store-fs'
import { folder, tag, unspy } from './store-test-kit'

afterEach(() => vi.restoreAllMocks())

const saved = async (dir: string, id = 'a') => {
  const store = await FileProjectStore.open(dir, { create: true })
  await store.transact(id, (tx) => tx.put('tags', tag(id)))
  await store.close()
}

describe('opening a project folder', () => {
  it('creates the folder of a new project when it does not exist yet, and names the project after it', async () => {
    const dir = join(folder(), 'Chronicle of Morea')
    const store = await FileProjectStore.open(dir, { create: true })
    expect(store.data.project.name).toBe('Chronicle of Morea')
    expect(store.data.project.id).toMatch(/^urn:uuid:[0-9a-f-]{36}$/)
    await store.close()
    const named = await FileProjectStore.open(join(folder(), 'x'), { create: true, name: 'Morea' })
    expect(named.data.project.name).toBe('Morea')
    await named.close()
  })

  it('names a folder that is not a project, and says when it is empty', async () => {
    const dir = folder()
    await expect(FileProjectStore.open(dir)).rejects.toMatchObject({ code: 'not-found', message: `${dir}: not a Marginalia project (no project.json; the folder is empty)` })
    writeFileSync(join(dir, 'notes.txt'), 'x')
    await expect(FileProjectStore.open(dir)).rejects.toMatchObject({ code: 'not-found', message: `${dir}: not a Marginalia project (no project.json)` })
    await expect(FileProjectStore.open(join(dir, 'nope'))).rejects.toMatchObject({ code: 'not-found', message: `${join(dir, 'nope')}: no such project folder` })
  })

  it('opens read-only, saying why, when the folder cannot be written; a new project there is refused', async () => {
    const dir = folder()
    await saved(dir)
    unspy('mkdir')
    vi.spyOn(storeFs, 'mkdir').mockRejectedValue(Object.assign(new Error('permission denied'), { code: 'EACCES' }))
    const store = await FileProjectStore.open(dir)
    expect(store.data.tags.a).toEqual(tag('a'))
    expect(store.warnings).toContain(`${dir} cannot be written (EACCES: permission denied); it is open read-only: reading and exporting work, edits are refused`)
    await expect(store.transact('b', (tx) => tx.put('tags', tag('b')))).rejects.toThrow()
    await store.close()
    const empty = folder()
    await expect(FileProjectStore.open(empty, { create: true })).rejects.toMatchObject({ code: 'EACCES' })
    vi.mocked(storeFs.mkdir).mockRejectedValue(Object.assign(new Error('i/o error'), { code: 'EIO' }))
    await expect(FileProjectStore.open(dir)).rejects.toMatchObject({ code: 'EIO' }) // not a "cannot write" error: reported
  })

  it('leaves project.json where it is when reading it fails for another reason than a corrupt file', async () => {
    const dir = folder()
    await saved(dir)
    const before = readFileSync(join(dir, 'project.json'))
    unspy('readFile')
    const real = storeFs.readFile
    vi.spyOn(storeFs, 'readFile').mockImplementation(async (p) => {
      if (p.endsWith('project.json')) throw Object.assign(new Error('i/o error'), { code: 'EIO' })
      return real(p)
    })
    unspy('open')
    const realOpen = storeFs.open
    vi.spyOn(storeFs, 'open').mockImplementation(async (p, flags, mode) => {
      if (p.endsWith('project.json')) throw Object.assign(new Error('i/o error'), { code: 'EIO' })
      return realOpen(p, flags, mode)
    })
    await expect(FileProjectStore.open(dir)).rejects.toMatchObject({ code: 'EIO' })
    vi.restoreAllMocks()
    expect(readFileSync(join(dir, 'project.json'))).toEqual(before)
    expect(readdirSync(dir).filter((n) => n.includes('corrupt'))).toEqual([])
  })

  it('refuses a project of a newer version, saying so, and changes nothing', async () => {
    const dir = folder()
    await saved(dir)
    const file = join(dir, 'project.json')
    writeFileSync(file, readFileSync(file, 'utf8').replace(/^\{"schemaVersion":\d+/, '{"schemaVersion":99'))
    const before = readFileSync(file)
    await expect(FileProjectStore.open(dir)).rejects.toMatchObject({
      code: 'invalid-file', message: expect.stringMatching(new RegExp(`^${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: made by a newer Marginalia \\(schema 99; this version reads up to \\d+\\)\\. Nothing was changed\\.$`))
    })
    expect(readFileSync(file)).toEqual(before)
  })

  it('sets a corrupt project.json aside with a message naming where it went and the backup to restore', async () => {
    const dir = folder()
    await saved(dir)
    writeFileSync(join(dir, 'project.json'), '{"schemaVersion": 3, "proj')
    const err = (await FileProjectStore.open(dir).catch((e: Error) => e)) as Error
    const aside = readdirSync(dir).find((n) => n.startsWith('project.json.corrupt-'))!
    const backup = readdirSync(join(dir, 'backups')).filter((n) => n.endsWith('.json')).sort().at(-1)!
    expect(err.message).toContain(`. The file was moved to ${join(dir, aside)}. Newest valid backup: ${join(dir, 'backups', backup)} (restore it with: marginalia restore ${dir})`)
    const lone = folder()
    mkdirSync(join(lone, 'backups'))
    writeFileSync(join(lone, 'project.json'), '[')
    await expect(FileProjectStore.open(lone)).rejects.toThrow(/The file was moved to .*\. No valid backup exists\.$/)
  })
})

describe('restore', () => {
  it('keeps the file it replaces beside it', async () => {
    const dir = folder()
    await saved(dir, 'a')
    await saved(dir, 'b') // a second state: the backup of the first is older
    const current = readFileSync(join(dir, 'project.json'), 'utf8')
    await restoreNewestBackup(dir)
    const replaced = readdirSync(dir).filter((n) => n.startsWith('project.json.replaced-'))
    expect(replaced).toHaveLength(1)
    expect(readFileSync(join(dir, replaced[0]), 'utf8')).toBe(current)
    expect(existsSync(join(dir, 'project.json'))).toBe(true)
  })
})
