/**
 * A project.json edited or reformatted by hand (read by the whole-file path): it opens with what it
 * holds when it is still a project, and otherwise the error names the file and what is wrong with it
 * (not an object, no schemaVersion, no project header, a collection that is not a list, a record
 * without id, an id twice). Schema 1 files (collections as maps from id to record) open too. A saved
 * undo history with one bad entry is dropped whole, never the records.
 */
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { FileProjectStore } from '../../../../src/main/store/project-store'
import { annotation, folder, tag } from './store-test-kit'

type Json = Record<string, any> // eslint-disable-line @typescript-eslint/no-explicit-any

/** A closed project with a tag, an annotation and one undo step; returns its folder and project.json parsed. */
async function saved(): Promise<{ dir: string; file: string; json: Json }> {
  const dir = folder()
  const store = await FileProjectStore.open(dir, { create: true })
  await store.transact('tag', (tx) => tx.put('tags', tag('t1')))
  await store.transact('note', (tx) => tx.put('annotations', annotation('ann_1', 'doc_1', 'a note')))
  await store.close()
  const file = join(dir, 'project.json')
  return { dir, file, json: JSON.parse(readFileSync(file, 'utf8')) as Json }
}

/** Writes `json` pretty-printed (so the line-by-line path cannot read it) and opens read-only. */
function openAs(dir: string, json: unknown): Promise<FileProjectStore> {
  writeFileSync(join(dir, 'project.json'), JSON.stringify(json, null, 2))
  return FileProjectStore.open(dir, { readOnly: true })
}

describe('a project.json reformatted by hand', () => {
  it('opens with every record and the undo history', async () => {
    const { dir, json } = await saved()
    const store = await openAs(dir, json)
    expect(store.data.tags.t1).toEqual(tag('t1'))
    expect(store.data.annotations.ann_1).toEqual(annotation('ann_1', 'doc_1', 'a note'))
    expect(store.history.state()).toMatchObject({ canUndo: true, undoLabel: 'note' })
    await store.close()
  })

  it('drops a saved undo history with one bad entry, whole, and keeps the records', async () => {
    const { dir, json } = await saved()
    json.history[0].changes[0].c = 'no-such-collection'
    const store = await openAs(dir, json)
    expect(store.history.state().canUndo).toBe(false)
    expect(Object.keys(store.data.annotations)).toEqual(['ann_1'])
    await store.close()
  })

  it('creates a collection it does not mention (added by a later version) empty', async () => {
    const { dir, json } = await saved()
    delete json.relations
    const store = await openAs(dir, json)
    expect(store.data.relations).toEqual({})
    expect(store.data.tags.t1).toEqual(tag('t1'))
    await store.close()
  })
})

describe('a schema 1 project (collections as maps from id to record)', () => {
  it('opens with each record under its key', async () => {
    const { dir, json } = await saved()
    const maps = { ...json, schemaVersion: 1, tags: { t1: tag('t1') }, annotations: { ann_1: annotation('ann_1') } }
    const store = await openAs(dir, maps)
    expect(store.data.tags).toEqual({ t1: tag('t1') })
    expect(store.data.annotations.ann_1.id).toBe('ann_1')
    await store.close()
  })

  it('refuses a record filed under another id, naming the file and the key', async () => {
    const { dir, file, json } = await saved()
    await expect(openAs(dir, { ...json, schemaVersion: 1, tags: { t2: tag('t1') } })).rejects.toMatchObject({
      code: 'invalid-file', message: expect.stringContaining(`${file}: tags "t2" is not a valid record`)
    })
  })
})

describe('a project.json that is not a project any more', () => {
  const header = (json: Json) => ({ schemaVersion: json.schemaVersion, project: json.project })

  it('is refused, naming the file and what is missing', async () => {
    const { dir, file, json } = await saved()
    const cases: [unknown, string][] = [
      [[], 'not a Marginalia project (not a JSON object)'],
      [null, 'not a Marginalia project (not a JSON object)'],
      ['a project', 'not a Marginalia project (not a JSON object)'],
      [{ project: json.project }, 'not a Marginalia project (schemaVersion is missing)'],
      [{ schemaVersion: '3', project: json.project }, 'not a Marginalia project (schemaVersion is missing)'],
      [{ schemaVersion: 2.5, project: json.project }, 'not a Marginalia project (schemaVersion is missing)'],
      [{ schemaVersion: 3 }, 'not a Marginalia project (project header is missing)'],
      [{ schemaVersion: 3, project: 'p' }, 'not a Marginalia project (project header is missing)'],
      [{ schemaVersion: 3, project: { ...json.project, id: 7 } }, 'not a Marginalia project (project header is missing)'],
      [{ schemaVersion: 3, project: { id: json.project.id } }, 'not a Marginalia project (project header is missing)'],
      [{ ...header(json), tags: 5 }, 'tags is not a list of records'],
      [{ ...header(json), tags: [{ color: '#fff' }] }, 'a record of tags has no id'],
      [{ ...header(json), tags: [{ id: '', color: '#fff' }] }, 'a record of tags has no id'],
      [{ ...header(json), tags: [tag('t1'), tag('t1', '#000')] }, 'tags "t1" appears twice']
    ]
    for (const [content, problem] of cases) {
      await expect(openAs(dir, content), JSON.stringify(content)).rejects.toMatchObject({ code: 'invalid-file', message: `${file}: ${problem}` })
    }
  })
})
