/** ChangeEvents as windows receive them: after the write is durable, rolled-back ones too, reload for large edits. */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { CHANGE_EVENT_RECORD_LIMIT, ProjectSession } from '../../../../src/main/services/project-session'
import type { ChangeEvent } from '../../../../src/shared/api'
import { failAt, folder } from './store-test-kit'

const b64 = (s: string) => Buffer.from(s).toString('base64')

describe('change events', () => {
  it('carry the created record once it is on disk; a failed write sends rolled-back with the error', async () => {
    const dir = folder()
    const session = await ProjectSession.open(dir, { create: true })
    const doc = await session.api.importDocument({ fileName: 'a.txt', contentBase64: b64('John VII Palaiologos') })
    if (!doc.ok) throw new Error(doc.error.message)
    const events: { event: ChangeEvent; onDisk: boolean }[] = []
    session.onChange((event) => events.push({ event, onDisk: readFileSync(join(dir, 'journal.jsonl'), 'utf8').includes((event.changes[0]?.id ?? '') as string) }))
    const made = await session.api.createAnnotation({ documentId: doc.value.id, start: 0, end: 4 })
    if (!made.ok) throw new Error(made.error.message)
    expect(events).toHaveLength(1)
    expect(events[0].onDisk).toBe(true)
    expect(events[0].event).toMatchObject({
      kind: 'applied', method: 'Create annotation', collections: ['annotations'], documents: [doc.value.id],
      changes: [{ collection: 'annotations', id: made.value.id, record: made.value }], history: { canUndo: true, undoLabel: 'Create annotation' }
    })
    failAt('datasync', /journal\.jsonl$/)
    const failed = await session.api.updateAnnotation({ id: made.value.id, note: 'will not be saved' })
    expect(failed.ok ? 'ok' : failed.error.code).toBe('io')
    expect(events[1].event).toMatchObject({
      kind: 'rolled-back', method: 'Edit annotation', error: { code: 'io' },
      changes: [{ collection: 'annotations', id: made.value.id, record: made.value }], history: { undoLabel: 'Create annotation' }
    })
    await session.close()
  })

  it(`send reload instead of records when an edit touches more than ${CHANGE_EVENT_RECORD_LIMIT} records`, async () => {
    const session = await ProjectSession.open(folder(), { create: true })
    const events: ChangeEvent[] = []
    session.onChange((e) => events.push(e))
    await session.store.transact('Big', (tx) => {
      for (let i = 0; i <= CHANGE_EVENT_RECORD_LIMIT; i++) tx.put('tags', { id: `t${i}`, color: '#fff' })
    })
    expect(events[0]).toMatchObject({ kind: 'applied', reload: true, changes: [], collections: ['tags'] })
    await session.close()
  })
})
