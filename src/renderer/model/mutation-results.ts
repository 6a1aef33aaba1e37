/**
 * The records a write's own result carries, so the model applies them the moment the write
 * returns (the created annotation is used, not re-read). The change event of the same edit
 * carries them too; the model then skips those it already holds (apply-changes.ts), so one edit
 * notifies and paints once. Methods not listed here (imports,
 * merges, undo/redo…) are applied from their change event alone.
 */
import type { ChangedRecord, MethodName, Methods } from '../../shared/api'
import type { ResultOf } from '../../shared/api/define'

type Extract<K extends MethodName> = (value: ResultOf<Methods[K]>) => ChangedRecord[]
type Table = { [K in MethodName]?: Extract<K> }

const put = (collection: ChangedRecord['collection'], record: { id: string }): ChangedRecord => ({ collection, id: record.id, record })
const removed = (collection: ChangedRecord['collection'], id: string): ChangedRecord => ({ collection, id, record: null })

const RESULT_RECORDS: Table = {
  createAnnotation: (a) => [put('annotations', a)],
  annotateQuote: (a) => [put('annotations', a)],
  updateAnnotation: (a) => [put('annotations', a)],
  verifyClaim: (a) => [put('annotations', a)],
  deleteAnnotation: ({ id }) => [removed('annotations', id)],
  editAnnotations: (r) => [...r.updated.map((a) => put('annotations', a)), ...r.deleted.map((id) => removed('annotations', id))],
  linkAll: (list) => list.map((a) => put('annotations', a)),
  acceptSuggestion: (r) => [put('entities', r.entity), put('annotations', r.annotation)],
  acceptReference: (r) => [put('citations', r.citation), put('annotations', r.annotation)],
  createEntity: (e) => [put('entities', e)],
  updateEntity: (e) => [put('entities', e)],
  createCitation: (c) => [put('citations', c)],
  updateCitation: (c) => [put('citations', c)],
  attachSource: (c) => [put('citations', c)],
  setTagColor: (t) => [put('tags', t)],
  createRelation: (r) => [put('relations', r)],
  updateRelation: (r) => [put('relations', r)],
  deleteRelation: ({ id }) => [removed('relations', id)],
  addPredicate: (p) => [put('predicates', p)],
  rejectSuggestion: (r) => [put('rejectedSuggestions', r)],
  restoreSuggestion: ({ id }) => [removed('rejectedSuggestions', id)],
  importDocument: (d) => [put('documents', d)],
  reimportDocument: (r) => [put('documents', r.document)],
  renameDocument: (d) => [put('documents', d)],
  updateDocumentMetadata: (d) => [put('documents', d)]
}

/** The records in the result of `method`, in the order to apply them (entities before annotations). */
export function recordsOfResult(method: MethodName, value: unknown): ChangedRecord[] {
  const extract = RESULT_RECORDS[method] as ((v: unknown) => ChangedRecord[]) | undefined
  return extract ? extract(value) : []
}
