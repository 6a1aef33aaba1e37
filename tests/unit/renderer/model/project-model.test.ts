/**
 * The renderer's project model against the real services (an in-process ProjectSession): what it
 * loads, how many calls an edit costs, how it takes in other writers' changes, rollbacks, and the
 * open-document race behind the once-flaky "another panel selects an annotation" e2e test.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { ProjectSession } from '../../../../src/main/services/project-session'
import { ProjectModel } from '../../../../src/renderer/model/project-model'
import { type CountingTransport, type Seeded, seededModel, sessionTransport, settle, must } from './session-transport'

let ctx: Seeded
let session: ProjectSession
let transport: CountingTransport
let model: ProjectModel
let seedId: string
let importText: Seeded['importText']

beforeEach(async () => {
  ctx = await seededModel()
  ;({ session, transport, model, seedId, importText } = ctx)
})
afterEach(() => ctx.close())


describe('the project model', () => {
  it('opens the first text with its own annotations only', async () => {
    const other = await importText('note.txt', 'A note\n\nManuel II left John VII as regent in 1399.\n')
    await must(session.api.annotateQuote({ documentId: other, quote: 'regent in 1399' }))
    await must(session.api.annotateQuote({ documentId: seedId, quote: 'Battle of Ankara' }))
    const fresh = new ProjectModel(sessionTransport(session))
    await fresh.start()
    expect(fresh.open?.doc.id).toBe(seedId)
    expect(fresh.open?.annotations.all.map((a) => a.target.exact)).toEqual(['Battle of Ankara'])
    expect(fresh.selections.documentList().map((d) => d.title)).toEqual(['John VII Palaiologos', 'note'])
    fresh.stop()
  })

  it('creating one highlight costs one write call and no read; its result is what the model shows', async () => {
    const person = await model.mutate('createEntity', { type: 'person', label: 'Timur' })
    await settle()
    transport.calls.length = 0
    const created = await model.mutate('createAnnotation', { documentId: seedId, start: 100, end: 110, tags: ['claim'], entityIds: [person.id] })
    // Before its change event arrived, the result is already in the model.
    expect(model.open?.annotations.get(created.id)).toEqual(created)
    expect(model.entities.get(person.id)).toMatchObject({ mentionCount: 1, documentCount: 1 })
    await settle()
    expect(transport.calls).toEqual(['createAnnotation'])
    expect(model.open?.annotations.size).toBe(1)
    expect(model.entities.get(person.id)).toMatchObject({ mentionCount: 1, documentCount: 1 })
    expect(model.selections.tagNames()).toContain('claim')
  })

  it('applies other writers\' edits record by record, without reading anything', async () => {
    transport.calls.length = 0
    const a = await must(session.api.annotateQuote({ documentId: seedId, quote: 'Theodora of Wallachia', tags: ['person'] }))
    await must(session.api.updateAnnotation({ id: a.id, note: 'wife' }))
    await settle()
    expect(model.open?.annotations.get(a.id)?.note).toBe('wife')
    await must(session.api.deleteAnnotation({ id: a.id }))
    await settle()
    expect(model.open?.annotations.size).toBe(0)
    await must(session.api.undo({}))
    await settle()
    expect(model.open?.annotations.get(a.id)?.note).toBe('wife')
    expect(model.history).toMatchObject({ canUndo: true, canRedo: true })
    expect(transport.calls).toEqual([])
  })

  it('keeps an entity\'s mentions current from events after reading them once', async () => {
    const e = await model.mutate('createEntity', { type: 'person', label: 'Bayezid I' })
    await model.mutate('annotateQuote', { documentId: seedId, quote: 'Bayezid I', occurrence: 1, entityIds: [e.id] })
    const mentions = model.reads.mentions.of(e.id)
    mentions.get()
    await settle()
    expect(mentions.value?.map((m) => m.exact)).toEqual(['Bayezid I'])
    transport.calls.length = 0
    const second = await model.mutate('annotateQuote', { documentId: seedId, quote: 'Bayezid I', occurrence: 2, entityIds: [e.id] })
    await settle()
    expect(mentions.get().value?.map((m) => m.annotationId)).toHaveLength(2)
    await model.mutate('updateAnnotation', { id: second.id, entityIds: [] })
    await settle()
    expect(mentions.get().value).toHaveLength(1)
    expect(transport.calls).toEqual(['annotateQuote', 'updateAnnotation'])
  })

  it('a write result arriving after a newer change event does not bring the old value back', async () => {
    const a = await model.mutate('annotateQuote', { documentId: seedId, quote: 'Battle of Ankara' })
    await settle()
    // The first update's result is held back until the second update's event has been applied.
    const slow: CountingTransport = { ...transport, calls: [], call: async (m, args) => { const r = await transport.call(m, args); await settle(20); return r } }
    const slowModel = new ProjectModel(slow)
    await slowModel.start()
    const first = slowModel.mutate('updateAnnotation', { id: a.id, note: 'first' })
    await settle(1)
    await must(session.api.updateAnnotation({ id: a.id, note: 'second' }))
    await first
    await settle(30)
    expect(slowModel.open?.annotations.get(a.id)?.note).toBe('second')
    slowModel.stop()
  })

  it('shows a rolled-back edit as undone, with a notice', async () => {
    const a = await model.mutate('annotateQuote', { documentId: seedId, quote: 'Battle of Ankara', note: 'kept' })
    await settle()
    // What the store announces when a write fails: the records as they are again.
    transport.inject({
      revision: model.revision + 1, method: 'Edit annotation', kind: 'rolled-back', collections: ['annotations'],
      changes: [{ collection: 'annotations', id: a.id, record: a }], documents: [seedId], history: { canUndo: true, canRedo: false },
      error: { code: 'io', message: 'no space left on device' }
    })
    transport.inject({
      revision: model.revision + 2, method: 'Create annotation', kind: 'rolled-back', collections: ['annotations'],
      changes: [{ collection: 'annotations', id: 'ann_lost', record: null }], documents: [seedId], history: { canUndo: true, canRedo: false },
      error: { code: 'io', message: 'no space left on device' }
    })
    await settle()
    expect(model.open?.annotations.get(a.id)?.note).toBe('kept')
    expect(model.notices.map((n) => n.kind)).toEqual(['rolled-back', 'rolled-back'])
    expect(model.notices[0].message).toContain('no space left on device')
  })

  it('a failed write is told once, even when the historian dismisses the notice before the model checks', async () => {
    const a = await model.mutate('annotateQuote', { documentId: seedId, quote: 'Battle of Ankara', note: 'kept' })
    await settle()
    const full: CountingTransport = {
      ...transport,
      calls: [],
      call: async (m, args) => {
        if (m !== 'updateAnnotation') return transport.call(m, args)
        // The services' rollback event arrives before the write's answer (as over HTTP), once.
        if (!toldOnce) fullModel.notify('rolled-back', '“Edit annotation” could not be saved: ENOSPC. It was undone.')
        toldOnce = true
        return { ok: false, error: { code: 'io', message: 'ENOSPC: no space left on device' } } as never
      }
    }
    let toldOnce = false
    const fullModel = new ProjectModel(full)
    await fullModel.start()
    await expect(fullModel.mutate('updateAnnotation', { id: a.id, note: 'lost' })).rejects.toThrow('no space left')
    // The historian dismisses the notice at once.
    fullModel.dismiss(fullModel.notices[0].id)
    await settle(400)
    expect(fullModel.notices).toEqual([])
    // Without the services' event, the model tells the historian itself.
    await expect(fullModel.mutate('updateAnnotation', { id: a.id, note: 'lost' })).rejects.toThrow('no space left')
    await settle(400)
    expect(fullModel.notices.map((n) => n.message)).toEqual(['Could not save the change: ENOSPC: no space left on device'])
    fullModel.stop()
  })

  it('the last document asked for is the one open, whatever events arrive meanwhile (the flaky e2e)', async () => {
    const other = await importText('note.txt', 'A note\n\nManuel II left John VII as regent in 1399.\n')
    const target = await must(session.api.annotateQuote({ documentId: other, quote: 'regent in 1399' }))
    // Events of those edits are still on their way while another panel asks for the annotation's document.
    const docId = await model.documentOf(target.id)
    expect(docId).toBe(other)
    const opening = model.openDocument(docId!)
    await must(session.api.annotateQuote({ documentId: seedId, quote: 'Battle of Ankara' }))
    await opening
    await settle()
    expect(model.open?.doc.id).toBe(other)
    expect(model.open?.annotations.get(target.id)?.target.exact).toBe('regent in 1399')
    // Two requests in a row: the later wins even if the earlier answers last.
    const a = model.openDocument(seedId)
    const b = model.openDocument(other)
    await Promise.all([a, b])
    expect(model.open?.doc.id).toBe(other)
  })

  it('runs long work as a typed job and cancels it on the services', async () => {
    const found = await model.runJob('suggestMentions', { documentId: seedId, sources: ['date'] })
    expect(found.some((s) => s.exact === 'April 14, 1390' && s.edtf === '1390-04-14')).toBe(true)
    const controller = new AbortController()
    const run = model.runJob('suggestMentions', { documentId: seedId }, { signal: controller.signal })
    controller.abort()
    await expect(run).rejects.toMatchObject({ code: 'cancelled' })
    expect(model.jobs.running.size).toBe(0)
  })
})
