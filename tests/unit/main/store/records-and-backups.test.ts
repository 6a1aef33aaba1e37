/**
 * Trust in what is loaded and what is kept: every record is validated on open (a bad one is named
 * with its file, collection and id), only a verified, different state becomes a backup, backups from
 * before a bad open survive any number of failed opens, and restore gives back the latest state.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { FileProjectStore, restoreNewestBackup } from '../../../../src/main/store/project-store'
import { annotation, crash, folder, tag } from './store-test-kit'

const backups = (dir: string) => readdirSync(join(dir, 'backups')).filter((n) => n.endsWith('.json'))

async function projectWith(dir: string, ...tags: string[]): Promise<void> {
  const store = await FileProjectStore.open(dir, { create: true })
  for (const t of tags) await store.transact(`add ${t}`, (tx) => tx.put('tags', tag(t)))
  await store.close()
}

describe('records are validated on open', () => {
  it('rejects a record with only an id, naming the file, collection and id, and keeps the file aside', async () => {
    const dir = folder()
    await projectWith(dir, 'kept')
    const file = join(dir, 'project.json')
    writeFileSync(file, readFileSync(file, 'utf8').replace('"annotations":[\n],', '"annotations":[\n{"id":"ann_bad"}\n],'))
    const err = await FileProjectStore.open(dir).catch((e: Error) => e)
    expect(String(err)).toMatch(/project\.json line \d+: annotations "ann_bad" is not a valid record: missing member documentId/)
    expect(String(err)).toMatch(/moved to .*corrupt.*Newest valid backup/s)
  })

  it('rejects a bad record in a schema-1 file (collections as maps) too', async () => {
    const dir = folder()
    await projectWith(dir)
    const v1 = { schemaVersion: 1, project: { id: 'urn:uuid:x', name: 'old', created: '2026-01-01T00:00:00Z' }, tags: { t: { id: 't' } } }
    writeFileSync(join(dir, 'project.json'), JSON.stringify(v1))
    await expect(FileProjectStore.open(dir)).rejects.toThrow(/tags "t" is not a valid record: missing member color/)
  })

  it('refuses to store an invalid record from a service, changing nothing', async () => {
    const store = await FileProjectStore.open(folder(), { create: true })
    await expect(store.transact('bad', (tx) => tx.put('annotations', { id: 'ann_x' } as never))).rejects.toThrow(/refused to store annotations "ann_x": missing member documentId/)
    expect(store.data.annotations.ann_x).toBeUndefined()
    await store.close()
  })
})

describe('backups', () => {
  it('are made only when the state changed, not on every open', async () => {
    const dir = folder()
    await projectWith(dir, 'a')
    expect(backups(dir)).toHaveLength(1)
    for (let i = 0; i < 12; i++) await (await FileProjectStore.open(dir)).close()
    expect(backups(dir)).toHaveLength(1)
    await projectWith(dir, 'b')
    expect(backups(dir)).toHaveLength(2)
  })

  it('keep the state from before a broken record however often the broken file is opened', async () => {
    const dir = folder()
    await projectWith(dir, 'good')
    const file = join(dir, 'project.json')
    const broken = readFileSync(file, 'utf8').replace('"annotations":[\n],', '"annotations":[\n{"id":"ann_bad"}\n],')
    for (let i = 0; i < 12; i++) {
      writeFileSync(file, broken)
      await expect(FileProjectStore.open(dir)).rejects.toThrow(/not a valid record/)
    }
    await restoreNewestBackup(dir)
    const store = await FileProjectStore.open(dir)
    expect(Object.keys(store.data.tags)).toEqual(['good'])
    await store.close()
  })

  it('restore gives back the last command’s edit, not only the state at the last open', async () => {
    const dir = folder()
    await projectWith(dir, 'first')
    await projectWith(dir, 'second') // a second "command": open, edit, close
    writeFileSync(join(dir, 'project.json'), '{ broken')
    await expect(FileProjectStore.open(dir)).rejects.toThrow(/not valid JSON/)
    await restoreNewestBackup(dir)
    const store = await FileProjectStore.open(dir)
    expect(Object.keys(store.data.tags)).toEqual(['first', 'second'])
    await store.close()
  })

  it('restore after a crash replays the journal over the backup: edits after the last close are kept', async () => {
    const dir = folder()
    await projectWith(dir, 'closed')
    const store = await FileProjectStore.open(dir)
    await store.transact('after', (tx) => tx.put('annotations', annotation('ann_after')))
    await crash(store) // killed: no compaction, the edit is only in the journal
    writeFileSync(join(dir, 'project.json'), '{ broken')
    await expect(FileProjectStore.open(dir)).rejects.toThrow(/not valid JSON/)
    await restoreNewestBackup(dir)
    const again = await FileProjectStore.open(dir)
    expect(again.data.annotations.ann_after).toBeDefined()
    await again.close()
  })

  it('restore refuses while another writer holds the project', async () => {
    const dir = folder()
    await projectWith(dir, 'a')
    const holder = await FileProjectStore.open(dir)
    await expect(restoreNewestBackup(dir)).rejects.toThrow(/open in another Marginalia process/)
    await holder.transact('b', (tx) => tx.put('tags', tag('b')))
    await holder.close()
    const after = await FileProjectStore.open(dir)
    expect(Object.keys(after.data.tags)).toEqual(['a', 'b'])
    await after.close()
  })
})

describe('duplicate ids', () => {
  it('are refused on open, naming the line and the id', async () => {
    const dir = folder()
    await projectWith(dir)
    const file = join(dir, 'project.json')
    const rec = JSON.stringify(annotation('ann_twice'))
    writeFileSync(file, readFileSync(file, 'utf8').replace('"annotations":[\n],', `"annotations":[\n${rec},\n${rec}\n],`))
    await expect(FileProjectStore.open(dir)).rejects.toThrow(/project\.json line \d+: annotations "ann_twice" appears twice/)
  })

  it('are refused when the id names a prototype member, or the two copies lie in different parse runs, naming the second line', async () => {
    // 600 filler records of ~250 bytes each fill more than one 96 KiB parse run between the copies.
    const filler = Array.from({ length: 600 }, (_, i) => JSON.stringify(annotation(`ann_fill_${i}`)))
    for (const id of ['constructor', '__proto__', 'toString', 'ann_far']) {
      const dir = folder()
      await projectWith(dir)
      const file = join(dir, 'project.json')
      const rec = JSON.stringify(annotation(id))
      const lines = readFileSync(file, 'utf8').replace('"annotations":[\n],', `"annotations":[\n${[rec, ...filler, rec].join(',\n')}\n],`)
      writeFileSync(file, lines)
      const line = lines.split('\n').lastIndexOf(rec) + 1
      await expect(FileProjectStore.open(dir)).rejects.toThrow(`project.json line ${line}: annotations ${JSON.stringify(id)} appears twice`)
    }
  })

  it('a record whose id names a prototype member opens once as an ordinary record', async () => {
    const dir = folder()
    await projectWith(dir)
    const file = join(dir, 'project.json')
    const recs = ['__proto__', 'constructor', 'hasOwnProperty'].map((id) => JSON.stringify(annotation(id)))
    writeFileSync(file, readFileSync(file, 'utf8').replace('"annotations":[\n],', `"annotations":[\n${recs.join(',\n')}\n],`))
    const store = await FileProjectStore.open(dir, { readOnly: true })
    expect(Object.keys(store.data.annotations)).toEqual(['__proto__', 'constructor', 'hasOwnProperty'])
    expect(Object.getPrototypeOf(store.data.annotations)).toBe(null)
    await store.close()
  })
})
