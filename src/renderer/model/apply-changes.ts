/**
 * How the model takes in a change: each ChangedRecord (a record put with its current value, or
 * removed) updates exactly what depends on it — the open document's AnnotationIndex, the link
 * counts, the cached reads, the suggestion list — and names the slices it touched. Nothing is
 * re-read for an ordinary edit; only an event flagged `reload` (too large to carry its records)
 * makes the model read the project again.
 */
import type { ChangedRecord, ChangeEvent } from '../../shared/api'
import type { Annotation, CollectionName, DocumentRecord, Entity, Predicate, RejectedSuggestion, Tag } from '../../shared/model'
import { itemLabel } from '../../shared/citations/csl-item'
import type { Citation } from '../../shared/model'
import type { ProjectModel, Slice } from './project-model'

/** Entities, items, tags and documents before annotations: an annotation's links then point at known records. */
const ORDER: CollectionName[] = ['documents', 'entities', 'citations', 'tags', 'predicates', 'relations', 'rejectedSuggestions', 'annotations']
const rank = (c: ChangedRecord) => ORDER.indexOf(c.collection)

/** Applies a change event (applied or rolled back) to the model. */
export function applyEvent(m: ProjectModel, e: ChangeEvent): void {
  m.revision = Math.max(m.revision, e.revision)
  m.history = e.history
  m.changed('history')
  if (e.kind === 'rolled-back') {
    m.notify('rolled-back', `“${e.method}” could not be saved${e.error ? `: ${e.error.message}` : ''}. It was undone.`)
  }
  if (e.reload) {
    // Too large to carry its records (e.g. a whole import): read the project again, once.
    void m.resync()
    return
  }
  // The records this window's own write already applied (from its result) are not applied again:
  // one edit, one notification, one paint. History (above) still follows the event.
  const fresh = e.changes.filter((c) => !heldFromOwnWrite(m, c) || e.kind === 'rolled-back')
  for (const c of e.changes) m.touched.set(keyOf(c), e.revision)
  applySorted(m, fresh)
}

const keyOf = (c: ChangedRecord) => `${c.collection}\u0000${c.id}`

/**
 * True when the model applied exactly this value of the record from its own write's result and
 * nothing changed it since. Either way the memo is spent: the event now stands for the record.
 */
function heldFromOwnWrite(m: ProjectModel, c: ChangedRecord): boolean {
  const key = keyOf(c)
  const mine = m.written.get(key)
  if (mine === undefined) return false
  m.written.delete(key)
  return mine === JSON.stringify(c.record)
}

/**
 * Applies the records a write returned, unless a change event newer than the write's start has
 * already set them (that event's value is at least as new).
 */
export function applyRecords(m: ProjectModel, records: ChangedRecord[], since: number): void {
  const fresh = records.filter((c) => (m.touched.get(keyOf(c)) ?? 0) <= since)
  for (const c of fresh) m.written.set(keyOf(c), JSON.stringify(c.record))
  applySorted(m, fresh)
}

function applySorted(m: ProjectModel, changes: readonly ChangedRecord[]): void {
  for (const c of [...changes].sort((a, b) => rank(a) - rank(b))) applyRecord(m, c)
  // The corpus views' results are computed over the whole project: any record may move them.
  if (changes.some((c) => c.collection !== 'tags' && c.collection !== 'rejectedSuggestions')) {
    m.corpus.invalidate()
    m.changed('corpus')
  }
}

function applyRecord(m: ProjectModel, { collection, id, record }: ChangedRecord): void {
  switch (collection) {
    case 'annotations':
      return applyAnnotation(m, id, record as Annotation | null)
    case 'documents':
      return applyDocument(m, id, record as DocumentRecord | null)
    case 'entities': {
      const e = record as Entity | null
      const prev = m.entities.get(id)
      if (e && prev && sameEntity(prev, e)) return
      if (e) m.entities.set(id, { ...e, mentionCount: prev?.mentionCount ?? 0, documentCount: prev?.documentCount ?? 0 })
      else m.entities.delete(id)
      m.suggestions.onEntity(e, !prev)
      m.reads.onRecord(collection, id, record)
      m.changed('entities', 'reads')
      // Highlight colours follow entity types.
      if (!e || !prev || prev.type !== e.type) m.changed('palette')
      return
    }
    case 'citations': {
      const c = record as Citation | null
      const prev = m.citations.get(id)
      if (c) m.citations.set(id, { ...c, label: itemLabel(c.item), citedBy: prev?.citedBy ?? 0 })
      else m.citations.delete(id)
      m.reads.onRecord(collection, id, record)
      return m.changed('citations', 'reads')
    }
    case 'tags':
      if (record) m.tags.set(id, record as Tag)
      else m.tags.delete(id)
      return m.changed('tags', 'palette')
    case 'predicates':
      if (record) m.predicates.set(id, record as Predicate)
      else m.predicates.delete(id)
      return m.changed('predicates')
    case 'rejectedSuggestions':
      m.suggestions.onRejected(record as RejectedSuggestion | null)
      m.reads.onRecord(collection, id, record)
      return m.changed('reads')
    case 'relations':
      m.reads.onRecord(collection, id, record)
      return m.changed('reads')
  }
}

function sameEntity(a: Entity, b: Entity): boolean {
  const { mentionCount: _m, documentCount: _d, ...rest } = a as Entity & { mentionCount?: number; documentCount?: number }
  return JSON.stringify(rest) === JSON.stringify(b)
}

function applyAnnotation(m: ProjectModel, id: string, after: Annotation | null): void {
  const open = m.open?.annotations
  const inOpen = !!after && !!open && after.documentId === open.documentId
  let before: Annotation | undefined
  if (open) before = inOpen ? open.upsert(after!) : open.remove(id)
  const slices: Slice[] = ['reads']
  if (inOpen || before) {
    // The model holds the open document's every annotation: the counts move exactly.
    if (inOpen) m.selections.noteTags([after!])
    slices.push('annotations')
    const moved = m.counts.change(before, inOpen ? after! : undefined)
    if (moved.entities) slices.push('entities')
    if (moved.citations) slices.push('citations')
    if (after && !inOpen) m.counts.unknownChange() // it moved to another document
  } else {
    // Another document's annotation: what it linked before is unknown here.
    m.counts.unknownChange()
    slices.push('entities', 'citations')
  }
  m.suggestions.onAnnotation(after, before)
  m.reads.onAnnotation(id, after, before, { documents: m.documents, open })
  m.changed(...slices)
}

function applyDocument(m: ProjectModel, id: string, record: DocumentRecord | null): void {
  const open = m.open
  if (record) m.documents.set(id, record)
  else m.documents.delete(id)
  m.reads.onRecord('documents', id, record)
  m.changed('documents', 'reads')
  if (open?.doc.id !== id) return
  if (!record) {
    // The open document was deleted: show the first text left, if any.
    const next = [...m.documents.values()].find((d) => d.role === 'text') ?? [...m.documents.values()][0]
    if (next) void m.openDocument(next.id)
    else m.closeDocument()
    return
  }
  const textChanged = record.sha256 !== open.doc.sha256 || record.textFile !== open.doc.textFile || record.length !== open.doc.length
  if (textChanged) {
    // A new version of the text (re-import, or its undo): read the text; its annotations come with this event.
    m.suggestions.clear()
    void m.read('getDocument', { id }).then(
      (doc) => m.open?.doc.id === id && m.setOpen(doc, [...m.open.annotations.all]),
      (err) => m.notify('error', `Could not read the new text: ${(err as Error).message}`)
    )
  } else {
    m.open = { ...open, doc: { ...record, text: open.doc.text } }
    m.changed('document')
  }
}
