/**
 * The annotation table's bulk actions (`editAnnotations`) are one edit: one journal entry, one
 * change event, one undo step that restores every row, one redo; a row that cannot be changed
 * fails the whole batch and changes nothing (memory, journal, history, events).
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { ProjectSession } from '../../../../src/main/services/project-session'
import type { ChangeEvent } from '../../../../src/shared/api'
import type { Annotation } from '../../../../src/shared/model'
import type { Result } from '../../../../src/shared/result'
import { failAt, folder } from '../store/store-test-kit'
import { SEED_PATH } from '../../../helpers/temp-dir'

let dir: string
let session: ProjectSession
let docId: string
let events: ChangeEvent[]
let anns: Annotation[]
let entityId: string
let citationId: string

const ok = <T>(r: Result<T>): T => {
  if (!r.ok) throw new Error(r.error.message)
  return r.value
}
const journalLines = () => readFileSync(join(dir, 'journal.jsonl'), 'utf8').trim().split('\n').length
const ok2 = async <T>(p: Promise<Result<T>>): Promise<T> => ok(await p)
const all = () => ok2(session.api.listAnnotations({}))
const byId = async () => new Map((await all()).map((a) => [a.id, a]))

beforeEach(async () => {
  dir = folder()
  session = await ProjectSession.open(dir, { create: true })
  docId = ok(await session.api.importDocument({ fileName: 'john-vii-palaiologos.txt', contentBase64: readFileSync(SEED_PATH).toString('base64') })).id
  entityId = ok(await session.api.createEntity({ type: 'person', label: 'Bayezid I' })).id
  citationId = ok(await session.api.createCitation({ item: { type: 'book', title: 'Decline and Fall' } })).id
  anns = []
  for (const [quote, tags] of [['Thessalonica', ['place']], ['Selymbria', ['place', 'town']], ['Western Europe', []], ['Battle of Ankara', ['event']]] as const) {
    anns.push(ok(await session.api.annotateQuote({ documentId: docId, quote, occurrence: 1, tags: [...tags] })))
  }
  anns.push(ok(await session.api.annotateQuote({ documentId: docId, quote: 'sought refuge', citations: [{ citationId, locator: 'ch. LXIV' }] })))
  await ok2(session.api.verifyClaim({ annotationId: anns[4].id, citationId, status: 'contradicted', note: 'later, says Gibbon' }))
  events = []
  session.onChange((e) => events.push(e))
})
afterEach(async () => {
  await session.close()
})

describe('editAnnotations: a bulk action is one edit', () => {
  it('tags four rows in one journal entry and one event; one undo restores all four, one redo reapplies them', async () => {
    const before = await byId()
    const lines = journalLines()
    const ids = anns.slice(0, 4).map((a) => a.id)
    const r = ok(await session.api.editAnnotations({ ids, addTags: ['geography'], addEntityIds: [entityId] }))
    expect(r.updated.map((a) => a.id)).toEqual(ids)
    expect(journalLines()).toBe(lines + 1)
    expect(events).toHaveLength(1)
    expect(events[0]).toMatchObject({ kind: 'applied', method: 'Edit 4 annotations', history: { canUndo: true, undoLabel: 'Edit 4 annotations' } })
    // four annotations and the new tag's colour
    expect(events[0].changes.map((c) => c.collection).sort()).toEqual(['annotations', 'annotations', 'annotations', 'annotations', 'tags'])
    for (const a of (await all()).filter((x) => ids.includes(x.id))) {
      expect(a.tags).toContain('geography')
      expect(a.entityIds).toEqual([entityId])
    }
    expect((await byId()).get(anns[1].id)!.tags).toEqual(['place', 'town', 'geography'])

    expect(ok(await session.api.undo({}))).toMatchObject({ canRedo: true, redoLabel: 'Edit 4 annotations' })
    expect(await byId()).toEqual(before)
    expect(ok(await session.api.listTags({})).map((t) => t.id)).not.toContain('geography')
    expect(journalLines()).toBe(lines + 2)

    ok(await session.api.redo({}))
    const redone = await byId()
    for (const id of ids) expect(redone.get(id)!.tags).toContain('geography')
    expect(journalLines()).toBe(lines + 3)
  })

  it('deletes three rows (and a relation to one) in one edit; one undo brings all back, also after reopening', async () => {
    const rel = ok(await session.api.createRelation({ subject: anns[0].id, predicate: 'near', object: anns[1].id }))
    const before = await byId()
    const lines = journalLines()
    const ids = [anns[0].id, anns[1].id, anns[2].id]
    expect(ok(await session.api.editAnnotations({ ids, delete: true }))).toEqual({ updated: [], deleted: ids })
    expect(journalLines()).toBe(lines + 1)
    expect((await all()).map((a) => a.id).sort()).toEqual([anns[3].id, anns[4].id].sort())
    expect(ok(await session.api.listRelations({}))).toEqual([])
    expect(ok(await session.api.getHistory({})).undoLabel).toBe('Delete 3 annotations')

    await session.close()
    session = await ProjectSession.open(dir)
    expect((await all())).toHaveLength(2)
    ok(await session.api.undo({}))
    expect(await byId()).toEqual(before)
    expect(ok(await session.api.listRelations({})).map((x) => x.id)).toEqual([rel.id])
    expect(ok(await session.api.getHistory({}))).toMatchObject({ undoLabel: 'Relate: near', redoLabel: 'Delete 3 annotations' })
  })

  it('renames a tag on the chosen rows (remove + add in one step) and leaves rows already as asked untouched', async () => {
    const r = ok(await session.api.editAnnotations({ ids: [anns[0].id, anns[1].id, anns[3].id], removeTags: ['place'], addTags: ['site'] }))
    expect(r.updated.map((a) => a.tags)).toEqual([['site'], ['town', 'site'], ['event', 'site']])
    const again = ok(await session.api.editAnnotations({ ids: [anns[0].id, anns[1].id], addTags: ['site'] }))
    expect(again.updated).toEqual([])
    expect(events).toHaveLength(1) // nothing changed the second time: no edit, no event
  })

  it('records a verdict on every citation link, keeping the verdict’s source note', async () => {
    const r = ok(await session.api.editAnnotations({ ids: [anns[4].id], verdict: 'supported' }))
    expect(r.updated[0].citations[0]).toMatchObject({ citationId, locator: 'ch. LXIV', verification: { status: 'supported', note: 'later, says Gibbon' } })
    ok(await session.api.undo({}))
    expect((await byId()).get(anns[4].id)!.citations[0].verification!.status).toBe('contradicted')
  })

  it('a failing row rolls the whole batch back: nothing changes in memory, journal, history or events', async () => {
    const before = await byId()
    const tags = ok(await session.api.listTags({}))
    const history = ok(await session.api.getHistory({}))
    const journal = readFileSync(join(dir, 'journal.jsonl'))
    // The third id is gone (deleted in another window): the first two were already changed inside the edit.
    const gone = ok(await session.api.annotateQuote({ documentId: docId, quote: 'Selymbria (Silivri)' })).id
    ok(await session.api.deleteAnnotation({ id: gone }))
    events.length = 0
    const failed = await session.api.editAnnotations({ ids: [anns[0].id, anns[1].id, gone, anns[3].id], addTags: ['geography'] })
    expect(failed).toMatchObject({ ok: false, error: { code: 'not-found', message: expect.stringContaining(gone) } })
    // A verdict for a row that cites nothing, after a row that does.
    const uncited = await session.api.editAnnotations({ ids: [anns[4].id, anns[0].id], verdict: 'supported' })
    expect(uncited).toMatchObject({ ok: false, error: { code: 'invalid-argument', message: expect.stringContaining('cites nothing') } })
    // An unknown entity.
    expect(await session.api.editAnnotations({ ids: [anns[0].id], addEntityIds: ['ent_nope'] })).toMatchObject({ ok: false, error: { code: 'not-found' } })

    expect(await byId()).toEqual(before)
    expect(ok(await session.api.listTags({}))).toEqual(tags)
    expect(events).toEqual([])
    expect(journalLines()).toBe(journal.toString('utf8').trim().split('\n').length + 2) // only the quote and its deletion
    expect(ok(await session.api.getHistory({}))).toEqual({ ...history, undoLabel: 'Delete annotation' })
  })

  it('a batch that cannot be saved is rolled back whole, with one rolled-back event', async () => {
    const before = await byId()
    failAt('datasync', /journal\.jsonl$/)
    const failed = await session.api.editAnnotations({ ids: anns.slice(0, 3).map((a) => a.id), delete: true })
    expect(failed.ok ? 'ok' : failed.error.code).toBe('io')
    expect(await byId()).toEqual(before)
    expect(events).toHaveLength(1)
    expect(events[0]).toMatchObject({ kind: 'rolled-back', method: 'Delete 3 annotations' })
    expect(events[0].changes.filter((c) => c.collection === 'annotations').map((c) => (c.record as Annotation).id)).toEqual(anns.slice(0, 3).map((a) => a.id))
  })

  it('refuses a batch that asks nothing, or deletes and edits at once', async () => {
    expect(await session.api.editAnnotations({ ids: [anns[0].id] })).toMatchObject({ ok: false, error: { code: 'invalid-argument' } })
    expect(await session.api.editAnnotations({ ids: [anns[0].id], delete: true, addTags: ['x'] })).toMatchObject({ ok: false, error: { code: 'invalid-argument' } })
    expect(events).toEqual([])
  })
})
