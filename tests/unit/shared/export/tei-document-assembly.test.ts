import { describe, expect, it } from 'vitest'
import { ann, citation, content, doc, entity, exportOf, find, project, T, tree, type Node } from './tei-document-kit'

// How the TEI export assembles a project: one file per document in the project's document order,
// each named from its title (with the document id when two titles agree, `document` when a title has
// no letters), the chosen document only for a document's export, progress in annotations, and the
// losses reported, each exactly and only when there is something lost.

const A = 'Alpha beta gamma delta epsilon.' // 31 code points
const B = 'Zeta\u0001eta theta.' // one character XML 1.0 cannot hold

/** Four documents (two with one title, two with no letters in theirs), annotations, relations and citations that lose something each. */
function full() {
  const da = doc('doc_a', 'Same title', A, {
    created: '2026-01-01T00:00:00.000Z',
    // Pages and lines listed out of order: read in order, the pages end where the next begins; the last line ends before the text does.
    structure: [
      { kind: 'paragraph', start: 0, end: 31 }, { kind: 'page', start: 20, end: 31, label: '3' }, { kind: 'page', start: 0, end: 10, label: '1' },
      { kind: 'page', start: 10, end: 20, label: '2' }, { kind: 'line', start: 6, end: 11, label: 'b' }, { kind: 'line', start: 0, end: 6, label: 'a' }
    ]
  })
  const db = doc('doc_b', 'Same title', B, { created: '2026-01-02T00:00:00.000Z' })
  const dc = doc('doc_c', '', B, { created: '2026-01-03T00:00:00.000Z' })
  const dd = doc('doc_d', '¿?!', B, { created: '2026-01-04T00:00:00.000Z' })
  const annotations = [
    // Modified by its annotator (no createdBy): nothing lost.
    ann('a1', 'doc_a', A, 0, 5, { status: 'moved', modifiedBy: { name: 'Ada Historian' } }),
    ann('a2', 'doc_a', A, 6, 10, { modifiedBy: { name: 'Bob' } }),
    // A creator and no annotator name: nothing lost.
    ann('a3', 'doc_a', A, 11, 16, { createdBy: { name: 'Cy' }, author: '' }),
    ann('b1', 'doc_b', B, 0, 4, { createdBy: { name: 'Cy' }, author: 'Dee' }),
    // Its creator is its annotator: nothing lost.
    ann('b2', 'doc_b', B, 5, 8, { status: 'moved', createdBy: { name: 'Ada Historian' } })
  ]
  const relations = {
    rel_x: { id: 'rel_x', subject: 'a1', predicate: 'same as', object: 'b1', note: '', created: T },
    rel_l: { id: 'rel_l', subject: 'a1', predicate: 'same as', object: 'a2', note: '', created: T }
  }
  const data = project({
    documents: [dd, dc, db, da], annotations, relations, entities: [entity('ent_1', 'person', 'P')],
    citations: [citation('cit_a', 'A', { createdBy: { name: 'Cy' } }), citation('cit_b', 'B')],
    predicates: { 'same as': { id: 'same as', builtin: true } } as never
  })
  return { data, texts: { doc_a: A, doc_b: B, doc_c: B, doc_d: B } }
}

const idno = (root: Node) => (find(find(root, 'sourceDesc')!, 'idno') as Node[])[2]

describe('TEI document assembly', () => {
  it('writes one TEI file per document, in document order, named from the title, with the id when titles agree', () => {
    const { data, texts } = full()
    const out = exportOf(data, texts)
    expect(out.files.map((f) => [f.name, f.mediaType])).toEqual([
      ['Same-title.tei.xml', 'application/tei+xml'],
      ['Same-title-doc-b.tei.xml', 'application/tei+xml'],
      ['document.tei.xml', 'application/tei+xml'],
      ['document-doc-d.tei.xml', 'application/tei+xml']
    ])
    expect(out.files.map((_, i) => idno(tree(content(out, i))))).toEqual(['doc_a', 'doc_b', 'doc_c', 'doc_d'])
    for (let i = 0; i < 4; i++) {
      expect(content(out, i).startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<TEI xmlns="http://www.tei-c.org/ns/1.0">\n<teiHeader>\n'), `file ${i}`).toBe(true)
      expect(content(out, i), `file ${i}`).toContain('</teiHeader>\n<text>\n<body>\n')
      expect(content(out, i), `file ${i}`).toContain('</body>\n</text>\n<standOff>\n')
      expect(content(out, i).endsWith('</standOff>\n</TEI>\n'), `file ${i}`).toBe(true)
    }
    // The text XML cannot hold is replaced, in every file that has it.
    expect(find(tree(content(out, 2)), 'body')).toEqual(['body', ['p', 'Zeta\uFFFDeta theta.']])
  })

  it('reports progress in annotations: half a document\'s annotations once its body is built, all of them once its file is', () => {
    const { data, texts } = full()
    const calls: [number, number][] = []
    exportOf(data, texts, undefined, (done, total) => calls.push([done, total]))
    expect(calls).toEqual([[1, 5], [3, 5], [4, 5], [5, 5], [5, 5], [5, 5], [5, 5], [5, 5]])
  })

  it('reports each loss with its count and fields, in order', () => {
    const { data, texts } = full()
    expect(exportOf(data, texts).losses).toEqual([
      { what: 'annotation creation and modification times', count: 5, fields: ['annotations.created', 'annotations.modified'] },
      { what: 'anchoring status "moved" (the passage is marked where it is now)', count: 2, fields: ['annotations.status'] },
      { what: 'relations between records of different documents', count: 1, fields: ['relations'] },
      { what: 'characters XML 1.0 cannot hold (replaced by U+FFFD)', count: 3 },
      { what: 'where page and line spans end, when not where the next begins (<pb/> and <lb/> mark beginnings)', count: 1, fields: ['documents.structure.end'] },
      { what: 'document record times and text file names', count: 4, fields: ['documents.created', 'documents.modified', 'documents.textFile'] },
      { what: 'times bibliography items were added and edited', count: 2, fields: ['citations.created', 'citations.modified'] },
      { what: 'times relations were made', count: 2, fields: ['relations.created'] },
      { what: 'the predicate vocabulary (each relation carries its predicate)', count: 1, fields: ['predicates.builtin'] },
      { what: 'who last changed an annotation, when not its creator (@resp names the creator)', count: 1, fields: ['annotations.modifiedBy.name', 'annotations.modifiedBy.orcid'] },
      { what: 'the annotator\'s name, when not the creator\'s (@resp names the creator)', count: 1, fields: ['annotations.author'] },
      {
        what: 'who made and last changed bibliography items and relations', count: 1,
        fields: ['citations.createdBy.name', 'citations.createdBy.orcid', 'citations.modifiedBy.name', 'citations.modifiedBy.orcid',
          'relations.createdBy.name', 'relations.createdBy.orcid', 'relations.modifiedBy.name', 'relations.modifiedBy.orcid']
      }
    ])
  })

  it('counts a relation or citation with only a last modifier, or only a maker, as authored', () => {
    const { data, texts } = full()
    data.citations.cit_a = citation('cit_a', 'A')
    data.relations.rel_l = { ...data.relations.rel_l, modifiedBy: { name: 'Eve' } }
    expect(exportOf(data, texts).losses.find((l) => l.what.startsWith('who made'))?.count).toBe(1)
  })

  it('reports only what is lost: one plain document loses its record times alone, an empty project nothing', () => {
    const d = doc('doc_a', 'Plain', A)
    expect(exportOf(project({ documents: [d] }), { doc_a: A }).losses).toEqual([
      { what: 'document record times and text file names', count: 1, fields: ['documents.created', 'documents.modified', 'documents.textFile'] }
    ])
    const none = exportOf(project({ documents: [] }), {})
    expect(none.files).toEqual([])
    expect(none.losses).toEqual([])
  })

  it('marks pages and lines in text order however they are listed, and counts only the span ends it cannot show', () => {
    const { data, texts } = full()
    const out = exportOf(data, texts)
    expect(find(tree(content(out)), 'body')).toEqual(['body', ['p',
      ['pb', { n: '1' }], ['lb', { n: 'a' }], ['seg', { 'xml:id': 'a1', resp: '#Ada_Historian.resp', type: 'annotation' }, 'Alpha'], ' ',
      ['lb', { n: 'b' }], ['seg', { 'xml:id': 'a2', resp: '#Ada_Historian.resp', type: 'annotation' }, 'beta'], ['pb', { n: '2' }], ' ',
      ['seg', { 'xml:id': 'a3', resp: '#Cy.resp', type: 'annotation' }, 'gamma'], ' del', ['pb', { n: '3' }], 'ta epsilon.']])
    // Lines that run to the text's end lose nothing either.
    data.documents.doc_a.structure[4] = { kind: 'line', start: 6, end: 31, label: 'b' }
    expect(exportOf(data, texts).losses.some((l) => l.fields?.includes('documents.structure.end'))).toBe(false)
  })

  it('writes only the chosen document for a document\'s export, not the source documents its citations reach', () => {
    const { data, texts } = full()
    data.citations.cit_b = citation('cit_b', 'B', { sourceDocumentId: 'doc_a' })
    data.annotations.b2 = { ...data.annotations.b2, citations: [{ citationId: 'cit_b' }] }
    const out = exportOf(data, texts, 'doc_b')
    expect(out.files.map((f) => f.name)).toEqual(['Same-title.tei.xml'])
    expect(idno(tree(content(out)))).toBe('doc_b')
  })

  it('refuses a document whose text was not given, naming it', () => {
    const { data, texts } = full()
    expect(() => exportOf(data, { ...texts, doc_b: undefined as never })).toThrow(new Error('text of document doc_b was not provided to the exporter'))
  })
})
