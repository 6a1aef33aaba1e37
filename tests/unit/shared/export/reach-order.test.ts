import { describe, expect, it } from 'vitest'
import { exportNativeJson } from '../../../../src/shared/export/native-json'
import { selectForExport } from '../../../../src/shared/export/reach'
import type { ProjectData } from '../../../../src/shared/model'
import { fixtureProject } from '../../../helpers/export-fixture'

// Exports are deterministic: the same records in whatever order they were added (a project read
// back, merged or edited in another order) give the same lists. Records here are added in reverse.

const reversed = <T>(m: Record<string, T>): Record<string, T> => Object.fromEntries(Object.entries(m).reverse())

/** The fixture with two more documents: doc_z imported first, doc_a last; every collection in reverse id order. */
function project(): { data: ProjectData; texts: Record<string, string> } {
  const { data, texts } = fixtureProject()
  const d1 = data.documents.doc_1
  data.documents.doc_z = { ...d1, id: 'doc_z', title: 'Imported first', created: '2026-11-01T00:00:00.000Z' }
  data.documents.doc_a = { ...d1, id: 'doc_a', title: 'Imported last', created: '2026-12-01T00:00:00.000Z' }
  data.documents.doc_b = { ...d1, id: 'doc_b', title: 'Imported with doc_a', created: '2026-12-01T00:00:00.000Z' }
  texts.doc_z = texts.doc_a = texts.doc_b = texts.doc_1
  data.annotations.ann_in_a = { ...data.annotations.ann_empty, id: 'ann_in_a', documentId: 'doc_a' }
  data.annotations.ann_in_z = { ...data.annotations.ann_empty, id: 'ann_in_z', documentId: 'doc_z' }
  data.relations.rel_0 = { id: 'rel_0', subject: 'ent_venice', predicate: 'same as', object: 'ann_venice', note: '', created: d1.created }
  for (const k of ['documents', 'annotations', 'entities', 'citations', 'relations', 'predicates', 'tags', 'rejectedSuggestions'] as const)
    (data as unknown as Record<string, unknown>)[k] = reversed(data[k] as Record<string, unknown>)
  return { data, texts }
}

const ids = (xs: { id: string }[]) => xs.map((x) => x.id)
const sortedIds = (m: Record<string, unknown>) => Object.keys(m).sort()

describe('export order', () => {
  it('lists documents by import time, ties by id, and each collection by id, whatever order records were added in', () => {
    const { data } = project()
    const sel = selectForExport(data, {})
    expect(ids(sel.documents)).toEqual(['doc_z', 'doc_1', 'doc_a', 'doc_b'])
    for (const k of ['entities', 'citations', 'relations', 'predicates', 'tags', 'rejectedSuggestions'] as const)
      expect(ids(sel[k]), k).toEqual(sortedIds(data[k]))
    // Annotations follow the documents' order (doc_z first although its id sorts last).
    expect(sel.annotations[0].id).toBe('ann_in_z')
    expect(sel.annotations[sel.annotations.length - 1].id).toBe('ann_in_a')
  })

  it('puts annotations of documents the selection does not list last, by document id', () => {
    const { data } = project()
    const sel = selectForExport({ ...data, documents: { doc_1: data.documents.doc_1 } }, {})
    expect(sel.annotations.slice(-2).map((a) => a.documentId)).toEqual(['doc_a', 'doc_z'])
  })

  it('one document: what its annotations reach, in id order, without records that no longer exist', () => {
    const { data, texts } = project()
    data.annotations.ann_venice = { ...data.annotations.ann_venice, entityIds: ['ent_venice', 'ent_gone'], citations: [
      { citationId: 'cit_zach', verification: { status: 'supported', discrepancies: [], note: '', by: 'h', at: '2026-11-26T10:00:00.000Z' } },
      { citationId: 'cit_gibbon', verification: { status: 'supported', discrepancies: [], note: '', by: 'h', at: '2026-11-26T10:00:00.000Z', source: { documentId: 'doc_deleted', start: 0, end: 1, exact: 'J', prefix: '', suffix: '' } } }
    ] }
    data.annotations.ann_in_z2 = { ...data.annotations.ann_empty, id: 'ann_in_z2', documentId: 'doc_z', citations: [{ citationId: 'cit_zach', verification: { status: 'supported', discrepancies: [], note: '', by: 'h', at: '2026-11-26T10:00:00.000Z', source: { documentId: 'doc_1', start: 0, end: 4, exact: 'John', prefix: '', suffix: '' } } }] }
    const sel = selectForExport(data, { documentId: 'doc_1' })
    expect(ids(sel.documents)).toEqual(['doc_1'])
    expect(ids(sel.entities)).toEqual([...new Set(Object.values(data.annotations).filter((a) => a.documentId === 'doc_1').flatMap((a) => a.entityIds))].filter((e) => data.entities[e]).sort())
    expect(ids(sel.relations)).toEqual(['rel_0', 'rel_1', 'rel_2'])
    expect(ids(sel.citations)).toEqual(['cit_gibbon', 'cit_zach'])
    // The verdict's source passage in doc_1 brings doc_1 into doc_z's export, listed in import order.
    const z = selectForExport(data, { documentId: 'doc_z' })
    expect(ids(z.documents)).toEqual(['doc_z', 'doc_1'])
    expect(ids(z.annotations)).toEqual(['ann_in_z', 'ann_in_z2'])
    const json = JSON.parse(exportNativeJson({ data, texts, scope: { documentId: 'doc_1' }, options: {}, exportedAt: '' }).files[0].content as string)
    expect(json.entities.map((e: { id: string }) => e.id)).not.toContain('ent_gone')
  })
})
