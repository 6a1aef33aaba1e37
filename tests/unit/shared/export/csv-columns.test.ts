/**
 * The CSV tables column by column: a historian opens them in a spreadsheet or reads them with
 * pandas by column name, so every header must be there as documented and every cell must hold its
 * record's field (a value under the wrong header, or an empty cell, is lost data). Offsets are code
 * points of the normalised text.
 */
import Papa from 'papaparse'
import { describe, expect, it } from 'vitest'
import { exportCsv } from '../../../../src/shared/export/csv'
import { splitList } from '../../../../src/shared/export/csv-tables'
import type { ExportInput } from '../../../../src/shared/export/types'
import type { ProjectData } from '../../../../src/shared/model'
import { fixtureProject } from '../../../helpers/export-fixture'

const AUTHORSHIP = ['created_by', 'created_by_orcid', 'modified_by', 'modified_by_orcid']
const T = '2026-11-26T10:00:00.000Z'

function tables(data: ProjectData, texts: Record<string, string>): Record<string, { header: string[]; rows: Record<string, string>[] }> {
  const input: ExportInput = { data, texts, scope: {}, options: {}, exportedAt: '2026-11-26T12:00:00.000Z' }
  const out: Record<string, { header: string[]; rows: Record<string, string>[] }> = {}
  for (const f of exportCsv(input).files) {
    const parsed = Papa.parse<Record<string, string>>(f.content as string, { header: true, skipEmptyLines: true })
    expect(parsed.errors, f.name).toEqual([])
    out[f.name] = { header: parsed.meta.fields!, rows: parsed.data }
  }
  return out
}

/** The fixture with a few more shapes of data: dates with months and ranges, editors, literal names, a relation to a deleted record, authorship. */
function richerProject() {
  const { data, texts } = fixtureProject()
  data.citations.cit_zach.item = {
    ...data.citations.cit_zach.item, issue: '2', editor: [{ literal: 'Dumbarton Oaks' }, { family: 'Mango', given: 'Cyril' }],
    publisher: 'Harvard', 'publisher-place': 'Washington', URL: 'https://doi.org/10.2307/1291412', issued: { 'date-parts': [[1977, 5, 2]] }
  }
  data.citations.cit_gibbon.item = { ...data.citations.cit_gibbon.item, issued: { 'date-parts': [[1776], [1788]] } }
  data.citations.cit_literal = { id: 'cit_literal', created: T, modified: T, item: { id: 'anon', type: 'manuscript', title: 'Chronicle', issued: { literal: 'c. 1400' } } }
  data.relations.rel_3 = { id: 'rel_3', subject: 'ent_venice', predicate: 'allied with', object: 'ent_gone', note: 'object deleted', created: T }
  const ada = { name: 'Ada Historian', orcid: '0000-0002-1825-0097' }
  data.annotations.ann_brief = { ...data.annotations.ann_brief, createdBy: ada, modifiedBy: { name: 'Ben Reviewer' } }
  const link = data.annotations.ann_1390.citations[0]
  link.verification = { ...link.verification!, byOrcid: ada.orcid, discrepancies: [{ kind: 'name', claim: 'John', source: 'Ioannes', variant: true, entityId: 'ent_john' }] }
  return { data, texts }
}

describe('CSV tables, column by column', () => {
  const { data, texts } = richerProject()

  it('names every column of every table as documented, in order', () => {
    const t = tables(data, texts)
    expect(t['annotations.csv'].header).toEqual([
      'id', 'document', 'document_title', 'start', 'end', 'exact', 'prefix', 'suffix', 'tags', 'note',
      'entity_ids', 'entity_labels', 'entity_types', 'authority_uris', 'citation_ids', 'locators', 'verdicts',
      'color', 'status', 'author', 'created', 'modified', ...AUTHORSHIP
    ])
    expect(t['entities.csv'].header).toEqual([
      'id', 'type', 'label', 'aliases', 'description', 'authority_ids', 'authority_uris', 'lat', 'lon',
      'date', 'birth', 'death', 'start', 'end', 'annotation_count', 'created', 'modified', ...AUTHORSHIP
    ])
    expect(t['citations.csv'].header).toEqual([
      'id', 'csl_id', 'type', 'title', 'authors', 'editors', 'issued', 'container_title', 'volume', 'issue', 'page',
      'publisher', 'publisher_place', 'doi', 'url', 'source_document', 'csl_json', 'created', 'modified', ...AUTHORSHIP
    ])
    expect(t['relations.csv'].header).toEqual([
      'id', 'subject', 'subject_kind', 'subject_label', 'predicate', 'object', 'object_kind', 'object_label', 'note', 'created', ...AUTHORSHIP
    ])
    expect(t['verifications.csv'].header).toEqual([
      'annotation', 'citation', 'locator', 'status', 'source_document', 'source_start', 'source_end', 'source_exact',
      'source_prefix', 'source_suffix', 'discrepancies', 'note', 'by', 'at', 'by_orcid'
    ])
  })

  it('puts each field of an annotation under its own column', () => {
    const rows = tables(data, texts)['annotations.csv'].rows
    const a = data.annotations.ann_brief
    expect(rows.find((r) => r.id === 'ann_brief')).toEqual({
      id: 'ann_brief', document: 'doc_1', document_title: 'John VII Palaiologos', start: String(a.target.start), end: String(a.target.end),
      exact: 'in 1390 & "briefly" <again> 🏛', prefix: a.target.prefix, suffix: a.target.suffix, tags: 'xml <&> chars', note: '',
      entity_ids: '', entity_labels: '', entity_types: '', authority_uris: '', citation_ids: 'cit_gibbon | cit_zach', locators: 'ch. LXIV | ',
      verdicts: 'supported | ', color: '', status: 'anchored', author: 'Ada Historian', created: T, modified: T,
      created_by: 'Ada Historian', created_by_orcid: '0000-0002-1825-0097', modified_by: 'Ben Reviewer', modified_by_orcid: ''
    })
    const siege = rows.find((r) => r.id === 'ann_siege')!
    expect([siege.entity_ids, siege.entity_labels, siege.entity_types]).toEqual(['ent_siege | ent_ott', 'Siege of Constantinople | Ottoman court', 'event | organisation'])
    const place = rows.find((r) => r.id === 'ann_cple')!
    expect(place.authority_uris).toBe('https://pleiades.stoa.org/places/520998')
    expect(rows.find((r) => r.id === 'ann_rule')!.color).toBe('#ffcc00')
  })

  it('puts each field of an entity under its own column, with the number of annotations that mark it', () => {
    const rows = tables(data, texts)['entities.csv'].rows
    expect(rows.find((r) => r.id === 'ent_john')).toEqual({
      id: 'ent_john', type: 'person', label: 'John VII Palaiologos', aliases: 'Ἰωάννης Παλαιολόγος | John of Selybria',
      description: 'Byzantine emperor, "briefly" in 1390', authority_ids: 'wikidata:Q312364', authority_uris: 'http://www.wikidata.org/entity/Q312364',
      lat: '', lon: '', date: '', birth: '1370', death: '1408-09-22', start: '', end: '', annotation_count: '3', created: T, modified: T,
      created_by: '', created_by_orcid: '', modified_by: '', modified_by_orcid: ''
    })
    expect(rows.find((r) => r.id === 'ent_cple')).toMatchObject({ lat: '41.0122', lon: '28.976', authority_ids: 'pleiades:520998', annotation_count: '1' })
    expect(rows.find((r) => r.id === 'ent_siege')).toMatchObject({ start: '1394', end: '1402', date: '', annotation_count: '1' })
    expect(rows.find((r) => r.id === 'ent_1390')).toMatchObject({ date: '1390-04~', type: 'date' })
    // An entity no annotation marks is still listed, with a count of 0.
    data.entities.ent_unused = { ...data.entities.ent_venice, id: 'ent_unused', label: 'Unused' }
    try {
      expect(tables(data, texts)['entities.csv'].rows.find((r) => r.id === 'ent_unused')!.annotation_count).toBe('0')
    } finally {
      delete data.entities.ent_unused
    }
  })

  it('puts each field of a citation under its own column, dates as EDTF-like text', () => {
    const rows = tables(data, texts)['citations.csv'].rows
    expect(rows.find((r) => r.id === 'cit_zach')).toEqual({
      id: 'cit_zach', csl_id: 'zachariadou1977', type: 'article-journal', title: 'John VII (Alias Andronicus) Palaeologus',
      authors: 'Zachariadou, Elizabeth A.', editors: 'Dumbarton Oaks | Mango, Cyril', issued: '1977-05-02', container_title: 'Dumbarton Oaks Papers',
      volume: '31', issue: '2', page: '339-342', publisher: 'Harvard', publisher_place: 'Washington', doi: '10.2307/1291412',
      url: 'https://doi.org/10.2307/1291412', source_document: '', csl_json: JSON.stringify(data.citations.cit_zach.item), created: T, modified: T,
      created_by: '', created_by_orcid: '', modified_by: '', modified_by_orcid: ''
    })
    expect(rows.find((r) => r.id === 'cit_gibbon')).toMatchObject({ issued: '1776/1788', source_document: 'doc_1', publisher: 'Strahan & Cadell', publisher_place: 'London', volume: '6' })
    expect(rows.find((r) => r.id === 'cit_literal')).toMatchObject({ issued: 'c. 1400', authors: '', editors: '', container_title: '', doi: '' })
  })

  it('says what each end of a relation is and labels it, also when the end is gone', () => {
    const rows = tables(data, texts)['relations.csv'].rows
    expect(rows.find((r) => r.id === 'rel_1')).toEqual({
      id: 'rel_1', subject: 'ent_john', subject_kind: 'entity', subject_label: 'John VII Palaiologos', predicate: 'son of',
      object: 'ent_andr', object_kind: 'entity', object_label: 'Andronikos IV', note: '', created: T,
      created_by: '', created_by_orcid: '', modified_by: '', modified_by_orcid: ''
    })
    expect(rows.find((r) => r.id === 'rel_2')).toMatchObject({ object_kind: 'annotation', object_label: 'John VII Palaiologos', note: 'alias "of Selybria"' })
    expect(rows.find((r) => r.id === 'rel_3')).toMatchObject({ subject_kind: 'entity', subject_label: 'Venice', object: 'ent_gone', object_kind: 'missing', object_label: '' })
  })

  it('writes one verification row per verdict, with the discrepancies spelled out', () => {
    const rows = tables(data, texts)['verifications.csv'].rows
    expect(rows).toHaveLength(2)
    expect(rows.find((r) => r.annotation === 'ann_1390')).toEqual({
      annotation: 'ann_1390', citation: 'cit_zach', locator: 'pp. 339-342', status: 'contradicted', source_document: 'doc_1',
      source_start: '0', source_end: '4', source_exact: 'John', source_prefix: '', source_suffix: [...texts.doc_1].slice(4, 36).join(''),
      discrepancies: 'name: John → Ioannes (variant) [ent_john]', note: 'Checked, "mostly", against vol. 6; p. 39', by: 'Ada Historian', at: T,
      by_orcid: '0000-0002-1825-0097'
    })
    expect(rows.find((r) => r.annotation === 'ann_brief')).toMatchObject({ citation: 'cit_gibbon', locator: 'ch. LXIV', status: 'supported', discrepancies: '', by_orcid: '' })
  })

  it('keeps a single value holding the list separator as one value', () => {
    const d = structuredClone(data)
    d.annotations.ann_empty.tags = ['Venice | Paris']
    d.annotations.ann_dates.tags = ['a\\b']
    const rows = tables(d, texts)['annotations.csv'].rows
    expect(splitList(rows.find((r) => r.id === 'ann_empty')!.tags)).toEqual(['Venice | Paris'])
    expect(splitList(rows.find((r) => r.id === 'ann_dates')!.tags)).toEqual(['a\\b'])
    expect(rows.find((r) => r.id === 'ann_venice')!.tags).toBe('')
  })

  it('writes each annotation exactly once when the project is larger than one batch of 2,000', () => {
    const { data: big, texts: bigTexts } = fixtureProject()
    const model = big.annotations.ann_cple
    for (let i = 0; i < 4100; i++) {
      const id = `ann_many_${String(i).padStart(4, '0')}`
      big.annotations[id] = { ...model, id }
    }
    const ids = tables(big, bigTexts)['annotations.csv'].rows.map((r) => r.id)
    expect(ids).toHaveLength(Object.keys(big.annotations).length)
    expect(new Set(ids).size).toBe(ids.length)
  })

  it('declares the media types the download is served with', () => {
    const files = exportCsv({ data, texts, scope: {}, options: {}, exportedAt: T }).files
    expect(new Set(files.map((f) => f.mediaType))).toEqual(new Set(['text/csv; charset=utf-8']))
    const zip = exportCsv({ data, texts, scope: {}, options: { zip: true }, exportedAt: T }).files[0]
    expect(zip.mediaType).toBe('application/zip')
    // Each entry in the zip is dated at the export (DOS date in its local header: bytes 12–13), so the same export gives the same bytes.
    const bytes = zip.content as Uint8Array
    const dosDate = bytes[12] | (bytes[13] << 8)
    const when = new Date(T)
    expect([(dosDate >> 9) + 1980, (dosDate >> 5) & 0xf, dosDate & 0x1f]).toEqual([when.getFullYear(), when.getMonth() + 1, when.getDate()])
  })
})
