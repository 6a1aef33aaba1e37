import { stringify } from 'csv-stringify/sync'
import Papa from 'papaparse'
import { unzipSync, strFromU8 } from 'fflate'
import { beforeEach, describe, expect, it } from 'vitest'
import { joinList, splitList } from '../../../../src/shared/export/csv-tables'
import { exportCsv } from '../../../../src/shared/export/csv'
import { csvRecords } from '../../../../src/shared/export/csv-write'
import type { ExportInput } from '../../../../src/shared/export/types'
import { fixtureProject } from '../../../helpers/export-fixture'

const { data, texts } = fixtureProject()
const input = (options: ExportInput['options'] = {}): ExportInput => ({ data, texts, scope: {}, options, exportedAt: '2026-11-26T12:00:00.000Z' })
const parse = (csv: string) => Papa.parse<Record<string, string>>(csv, { header: true, skipEmptyLines: true })
const file = (out: ReturnType<typeof exportCsv>, name: string) => out.files.find((f) => f.name === name)!.content as string

describe('CSV export', () => {
  // Exported before each test, not once for the file: mutation testing then knows which test runs which line.
  let out: ReturnType<typeof exportCsv>
  beforeEach(() => { out = exportCsv(input()) })

  it('writes one RFC 4180 file per table with a header row and CRLF line ends', () => {
    expect(out.files.map((f) => f.name)).toEqual(['annotations.csv', 'entities.csv', 'citations.csv', 'relations.csv', 'verifications.csv'])
    const ann = file(out, 'annotations.csv')
    expect(ann.startsWith('id,document,document_title,start,end,exact,prefix,suffix,tags,note,entity_ids,entity_labels,entity_types,authority_uris,citation_ids,locators,verdicts,')).toBe(true)
    expect(ann.endsWith('\r\n')).toBe(true)
    expect(ann.charCodeAt(0)).not.toBe(0xfeff)
  })

  it('reads back with a standard parser: text[start:end] == exact by code points, for every row', () => {
    const rows = parse(file(out, 'annotations.csv'))
    expect(rows.errors).toEqual([])
    expect(rows.data).toHaveLength(Object.keys(data.annotations).length)
    const cps = [...texts.doc_1]
    for (const r of rows.data) {
      const [start, end] = [Number(r.start), Number(r.end)]
      expect(cps.slice(start, end).join('')).toBe(r.exact)
      // The context columns are the 32 code points before and after the passage, each on its own side.
      expect(r.prefix, r.id).toBe(cps.slice(Math.max(0, start - 32), start).join(''))
      expect(r.suffix, r.id).toBe(cps.slice(end, end + 32).join(''))
    }
    const greek = rows.data.find((r) => r.id === 'ann_greek')!
    expect(greek.note).toBe('Greek form;\nsee "PLP" 21480, p. 3')
    expect(splitList(greek.tags)).toEqual(['greek', 'name, "quoted"'])
    const rule = rows.data.find((r) => r.id === 'ann_rule')!
    expect(rule.note).toBe('astral 𝔊 and 🏛 in a note, with, commas')
    expect(rule.color).toBe('#ffcc00')
    const brief = rows.data.find((r) => r.id === 'ann_brief')!
    expect(splitList(brief.citation_ids)).toEqual(['cit_gibbon', 'cit_zach'])
    expect(splitList(brief.locators)).toEqual(['ch. LXIV', ''])
    expect(splitList(brief.verdicts)).toEqual(['supported', ''])
    const john = rows.data.find((r) => r.id === 'ann_title')!
    expect(john.entity_labels).toBe('John VII Palaiologos')
    expect(john.authority_uris).toBe('http://www.wikidata.org/entity/Q312364')
  })

  it('reads verdicts\' source passages back from verifications.csv: offsets, quote and context match the source text', () => {
    const rows = parse(file(out, 'verifications.csv'))
    expect(rows.errors).toEqual([])
    const withSource = rows.data.filter((r) => r.source_document)
    expect(withSource.length).toBeGreaterThan(0)
    for (const r of withSource) {
      const cps = [...texts[r.source_document]]
      const [start, end] = [Number(r.source_start), Number(r.source_end)]
      expect(Number.isInteger(start) && Number.isInteger(end) && start < end && end <= cps.length, `${r.annotation}: [${start}, ${end})`).toBe(true)
      expect(cps.slice(start, end).join('')).toBe(r.source_exact)
      expect(r.source_prefix).toBe(cps.slice(Math.max(0, start - 32), start).join(''))
      expect(r.source_suffix).toBe(cps.slice(end, end + 32).join(''))
      // And the row's verdict is the one stored on that link.
      const link = data.annotations[r.annotation].citations.find((c) => c.citationId === r.citation)!
      expect(link.verification).toMatchObject({ status: r.status, source: { start, end } })
    }
  })

  it('carries entities, citations, relations and verdict details', () => {
    const ents = parse(file(out, 'entities.csv')).data
    expect(ents).toHaveLength(11)
    const john = ents.find((e) => e.id === 'ent_john')!
    expect(splitList(john.aliases)).toEqual(['Ἰωάννης Παλαιολόγος', 'John of Selybria'])
    expect(john.annotation_count).toBe('3')
    expect(ents.find((e) => e.id === 'ent_cple')!.lat).toBe('41.0122')
    const cits = parse(file(out, 'citations.csv')).data
    const zach = cits.find((c) => c.id === 'cit_zach')!
    expect(zach.authors).toBe('Zachariadou, Elizabeth A.')
    expect(zach.issued).toBe('1977')
    expect(JSON.parse(zach.csl_json)).toEqual(data.citations.cit_zach.item)
    const rels = parse(file(out, 'relations.csv')).data
    expect(rels.find((r) => r.id === 'rel_2')).toMatchObject({ subject_kind: 'annotation', subject_label: 'John of Selybria', predicate: 'same as' })
    const vers = parse(file(out, 'verifications.csv')).data
    expect(vers).toHaveLength(2)
    expect(vers.find((v) => v.status === 'contradicted')!.discrepancies).toBe('date: 1390 → 1391')
  })

  it('adds a BOM on request and packs a zip on request', () => {
    const withBom = exportCsv(input({ bom: true }))
    for (const f of withBom.files) expect((f.content as string).charCodeAt(0)).toBe(0xfeff)
    const zipped = exportCsv(input({ zip: true }))
    expect(zipped.files).toHaveLength(1)
    expect(zipped.files[0].name).toBe('Byzantine-test-csv.zip')
    const entries = unzipSync(zipped.files[0].content as Uint8Array)
    expect(Object.keys(entries).sort()).toEqual(['annotations.csv', 'citations.csv', 'entities.csv', 'relations.csv', 'verifications.csv'])
    expect(strFromU8(entries['annotations.csv'])).toBe(file(out, 'annotations.csv'))
  })

  it('reports what it cannot carry', () => {
    expect(out.losses.map((l) => l.what)).toEqual(expect.arrayContaining([expect.stringMatching(/^documents \(texts, structure/), 'tag colours', expect.stringMatching(/^rejected suggestions/)]))
  })

  it('writes exactly what csv-stringify writes (RFC 4180), for tricky fields and for every table', () => {
    const tricky = [['plain', '', 'a,b', 'say "hi"', 'line\nbreak', 'cr\r', '\r\n', ' edge ', '"', 'Ἰωάννης', '𝔊🏛', '=1+1', '\t', '|']]
    // csv-stringify 6.9 leaves a lone LF unquoted when record_delimiter is CRLF unless told
    // quote_record_delimiter: a file no reader splits correctly. Ours always quotes it.
    const reference = { record_delimiter: '\r\n', quote_record_delimiter: true }
    expect(csvRecords(tricky)).toBe(stringify(tricky, reference))
    for (const f of out.files) {
      const rows = Papa.parse<string[]>(f.content as string, { skipEmptyLines: true }).data
      expect(stringify(rows, reference), f.name).toBe(f.content)
    }
  })

  it('quotes a note whose only special character is a line break', () => {
    const d = structuredClone(data)
    d.annotations.ann_empty.note = 'first line\nsecond line'
    const rows = parse(file(exportCsv({ ...input(), data: d }), 'annotations.csv')).data
    expect(rows).toHaveLength(Object.keys(data.annotations).length)
    expect(rows.find((r) => r.id === 'ann_empty')!.note).toBe('first line\nsecond line')
  })

  it('joins lists so they split back exactly', () => {
    for (const xs of [['a|b', 'c\\d', ' e ', 'f | g'], ['only'], ['x', '']]) expect(splitList(joinList(xs))).toEqual(xs)
  })
})
