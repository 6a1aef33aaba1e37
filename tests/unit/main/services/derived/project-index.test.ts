/**
 * The project's lists (tags in use, items' "cited by", entities' mentions, collection counts, each
 * document's annotations in order) are kept per change (src/main/services/derived/) instead of
 * scanned: after every kind of change — create, edit, delete, undo, redo, a refused edit, a failed
 * write rolled back, merges and deletes touching many annotations, a record put without the
 * services — each list equals what a plain scan of the store's data gives. And on a server that
 * has just opened, reading the lists reads no annotation (before, each list's first read scanned
 * all of them: 1.1–2.0 s for 100,000, ahead of a document switch's first call).
 */
import { afterEach, describe, expect, it } from 'vitest'
import { ProjectSession } from '../../../../../src/main/services/project-session'
import { ProjectIndex } from '../../../../../src/main/services/derived/project-index'
import { paletteColor } from '../../../../../src/shared/colors'
import type { Annotation, ProjectData } from '../../../../../src/shared/model'
import { prng } from '../../../../helpers/synthetic-project'
import { failAt, folder } from '../../store/store-test-kit'

type R<T> = { ok: true; value: T } | { ok: false; error: { code: string; message: string } }
const must = <T>(r: R<T>): T => {
  if (!r.ok) throw new Error(r.error.message)
  return r.value
}
const b64 = (s: string) => Buffer.from(s).toString('base64')
const TEXT = 'John VII Palaiologos was Byzantine emperor for five months in 1390. '.repeat(20)

let session: ProjectSession | undefined
afterEach(async () => {
  await session?.close()
  session = undefined
})

/** What each list is, from a plain scan of `data` (the way the services computed them before). */
function plainScan(data: Readonly<ProjectData>, documentIds: string[]) {
  const all = Object.values(data.annotations)
  const used = [...new Set(all.flatMap((a) => a.tags))].filter((t) => !data.tags[t]).sort()
  const recorded = Object.values(data.tags)
  const order = (a: Annotation, b: Annotation) =>
    a.target.start - b.target.start || a.target.end - b.target.end || a.created.localeCompare(b.created) || (a.id < b.id ? -1 : 1)
  return {
    tags: [...recorded, ...used.map((id, i) => ({ id, color: paletteColor(recorded.length + i) }))],
    entities: Object.fromEntries(Object.values(data.entities).map((e) => {
      const mentioning = all.filter((a) => a.entityIds.includes(e.id))
      const mentionCount = all.reduce((n, a) => n + a.entityIds.filter((x) => x === e.id).length, 0)
      return [e.id, { mentionCount, documentCount: new Set(mentioning.map((a) => a.documentId)).size }]
    })),
    citedBy: Object.fromEntries(Object.values(data.citations).map((c) => [c.id, all.filter((a) => a.citations.some((l) => l.citationId === c.id)).length])),
    counts: {
      documents: Object.keys(data.documents).length, annotations: all.length, entities: Object.keys(data.entities).length,
      citations: Object.keys(data.citations).length, relations: Object.keys(data.relations).length
    },
    lists: Object.fromEntries(documentIds.map((d) => [d, all.filter((a) => a.documentId === d).sort(order).map((a) => a.id)]))
  }
}

/** The same lists, as the API answers them. */
async function read(s: ProjectSession, documentIds: string[]) {
  const api = s.api
  return {
    tags: must(await api.listTags({})),
    entities: Object.fromEntries(must(await api.listEntities({})).map((e) => [e.id, { mentionCount: e.mentionCount, documentCount: e.documentCount }])),
    citedBy: Object.fromEntries(must(await api.listCitations({})).map((c) => [c.id, c.citedBy])),
    counts: must(await api.getProjectInfo({})).counts,
    lists: Object.fromEntries(await Promise.all(documentIds.map(async (d) => [d, must(await api.listAnnotations({ documentId: d })).map((a) => a.id)])))
  }
}

describe('lists kept per change', () => {
  it('equal a plain scan after every kind of change', async () => {
    session = await ProjectSession.open(folder(), { create: true })
    const s = session
    const api = s.api
    const docs = [must(await api.importDocument({ fileName: 'a.txt', contentBase64: b64(TEXT) })).id, must(await api.importDocument({ fileName: 'b.txt', contentBase64: b64(TEXT) })).id]
    const rnd = prng(11)
    const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]
    const some = <T>(xs: readonly T[]): T[] => xs.filter(() => rnd() < 0.3)
    const entity = async () => must(await api.createEntity({ type: pick(['person', 'place'] as const), label: `E${Math.floor(rnd() * 1e6)}` })).id
    const item = async () => must(await api.createCitation({ item: { type: 'book', title: `Book ${Math.floor(rnd() * 1e6)}` } })).id
    const ids = () => ({ ents: Object.keys(s.store.data.entities), cits: Object.keys(s.store.data.citations), anns: Object.keys(s.store.data.annotations) })
    for (let i = 0; i < 3; i++) { await entity(); await item() }
    const kinds = new Set<string>()
    for (let step = 0; step < 160; step++) {
      const { ents, cits, anns } = ids()
      const r = rnd()
      let kind: string
      if (r < 0.3 || anns.length < 3) {
        kind = 'create'
        const start = Math.floor(rnd() * 1000)
        must(await api.createAnnotation({
          documentId: pick(docs), start, end: start + 1 + Math.floor(rnd() * 40), tags: some(['a', 'b', 'c', 'd']),
          entityIds: some(ents), citations: some(cits).map((citationId) => ({ citationId }))
        }))
      } else if (r < 0.45) {
        kind = 'edit'
        must(await api.updateAnnotation({ id: pick(anns), tags: some(['a', 'b', 'e']), entityIds: some(ents), citations: some(cits).map((citationId) => ({ citationId })) }))
      } else if (r < 0.55) {
        kind = 'delete'
        must(await api.deleteAnnotation({ id: pick(anns) }))
      } else if (r < 0.65) {
        kind = 'undo'
        must(await api.undo({}))
      } else if (r < 0.72) {
        kind = 'redo'
        must(await api.redo({}))
      } else if (r < 0.76 && ents.length >= 2) {
        kind = 'merge entities'
        must(await api.mergeEntities({ into: ents[0], from: ents[1] }))
        await entity()
      } else if (r < 0.8 && ents.length >= 1) {
        kind = 'delete entity'
        must(await api.deleteEntity({ id: pick(ents) }))
        await entity()
      } else if (r < 0.84 && cits.length >= 1) {
        kind = 'delete item'
        must(await api.deleteCitation({ id: pick(cits) }))
        await item()
      } else if (r < 0.9) {
        // Without the services: a tag with no tag record, an entity twice, two links to one item, moved to the other document.
        kind = 'raw put'
        const a = s.store.data.annotations[pick(anns)]
        const e = pick(ents)
        const c = pick(cits)
        await s.store.transact('Raw', (tx) => tx.put('annotations', {
          ...a, documentId: docs.find((d) => d !== a.documentId)!, tags: [`raw${Math.floor(rnd() * 3)}`],
          entityIds: e ? [e, e] : [], citations: c ? [{ citationId: c }, { citationId: c, locator: 'p. 2' }] : []
        }))
      } else if (r < 0.95) {
        kind = 'refused edit'
        await expect(s.store.transact('Refused', (tx) => {
          tx.remove('annotations', pick(anns))
          tx.put('tags', { id: 'never', color: '#000' })
          throw new Error('refused')
        })).rejects.toThrow('refused')
      } else {
        kind = 'rolled back'
        failAt('datasync', /journal\.jsonl$/)
        const result = await api.deleteAnnotation({ id: pick(anns) })
        expect(result.ok ? 'ok' : result.error.code).toBe('io')
      }
      kinds.add(kind)
      expect(await read(s, docs), `after step ${step} (${kind})`).toEqual(plainScan(s.store.data, docs))
    }
    expect(kinds.size).toBe(11)
    expect(Object.keys(s.store.data.annotations).length).toBeGreaterThan(10)
  })

  it('a project opened from disk starts from one pass over what it holds', async () => {
    const dir = folder()
    session = await ProjectSession.open(dir, { create: true })
    const doc = must(await session.api.importDocument({ fileName: 'a.txt', contentBase64: b64(TEXT) })).id
    const e = must(await session.api.createEntity({ type: 'person', label: 'John' })).id
    for (let i = 0; i < 30; i++) must(await session.api.createAnnotation({ documentId: doc, start: 40 - i, end: 50, tags: [`t${i % 4}`], entityIds: i % 2 ? [e] : [] }))
    await session.close()
    const change = async (s: ProjectSession) => {
      const [first, second] = Object.keys(s.store.data.annotations)
      must(await s.api.deleteAnnotation({ id: first }))
      must(await s.api.updateAnnotation({ id: second, tags: ['new'], entityIds: [] }))
      must(await s.api.createAnnotation({ documentId: doc, start: 3, end: 60, entityIds: [e] }))
      expect(await read(s, [doc])).toEqual(plainScan(s.store.data, [doc]))
    }
    // Changed after the lists were read once, then changed before any read.
    session = await ProjectSession.open(dir)
    expect(await read(session, [doc])).toEqual(plainScan(session.store.data, [doc]))
    expect(must(await session.api.getEntity({ id: e }))).toMatchObject({ mentionCount: 15, documentCount: 1 })
    await change(session)
    await session.close()
    session = await ProjectSession.open(dir)
    await change(session)
  })

  it('on a server that has just opened, the project lists read no annotation', async () => {
    const dir = folder()
    session = await ProjectSession.open(dir, { create: true })
    const doc = must(await session.api.importDocument({ fileName: 'a.txt', contentBase64: b64(TEXT) })).id
    const e = must(await session.api.createEntity({ type: 'person', label: 'John' })).id
    const c = must(await session.api.createCitation({ item: { type: 'book', title: 'Byzantium' } })).id
    for (let i = 0; i < 20; i++) must(await session.api.createAnnotation({ documentId: doc, start: i, end: i + 9, tags: ['x'], entityIds: [e], citations: [{ citationId: c }] }))
    await session.close()
    session = await ProjectSession.open(dir)
    // Every read of the annotations object is counted: listing its keys or values, or reading one.
    let reads = 0
    const annotations = session.store.data.annotations
    const counting = new Proxy(annotations, {
      ownKeys: (o) => (reads++, Reflect.ownKeys(o)),
      get: (o, k) => (reads++, Reflect.get(o, k)),
      has: (o, k) => (reads++, Reflect.has(o, k))
    })
    Object.defineProperty(session.store.data, 'annotations', { value: counting, configurable: true, writable: true })
    try {
      const api = session.api
      const [info, tags, entities, citations, list] = await Promise.all([
        api.getProjectInfo({}), api.listTags({}), api.listEntities({}), api.listCitations({}), api.listAnnotations({ documentId: doc })
      ])
      expect(reads).toBe(0)
      expect(must(info).counts.annotations).toBe(20)
      expect(must(tags).map((t) => t.id)).toEqual(['x'])
      expect(must(entities)[0]).toMatchObject({ mentionCount: 20, documentCount: 1 })
      expect(must(citations)[0].citedBy).toBe(20)
      expect(must(list)).toHaveLength(20)
    } finally {
      Object.defineProperty(session.store.data, 'annotations', { value: annotations, configurable: true, writable: true })
    }
  })
})

describe('ProjectIndex', () => {
  it('rebuilds from the data when a change could not be applied (a record not shaped as expected)', () => {
    const data = { annotations: Object.create(null), documents: {}, entities: {}, citations: {}, relations: {}, predicates: {}, tags: {}, rejectedSuggestions: {} } as unknown as ProjectData
    let listener: ((c: 'annotations', id: string, before: unknown, after: unknown) => void) | undefined
    const index = new ProjectIndex({ data, onRecord: (l) => ((listener = l), () => undefined) })
    const a = { id: 'ann_1', documentId: 'doc_1', target: { start: 0, end: 1 }, tags: ['t'], entityIds: [], citations: [], created: '' } as unknown as Annotation
    data.annotations[a.id] = a
    listener!('annotations', a.id, undefined, { ...a, tags: null }) // throws inside the index
    expect(index.tallies.tagsInUse()).toEqual(['t'])
    expect(index.size('annotations')).toBe(1)
    expect(index.annotationsOf('doc_1')).toEqual([a])
  })
})
