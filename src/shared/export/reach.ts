/**
 * What an export of one document carries: the document, its annotations, and everything those
 * annotations reach (entities, citations, the attached source documents of those citations, and
 * relations between records in scope). For the whole project it is simply every record.
 * Every list comes back in a stable order so that exports are deterministic.
 */
import type { Annotation, Citation, DocumentRecord, Entity, Predicate, ProjectData, RejectedSuggestion, Relation, Tag } from '../model'
import type { ExportScope } from './types'

export interface ExportSelection {
  /** Documents in import order (created, then id). */
  documents: DocumentRecord[]
  /** Annotations in document order, then by start and end (code points), then id. */
  annotations: Annotation[]
  entities: Entity[]
  citations: Citation[]
  relations: Relation[]
  predicates: Predicate[]
  tags: Tag[]
  /** Suggestions the historian rejected (so a re-import does not propose them again). */
  rejectedSuggestions: RejectedSuggestion[]
}

const byId = <T extends { id: string }>(a: T, b: T): number => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)

/** Documents in import order: by creation time, ties broken by id. */
export function sortDocuments(docs: DocumentRecord[]): DocumentRecord[] {
  return [...docs].sort((a, b) => (a.created < b.created ? -1 : a.created > b.created ? 1 : byId(a, b)))
}

/** Annotations grouped by the given document order, then by start, end (code points) and id. */
export function sortAnnotations(anns: Annotation[], docOrder: Map<string, number>): Annotation[] {
  // Group by document first (one pass), so the sort itself compares offsets only.
  const groups = new Map<string, Annotation[]>()
  for (const a of anns) {
    const g = groups.get(a.documentId)
    if (g) g.push(a)
    else groups.set(a.documentId, [a])
  }
  const docIds = [...groups.keys()].sort(
    (x, y) => (docOrder.get(x) ?? Infinity) - (docOrder.get(y) ?? Infinity) || (x < y ? -1 : x > y ? 1 : 0)
  )
  return docIds.flatMap((d) =>
    groups.get(d)!.sort((a, b) => a.target.start - b.target.start || a.target.end - b.target.end || byId(a, b))
  )
}

/** Selects and orders the records an export of `scope` carries. Throws a plain Error for an unknown document. */
export function selectForExport(data: ProjectData, scope: ExportScope): ExportSelection {
  const all = <T extends { id: string }>(m: Record<string, T>): T[] => Object.values(m).sort(byId)
  if (!scope.documentId) {
    const documents = sortDocuments(Object.values(data.documents))
    const order = new Map(documents.map((d, i) => [d.id, i]))
    return {
      documents,
      annotations: sortAnnotations(Object.values(data.annotations), order),
      entities: all(data.entities),
      citations: all(data.citations),
      relations: all(data.relations),
      predicates: all(data.predicates),
      tags: all(data.tags),
      rejectedSuggestions: all(data.rejectedSuggestions)
    }
  }
  const doc = data.documents[scope.documentId]
  if (!doc) throw new Error(`no document with id ${scope.documentId}`)
  const annotations = Object.values(data.annotations).filter((a) => a.documentId === doc.id)
  const entityIds = new Set(annotations.flatMap((a) => a.entityIds))
  const citationIds = new Set(annotations.flatMap((a) => a.citations.map((c) => c.citationId)))
  const annotationIds = new Set(annotations.map((a) => a.id))
  // Relations touching an annotation in scope bring in the entity at their other end.
  const relations = Object.values(data.relations).filter((r) => {
    const inScope = (x: string) => annotationIds.has(x) || entityIds.has(x)
    return inScope(r.subject) || inScope(r.object)
  })
  for (const r of relations) for (const end of [r.subject, r.object]) if (data.entities[end]) entityIds.add(end)
  const citations = [...citationIds].map((id) => data.citations[id]).filter((c): c is Citation => !!c).sort(byId)
  // Sources attached to the cited works, and sources of verdicts, travel with the document.
  const docIds = new Set([doc.id])
  for (const c of citations) if (c.sourceDocumentId && data.documents[c.sourceDocumentId]) docIds.add(c.sourceDocumentId)
  for (const a of annotations)
    for (const l of a.citations) {
      const src = l.verification?.source?.documentId
      if (src && data.documents[src]) docIds.add(src)
    }
  const documents = sortDocuments([...docIds].map((id) => data.documents[id]))
  const order = new Map(documents.map((d, i) => [d.id, i]))
  const predicateIds = new Set(relations.map((r) => r.predicate))
  const tagIds = new Set(annotations.flatMap((a) => a.tags))
  return {
    documents,
    annotations: sortAnnotations(annotations, order),
    entities: [...entityIds].map((id) => data.entities[id]).filter((e): e is Entity => !!e).sort(byId),
    citations,
    relations: relations.sort(byId),
    predicates: all(data.predicates).filter((p) => predicateIds.has(p.id)),
    tags: all(data.tags).filter((t) => tagIds.has(t.id)),
    rejectedSuggestions: all(data.rejectedSuggestions).filter((r) => docIds.has(r.documentId))
  }
}
