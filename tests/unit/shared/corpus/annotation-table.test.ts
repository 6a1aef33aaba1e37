import Papa from 'papaparse'
import { describe, expect, it } from 'vitest'
import { filterRows } from '../../../../src/shared/corpus/annotation-filter'
import { tableRows } from '../../../../src/shared/corpus/annotation-rows'
import { annotationTable, sortRows } from '../../../../src/shared/corpus/annotation-table'
import { annotationsCsv } from '../../../../src/shared/corpus/table-csv'
import { ANNOTATION_COLUMNS } from '../../../../src/shared/export/csv-tables'
import { fixtureProject } from '../../../helpers/export-fixture'

const { data } = fixtureProject()
const ids = (rows: { id: string }[]) => rows.map((r) => r.id)

describe('annotation table: one row per annotation, every column filterable and sortable', () => {
  it('a row carries the document, quote in context, tags, entities, citations with locators and verdicts, note, dates', () => {
    const row = tableRows(data).find((r) => r.id === 'ann_1390')!
    expect(row).toMatchObject({
      documentTitle: 'John VII Palaiologos', exact: '1390', verdict: 'contradicted',
      entities: [{ id: 'ent_1390', label: '1390', type: 'date' }],
      citations: [{ citationId: 'cit_zach', locator: 'pp. 339-342', status: 'contradicted', label: expect.stringContaining('Zachariadou') }],
      dates: ['1390-04~']
    })
    expect(row.prefix.endsWith('Constantinople in ')).toBe(true)
    // Two links, one supported and one unchecked: the row shows what still needs the historian.
    expect(tableRows(data).find((r) => r.id === 'ann_brief')!.verdict).toBe('unchecked')
    expect(tableRows(data).find((r) => r.id === 'ann_title')!.dates).toEqual(['1370/1408-09-22'])
  })

  it('filters by entity, entity type, tag, citation, verdict, document and text; fields combine, values are alternatives', () => {
    const rows = tableRows(data)
    expect(ids(filterRows(rows, { entityIds: ['ent_john'] }))).toEqual(['ann_title', 'ann_greek', 'ann_same1'])
    expect(ids(filterRows(rows, { entityTypes: ['place'] }))).toEqual(['ann_cple', 'ann_venice'])
    expect(ids(filterRows(rows, { verdicts: ['contradicted'] }))).toEqual(['ann_1390'])
    expect(ids(filterRows(rows, { verdicts: ['supported', 'contradicted'] }))).toEqual(['ann_brief', 'ann_1390']) // reading order
    expect(filterRows(rows, { verdicts: ['uncited'] })).toHaveLength(15)
    expect(ids(filterRows(rows, { citationIds: ['cit_gibbon'] }))).toEqual(['ann_brief'])
    expect(ids(filterRows(rows, { entityIds: ['ent_john'], tags: ['greek'] }))).toEqual(['ann_greek'])
    expect(filterRows(rows, { documentIds: ['doc_other'] })).toEqual([])
    // Text: quote, note, tags and entity labels, folded; every word, as a word or its beginning.
    expect(ids(filterRows(rows, { text: 'selybria' }))).toEqual(['ann_same1', 'ann_same2'])
    expect(ids(filterRows(rows, { text: 'ΠΑΛΑΙΟΛΟΓΟΣ' }))).toEqual(['ann_greek'])
    expect(ids(filterRows(rows, { text: 'two parag' }))).toEqual(['ann_cross'])
    expect(ids(filterRows(rows, { annotationIds: ['ann_venice', 'ann_gibbon'] }))).toEqual(['ann_venice', 'ann_gibbon'])
  })

  it('facet counts say how many rows each value would give under the rest of the filter', () => {
    const t = annotationTable(data, { filter: { entityIds: ['ent_john'], tags: ['greek'] } })
    expect(t.total).toBe(1)
    expect(t.all).toBe(17)
    const entityCount = (id: string) => t.facets.entityIds.find((f) => f.value === id)?.count
    // Entity counts under the tag `greek` only: the one Greek annotation links to John.
    expect(entityCount('ent_john')).toBe(1)
    // Tag counts under the entity John only.
    expect(t.facets.tags.map((f) => [f.value, f.count])).toEqual([['greek', 1], ['name, "quoted"', 1]])
    const all = annotationTable(data)
    expect(all.facets.entityIds.find((f) => f.value === 'ent_john')).toEqual({ value: 'ent_john', label: 'John VII Palaiologos', count: 3 })
    expect(all.facets.verdicts.map((f) => [f.value, f.count])).toEqual([['uncited', 15], ['contradicted', 1], ['supported', 1], ['unchecked', 1]])
    expect(all.facets.documentIds).toEqual([{ value: 'doc_1', label: 'John VII Palaiologos', count: 17 }])
  })

  it('sorts by any column, empty values last, ties in reading order; pages through the result', () => {
    const byVerdict = sortRows(tableRows(data), { column: 'verdict' })
    expect(ids(byVerdict.slice(0, 2))).toEqual(['ann_1390', 'ann_brief'])
    const byEntity = sortRows(tableRows(data), { column: 'entities' })
    expect(byEntity.slice(0, 2).map((r) => r.entities[0].label)).toEqual(['22 September 1408', '1390']) // numbers by value
    expect(byEntity.at(-1)!.entities).toEqual([])
    const byQuoteDown = sortRows(tableRows(data), { column: 'quote', descending: true })
    expect(byQuoteDown[0].exact).toBe('Ἰωάννης Παλαιολόγος') // Greek sorts after Latin
    const page = annotationTable(data, { sort: { column: 'position' }, offset: 2, limit: 3 })
    expect(page.rows).toHaveLength(3)
    expect(page.total).toBe(17)
    expect(ids(page.rows)).toEqual(ids(tableRows(data).slice(2, 5)))
  })

  it('exports the filtered rows as RFC 4180 CSV with the columns of the annotations export', () => {
    const rows = filterRows(tableRows(data), { entityIds: ['ent_john'] })
    const csv = annotationsCsv(data, ids(rows))
    expect(csv.endsWith('\r\n')).toBe(true)
    const parsed = Papa.parse<string[]>(csv.trimEnd(), { newline: '\r\n' })
    expect(parsed.errors).toEqual([])
    expect(parsed.data[0]).toEqual([...ANNOTATION_COLUMNS])
    expect(parsed.data.slice(1).map((r) => r[0])).toEqual(['ann_title', 'ann_greek', 'ann_same1'])
    const greek = parsed.data.find((r) => r[0] === 'ann_greek')!
    expect(greek[ANNOTATION_COLUMNS.indexOf('note')]).toBe('Greek form;\nsee "PLP" 21480, p. 3')
  })
})
