/**
 * Checks a project before a merge result is written: every collection a map of records keyed by their
 * own id, every reference pointing at an existing record, every annotation's target inside its
 * document (offsets in code points; `length` is the document's length in code points).
 */
import { COLLECTION_NAMES, type ProjectData } from '../../model'
import { own } from '../stable-json'
import { danglingReferences } from './references'

/** Problems found, each naming the record; empty when the project is whole. */
export function validateProject(data: ProjectData): string[] {
  const problems: string[] = []
  if (typeof data.schemaVersion !== 'number' || !data.project || typeof data.project.id !== 'string') problems.push('project header is missing')
  for (const name of COLLECTION_NAMES) {
    const c = data[name] as Record<string, { id?: unknown }> | undefined
    if (!c || typeof c !== 'object') {
      problems.push(`${name} is not a map of records`)
      continue
    }
    for (const [key, record] of Object.entries(c)) {
      if (!record || typeof record !== 'object' || record.id !== key) problems.push(`${name}/${key}: not a record with a matching id`)
    }
  }
  if (problems.length) return problems
  for (const r of danglingReferences(data)) problems.push(`${r.from.collection}/${r.from.id}: points at missing ${r.to.collection}/${r.to.id}`)
  for (const a of Object.values(data.annotations)) {
    const doc = own(data.documents, a.documentId)
    const t = a.target
    if (!t || !Number.isInteger(t.start) || !Number.isInteger(t.end) || t.start < 0 || t.end < t.start) problems.push(`annotations/${a.id}: bad target`)
    else if (doc && t.end > doc.length) problems.push(`annotations/${a.id}: target ends at ${t.end}, after the end of ${doc.id} (${doc.length} code points)`)
  }
  return problems
}
