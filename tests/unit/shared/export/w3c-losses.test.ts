import { beforeEach, describe, expect, it, vi } from 'vitest'
import type { LossItem } from '../../../../src/shared/export/types'
import type { ProjectData } from '../../../../src/shared/model'
import { fixtureProject } from '../../../helpers/export-fixture'

// The W3C export's loss report, item by item: for a project that meets every kind of loss the W3C
// model forces, each item's text (what a historian reads in the Export dialog and the CLI), its
// count and the model fields it names, exactly.

// The loss table and the record-id field list are module-level constants: each test imports the
// exporter afresh, so that a changed entry (mutation testing) is seen; a module evaluated once
// would keep the first table for every test.
type M = typeof import('../../../../src/shared/export/w3c')
let exportW3c: M['exportW3c']
beforeEach(async () => {
  vi.resetModules()
  ;({ exportW3c } = await import('../../../../src/shared/export/w3c'))
})

const AT = '2026-11-26T12:00:00.000Z'

/** The fixture project with one more instance of each kind of W3C loss (counts below). */
function lossyProject(): { data: ProjectData; texts: Record<string, string> } {
  const { data, texts } = fixtureProject()
  const a = data.annotations
  a.ann_title.entityIds = ['ent_john', 'ent_gone'] // two links to one missing entity: one record lost
  a.ann_dates.entityIds = ['ent_gone', 'ent_gone_too']
  a.ann_dates.citations = [{ citationId: 'cit_gone' }]
  a.ann_venice.status = 'orphaned'
  a.ann_gibbon.status = 'moved'
  a.ann_andr.status = 'moved'
  a.ann_cple.createdBy = { name: 'Bea Scholar' } // author stays "Ada Historian": the annotator differs from the creator
  a.ann_bayezid.createdBy = { name: 'Ada Historian' }
  a.ann_bayezid.modifiedBy = { name: 'Cy Editor', orcid: '0000-0002-1825-0097' }
  return { data, texts }
}

const byWhat = (losses: LossItem[], what: string) => losses.find((l) => l.what === what)

describe('W3C export loss report', () => {
  it('names each loss the W3C model forces with its text, count and the model fields concerned', () => {
    const { data, texts } = lossyProject()
    const { losses } = exportW3c({ data, texts, scope: {}, options: {}, exportedAt: AT })
    const expected: LossItem[] = [
      { what: 'links to entities that no longer exist', count: 2, fields: ['annotations.entityIds'] },
      {
        what: 'entity aliases, descriptions, dates, coordinates, authority schemes and record times (an entity is carried as URI, label and type)',
        count: 11,
        fields: ['entities.aliases', 'entities.description', 'entities.dates', 'entities.coordinates', 'entities.authorities.scheme', 'entities.authorities.id', 'entities.created', 'entities.modified']
      },
      { what: 'links to citations that no longer exist', count: 1, fields: ['annotations.citations.citationId'] },
      { what: 'citation locators (kept in a plain `locator` key, which JSON-LD processing ignores)', count: 2 },
      {
        what: 'verdict discrepancies as structured data (written as lines of the assessing text; the entity a discrepancy names is left out)',
        count: 1,
        fields: ['annotations.citations.verification.discrepancies.entityId']
      },
      { what: 'positions of orphaned annotations (exported with their quote only)', count: 1, fields: ['annotations.target.start', 'annotations.target.end'] },
      { what: 'anchoring status "moved" (the W3C model has no such field)', count: 2, fields: ['annotations.status'] },
      { what: 'the annotator\'s name, when not the creator\'s (creator carries who made the annotation)', count: 1, fields: ['annotations.author'] },
      { what: 'who last changed an annotation, when not its creator (the W3C model has only creator)', count: 1, fields: ['annotations.modifiedBy.name', 'annotations.modifiedBy.orcid'] }
    ]
    for (const item of expected) expect(byWhat(losses, item.what)).toEqual(item)
  })

  it('names the record-id fields written as urn:uuid IRIs, counting every record exported', () => {
    const { data, texts } = lossyProject()
    const { losses } = exportW3c({ data, texts, scope: {}, options: {}, exportedAt: AT })
    const records = Object.keys(data.documents).length + Object.keys(data.annotations).length + Object.keys(data.entities).length + Object.keys(data.citations).length
    expect(byWhat(losses, 'record ids (each record is named by a urn:uuid IRI derived from its id; the links between records are kept)')).toEqual({
      what: 'record ids (each record is named by a urn:uuid IRI derived from its id; the links between records are kept)',
      count: records,
      fields: [
        'documents.id', 'annotations.id', 'annotations.documentId', 'annotations.entityIds', 'annotations.citations.citationId',
        'annotations.citations.verification.source.documentId', 'entities.id', 'citations.id', 'citations.item.id', 'citations.sourceDocumentId'
      ]
    })
  })

  it('names only fields of the project\'s own collections, and a field list is the item\'s own copy', () => {
    const { data, texts } = lossyProject()
    const first = exportW3c({ data, texts, scope: {}, options: {}, exportedAt: AT }).losses
    const collections = new Set(Object.keys(data))
    for (const l of first) for (const f of l.fields ?? []) expect(collections, `${l.what}: ${f}`).toContain(f.split('.')[0])
    for (const l of first) l.fields?.splice(0)
    const second = exportW3c({ data, texts, scope: {}, options: {}, exportedAt: AT }).losses
    expect(byWhat(second, 'anchoring status "moved" (the W3C model has no such field)')?.fields).toEqual(['annotations.status'])
  })
})
