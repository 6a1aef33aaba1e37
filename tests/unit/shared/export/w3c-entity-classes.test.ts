import { beforeEach, describe, expect, it, vi } from 'vitest'
import { fixtureProject } from '../../../helpers/export-fixture'

// The class IRIs are a module-level table (w3c-vocabulary.ts): each test imports fresh copies of
// the exporter and the table, so a changed entry (mutation testing) is seen.
type J = Record<string, any> // eslint-disable-line @typescript-eslint/no-explicit-any
let exportW3c: typeof import('../../../../src/shared/export/w3c')['exportW3c']
let entityTypeOfClass: typeof import('../../../../src/shared/export/w3c-vocabulary')['entityTypeOfClass']
beforeEach(async () => {
  vi.resetModules()
  ;({ exportW3c } = await import('../../../../src/shared/export/w3c'))
  ;({ entityTypeOfClass } = await import('../../../../src/shared/export/w3c-vocabulary'))
})

describe('W3C entity classes', () => {
  it('types each entity with its class (schema.org, OWL-Time, SKOS), which the W3C importer reads back as the same type', () => {
    const { data, texts } = fixtureProject()
    const out = exportW3c({ data, texts, scope: {}, options: {}, exportedAt: '2026-11-26T12:00:00.000Z' })
    const classOf = new Map<string, string>()
    for (const item of JSON.parse(out.files[0].content as string).first.items as J[]) {
      for (const b of (item.body ?? []) as J[]) if (b.purpose === 'identifying') classOf.set(b.source.label, b.source['dcterms:type'].id)
    }
    const byType = Object.fromEntries(Object.values(data.entities).map((e) => [e.type, classOf.get(e.label)]))
    expect(byType).toEqual({
      person: 'http://schema.org/Person', place: 'http://schema.org/Place', organisation: 'http://schema.org/Organization',
      event: 'http://schema.org/Event', date: 'http://www.w3.org/2006/time#Instant', work: 'http://schema.org/CreativeWork',
      concept: 'http://www.w3.org/2004/02/skos/core#Concept'
    })
    for (const [type, iri] of Object.entries(byType)) expect(entityTypeOfClass(iri!)).toBe(type)
    expect(entityTypeOfClass('http://schema.org/Thing')).toBeUndefined()
  })
})
