import { describe, expect, it } from 'vitest'
import { annotationRow, citationRow, dateText, entityRow, joinList, nameText, splitList, verificationRows } from '../../../../src/shared/export/csv-tables'
import { canonicalise, exportNativeJson } from '../../../../src/shared/export/native-json'
import { fixtureProject, makeAnnotation } from '../../../helpers/export-fixture'
import { CodePointIndex } from '../../../../src/shared/text/code-points'

// CSV cells a spreadsheet user reads, for records with parts missing; list cells that split back.

describe('CSV cells', () => {
  it('splits list cells back exactly, also at their edges', () => {
    expect(splitList('')).toEqual([])
    expect(splitList('a\\')).toEqual(['a\\'])
    expect(splitList('a| b')).toEqual(['a| b'])
    expect(splitList('a |b')).toEqual(['a |b'])
    expect(splitList('a | b')).toEqual(['a', 'b'])
    for (const values of [[], ['\\|'], ['\\'], ['|'], ['a | b'], ['x', ''], ['ends with \\', 'b']]) expect(splitList(joinList(values)), JSON.stringify(values)).toEqual(values)
  })

  it('leaves cells empty for what a record does not have: a gone document or entity, dates, names, a verdict without passage', () => {
    const { data } = fixtureProject()
    const index = new CodePointIndex('abcdef')
    const a = makeAnnotation('ann_x', 'doc_gone', index, 0, 3, { entityIds: ['ent_gone', 'ent_john'] })
    const row = annotationRow(a, data)
    expect(row.slice(0, 3)).toEqual(['ann_x', 'doc_gone', ''])
    expect(row.slice(10, 14)).toEqual(['ent_gone | ent_john', ' | John VII Palaiologos', ' | person', 'http://www.wikidata.org/entity/Q312364'])
    const venice = entityRow(data.entities.ent_venice, 0)
    expect(venice.slice(7, 14)).toEqual(['', '', '', '', '', '', ''])
    expect(entityRow(data.entities.ent_john, 2).slice(10, 12)).toEqual(['1370', '1408-09-22'])
    expect(nameText({ family: 'Gibbon' })).toBe('Gibbon')
    expect(nameText({ given: 'Edward' })).toBe('Edward')
    expect(dateText(undefined)).toBe('')
    expect(dateText({})).toBe('')
    expect(dateText({ 'date-parts': [], literal: 'n.d.' })).toBe('n.d.')
    expect(dateText({ raw: 'spring 1391' })).toBe('spring 1391')
    const bare = citationRow({ id: 'cit_b', item: { id: 'b', type: 'book', title: 'T', volume: null as never }, created: 'c', modified: 'm' })
    expect(bare.slice(0, 16)).toEqual(['cit_b', 'b', 'book', 'T', '', '', '', '', '', '', '', '', '', '', '', ''])
    const verdict = { status: 'supported' as const, discrepancies: [], note: 'n', by: 'h', at: 't' }
    expect(verificationRows({ ...a, citations: [{ citationId: 'cit_zach', verification: verdict }] })).toEqual([['ann_x', 'cit_zach', '', 'supported', '', '', '', '', '', '', '', 'n', 'h', 't', '']])
  })
})

describe('native JSON details', () => {
  it('writes each annotation once when a project is larger than one batch of 2,000', () => {
    const { data, texts } = fixtureProject()
    const index = new CodePointIndex(texts.doc_1)
    for (let i = 0; i < 2100; i++) data.annotations[`ann_n${i}`] = makeAnnotation(`ann_n${i}`, 'doc_1', index, i % 50, (i % 50) + 3)
    const json = JSON.parse(exportNativeJson({ data, texts, scope: {}, options: {}, exportedAt: '' }).files[0].content as string)
    expect(json.annotations).toHaveLength(Object.keys(data.annotations).length)
    expect(new Set(json.annotations.map((a: { id: string }) => a.id)).size).toBe(json.annotations.length)
  })

  it('keeps null values and orders keys inside lists of objects', () => {
    expect(JSON.stringify(canonicalise({ b: null, id: 'x', a: [null, { z: 1, id: 'y', c: null }] }))).toBe('{"id":"x","a":[null,{"id":"y","c":null,"z":1}],"b":null}')
  })
})
