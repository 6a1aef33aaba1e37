/**
 * Ids that are also names of Object.prototype members (`constructor`, `__proto__`, `toString`…)
 * must behave as ordinary ids everywhere: not-found when no record has them, stored and read back
 * (across a reopen) when a record does. Property tests throw adversarial ids at the store and the API.
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { ProjectSession } from '../../../../src/main/services/project-session'
import { FileProjectStore } from '../../../../src/main/store/project-store'
import { COLLECTION_NAMES } from '../../../../src/shared/model'
import { folder, tag } from './store-test-kit'

const PROTO_NAMES = ['toString', 'constructor', '__proto__', 'valueOf', 'hasOwnProperty', 'isPrototypeOf', '__defineGetter__', 'propertyIsEnumerable', 'toLocaleString', 'prototype']
const adversarialId = fc.oneof(fc.constantFrom(...PROTO_NAMES), fc.string({ minLength: 1, maxLength: 40 }), fc.constantFrom('undefined', 'null', '0', '-1', '1e3'))

const b64 = (s: string) => Buffer.from(s).toString('base64')

async function sessionWithText(dir: string) {
  const session = await ProjectSession.open(dir, { create: true })
  const doc = await session.api.importDocument({ fileName: 'a.txt', contentBase64: b64('John VII Palaiologos met Bajazet at Selymbria.') })
  if (!doc.ok) throw new Error(doc.error.message)
  return { session, documentId: doc.value.id }
}

describe('ids that name prototype members', () => {
  it('update/delete/get of such ids answer not-found (or invalid-argument) and never store a record under "undefined"', async () => {
    const { session, documentId } = await sessionWithText(folder())
    const { api } = session
    const made = await api.createAnnotation({ documentId, start: 0, end: 4 })
    expect(made.ok).toBe(true)
    await fc.assert(
      fc.asyncProperty(adversarialId, async (id) => {
        const calls = [
          await api.updateAnnotation({ id, note: 'x' }),
          await api.updateRelation({ id, note: 'x' }),
          await api.updateCitation({ id, item: { type: 'book', title: 'x' } }),
          await api.deleteAnnotation({ id }),
          await api.getEntity({ id }),
          await api.getCitation({ id }),
          await api.getDocument({ id })
        ]
        for (const r of calls) {
          expect(r.ok).toBe(false)
          if (!r.ok) expect(['not-found', 'invalid-argument']).toContain(r.error.code)
        }
        for (const c of COLLECTION_NAMES) expect(Object.keys(session.store.data[c])).not.toContain('undefined')
        const list = await api.listAnnotations({})
        expect(list.ok && list.value.length).toBe(1)
      }),
      { numRuns: 40 }
    )
    await session.close()
  })

  it('records with such ids are stored, listed and read back after a reopen', async () => {
    const dir = folder()
    const store = await FileProjectStore.open(dir, { create: true })
    const ids = fc.sample(fc.uniqueArray(adversarialId, { minLength: 5, maxLength: 30 }), { numRuns: 1, seed: 7 })[0]
    const all = [...new Set([...PROTO_NAMES, ...ids])]
    await store.transact('tags', (tx) => all.forEach((id) => tx.put('tags', tag(id))))
    for (const id of all) expect(store.data.tags[id]).toEqual(tag(id))
    expect(({} as Record<string, unknown>).color).toBeUndefined() // no prototype was touched
    await store.close()
    const again = await FileProjectStore.open(dir)
    expect(Object.keys(again.data.tags).sort()).toEqual([...all].sort())
    for (const id of all) expect(again.data.tags[id]).toEqual(tag(id))
    expect(again.data.tags.hasOwnProperty).toEqual(tag('hasOwnProperty'))
    await again.undo() // the undo history kept them too
    expect(Object.keys(again.data.tags)).toEqual([])
    await again.close()
  })

  it('any id survives put → reopen (property)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uniqueArray(adversarialId, { minLength: 1, maxLength: 8 }), async (ids) => {
        const dir = folder()
        const store = await FileProjectStore.open(dir, { create: true })
        for (const id of ids) await store.transact('put', (tx) => tx.put('predicates', { id, builtin: false }))
        await store.transact('remove first', (tx) => tx.remove('predicates', ids[0]))
        await store.close()
        const again = await FileProjectStore.open(dir)
        expect(Object.keys(again.data.predicates).sort()).toEqual(ids.slice(1).sort())
        expect(again.data.predicates[ids[0]]).toBeUndefined()
        await again.close()
      }),
      { numRuns: 15 }
    )
  })

  it('a native JSON file whose document, annotation and tag ids are constructor / __proto__ imports and survives a reopen', async () => {
    const { session, documentId } = await sessionWithText(folder())
    await session.api.createAnnotation({ documentId, start: 0, end: 4, tags: ['people'] })
    const exported = await session.api.exportProject({ format: 'json' })
    await session.close()
    if (!exported.ok) throw new Error(exported.error.message)
    const annId = (JSON.parse(exported.value.files[0].content) as { annotations: { id: string }[] }).annotations[0].id
    const content = exported.value.files[0].content.split(documentId).join('constructor').split(annId).join('__proto__').split('"people"').join('"constructor"')
      .replace(/"entityIds": ?\[\]/, '"entityIds":["toString"]') // a dangling link, kept as the file has it
    const dir = folder()
    const target = await ProjectSession.open(dir, { create: true })
    const imported = await target.api.importProjectJson({ fileName: 'crafted.json', content })
    expect(imported.ok && imported.value.counts).toMatchObject({ documents: 1, annotations: 1 })
    await target.close()
    const reopened = await ProjectSession.open(dir)
    const doc = await reopened.api.getDocument({ id: 'constructor' })
    expect(doc.ok && doc.value.text).toBe('John VII Palaiologos met Bajazet at Selymbria.')
    const anns = await reopened.api.listAnnotations({ documentId: 'constructor' })
    expect(anns.ok && anns.value.map((a) => [a.id, a.tags, a.entityIds])).toEqual([['__proto__', ['constructor'], ['toString']]])
    const tags = await reopened.api.listTags({})
    expect(tags.ok && tags.value.map((t) => t.id)).toContain('constructor')
    for (const format of ['csv', 'json', 'w3c'] as const) {
      const out = await reopened.api.exportProject({ format })
      expect(out.ok ? 'ok' : out.error.message).toBe('ok')
    }
    await reopened.close()
  })

  it('ids from outside are checked at the contract: whitespace, slashes, control characters and over-long ids are refused', async () => {
    const { session } = await sessionWithText(folder())
    for (const id of ['a b', '../x', 'a/b', 'x\u0000', '"q"', 'é'.repeat(3), 'x'.repeat(201), '']) {
      const r = await session.api.getDocument({ id })
      expect(r.ok ? 'ok' : r.error.code).toBe('invalid-argument')
    }
    await session.close()
  })
})
