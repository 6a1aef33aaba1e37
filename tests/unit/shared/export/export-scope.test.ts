/**
 * What an export carries and in which order: the whole project, or one document with exactly what
 * its annotations reach (entities, bibliography items, the sources attached to those items or to
 * verdicts, relations, the predicates and tags in use, the rejected suggestions of those documents).
 * A record missing from a one-document export is lost for the colleague who receives it; a record
 * of another document in it leaks work that was not meant to be shared. Offsets are code points.
 */
import { describe, expect, it } from 'vitest'
import { exportNativeJson } from '../../../../src/shared/export/native-json'
import { selectForExport } from '../../../../src/shared/export/reach'
import type { Annotation, ProjectData } from '../../../../src/shared/model'
import { fixtureProject } from '../../../helpers/export-fixture'

type Ids = Record<string, string[]>
const T2 = '2026-11-27T10:00:00.000Z'

/** The fixture plus a second document (imported later) with its own annotations, entity, tag, relation and rejected suggestion, and a third source document cited by doc_1's verdict. */
function twoDocuments(): { data: ProjectData; texts: Record<string, string> } {
  const { data, texts } = fixtureProject()
  const doc1 = data.documents.doc_1
  data.documents.doc_2 = { ...doc1, id: 'doc_2', title: 'Manuel II', created: T2 }
  data.documents.doc_src = { ...doc1, id: 'doc_src', title: 'Chalkokondyles', created: T2 } // same time as doc_2: id breaks the tie
  data.documents.doc_0 = { ...doc1, id: 'doc_0', title: 'Unrelated earlier source', created: '2026-11-25T10:00:00.000Z' }
  texts.doc_2 = texts.doc_src = texts.doc_0 = texts.doc_1
  const a2 = (id: string, start: number, end: number, more: Partial<Annotation> = {}): Annotation =>
    ({ ...data.annotations.ann_empty, id, documentId: 'doc_2', target: { start, end, exact: [...texts.doc_1].slice(start, end).join(''), prefix: '', suffix: '' }, ...more })
  data.annotations.ann_d2_b = a2('ann_d2_b', 10, 20, { tags: ['doc2only'], entityIds: ['ent_doc2'] })
  data.annotations.ann_d2_a = a2('ann_d2_a', 10, 15)
  data.annotations.ann_d2_c = a2('ann_d2_c', 3, 30)
  data.annotations.ann_d2_0same = a2('ann_d2_0same', 10, 15) // same span as ann_d2_a: the id decides
  data.entities.ent_doc2 = { ...data.entities.ent_venice, id: 'ent_doc2', label: 'Only in doc 2' }
  data.entities.ent_related = { ...data.entities.ent_venice, id: 'ent_related', label: 'Reached through a relation' }
  data.tags.doc2only = { id: 'doc2only', color: '#000' }
  data.predicates['ruled from'] = { id: 'ruled from', builtin: false }
  data.predicates['unused'] = { id: 'unused', builtin: false }
  data.relations.rel_doc2 = { id: 'rel_doc2', subject: 'ent_doc2', predicate: 'ruled from', object: 'ann_d2_a', note: '', created: T2 }
  // An annotation of doc_1 is related to an entity no doc_1 annotation marks: the entity travels with doc_1.
  data.relations.rel_reach = { id: 'rel_reach', subject: 'ann_cple', predicate: 'ruled from', object: 'ent_related', note: '', created: T2 }
  data.rejectedSuggestions.rej_2 = { id: 'rej_2', documentId: 'doc_2', start: 0, end: 4, exact: 'John', created: T2 }
  // doc_1's verdict on ann_1390 was checked against doc_src.
  data.annotations.ann_1390.citations[0].verification!.source!.documentId = 'doc_src'
  return { data, texts }
}

function exported(data: ProjectData, texts: Record<string, string>, documentId?: string): Ids {
  const out = exportNativeJson({ data, texts, scope: documentId ? { documentId } : {}, options: {}, exportedAt: T2 })
  const json = JSON.parse(out.files[0].content as string) as Record<string, { id: string }[]>
  return Object.fromEntries(['documents', 'annotations', 'entities', 'citations', 'relations', 'predicates', 'tags', 'rejectedSuggestions'].map((k) => [k, json[k].map((r) => r.id)]))
}

describe('what an export carries', () => {
  const { data, texts } = twoDocuments()

  it('carries the whole project in import order: documents by time then id, annotations by document, start, end, id', () => {
    const all = exported(data, texts)
    expect(all.documents).toEqual(['doc_0', 'doc_1', 'doc_2', 'doc_src'])
    expect(all.annotations.filter((id) => id.startsWith('ann_d2'))).toEqual(['ann_d2_c', 'ann_d2_0same', 'ann_d2_a', 'ann_d2_b'])
    // doc_1's annotations come first, by start then end: nested "John VII Palaiologos" spans start at 0.
    const doc1 = Object.values(data.annotations).filter((a) => a.documentId === 'doc_1')
      .sort((a, b) => a.target.start - b.target.start || a.target.end - b.target.end || (a.id < b.id ? -1 : 1)).map((a) => a.id)
    expect(all.annotations.slice(0, doc1.length)).toEqual(doc1)
    expect(all.entities).toEqual(Object.keys(data.entities).sort())
    expect(all.predicates).toEqual(['ruled from', 'same as', 'son of', 'unused'])
    expect(all.rejectedSuggestions).toEqual(['rej_1', 'rej_2'])
  })

  it('one document carries its annotations and what they reach, and nothing of the other documents', () => {
    const one = exported(data, texts, 'doc_1')
    expect(one.documents).toEqual(['doc_1', 'doc_src']) // the verdict's source travels with it
    expect(one.annotations).toEqual(exported(data, texts).annotations.filter((id) => data.annotations[id].documentId === 'doc_1'))
    expect(one.entities).toContain('ent_related') // reached through a relation of one of its annotations
    expect(one.entities).not.toContain('ent_doc2')
    expect(one.relations).toEqual(['rel_1', 'rel_2', 'rel_reach'])
    expect(one.predicates).toEqual(['ruled from', 'same as', 'son of'])
    expect(one.tags).toEqual(['dates', 'greek']) // the tags its annotations use, not doc2only
    expect(one.citations).toEqual(['cit_gibbon', 'cit_zach'])
    expect(one.rejectedSuggestions).toEqual(['rej_1'])
  })

  it('the second document carries only its own records', () => {
    const two = exported(data, texts, 'doc_2')
    expect(two.documents).toEqual(['doc_2'])
    expect(two.annotations).toEqual(['ann_d2_c', 'ann_d2_0same', 'ann_d2_a', 'ann_d2_b'])
    expect(two.entities).toEqual(['ent_doc2'])
    expect(two.relations).toEqual(['rel_doc2'])
    expect(two.predicates).toEqual(['ruled from'])
    expect(two.tags).toEqual(['doc2only'])
    expect(two.citations).toEqual([])
    expect(two.rejectedSuggestions).toEqual(['rej_2'])
  })

  it('a cited work\'s attached source travels with the citing document; a missing one is skipped', () => {
    const d = structuredClone(data)
    d.annotations.ann_d2_a.citations = [{ citationId: 'cit_gibbon' }, { citationId: 'cit_deleted' }]
    d.citations.cit_gibbon.sourceDocumentId = 'doc_0'
    const two = exported(d, texts, 'doc_2')
    expect(two.documents).toEqual(['doc_0', 'doc_2'])
    expect(two.citations).toEqual(['cit_gibbon'])
    d.citations.cit_gibbon.sourceDocumentId = 'doc_gone'
    expect(exported(d, texts, 'doc_2').documents).toEqual(['doc_2'])
  })

  it('annotations of a document the selection does not list still come last, grouped and ordered', () => {
    const anns = Object.values(data.annotations)
    const sel = selectForExport({ ...data, documents: { doc_1: data.documents.doc_1 } }, {})
    expect(sel.annotations).toHaveLength(anns.length)
    expect(sel.annotations.slice(-4).map((a) => a.id)).toEqual(['ann_d2_c', 'ann_d2_0same', 'ann_d2_a', 'ann_d2_b'])
  })

  it('refuses an unknown document, naming it', () => {
    expect(() => selectForExport(data, { documentId: 'doc_nope' })).toThrow('no document with id doc_nope')
  })
})
