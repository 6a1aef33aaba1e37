/**
 * What the W3C Web Annotation export cannot carry, one entry per kind of loss, each with the model
 * fields it concerns (LossItem.fields). The exporter counts them as it meets them (records, when a
 * record id is given) and lists those that occurred.
 */
import type { LossItem } from './types'

export const W3C_LOSSES = {
  danglingEntity: { what: 'links to entities that no longer exist', fields: ['annotations.entityIds'] },
  entityDetails: {
    what: 'entity aliases, descriptions, dates, coordinates, authority schemes and record times (an entity is carried as URI, label and type)',
    fields: ['entities.aliases', 'entities.description', 'entities.dates', 'entities.coordinates', 'entities.authorities.scheme', 'entities.authorities.id', 'entities.created', 'entities.modified']
  },
  danglingCitation: { what: 'links to citations that no longer exist', fields: ['annotations.citations.citationId'] },
  locator: { what: 'citation locators (kept in a plain `locator` key, which JSON-LD processing ignores)', fields: [] },
  discrepancies: {
    what: 'verdict discrepancies as structured data (written as lines of the assessing text; the entity a discrepancy names is left out)',
    fields: ['annotations.citations.verification.discrepancies.entityId']
  },
  orphanPosition: { what: 'positions of orphaned annotations (exported with their quote only)', fields: ['annotations.target.start', 'annotations.target.end'] },
  moved: { what: 'anchoring status "moved" (the W3C model has no such field)', fields: ['annotations.status'] },
  annotator: { what: 'the annotator\'s name, when not the creator\'s (creator carries who made the annotation)', fields: ['annotations.author'] },
  lastModifier: { what: 'who last changed an annotation, when not its creator (the W3C model has only creator)', fields: ['annotations.modifiedBy.name', 'annotations.modifiedBy.orcid'] }
} satisfies Record<string, { what: string; fields: string[] }>

export type W3cLossKind = keyof typeof W3C_LOSSES

/** Record ids and the references between records: written as name-based urn:uuid IRIs derived from them. */
export const RECORD_ID_FIELDS = [
  'documents.id', 'annotations.id', 'annotations.documentId', 'annotations.entityIds', 'annotations.citations.citationId',
  'annotations.citations.verification.source.documentId', 'entities.id', 'citations.id', 'citations.item.id', 'citations.sourceDocumentId'
]

/** The loss item of one kind, counted. */
export function w3cLoss(kind: W3cLossKind, count: number): LossItem {
  const { what, fields } = W3C_LOSSES[kind]
  return fields.length ? { what, count, fields: [...fields] } : { what, count }
}
