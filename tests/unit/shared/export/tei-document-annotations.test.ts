import { beforeEach, describe, expect, it } from 'vitest'
import type { ExportOutput } from '../../../../src/shared/export/types'
import type { Verification } from '../../../../src/shared/model'
import { ann, citation, content, doc, entity, exportOf, find, project, span, T, tree, type Node } from './tei-document-kit'

// What each annotation becomes in the TEI document, element by element: the inline element's name
// (seg, ref, persName, placeName, date, rs), its attributes in order (xml:id, ana, style, resp, type,
// ref, target/corresp, dating); the standOff span of a crossing one with its pointers; and which
// annotations cannot be placed in the text (orphaned, or a target outside it) and become notes.

const TEXT = 'Manuel met Bayezid at Ankara in 1402.\nHe wrote to Venice & <Genoa> 𝔊.' // 69 code points
const RESP = '#Ada_Historian.resp'
const V: Verification = { status: 'supported', discrepancies: [], note: '', by: 'Ada', at: T }

function build(): ExportOutput {
  const d = doc('doc_a', 'Letters', TEXT, { structure: [{ kind: 'paragraph', start: 0, end: 37 }, { kind: 'paragraph', start: 38, end: 69 }] })
  const entities = [
    entity('ent_p1', 'person', 'Manuel'), entity('ent_p2', 'person', 'Bayezid', { dates: { date: '1400' } }), entity('ent_pl', 'place', 'Ankara'),
    entity('ent_ev', 'event', 'Battle'), entity('ent_org', 'organisation', 'Chancery'), entity('ent_d1', 'date', '1402', { dates: { date: '1402-07-20' } }), entity('ent_d2', 'date', 'July', { dates: { date: '1402-07' } })
  ]
  const citations = [citation('cit_a', 'A'), citation('cit_b', 'B'), citation('cit_c', 'C')]
  const on = (id: string, piece: string, more = {}) => {
    const [s, e] = span(TEXT, piece)
    return ann(id, 'doc_a', TEXT, s, e, more)
  }
  const annotations = [
    on('n_plain', 'Manuel'),
    on('n_tags', 'met', { tags: ['t1', 't2'], color: '#ff0000' }),
    on('n_ver', 'Bayezid', { tags: ['t1'], citations: [{ citationId: 'cit_a', verification: V }, { citationId: 'cit_b' }, { citationId: 'cit_c', verification: V }] }),
    on('n_ver2', 'at', { citations: [{ citationId: 'cit_b', verification: V }] }),
    // An entity id no entity has is left out (no dangling pointer); two of one kind keep the kind's name but no dating.
    on('n_two', 'Ankara', { entityIds: ['ent_missing', 'ent_p1', 'ent_p2'] }),
    on('n_mixed', 'in', { entityIds: ['ent_p1', 'ent_pl'] }),
    on('n_event', 'He', { entityIds: ['ent_ev'] }),
    on('n_date', '1402', { entityIds: ['ent_d1'] }),
    on('n_dates', 'wrote', { entityIds: ['ent_d1', 'ent_d2'] }),
    // A person with a date of its own: dated only on date elements.
    on('n_pdated', 'Venice', { entityIds: ['ent_p2'], citations: [{ citationId: 'cit_a' }] }),
    on('n_place', 'Genoa', { entityIds: ['ent_pl'] }),
    on('n_org', 'to', { entityIds: ['ent_org'] }),
    // Crossing the paragraph boundary (code point 37/38): spans in the standOff.
    ann('x_none', 'doc_a', TEXT, 29, 41),
    ann('x_ref', 'doc_a', TEXT, 30, 42, { entityIds: ['ent_pl'], tags: ['t2'], color: 'red' }),
    ann('x_cite', 'doc_a', TEXT, 31, 43, { citations: [{ citationId: 'cit_b' }] }),
    ann('x_both', 'doc_a', TEXT, 32, 44, { entityIds: ['ent_ev', 'ent_p1'], citations: [{ citationId: 'cit_a' }, { citationId: 'cit_b', verification: V }] }),
    ann('x_empty', 'doc_a', TEXT, 5, 5),
    // Cannot be placed: before the text, reversed, past its end, orphaned.
    ann('o_neg', 'doc_a', TEXT, -1, 3),
    ann('o_rev', 'doc_a', TEXT, 6, 4),
    ann('o_long', 'doc_a', TEXT, 60, 70),
    ann('o_orph', 'doc_a', TEXT, 0, 3, { status: 'orphaned' }),
    // Ends exactly at the text's end; moved (placed where it is now, and reported).
    ann('n_last', 'doc_a', TEXT, 67, 69, { status: 'moved' })
  ]
  return exportOf(project({ documents: [d], annotations, entities, citations }), { doc_a: TEXT })
}

describe('TEI document annotations', () => {
  let out: ExportOutput, root: Node
  beforeEach(() => {
    out = build()
    root = tree(content(out))
  })

  it('writes each annotation that nests as the element its entities, citations and tags call for, attributes in order', () => {
    expect(find(root, 'body')).toEqual(['body',
      ['p',
        ['seg', { 'xml:id': 'n_plain', resp: RESP, type: 'annotation' }, 'Manue', ['anchor', { 'xml:id': 'x_empty.at' }], 'l'], ' ',
        ['seg', { 'xml:id': 'n_tags', ana: '#t1.tag #t2.tag', style: 'background-color:#ff0000', resp: RESP, type: 'annotation' }, 'met'], ' ',
        ['ref', { 'xml:id': 'n_ver', ana: '#t1.tag #n_ver.v0 #n_ver.v2', resp: RESP, type: 'citation', target: '#cit_a #cit_b #cit_c' }, 'Bayezid'], ' ',
        ['ref', { 'xml:id': 'n_ver2', ana: '#n_ver2.v0', resp: RESP, type: 'citation', target: '#cit_b' }, 'at'], ' ',
        ['persName', { 'xml:id': 'n_two', resp: RESP, ref: '#ent_p1 #ent_p2' }, 'Ankara'], ' ',
        ['anchor', { 'xml:id': 'x_none.start' }],
        ['rs', { 'xml:id': 'n_mixed', resp: RESP, type: 'mixed', ref: '#ent_p1 #ent_pl' }, 'i', ['anchor', { 'xml:id': 'x_ref.start' }], 'n'],
        ['anchor', { 'xml:id': 'x_cite.start' }], ' ', ['anchor', { 'xml:id': 'x_both.start' }],
        ['date', { 'xml:id': 'n_date', resp: RESP, ref: '#ent_d1', when: '1402-07-20' }, '1402'], '.'],
      ['p',
        ['rs', { 'xml:id': 'n_event', resp: RESP, type: 'event', ref: '#ent_ev' }, 'He'], ' ',
        ['anchor', { 'xml:id': 'x_none.end' }],
        ['date', { 'xml:id': 'n_dates', resp: RESP, ref: '#ent_d1 #ent_d2' },
          'w', ['anchor', { 'xml:id': 'x_ref.end' }], 'r', ['anchor', { 'xml:id': 'x_cite.end' }], 'o', ['anchor', { 'xml:id': 'x_both.end' }], 'te'],
        ' ', ['orgName', { 'xml:id': 'n_org', resp: RESP, ref: '#ent_org' }, 'to'], ' ',
        ['persName', { 'xml:id': 'n_pdated', resp: RESP, ref: '#ent_p2', corresp: '#cit_a' }, 'Venice'], ' & <',
        ['placeName', { 'xml:id': 'n_place', resp: RESP, ref: '#ent_pl' }, 'Genoa'], '> ',
        ['seg', { 'xml:id': 'n_last', resp: RESP, type: 'annotation' }, '𝔊.']]])
  })

  it('writes the attributes of inline elements exactly as text, with no empty attribute name', () => {
    const xml = content(out)
    expect(xml).toContain('<ref xml:id="n_ver" ana="#t1.tag #n_ver.v0 #n_ver.v2" resp="#Ada_Historian.resp" type="citation" target="#cit_a #cit_b #cit_c">Bayezid</ref>')
    expect(xml).toContain('<persName xml:id="n_pdated" resp="#Ada_Historian.resp" ref="#ent_p2" corresp="#cit_a">Venice</persName>')
    expect(xml).toContain('<date xml:id="n_date" resp="#Ada_Historian.resp" ref="#ent_d1" when="1402-07-20">1402</date>')
    expect(xml).not.toMatch(/ ="/)
  })

  it('writes each crossing annotation as a span between its anchors, its entities then citations in @corresp', () => {
    expect(find(root, 'spanGrp')).toEqual(['spanGrp', { type: 'crossing-annotations' },
      ['span', { 'xml:id': 'x_empty', resp: RESP, type: 'seg', subtype: 'annotation', from: '#x_empty.at', to: '#x_empty.at' }],
      ['span', { 'xml:id': 'x_none', resp: RESP, type: 'seg', subtype: 'annotation', from: '#x_none.start', to: '#x_none.end' }, 'in 1402.\nHe '],
      ['span', { 'xml:id': 'x_ref', ana: '#t2.tag', style: 'background-color:red', resp: RESP, type: 'placeName', corresp: '#ent_pl', from: '#x_ref.start', to: '#x_ref.end' }, 'n 1402.\nHe w'],
      ['span', { 'xml:id': 'x_cite', resp: RESP, type: 'ref', subtype: 'citation', corresp: '#cit_b', from: '#x_cite.start', to: '#x_cite.end' }, ' 1402.\nHe wr'],
      ['span', { 'xml:id': 'x_both', ana: '#x_both.v1', resp: RESP, type: 'rs', subtype: 'mixed', corresp: '#ent_ev #ent_p1 #cit_a #cit_b', from: '#x_both.start', to: '#x_both.end' }, '1402.\nHe wro']])
    expect(content(out)).toContain('<span xml:id="x_empty" resp="#Ada_Historian.resp" type="seg" subtype="annotation" from="#x_empty.at" to="#x_empty.at"></span>')
  })

  it('keeps annotations it cannot place (orphaned, before the text, reversed, past its end) as notes with their quote', () => {
    expect(find(root, 'listAnnotation')).toEqual(['listAnnotation', { type: 'notes' },
      ['note', { 'xml:id': 'o_neg', type: 'orphaned-annotation', resp: RESP }, ['quote', 'Man']],
      ['note', { 'xml:id': 'o_orph', type: 'orphaned-annotation', resp: RESP }, ['quote', 'Man']],
      ['note', { 'xml:id': 'o_rev', type: 'orphaned-annotation', resp: RESP }, ['quote']],
      ['note', { 'xml:id': 'o_long', type: 'orphaned-annotation', resp: RESP }, ['quote', 'Genoa> 𝔊.']]])
  })

  it('reports the moved annotation and the verdicts\' author, and names each author once', () => {
    expect(out.losses).toContainEqual({ what: 'anchoring status "moved" (the passage is marked where it is now)', count: 1, fields: ['annotations.status'] })
    expect(find(root, 'titleStmt')).toEqual(['titleStmt', ['title', 'Letters'],
      ['respStmt', { 'xml:id': 'Ada_Historian.resp' }, ['resp', 'annotation'], ['name', 'Ada Historian']],
      ['respStmt', { 'xml:id': 'Ada.resp' }, ['resp', 'annotation'], ['name', 'Ada']]])
  })
})
