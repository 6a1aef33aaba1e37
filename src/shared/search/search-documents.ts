/**
 * A search over several documents: parse the query, add entity-name variants, find the hits of
 * each document and put them in context. Pure: the caller supplies each document's index and text
 * (src/main/services/search-service.ts keeps them). Offsets are code points of each normalised text.
 */
import type { CodePointIndex } from '../text/code-points'
import { inContext } from './context'
import type { DocumentSearchIndex } from './document-index'
import { findHits, type RawHit } from './find-hits'
import { parseQuery, type ParsedQuery } from './query'
import type { DocumentHits, SearchHit, SearchResult } from './types'
import { expandVariants, type NamedEntity } from './variants'

/** Hits returned when no limit is given (all are counted). */
export const DEFAULT_LIMIT = 1000

export interface SearchableDocument {
  id: string
  title: string
  index: DocumentSearchIndex
  text: CodePointIndex
}

export interface SearchOptions {
  /** Most hits returned over all documents (all are counted). */
  limit?: number
  /** Code points of context on each side of a hit. */
  context?: number
  /** Also search the other names of an entity named by the query (default true). */
  variants?: boolean
}

/** The query parsed and expanded once, for running over many documents. */
export function prepareQuery(query: string, entities: readonly NamedEntity[], variants = true): ReturnType<typeof expandVariants> {
  const parsed: ParsedQuery = parseQuery(query)
  return variants ? expandVariants(parsed, entities) : { query: parsed, variants: [] }
}

/** A raw hit of a document with its text and context. */
export function toSearchHit(documentId: string, text: CodePointIndex, hit: RawHit, context?: number): SearchHit {
  const out: SearchHit = { documentId, start: hit.start, end: hit.end, ...inContext(text, hit.start, hit.end, context), label: hit.label }
  if (hit.entityId) out.entityId = hit.entityId
  return out
}

/**
 * Searches `documents` for `query`. Documents are listed most hits first; hits in text order.
 * @throws QueryError when the query cannot be run (no word, a wildcard standing for too much).
 */
export function searchDocuments(documents: readonly SearchableDocument[], query: string, entities: readonly NamedEntity[], opts: SearchOptions = {}): SearchResult {
  const prepared = prepareQuery(query, entities, opts.variants ?? true)
  const found = documents
    .map((doc) => ({ doc, hits: findHits(doc.index, prepared.query) }))
    .filter((d) => d.hits.length > 0)
    .sort((a, b) => b.hits.length - a.hits.length || a.doc.title.localeCompare(b.doc.title))
  let room = opts.limit ?? DEFAULT_LIMIT
  let total = 0
  const out: DocumentHits[] = found.map(({ doc, hits }) => {
    total += hits.length
    const shown = hits.slice(0, Math.max(0, room))
    room -= shown.length
    return { documentId: doc.id, title: doc.title, count: hits.length, hits: shown.map((h) => toSearchHit(doc.id, doc.text, h, opts.context)) }
  })
  return { query, total, documents: out, searched: documents.length, truncated: out.some((d) => d.hits.length < d.count), variants: prepared.variants }
}
