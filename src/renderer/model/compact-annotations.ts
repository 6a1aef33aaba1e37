/**
 * The annotations of an open document, as read (10,000 on a whole book), hold many equal values
 * each in its own copy: the document id, the annotator, the anchoring status, the same creator
 * and modifier, empty lists of tags, entities and citations. This makes equal values one shared
 * value, in place, so the model's memory follows what differs between annotations (their
 * passages, notes and times; only an annotation's own two times are one string when equal).
 * Strings cannot be told apart by identity in JS: what sharing them saves is measured by
 * bench/render-vs-recogito.ts (JS heap), not by a unit test.
 * The renderer treats annotations as immutable values; a shared empty list is frozen, so a write
 * into it would fail loudly instead of changing every annotation.
 */
import type { Annotation, Person } from '../../shared/model'

const NONE: never[] = Object.freeze([]) as unknown as never[]

/** Shares equal strings, persons and empty lists among `annotations` (changed in place). */
export function compactAnnotations(annotations: readonly Annotation[]): void {
  const strings = new Map<string, string>()
  const persons = new Map<string, Person>()
  const str = (s: string): string => {
    const seen = strings.get(s)
    if (seen !== undefined) return seen
    strings.set(s, s)
    return s
  }
  const person = (p: Person): Person => {
    const key = JSON.stringify(p)
    const seen = persons.get(key)
    if (seen) return seen
    persons.set(key, p)
    return p
  }
  for (const a of annotations) {
    a.documentId = str(a.documentId)
    a.author = str(a.author)
    a.status = str(a.status) as Annotation['status']
    // Never edited since created: one string for both times (the services set them equal).
    if (a.modified === a.created) a.modified = a.created
    if (a.createdBy) a.createdBy = person(a.createdBy)
    if (a.modifiedBy) a.modifiedBy = person(a.modifiedBy)
    if (!a.tags.length) a.tags = NONE
    else a.tags = a.tags.map(str)
    if (!a.entityIds.length) a.entityIds = NONE
    if (!a.citations.length) a.citations = NONE
  }
}
