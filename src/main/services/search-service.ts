/**
 * Search and concordance over the project's documents. The indexes are built lazily per document
 * and kept per text (search-index-cache.ts); everything else is pure (src/shared/search,
 * src/shared/corpus/kwic.ts). Offsets are code points of each document's normalised text.
 */
import type { HandlersOf, CallContext } from '../../shared/api/define'
import type { Concordance, searchMethods } from '../../shared/api/search'
import type { AnnotationFilter } from '../../shared/corpus/annotation-filter'
import { filteredRows } from '../../shared/corpus/filtered-rows'
import { DEFAULT_KWIC_WIDTH, type KwicLine, kwicCsv, kwicLine, type KwicSort, sortKwic } from '../../shared/corpus/kwic'
import { findHits, type RawHit } from '../../shared/search/find-hits'
import type { ParsedQuery } from '../../shared/search/query'
import { QueryError } from '../../shared/search/query'
import { prepareQuery, type SearchableDocument, searchDocuments } from '../../shared/search/search-documents'
import { entityNamesQuery, type VariantExpansion } from '../../shared/search/variants'
import type { ProjectData } from '../../shared/model'
import { MarginaliaError } from '../../shared/result'
import type { ServiceContext } from './context'
import { SearchIndexCache } from './search-index-cache'

/** Lines a concordance returns when no limit is given (all are counted). */
const DEFAULT_KWIC_LIMIT = 5000

interface ConcordanceArgs {
  query?: string
  entityId?: string
  documentId?: string
  names?: boolean
  filter?: AnnotationFilter
  width?: number
  sort?: KwicSort
}

export function createSearchHandlers(ctx: ServiceContext): HandlersOf<typeof searchMethods> {
  const { store } = ctx
  const cache = new SearchIndexCache(store)
  const data = () => store.data as ProjectData
  const entities = () => Object.values(store.data.entities)

  /** The documents searched, indexed (progress over all of them in UTF-16 units of their texts). */
  const load = async (documentId: string | undefined, call: CallContext): Promise<{ docs: SearchableDocument[]; built: number }> => {
    if (documentId && !store.data.documents[documentId]) throw new MarginaliaError('not-found', `no document with id ${documentId}`)
    const records = documentId ? [store.data.documents[documentId]] : Object.values(store.data.documents)
    const total = records.reduce((n, d) => n + d.length, 0)
    let before = 0
    let built = 0
    const docs: SearchableDocument[] = []
    for (const d of records) {
      const ready = await cache.isIndexed(d.id)
      const progress = call.progress && ((done: number, of: number) => call.progress!(before + (of ? (done / of) * d.length : 0), total, `Indexing ${d.title} for search`))
      const { index, text } = await cache.load(d.id, { signal: call.signal, progress })
      if (!ready) built++
      before += d.length
      docs.push({ id: d.id, title: d.title, index, text })
    }
    return { docs, built }
  }

  /** Query errors are the caller's: an invalid-argument with the reason. */
  const asked = <T>(fn: () => T): T => {
    try {
      return fn()
    } catch (err) {
      if (err instanceof QueryError) throw new MarginaliaError('invalid-argument', `search: ${err.message}`)
      throw err
    }
  }

  /** Every concordance line of the request, sorted, and the variants searched. */
  const concordanceLines = async (args: ConcordanceArgs, call: CallContext): Promise<{ lines: KwicLine[]; variants: VariantExpansion[] }> => {
    if (!args.query === !args.entityId) throw new MarginaliaError('invalid-argument', 'concordance needs exactly one of query or entityId')
    const width = args.width ?? DEFAULT_KWIC_WIDTH
    const lines: KwicLine[] = []
    let variants: VariantExpansion[] = []
    let query: ParsedQuery | undefined
    /** Annotated mentions already listed, per document: name hits inside them are not listed again. */
    const annotated = new Map<string, Array<{ start: number; end: number }>>()
    if (args.entityId) {
      const entity = store.data.entities[args.entityId]
      if (!entity) throw new MarginaliaError('not-found', `no entity with id ${args.entityId}`)
      const filter: AnnotationFilter = { ...args.filter, entityIds: [entity.id], ...(args.documentId ? { documentIds: [args.documentId] } : {}) }
      for (const row of filteredRows(data(), filter).rows) {
        const doc = store.data.documents[row.documentId]
        if (!doc) continue
        const text = await store.textIndex(doc.id)
        lines.push(kwicLine(doc, text, row.start, row.end, width, { annotationId: row.id, entityId: entity.id }))
        annotated.set(doc.id, [...(annotated.get(doc.id) ?? []), row])
      }
      if (args.names) query = entityNamesQuery(entity)
    } else {
      const prepared = asked(() => prepareQuery(args.query!, entities()))
      query = prepared.query
      variants = prepared.variants
    }
    if (query) {
      const { docs } = await load(args.documentId, call)
      for (const doc of docs) {
        const spans = annotated.get(doc.id) ?? []
        const hits: RawHit[] = asked(() => findHits(doc.index, query!))
        for (const h of hits) {
          if (spans.some((s) => s.start < h.end && h.start < s.end)) continue
          lines.push(kwicLine(doc, doc.text, h.start, h.end, width, { entityId: h.entityId ?? args.entityId }))
        }
      }
    }
    return { lines: sortKwic(lines, args.sort), variants }
  }

  return {
    search: async ({ query, documentId, limit, context, variants }, call) => {
      const { docs } = await load(documentId, call)
      return asked(() => searchDocuments(docs, query, entities(), { limit, context, variants }))
    },

    indexForSearch: async ({ documentId }, call) => {
      const { docs, built } = await load(documentId, call)
      return { documents: docs.length, built, words: docs.reduce((n, d) => n + d.index.table.words, 0) }
    },

    concordance: async (args, call): Promise<Concordance> => {
      const { lines, variants } = await concordanceLines(args, call)
      const limit = args.limit ?? DEFAULT_KWIC_LIMIT
      return { lines: lines.slice(0, limit), total: lines.length, truncated: lines.length > limit, variants }
    },

    exportConcordance: async (args, call) => {
      const { lines } = await concordanceLines(args, call)
      return { fileName: 'concordance.csv', mediaType: 'text/csv', content: kwicCsv(lines) }
    }
  }
}
