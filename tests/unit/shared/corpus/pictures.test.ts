import { describe, expect, it } from 'vitest'
import { mapData } from '../../../../src/shared/corpus/map-data'
import { network } from '../../../../src/shared/corpus/network'
import { statistics } from '../../../../src/shared/corpus/statistics'
import { edtfBounds, timeline } from '../../../../src/shared/corpus/timeline'
import type { ProjectData } from '../../../../src/shared/model'
import { fixtureProject } from '../../../helpers/export-fixture'

const { data } = fixtureProject()
const utc = (iso: string) => Date.parse(iso)

function withEntities(extra: Record<string, Partial<ProjectData['entities'][string]>>): ProjectData {
  const copy = structuredClone(data)
  for (const [id, fields] of Object.entries(extra)) {
    copy.entities[id] = { id, type: 'event', label: id, aliases: [], description: '', authorities: [], dates: {}, created: '', modified: '', ...fields }
  }
  return copy
}

describe('timeline data', () => {
  it('reads EDTF into intervals: days, approximate and uncertain dates, open and unknown ends', () => {
    expect(edtfBounds('1408-09-22')).toMatchObject({ start: { at: utc('1408-09-22T00:00:00Z') }, end: { at: utc('1408-09-22T23:59:59.999Z') } })
    expect(edtfBounds('1400~').start).toMatchObject({ approximate: true, uncertain: false })
    expect(edtfBounds('1390?').end).toMatchObject({ approximate: false, uncertain: true })
    expect(edtfBounds('1403/..').end).toEqual({ at: null, open: true, unknown: false, approximate: false, uncertain: false })
    expect(edtfBounds('1403/').end).toMatchObject({ at: null, open: false, unknown: true })
    expect(edtfBounds('../1408').start).toMatchObject({ at: null, open: true })
    expect(edtfBounds('-0329').start.at).toBe(utc('-000329-01-01T00:00:00Z')) // 330 BC
    expect(() => edtfBounds('April 1390')).toThrow()
  })

  it('lists dated entities with the passages behind them, and the annotations that state a date', () => {
    const t = timeline(data)
    const john = t.items.find((i) => i.id === 'ent_john:life')!
    expect(john).toMatchObject({ kind: 'entity', field: 'life', edtf: '1370/1408-09-22', text: '1370 – 22 September 1408' })
    expect(john.start.at).toBe(utc('1370-01-01T00:00:00Z'))
    expect(john.end.at).toBe(utc('1408-09-22T23:59:59.999Z'))
    expect(john.annotationIds).toEqual(['ann_title', 'ann_greek', 'ann_same1'])
    expect(t.items.find((i) => i.id === 'ent_1390:date')!.start.approximate).toBe(true)
    expect(t.items.find((i) => i.id === 'ent_siege:span')).toMatchObject({ edtf: '1394/1402', annotationIds: ['ann_siege'] })
    expect(t.items.filter((i) => i.kind === 'annotation').map((i) => [i.id, i.label])).toEqual([['ann_1390:ent_1390', '1390'], ['ann_1408:ent_1408', '22 September 1408']])
    expect(t.min).toBe(utc('1370-01-01T00:00:00Z'))
    expect(t.items.map((i) => i.start.at ?? 0)).toEqual([...t.items.map((i) => i.start.at ?? 0)].sort((a, b) => a - b))
  })

  it('keeps open intervals open, lists invalid dates, and follows the filter', () => {
    const t = timeline(withEntities({ ent_open: { dates: { start: '1403', end: '..' } }, ent_bad: { dates: { date: 'spring 1390' } } }))
    expect(t.items.find((i) => i.id === 'ent_open:span')!.end).toMatchObject({ open: true, at: null })
    expect(t.invalid).toEqual([{ entityId: 'ent_bad', label: 'ent_bad', edtf: 'spring 1390' }])
    const greek = timeline(data, { tags: ['greek'] })
    expect(greek.items.map((i) => [i.id, i.annotationIds])).toEqual([['ent_john:life', ['ann_greek']]])
  })
})

describe('map data', () => {
  it('places with coordinates sized by mentions; places without coordinates listed as such', () => {
    const m = mapData(withEntities({ ent_bad: { type: 'place', label: 'Nowhere', coordinates: { lat: 123, lon: 0 } } }))
    expect(m.places).toEqual([{ entityId: 'ent_cple', label: 'Constantinople', lat: 41.0122, lon: 28.976, mentions: 1, documents: 1, annotationIds: ['ann_cple'] }])
    expect(m.withoutCoordinates.map((p) => [p.entityId, p.reason, p.mentions])).toEqual([['ent_venice', 'none', 1], ['ent_bad', 'invalid', 0]])
    expect(mapData(data, { entityTypes: ['person'] })).toEqual({ places: [], withoutCoordinates: [] })
  })
})

describe('network data', () => {
  it('links entities mentioned in one paragraph, weighs nodes by mentions, draws relations as labelled edges', () => {
    const n = network(data)
    expect(n.nodes.find((x) => x.id === 'ent_john')).toMatchObject({ mentions: 3, type: 'person' })
    const co = (a: string, b: string) => n.edges.find((e) => e.kind === 'co-occurrence' && [e.source, e.target].sort().join() === [a, b].sort().join())
    // "Bayezid I besieged the city; Manuel II sought help in Venice and Paris." — one paragraph.
    expect(co('ent_bayezid', 'ent_venice')).toMatchObject({ weight: 1, annotationIds: expect.arrayContaining(['ann_bayezid', 'ann_venice']) })
    expect(co('ent_siege', 'ent_ott')).toBeDefined()
    // The Greek paragraph names John, Constantinople and two dates; Bayezid's paragraph is another.
    expect(co('ent_john', 'ent_cple')).toBeDefined()
    expect(co('ent_john', 'ent_bayezid')).toBeUndefined()
    expect(n.edges.filter((e) => e.kind === 'relation')).toEqual([
      { id: 'rel_1', source: 'ent_john', target: 'ent_andr', kind: 'relation', weight: 1, label: 'son of', annotationIds: [] }
    ])
  })

  it('filters by entity type, keeps the most mentioned nodes and says how many it left out', () => {
    const people = network(data, undefined, { types: ['person'] })
    expect(people.nodes.map((x) => x.id).sort()).toEqual(['ent_andr', 'ent_bayezid', 'ent_john'])
    // "…John of Selybria", son of Andronikos IV.": one paragraph, and an explicit relation.
    expect(people.edges.map((e) => e.id)).toEqual(['co:ent_andr|ent_john', 'rel_1'])
    const top = network(data, undefined, { maxNodes: 2 })
    expect(top.nodes[0].id).toBe('ent_john')
    expect(top.omitted).toBe(network(data).nodes.length - 2)
    expect(network(data, { entityIds: ['ent_venice'] }).nodes.map((x) => x.id)).toEqual(['ent_venice'])
  })
})

describe('statistics', () => {
  it('counts annotations per tag, entity type and document, the most-mentioned entities and the verdicts', () => {
    const s = statistics(data)
    expect(s.annotations).toBe(17)
    expect(s.byTag.find((c) => c.value === 'greek')!.count).toBe(1)
    expect(s.byEntityType.find((c) => c.value === 'person')!.count).toBe(5)
    expect(s.byDocument).toEqual([{ value: 'doc_1', label: 'John VII Palaiologos', count: 17 }])
    expect(s.topEntities[0]).toEqual({ value: 'ent_john', label: 'John VII Palaiologos', type: 'person', count: 3 })
    expect(s.verdictsByLink.map((c) => [c.value, c.count]).sort()).toEqual([['contradicted', 1], ['supported', 1], ['unchecked', 1]])
    expect(s.verdictsByAnnotation.find((c) => c.value === 'uncited')!.count).toBe(15)
    expect(statistics(data, { verdicts: ['contradicted'] }).annotations).toBe(1)
  })
})
