/**
 * How Marginalia's records map onto the W3C Web Annotation vocabulary, shared by the exporter
 * (src/shared/export/w3c.ts) and the importer (src/shared/import/w3c-annotations.ts), so that the
 * two directions cannot drift apart.
 */
import { type EntityType, type VerificationStatus, VERIFICATION_STATUSES } from '../model'

export const W3C_CONTEXT = 'http://www.w3.org/ns/anno.jsonld'

/**
 * The W3C suite accepts only the 13 motivations of the model as a body's `purpose`
 * (annotations.json#/definitions/motivationList), so a citation cannot say `purpose: "citing"`.
 * A citation body is a `linking` SpecificResource typed (`dcterms:type`, a prefix the anno.jsonld
 * context defines) as CiTO's `cites`, the citing relation of the SPAR ontologies.
 */
export const CITES = 'http://purl.org/spar/cito/cites'

/** Class IRI of each entity type, carried as `dcterms:type` of an `identifying` body's source. */
export const ENTITY_CLASS: Record<EntityType, string> = {
  person: 'http://schema.org/Person',
  place: 'http://schema.org/Place',
  organisation: 'http://schema.org/Organization',
  event: 'http://schema.org/Event',
  date: 'http://www.w3.org/2006/time#Instant',
  work: 'http://schema.org/CreativeWork',
  concept: 'http://www.w3.org/2004/02/skos/core#Concept'
}

/** Entity type of a class IRI (the inverse of ENTITY_CLASS), or undefined. */
export function entityTypeOfClass(iri: string): EntityType | undefined {
  return (Object.keys(ENTITY_CLASS) as EntityType[]).find((t) => ENTITY_CLASS[t] === iri)
}

/** Verdict statuses, written as the first line of an `assessing` body's value. */
export const VERDICTS: readonly VerificationStatus[] = VERIFICATION_STATUSES

/** Prefix of the CSS class that carries an annotation's colour through `styleClass` + `stylesheet`. */
export const STYLE_CLASS_PREFIX = 'mg-'
