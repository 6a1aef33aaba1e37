/**
 * What records point at which: the references a merge must keep whole (an annotation's document,
 * entities and cited works; a relation's subject and object; a citation's attached source; a
 * verdict's source document; a rejected suggestion's document).
 */
import type { CollectionName, ProjectData } from '../../model'
import { own } from '../stable-json'

export interface Reference {
  /** The record that points. */
  from: { collection: CollectionName; id: string }
  /** What it points at. */
  to: { collection: CollectionName; id: string }
}

/** Every reference in `data`. Relation ends are looked up as entities, then annotations. */
export function referencesOf(data: ProjectData): Reference[] {
  const out: Reference[] = []
  const push = (fc: CollectionName, fid: string, tc: CollectionName, tid: string) => out.push({ from: { collection: fc, id: fid }, to: { collection: tc, id: tid } })
  for (const a of Object.values(data.annotations)) {
    push('annotations', a.id, 'documents', a.documentId)
    for (const e of a.entityIds) push('annotations', a.id, 'entities', e)
    for (const c of a.citations) {
      push('annotations', a.id, 'citations', c.citationId)
      if (c.verification?.source) push('annotations', a.id, 'documents', c.verification.source.documentId)
    }
  }
  for (const r of Object.values(data.relations)) {
    for (const end of [r.subject, r.object]) push('relations', r.id, own(data.annotations, end) && !own(data.entities, end) ? 'annotations' : 'entities', end)
  }
  for (const c of Object.values(data.citations)) if (c.sourceDocumentId) push('citations', c.id, 'documents', c.sourceDocumentId)
  for (const s of Object.values(data.rejectedSuggestions)) push('rejectedSuggestions', s.id, 'documents', s.documentId)
  return out
}

/** References whose target does not exist in `data`. */
export function danglingReferences(data: ProjectData): Reference[] {
  return referencesOf(data).filter((r) => !own(data[r.to.collection] as Record<string, unknown>, r.to.id))
}
