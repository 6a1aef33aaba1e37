/** What a project search returns. Offsets are code points of each document's normalised text. */
import type { VariantExpansion } from './variants'

export type { VariantExpansion } from './variants'

/** One occurrence of the query in a document. */
export interface SearchHit {
  documentId: string
  /** Code point offset of the hit's first character in the normalised text. */
  start: number
  /** Code point offset after its last character (exclusive). */
  end: number
  /** The text [start, end) as written. */
  exact: string
  /** Up to `context` code points before `start` (line breaks as spaces). */
  left: string
  /** Up to `context` code points after `end` (line breaks as spaces). */
  right: string
  /** The query word, phrase or entity name this occurrence is a spelling of. */
  label: string
  /** The entity whose name was found, when the spelling came from variant expansion. */
  entityId?: string
}

/** The hits of one document; `count` counts all of them, `hits` holds those within the limit. */
export interface DocumentHits {
  documentId: string
  title: string
  count: number
  hits: SearchHit[]
}

export interface SearchResult {
  query: string
  /** Hits in all documents searched. */
  total: number
  /** Documents with at least one hit, most hits first, then by title. */
  documents: DocumentHits[]
  /** Number of documents searched. */
  searched: number
  /** True when `limit` cut the list of hits (the counts are still complete). */
  truncated: boolean
  /** Entities whose other names were searched too. */
  variants: VariantExpansion[]
}
