/**
 * One edit, one paint: a write's result is applied when it returns, and the change event of the
 * same write (arriving later, as over Server-Sent Events) re-applies nothing the model already
 * holds — views hear of the annotations once, the document view's index moves once — while the
 * undo history still follows the event and other writers' edits still apply.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { ChangeEvent } from '../../../../src/shared/api'
import { ProjectModel, type Slice } from '../../../../src/renderer/model/project-model'
import { type Seeded, seededModel, settle } from './session-transport'

let ctx: Seeded

beforeEach(async () => {
  ctx = await seededModel()
})
afterEach(() => ctx.close())

/** Counts the notifications naming `slice` and the index versions seen, from now on. */
function watch(slice: Slice) {
  const { model } = ctx
  const seen = { notifications: 0, versionAtStart: model.open!.annotations.version }
  const stop = model.subscribe((changed) => {
    if (changed.has(slice)) seen.notifications++
  })
  return { seen, stop, moves: () => model.open!.annotations.version - seen.versionAtStart }
}

describe('an edit of this window', () => {
  it('adding one highlight notifies the annotations once and moves the painted index once, after its event too', async () => {
    const { model, seedId, transport } = ctx
    transport.calls.length = 0
    const w = watch('annotations')
    const created = await model.mutate('createAnnotation', { documentId: seedId, start: 100, end: 110, tags: ['claim'] })
    // The event arrives ~2 ms after the result (session-transport.ts); wait well past it.
    await settle(40)
    expect(w.seen.notifications).toBe(1)
    expect(w.moves()).toBe(1)
    expect(model.open?.annotations.get(created.id)).toEqual(created)
    // The event still brought the undo state (the result does not carry it).
    expect(model.history.canUndo).toBe(true)
    expect(transport.calls).toEqual(['createAnnotation'])
    w.stop()
  })

  it('deleting one highlight is applied once and leaves the counts known (no re-read of the lists)', async () => {
    const { model, seedId, transport } = ctx
    const person = await model.mutate('createEntity', { type: 'person', label: 'Timur' })
    const a = await model.mutate('createAnnotation', { documentId: seedId, start: 100, end: 110, entityIds: [person.id] })
    await settle(40)
    transport.calls.length = 0
    const w = watch('annotations')
    await model.mutate('deleteAnnotation', { id: a.id })
    await settle(40)
    expect(w.seen.notifications).toBe(1)
    expect(model.entities.get(person.id)).toMatchObject({ mentionCount: 0 })
    expect(model.counts.entitiesStale).toBe(false)
    model.selections.entityList()
    await settle(20)
    expect(transport.calls).toEqual(['deleteAnnotation'])
    w.stop()
  })

  it('another writer\'s change to the same highlight right after still applies', async () => {
    const { model, seedId, session } = ctx
    const a = await model.mutate('createAnnotation', { documentId: seedId, start: 100, end: 110 })
    const r = await session.api.updateAnnotation({ id: a.id, note: 'from the CLI' })
    expect(r.ok).toBe(true)
    await settle(40)
    expect(model.open?.annotations.get(a.id)?.note).toBe('from the CLI')
  })

  it('after a rollback of that write, a later event bringing the same value again is applied', async () => {
    const { model: seeded, seedId, transport } = ctx
    const a = await seeded.mutate('createAnnotation', { documentId: seedId, start: 100, end: 110 })
    await settle(40)
    // A window that hears only the events given here (its own write's event is lost).
    const listeners = new Set<(e: ChangeEvent) => void>()
    const m = new ProjectModel({ ...transport, onChange: (l) => (listeners.add(l), () => listeners.delete(l)) })
    await m.start()
    const tell = (e: Partial<ChangeEvent>) => listeners.forEach((l) => l({ revision: m.revision + 1, method: 'Edit annotation', kind: 'applied', collections: ['annotations'], changes: [], documents: [seedId], history: { canUndo: true, canRedo: false }, ...e }))
    const noted = await m.mutate('updateAnnotation', { id: a.id, note: 'noted' })
    tell({ kind: 'rolled-back', changes: [{ collection: 'annotations', id: a.id, record: a }], error: { code: 'io', message: 'no space left on device' } })
    expect(m.open?.annotations.get(a.id)?.note).toBe(a.note)
    // Made again (e.g. by another window) with the very same value: the model shows it.
    tell({ changes: [{ collection: 'annotations', id: a.id, record: noted }] })
    expect(m.open?.annotations.get(a.id)?.note).toBe('noted')
    m.stop()
  })
})
