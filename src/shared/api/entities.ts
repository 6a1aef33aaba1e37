/**
 * Operations of the entities domain: the registry (people, places, organisations, events, dates,
 * works, concepts with authority ids and EDTF dates), type-ahead, mentions, suggestions, "link
 * all", relations and their predicate vocabulary. See src/main/services/entities-service.ts.
 * Offsets are code points of a document's normalised text.
 */
import { z } from 'zod'
import type { Annotation, AuthorityId, Entity, Predicate, RejectedSuggestion, Relation } from '../model'
import type { EntityMatch } from '../entities/type-ahead'
import type { Suggestion, SuggestionUpdate } from '../suggest/types'
import { authoritySchemeSchema } from '../model/authority-schemes'
import { entityTypeSchema } from '../model/entity-types'
import { suggestionSourceSchema } from '../model/suggestion-sources'
import { method } from './define'
import { id, offset } from './schemas'

export const entityType = entityTypeSchema
export const authorityScheme = authoritySchemeSchema
const edtfField = z.string().max(100)
const entityFields = {
  label: z.string().trim().min(1, 'a label is required').max(500),
  aliases: z.array(z.string().trim().min(1).max(500)).max(200),
  description: z.string().max(20_000),
  /** Authority ids (bare id or the record's URL); validated per scheme by the service. */
  authorities: z.array(z.object({ scheme: authorityScheme, id: z.string().trim().min(1).max(300) })).max(20),
  /** WGS84 decimal degrees; `null` removes them (update only). */
  coordinates: z.object({ lat: z.number().min(-90).max(90), lon: z.number().min(-180).max(180) }),
  /** EDTF strings (`1370`, `1400~`, `1390-04-14`, `1403/1408`); '' removes one (update only). */
  dates: z.object({ date: edtfField, birth: edtfField, death: edtfField, start: edtfField, end: edtfField }).partial()
}
const suggestionSource = suggestionSourceSchema

/** An entity with how often it is linked. */
export interface EntitySummary extends Entity {
  /** Number of annotations linked to it, over every document. */
  mentionCount: number
  /** Number of documents with at least one such annotation. */
  documentCount: number
}

/** One linked passage of an entity; offsets in code points of the document's text. */
export interface Mention {
  annotationId: string
  documentId: string
  documentTitle: string
  start: number
  end: number
  exact: string
  prefix: string
  suffix: string
}

export interface MergeResult {
  entity: Entity
  movedAnnotations: number
  movedRelations: number
  /** Relations dropped because, once moved, they repeated an existing one. */
  removedRelations: number
  /** Authority ids of the merged-away entity that the survivor overrode (same scheme, other id). */
  conflicts: AuthorityId[]
}

export interface AcceptResult {
  annotation: Annotation
  entity: Entity
  /** True when accepting created the entity (no known entity matched). */
  createdEntity: boolean
  /**
   * How the document's suggestion list (as the last `suggestMentions` on it gave it) changed:
   * the accepted one and those it overlaps go, other mentions of a new entity come. Absent when
   * the server holds no suggestions for the document (nothing to update).
   */
  suggestions?: SuggestionUpdate
}

export type { EntityMatch, Suggestion, SuggestionUpdate }

export const entitiesMethods = {
  /** Entities by type then label, with mention counts. */
  listEntities: method<EntitySummary[]>()(z.object({ type: entityType.optional() })),
  getEntity: method<EntitySummary>()(z.object({ id })),
  /** Creates an entity; malformed authority ids and non-EDTF dates are refused with the expected form. */
  createEntity: method<Entity>()(
    z.object({ type: entityType, ...entityFields, aliases: entityFields.aliases.optional(), description: entityFields.description.optional(),
      authorities: entityFields.authorities.optional(), coordinates: entityFields.coordinates.optional(), dates: entityFields.dates.optional() }),
    { mutates: true }
  ),
  /** Changes the given fields only; `authorities` and `aliases` replace the whole list. */
  updateEntity: method<Entity>()(
    z.object({ id, type: entityType.optional(), label: entityFields.label.optional(), aliases: entityFields.aliases.optional(),
      description: entityFields.description.optional(), authorities: entityFields.authorities.optional(),
      coordinates: entityFields.coordinates.nullable().optional(), dates: entityFields.dates.optional() }),
    { mutates: true }
  ),
  /** `from` becomes part of `into`: every annotation link and relation follows, aliases unite. One undoable edit. */
  mergeEntities: method<MergeResult>()(z.object({ into: id, from: id }), { mutates: true }),
  /** Deletes an entity: links to it are removed from annotations (the passages stay), its relations go. */
  deleteEntity: method<{ id: string; unlinkedAnnotations: number; removedRelations: number }>()(z.object({ id }), { mutates: true }),
  /** Type-ahead over labels and aliases, accent- and case-insensitive, best first. */
  searchEntities: method<EntityMatch[]>()(
    z.object({ query: z.string().max(500), type: entityType.optional(), limit: z.number().int().positive().max(500).optional() })
  ),
  /** Every annotation linked to the entity, in every document (document order, then position). */
  listMentions: method<Mention[]>()(z.object({ entityId: id })),
  /**
   * Candidate mentions in a document not yet annotated nor rejected, in text order. Creates
   * nothing. The NLP pass runs once per version of the document's text (tens of seconds on a whole
   * book: run it as a job for progress and cancel); later calls, and calls after accepting,
   * rejecting, linking or editing entities, answer from what the server keeps, in milliseconds.
   */
  suggestMentions: method<Suggestion[]>()(
    z.object({ documentId: id, sources: z.array(suggestionSource).min(1).optional() })
  ),
  /**
   * Accepts (or, with another `type`, retypes and accepts) a suggestion: links [start, end) to
   * `entityId`, or to the known entity of that name and type, or to a new entity labelled
   * `label` (default: the passage). An existing highlight of exactly that span gains the link.
   */
  acceptSuggestion: method<AcceptResult>()(
    z.object({ documentId: id, start: offset, end: offset, type: entityType, entityId: id.optional(),
      label: z.string().trim().min(1).max(500).optional(), edtf: edtfField.optional() }),
    { mutates: true }
  ),
  /** Rejects a suggestion: it is stored and not proposed again. */
  rejectSuggestion: method<RejectedSuggestion>()(z.object({ documentId: id, start: offset, end: offset }), { mutates: true }),
  listRejectedSuggestions: method<RejectedSuggestion[]>()(z.object({ documentId: id.optional() })),
  /** Forgets a rejection, so the suggestion may come back. */
  restoreSuggestion: method<{ id: string }>()(z.object({ id }), { mutates: true }),
  /** Links every not-yet-linked occurrence of the entity's names in the document, as ONE undoable edit. */
  linkAll: method<Annotation[]>()(z.object({ entityId: id, documentId: id }), { mutates: true }),
  /** Relations with the entity (or annotation) as subject or object; all when no id is given. */
  listRelations: method<Relation[]>()(z.object({ about: id.optional() })),
  /** A new predicate is added to the vocabulary in the same edit. */
  createRelation: method<Relation>()(
    z.object({ subject: id, predicate: z.string().trim().min(1).max(200), object: id, note: z.string().max(20_000).optional() }),
    { mutates: true }
  ),
  updateRelation: method<Relation>()(
    z.object({ id, subject: id.optional(), predicate: z.string().trim().min(1).max(200).optional(), object: id.optional(),
      note: z.string().max(20_000).optional() }),
    { mutates: true }
  ),
  deleteRelation: method<{ id: string }>()(z.object({ id }), { mutates: true }),
  /** The vocabulary: built-in predicates (son of, daughter of, married to, …) then the project's own. */
  listPredicates: method<Predicate[]>()(z.object({})),
  addPredicate: method<Predicate>()(z.object({ label: z.string().trim().min(1).max(200) }), { mutates: true }),
  /** Removes a predicate of the project's own that no relation uses. */
  deletePredicate: method<{ id: string }>()(z.object({ id: z.string().min(1).max(200) }), { mutates: true })
}
