/**
 * The annotation table's bulk actions as one edit (`editAnnotations`): every chosen annotation is
 * changed inside one store transaction, so the batch is one journal entry, one undo step and one
 * redo step, and a row that cannot be changed (gone, an unknown entity, a verdict without a
 * citation) throws inside the transaction, which puts back every record it had changed.
 * Also the two pieces of an annotation edit the single-row handlers share: new tags get a colour,
 * a deleted annotation takes its relations with it.
 */
import type { annotationBatchMethods, AnnotationBatchResult } from '../../shared/api/annotation-batch'
import type { HandlersOf } from '../../shared/api/define'
import type { Annotation, CitationLink, Verification, VerificationStatus } from '../../shared/model'
import { paletteColor } from '../../shared/colors'
import { MarginaliaError } from '../../shared/result'
import type { ProjectStore, Transaction } from '../store/types'
import type { ServiceContext } from './context'

/** Gives every tag not yet known a palette colour, in the same edit. */
export function ensureTags(store: ProjectStore, tx: Transaction, tags: Iterable<string>): void {
  let known = Object.keys(store.data.tags).length
  for (const tag of tags) if (!tx.get('tags', tag)) tx.put('tags', { id: tag, color: paletteColor(known++) })
}

/** Removes an annotation and every relation it is an end of, in the same edit. */
export function removeAnnotation(store: ProjectStore, tx: Transaction, id: string): void {
  for (const r of Object.values(store.data.relations)) if (r.subject === id || r.object === id) tx.remove('relations', r.id)
  tx.remove('annotations', id)
}

const quoted = (a: Annotation): string => `“${a.target.exact.length > 40 ? `${a.target.exact.slice(0, 40)}…` : a.target.exact}”`
const sameList = (a: readonly string[], b: readonly string[]): boolean => a.length === b.length && a.every((x, i) => x === b[i])

/** `list` without `remove`, then with `add` appended (each once, order kept). */
function edited(list: readonly string[], add: readonly string[] = [], remove: readonly string[] = []): string[] {
  const gone = new Set(remove)
  return [...new Set([...list.filter((x) => !gone.has(x)), ...add])]
}

export function createAnnotationBatchHandlers(ctx: ServiceContext): HandlersOf<typeof annotationBatchMethods> {
  const store = ctx.store

  /** Every citation link of `a` with verdict `status` (source passage, discrepancies and note kept); `a`'s own array when none changes. */
  const withVerdict = (a: Annotation, status: VerificationStatus): CitationLink[] => {
    if (a.citations.length === 0) throw new MarginaliaError('invalid-argument', `annotation ${a.id} ${quoted(a)} cites nothing: a verdict needs a citation. Nothing was changed.`)
    if (a.citations.every((l) => l.verification?.status === status)) return a.citations
    const at = ctx.now()
    return a.citations.map((l) => {
      if (l.verification?.status === status) return l
      const v: Verification = { discrepancies: [], note: '', ...l.verification, status, by: ctx.author, at }
      delete v.byOrcid
      if (ctx.person.orcid) v.byOrcid = ctx.person.orcid
      return { ...l, verification: v }
    })
  }

  return {
    editAnnotations: ({ ids, addTags, removeTags, addEntityIds, removeEntityIds, verdict, delete: remove }) => {
      const unique = [...new Set(ids)]
      for (const id of addEntityIds ?? []) if (!store.data.entities[id]) throw new MarginaliaError('not-found', `no entity with id ${id}. Nothing was changed.`)
      const asked = [addTags, removeTags, addEntityIds, removeEntityIds].some((l) => l?.length) || verdict !== undefined
      if (remove && asked) throw new MarginaliaError('invalid-argument', 'a batch either deletes annotations or changes them, not both')
      if (!remove && !asked) throw new MarginaliaError('invalid-argument', 'nothing to do: give tags or entities to add or remove, a verdict, or delete')
      const label = `${remove ? 'Delete' : 'Edit'} ${unique.length} annotation${unique.length === 1 ? '' : 's'}`
      return store.transact(label, (tx): AnnotationBatchResult => {
        const result: AnnotationBatchResult = { updated: [], deleted: [] }
        const now = ctx.now()
        for (const id of unique) {
          const a = tx.get('annotations', id)
          if (!a) throw new MarginaliaError('not-found', `no annotation with id ${id} (deleted meanwhile?). Nothing was changed.`)
          if (remove) {
            removeAnnotation(store, tx, id)
            result.deleted.push(id)
            continue
          }
          const tags = edited(a.tags, addTags, removeTags)
          const entityIds = edited(a.entityIds, addEntityIds, removeEntityIds)
          const citations = verdict ? withVerdict(a, verdict) : a.citations
          if (sameList(tags, a.tags) && sameList(entityIds, a.entityIds) && citations === a.citations) continue
          const next: Annotation = { ...a, tags, entityIds, citations, modified: now }
          ensureTags(store, tx, tags)
          tx.put('annotations', next)
          result.updated.push(next)
        }
        return result
      })
    }
  }
}
