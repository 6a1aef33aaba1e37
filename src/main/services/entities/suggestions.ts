/**
 * Suggestion handlers: compute suggestions for a document, accept (or retype and accept) one,
 * reject one (stored, never proposed again), and "link all" occurrences of an entity as ONE
 * undoable edit. Suggestions never create annotations on their own; only accept and link-all do.
 * Offsets are code points of the document's normalised text.
 */
import type { entitiesMethods } from '../../../shared/api/entities'
import type { HandlersOf } from '../../../shared/api/define'
import { isEdtf } from '../../../shared/entities/edtf'
import { findByName } from '../../../shared/entities/type-ahead'
import type { Annotation, Entity, RejectedSuggestion } from '../../../shared/model'
import { MarginaliaError } from '../../../shared/result'
import { findAliasMentions } from '../../../shared/suggest/alias-finder'
import { findDates } from '../../../shared/suggest/date-finder'
import { isRejected } from '../../../shared/suggest/filter'
import { suggestAsync } from '../../../shared/suggest/suggest'
import { overlaps, type Suggestion } from '../../../shared/suggest/types'
import type { CodePointIndex } from '../../../shared/text/code-points'
import { describe } from '../../../shared/anchoring/describe'
import type { Transaction } from '../../store/types'
import type { ServiceContext } from '../context'

type SuggestionHandlers = Pick<HandlersOf<typeof entitiesMethods>,
  'suggestMentions' | 'acceptSuggestion' | 'rejectSuggestion' | 'listRejectedSuggestions' | 'restoreSuggestion' | 'linkAll'>

export function createSuggestionHandlers(ctx: ServiceContext): SuggestionHandlers {
  const { store } = ctx
  const documentIndex = async (documentId: string): Promise<CodePointIndex> => {
    if (!store.data.documents[documentId]) throw new MarginaliaError('not-found', `no document with id ${documentId}`)
    return store.textIndex(documentId)
  }
  const checkRange = (index: CodePointIndex, start: number, end: number): void => {
    if (start >= end) throw new MarginaliaError('invalid-argument', `empty range: start ${start} must be before end ${end}`)
    if (end > index.length) throw new MarginaliaError('invalid-argument', `end ${end} is past the end of the document (${index.length} code points)`)
  }
  const annotationsOf = (documentId: string): Annotation[] => Object.values(store.data.annotations).filter((a) => a.documentId === documentId)
  const rejectedOf = (documentId: string): RejectedSuggestion[] =>
    Object.values(store.data.rejectedSuggestions).filter((r) => r.documentId === documentId)

  /** Puts an annotation linking [start, end) to `entityId`, reusing a highlight of exactly that span. */
  const link = (tx: Transaction, index: CodePointIndex, documentId: string, start: number, end: number, entityId: string): Annotation => {
    const now = ctx.now()
    const same = annotationsOf(documentId).find((a) => a.target.start === start && a.target.end === end)
    const current = same ? (tx.get('annotations', same.id) ?? same) : undefined
    const annotation: Annotation = current
      ? { ...current, entityIds: [...new Set([...current.entityIds, entityId])], modified: now }
      : {
          id: ctx.newId('ann'), documentId, target: describe(index, start, end), tags: [], note: '', entityIds: [entityId],
          citations: [], author: ctx.author, created: now, modified: now, status: 'anchored'
        }
    tx.put('annotations', annotation)
    return annotation
  }

  return {
    suggestMentions: async ({ documentId, sources }, call) => {
      const index = await documentIndex(documentId)
      return suggestAsync({
        text: index.text,
        entities: Object.values(store.data.entities),
        annotations: annotationsOf(documentId),
        rejected: rejectedOf(documentId),
        sources,
        onProgress: call.progress,
        signal: call.signal
      })
    },
    acceptSuggestion: async ({ documentId, start, end, type, entityId, label, edtf }) => {
      const index = await documentIndex(documentId)
      checkRange(index, start, end)
      const exact = index.slice(start, end)
      if (edtf !== undefined && !isEdtf(edtf)) throw new MarginaliaError('invalid-argument', `edtf: "${edtf}" is not an EDTF date`)
      const entities = Object.values(store.data.entities)
      let entity: Entity | undefined
      if (entityId) {
        entity = store.data.entities[entityId]
        if (!entity) throw new MarginaliaError('not-found', `no entity with id ${entityId}`)
      } else if (type === 'date' && edtf) {
        entity = entities.find((e) => e.type === 'date' && e.dates.date === edtf)
      } else {
        const known = findByName(entities, label ?? exact, type)
        if (known.length === 1) entity = known[0]
      }
      const createdEntity = !entity
      if (!entity) {
        const now = ctx.now()
        entity = {
          id: ctx.newId('ent'), type, label: label ?? exact, aliases: [], description: '', authorities: [],
          dates: type === 'date' && edtf ? { date: edtf } : {}, created: now, modified: now
        }
      }
      const chosen = entity
      return store.transact(`Link “${exact}” to ${chosen.label}`, (tx) => {
        if (createdEntity) tx.put('entities', chosen)
        const annotation = link(tx, index, documentId, start, end, chosen.id)
        return { annotation, entity: chosen, createdEntity }
      })
    },
    rejectSuggestion: async ({ documentId, start, end }) => {
      const index = await documentIndex(documentId)
      checkRange(index, start, end)
      const exact = index.slice(start, end)
      const existing = rejectedOf(documentId).find((r) => r.start === start && r.end === end && r.exact === exact)
      if (existing) return existing
      const record: RejectedSuggestion = { id: ctx.newId('rej'), documentId, start, end, exact, created: ctx.now() }
      return store.transact(`Reject suggestion “${exact}”`, (tx) => {
        tx.put('rejectedSuggestions', record)
        return record
      })
    },
    listRejectedSuggestions: ({ documentId }) =>
      Object.values(store.data.rejectedSuggestions)
        .filter((r) => !documentId || r.documentId === documentId)
        .sort((a, b) => a.documentId.localeCompare(b.documentId) || a.start - b.start),
    restoreSuggestion: async ({ id }) => {
      const r = store.data.rejectedSuggestions[id]
      if (!r) throw new MarginaliaError('not-found', `no rejected suggestion with id ${id}`)
      await store.transact(`Restore suggestion “${r.exact}”`, (tx) => tx.remove('rejectedSuggestions', id))
      return { id }
    },
    linkAll: async ({ entityId, documentId }) => {
      const entity = store.data.entities[entityId]
      if (!entity) throw new MarginaliaError('not-found', `no entity with id ${entityId}`)
      const index = await documentIndex(documentId)
      const found: Suggestion[] =
        entity.type === 'date'
          ? findDates(index.text).filter((d) => d.edtf !== undefined && d.edtf === entity.dates.date)
          : findAliasMentions(index.text, [entity])
      const existing = annotationsOf(documentId)
      const rejected = rejectedOf(documentId)
      const todo = found.filter(
        (s) => !isRejected(s, rejected) && !existing.some((a) => a.entityIds.includes(entityId) && overlaps(a.target, s))
      )
      if (todo.length === 0) return []
      return store.transact(`Link all “${entity.label}” (${todo.length})`, (tx) =>
        todo.map((s) => link(tx, index, documentId, s.start, s.end, entityId))
      )
    }
  }
}
