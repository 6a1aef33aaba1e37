/**
 * Suggestion handlers: compute suggestions for a document, accept (or retype and accept) one,
 * reject one (stored, never proposed again), and "link all" occurrences of an entity as ONE
 * undoable edit. Suggestions never create annotations on their own; only accept and link-all do.
 * What the finders read from a text is kept per text version (./suggestion-cache.ts), so none of
 * these edits runs the NLP pass again. Offsets are code points of the document's normalised text.
 */
import type { entitiesMethods } from '../../../shared/api/entities'
import type { HandlersOf } from '../../../shared/api/define'
import { isEdtf } from '../../../shared/entities/edtf'
import { findByName } from '../../../shared/entities/type-ahead'
import { type Annotation, type DocumentRecord, type Entity, type RejectedSuggestion, SUGGESTION_SOURCES } from '../../../shared/model'
import { MarginaliaError } from '../../../shared/result'
import { findAliasMentions } from '../../../shared/suggest/alias-finder'
import { withoutHandled } from '../../../shared/suggest/filter'
import { SpanIndex } from '../../../shared/suggest/span-index'
import { diffSuggestions, type Suggestion, type SuggestionUpdate } from '../../../shared/suggest/types'
import type { CodePointIndex } from '../../../shared/text/code-points'
import { describe } from '../../../shared/anchoring/describe'
import type { Transaction } from '../../store/types'
import type { ServiceContext } from '../context'
import { suggestionCacheOf } from './suggestion-cache'

type SuggestionHandlers = Pick<HandlersOf<typeof entitiesMethods>,
  'suggestMentions' | 'acceptSuggestion' | 'rejectSuggestion' | 'listRejectedSuggestions' | 'restoreSuggestion' | 'linkAll'>

/** The handlers; what they keep of each text is `suggestionCacheOf(ctx)` (its `passes` count the NLP passes run). */
export function createSuggestionHandlers(ctx: ServiceContext): SuggestionHandlers {
  const cache = suggestionCacheOf(ctx)
  const { store } = ctx
  const documentOf = async (documentId: string): Promise<{ doc: DocumentRecord; index: CodePointIndex }> => {
    const doc = store.data.documents[documentId]
    if (!doc) throw new MarginaliaError('not-found', `no document with id ${documentId}`)
    return { doc, index: await store.textIndex(documentId) }
  }
  const checkRange = (index: CodePointIndex, start: number, end: number): void => {
    if (start >= end) throw new MarginaliaError('invalid-argument', `empty range: start ${start} must be before end ${end}`)
    if (end > index.length) throw new MarginaliaError('invalid-argument', `end ${end} is past the end of the document (${index.length} code points)`)
  }
  /** The document's annotations, kept per change (derived/document-lists.ts): no scan of the project's. */
  const annotationsOf = (documentId: string): readonly Annotation[] => ctx.index.annotationsOf(documentId)
  const rejectedOf = (documentId: string): RejectedSuggestion[] =>
    Object.values(store.data.rejectedSuggestions).filter((r) => r.documentId === documentId)
  const entities = (): Entity[] => Object.values(store.data.entities)

  /** The client's list as the store now stands, when the cache can give it without an NLP pass. */
  const visible = (doc: DocumentRecord, text: string): Suggestion[] | undefined => {
    const current = cache.current(doc, text, entities())
    return current && withoutHandled(current.list, annotationsOf(doc.id), rejectedOf(doc.id))
  }

  /** The document's highlights by exact span (`start:end`), to reuse one instead of adding a duplicate. */
  const bySpan = (documentId: string): Map<string, Annotation> =>
    new Map(annotationsOf(documentId).map((a) => [`${a.target.start}:${a.target.end}`, a]))

  /** Puts an annotation linking [start, end) to `entityId`, reusing a highlight of exactly that span. */
  const link = (tx: Transaction, index: CodePointIndex, spans: Map<string, Annotation>, documentId: string, start: number, end: number, entityId: string): Annotation => {
    const now = ctx.now()
    const same = spans.get(`${start}:${end}`)
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
      const { doc, index } = await documentOf(documentId)
      const found = await cache.suggestions(doc, index.text, entities(), sources ?? SUGGESTION_SOURCES, call)
      return withoutHandled(found, annotationsOf(documentId), rejectedOf(documentId))
    },
    acceptSuggestion: async ({ documentId, start, end, type, entityId, label, edtf }) => {
      const { doc, index } = await documentOf(documentId)
      checkRange(index, start, end)
      const exact = index.slice(start, end)
      if (edtf !== undefined && !isEdtf(edtf)) throw new MarginaliaError('invalid-argument', `edtf: "${edtf}" is not an EDTF date`)
      const all = entities()
      let entity: Entity | undefined
      if (entityId) {
        entity = store.data.entities[entityId]
        if (!entity) throw new MarginaliaError('not-found', `no entity with id ${entityId}`)
      } else if (type === 'date' && edtf) {
        entity = all.find((e) => e.type === 'date' && e.dates.date === edtf)
      } else {
        const known = findByName(all, label ?? exact, type)
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
      const before = visible(doc, index.text)
      const result = await store.transact(`Link “${exact}” to ${chosen.label}`, (tx) => {
        if (createdEntity) tx.put('entities', chosen)
        const annotation = link(tx, index, bySpan(documentId), documentId, start, end, chosen.id)
        return { annotation, entity: chosen, createdEntity }
      })
      const after = before && visible(doc, index.text)
      const suggestions: SuggestionUpdate | undefined = before && after ? diffSuggestions(documentId, before, after) : undefined
      return suggestions ? { ...result, suggestions } : result
    },
    rejectSuggestion: async ({ documentId, start, end }) => {
      const { index } = await documentOf(documentId)
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
      const { doc, index } = await documentOf(documentId)
      const found: Suggestion[] =
        entity.type === 'date'
          ? cache.dates(doc, index.text).filter((d) => d.edtf !== undefined && d.edtf === entity.dates.date)
          : findAliasMentions(index.text, [entity], cache.folded(doc, index.text))
      const linked = new SpanIndex(annotationsOf(documentId).filter((a) => a.entityIds.includes(entityId)).map((a) => a.target))
      const todo = withoutHandled(found, [], rejectedOf(documentId)).filter((s) => !linked.overlaps(s))
      if (todo.length === 0) return []
      const spans = bySpan(documentId)
      return store.transact(`Link all “${entity.label}” (${todo.length})`, (tx) =>
        todo.map((s) => link(tx, index, spans, documentId, s.start, s.end, entityId))
      )
    }
  }
}
