import { describe, expect, it } from 'vitest'
import { anchorW3cAnnotations, parseW3cAnnotations } from '../../../../src/shared/import/w3c-annotations'
import { materialiseW3cImport } from '../../../../src/shared/import/w3c-materialise'
import type { ProjectData } from '../../../../src/shared/model'
import { CodePointIndex } from '../../../../src/shared/text/code-points'

const TEXT = 'John VII Palaiologos was Byzantine Emperor for five months in 1390. John VII ousted John V.'
const T = '2026-11-26T10:00:00.000Z'

function emptyProject(): ProjectData {
  return {
    schemaVersion: 1, project: { id: 'urn:uuid:fresh', name: 'Fresh', created: T },
    documents: {
      doc_1: { id: 'doc_1', title: 'John VII', format: 'text', role: 'text', sha256: 'b'.repeat(64), fileName: 'j.txt', length: [...TEXT].length, structure: [], metadata: { categories: [] }, created: T, modified: T }
    },
    annotations: {}, entities: {}, citations: {}, relations: {}, predicates: {}, tags: {}, rejectedSuggestions: {}
  }
}

function importJson(json: unknown, data = emptyProject()) {
  const parsed = parseW3cAnnotations(json)
  const anchored = anchorW3cAnnotations(new CodePointIndex(TEXT), parsed.annotations)
  let n = 0
  return materialiseW3cImport(data, [{ documentId: 'doc_1', anchored }], { newId: (p) => `${p}_${String(++n).padStart(4, '0')}`, now: T, author: 'Importer' }, parsed.problems)
}

/** A Recogito-style annotation (quote + position, comment, tag, Wikidata link). */
const recogito = {
  '@context': 'http://www.w3.org/ns/anno.jsonld', id: 'https://recogito.example/anno/1', type: 'Annotation',
  creator: { type: 'Person', name: 'Rainer' }, created: '2024-05-01T09:00:00Z',
  body: [
    { type: 'TextualBody', value: 'first reign', purpose: 'commenting' },
    { type: 'TextualBody', value: 'emperor', purpose: 'tagging' },
    { type: 'SpecificResource', purpose: 'identifying', source: 'http://www.wikidata.org/entity/Q312364' }
  ],
  target: { source: 'https://example.org/john-vii', selector: [
    { type: 'TextQuoteSelector', exact: 'five months in 1390', prefix: 'Byzantine Emperor for ', suffix: '. John VII' },
    { type: 'TextPositionSelector', start: 47, end: 66 }
  ] }
}

describe('W3C annotation import', () => {
  it('reads a single annotation with its bodies and anchors it', () => {
    const { annotations, entities, report } = importJson(recogito)
    expect(report).toMatchObject({ imported: 1, anchored: 1, orphaned: 0, createdEntities: 1 })
    const a = annotations[0]
    expect(a.target).toMatchObject({ start: 47, end: 66, exact: 'five months in 1390' })
    expect(a).toMatchObject({ note: 'first reign', tags: ['emperor'], author: 'Rainer', created: '2024-05-01T09:00:00Z', status: 'anchored' })
    expect(entities[0]).toMatchObject({ label: 'five months in 1390', type: 'concept', authorities: [{ scheme: 'wikidata', id: 'Q312364' }] })
    expect(a.entityIds).toEqual([entities[0].id])
  })

  it('accepts an array, an AnnotationPage and a collection with an embedded page', () => {
    const page = { '@context': 'http://www.w3.org/ns/anno.jsonld', id: 'urn:x:p', type: 'AnnotationPage', items: [recogito, recogito] }
    expect(importJson([recogito, recogito]).report.imported).toBe(2)
    expect(importJson(page).report.imported).toBe(2)
    expect(importJson({ id: 'urn:x:c', type: 'AnnotationCollection', total: 2, first: page }).report.imported).toBe(2)
  })

  it('says so when pages are in other files', () => {
    const r1 = importJson({ id: 'urn:x:c', type: 'AnnotationCollection', total: 2, first: 'urn:x:p1' }).report
    expect(r1.imported).toBe(0)
    expect(r1.problems[0]).toMatch(/separate files/)
    const r2 = importJson({ type: 'AnnotationPage', items: [recogito], next: 'urn:x:p2' }).report
    expect(r2.imported).toBe(1)
    expect(r2.problems[0]).toMatch(/next page: urn:x:p2/)
  })

  it('reads Hypothesis API rows (note in text, tags, UTF-16 positions)', () => {
    const rows = {
      total: 1, rows: [{
        id: 'hyp1', user: 'acct:mark@localhost', text: 'Body', tags: ['t1'], uri: 'https://x', created: '2016-12-16T11:23:56.096030+00:00', updated: '2016-12-16T11:23:56.096030+00:00',
        target: [{ source: 'https://x', selector: [
          { type: 'RangeSelector', startContainer: '/div[1]', endContainer: '/div[1]', startOffset: 0, endOffset: 8 },
          { type: 'TextPositionSelector', start: 0, end: 8 },
          { type: 'TextQuoteSelector', exact: 'John VII', prefix: '', suffix: ' Palaiologos was Byzantine Empe' }
        ] }]
      }]
    }
    const { annotations, report } = importJson(rows)
    expect(report).toMatchObject({ imported: 1, anchored: 1 })
    expect(annotations[0]).toMatchObject({ note: 'Body', tags: ['t1'], author: 'mark@localhost', target: { start: 0, end: 8 } })
  })

  it('stores orphans with their reason and drops nothing', () => {
    const missing = { ...recogito, target: { selector: { type: 'TextQuoteSelector', exact: 'the Council of Florence' } } }
    const twice = { ...recogito, target: { selector: { type: 'TextQuoteSelector', exact: 'John VII' } } }
    const noSelector = { ...recogito, target: 'https://example.org/john-vii' }
    const { annotations, report } = importJson([recogito, missing, twice, noSelector])
    expect(annotations).toHaveLength(4)
    expect(report).toMatchObject({ imported: 4, anchored: 1, orphaned: 3 })
    expect(report.orphans.map((o) => [o.index, o.reason])).toEqual([
      [1, 'the quote is not in this document'],
      [2, 'the quote occurs several times and nothing tells which one is meant'],
      [3, 'the target has no TextQuoteSelector or TextPositionSelector']
    ])
    expect(annotations[1]).toMatchObject({ status: 'orphaned', target: { exact: 'the Council of Florence' }, note: 'first reign' })
    // Orphans keep offsets inside the text.
    for (const a of annotations) expect(a.target.end).toBeLessThanOrEqual([...TEXT].length)
  })

  it('follows a quote whose position is stale', () => {
    const moved = { ...recogito, target: { selector: [{ type: 'TextQuoteSelector', exact: 'ousted John V', prefix: 'John VII ', suffix: '.' }, { type: 'TextPositionSelector', start: 3, end: 16 }] } }
    const { annotations } = importJson(moved)
    expect(annotations[0]).toMatchObject({ status: 'moved', target: { exact: 'ousted John V' } })
  })

  it('places a position-only selector where it says, as moved (unverified), and orphans one outside the text', () => {
    const inside = { ...recogito, target: { selector: { type: 'TextPositionSelector', start: 0, end: 8 } } }
    const outside = { ...recogito, target: { selector: { type: 'TextPositionSelector', start: 500, end: 510 } } }
    const { annotations, report } = importJson([inside, outside])
    expect(annotations[0]).toMatchObject({ status: 'moved', target: { start: 0, end: 8, exact: 'John VII' } })
    expect(annotations[1].status).toBe('orphaned')
    expect(report).toMatchObject({ moved: 1, orphaned: 1 })
  })

  it('keeps bodies it does not understand in the note and counts them', () => {
    const odd = { ...recogito, body: [{ type: 'Choice', items: [{ type: 'TextualBody', value: 'a' }] }] }
    const { annotations, report } = importJson(odd)
    expect(report.unsupportedBodies).toBe(1)
    expect(annotations[0].note).toContain('[W3C body not understood]')
  })

  it('reuses entities and citations of the project instead of duplicating them', () => {
    const data = emptyProject()
    data.entities.ent_j = { id: 'ent_j', type: 'person', label: 'John VII', aliases: [], description: '', dates: {}, created: T, modified: T,
      authorities: [{ scheme: 'wikidata', id: 'Q312364', uri: 'http://www.wikidata.org/entity/Q312364' }] }
    const { annotations, entities, report } = importJson(recogito, data)
    expect(entities).toEqual([])
    expect(report.createdEntities).toBe(0)
    expect(annotations[0].entityIds).toEqual(['ent_j'])
  })

  it('reports a file that holds no annotations', () => {
    expect(importJson({ hello: 'world' }).report.problems[0]).toMatch(/no annotations found/)
    expect(importJson('text').report.problems[0]).toMatch(/not a JSON object/)
  })
})
