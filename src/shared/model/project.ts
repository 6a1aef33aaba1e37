import type { Annotation } from './annotation'
import type { Citation } from './citation'
import type { Id, Timestamp } from './common'
import type { DocumentRecord } from './document'
import type { Entity, Predicate, RejectedSuggestion, Relation } from './entity'

/** Current version of project.json; bump it with a migration in src/main/store/migrations. */
export const SCHEMA_VERSION = 3

/** A tag of the project with its colour (any CSS colour). `id` is the tag itself. */
export interface Tag {
  id: string
  color: string
}

/**
 * Every collection of the store, each a map from id to record, so that one generic
 * transaction (put / remove by collection and id) covers every edit and its undo.
 */
export interface Collections {
  documents: Record<Id, DocumentRecord>
  annotations: Record<Id, Annotation>
  entities: Record<Id, Entity>
  citations: Record<Id, Citation>
  relations: Record<Id, Relation>
  predicates: Record<string, Predicate>
  tags: Record<string, Tag>
  rejectedSuggestions: Record<Id, RejectedSuggestion>
}

export type CollectionName = keyof Collections
export const COLLECTION_NAMES: readonly CollectionName[] = [
  'documents', 'annotations', 'entities', 'citations', 'relations', 'predicates', 'tags', 'rejectedSuggestions'
]

/** The whole of project.json. */
export interface ProjectData extends Collections {
  schemaVersion: number
  project: { id: Id; name: string; created: Timestamp }
}
