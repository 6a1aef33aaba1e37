import { z } from 'zod'
import type { KwicLine } from '../corpus/kwic'
import type { SearchResult, VariantExpansion } from '../search/types'
import { annotationFilter } from './corpus'
import { method } from './define'
import { id } from './schemas'

export type { SearchHit, DocumentHits, SearchResult, VariantExpansion } from '../search/types'
export type { KwicLine, KwicSort } from '../corpus/kwic'

/** What indexing for search did. */
export interface SearchIndexInfo {
  /** Documents whose index is ready. */
  documents: number
  /** Of those, documents indexed by this call (the others were ready). */
  built: number
  /** Words indexed over those documents. */
  words: number
}

/** A concordance: one line per occurrence; `total` counts them all, `lines` holds those within the limit. */
export interface Concordance {
  lines: KwicLine[]
  total: number
  truncated: boolean
  /** Entities whose other names were searched too (for a word or phrase query). */
  variants: VariantExpansion[]
}

const query = z.string().trim().min(1).max(1000)
const concordanceArgs = z.object({
  query: query.optional(),
  entityId: id.optional(),
  documentId: id.optional(),
  names: z.boolean().optional(),
  filter: annotationFilter.optional(),
  /** Code points of context on each side; default 50. */
  width: z.number().int().min(1).max(1000).optional(),
  sort: z.enum(['position', 'left', 'right']).optional()
})

/** Operations of search and concordance; see src/main/services/search-service.ts. */
export const searchMethods = {
  /**
   * Searches every document of the project (or one): words (all in one paragraph), "phrases",
   * prefix* and wild?ard, word~ for near spellings; case and diacritics ignored; a query naming an
   * entity also finds its other names. Hits carry code point offsets into the normalised text.
   * A document is indexed the first time it is searched (long for a book: run as a job to see progress).
   */
  search: method<SearchResult>()(
    z.object({
      query,
      documentId: id.optional(),
      /** Most hits returned (all are counted); default 1000. */
      limit: z.number().int().min(0).max(100_000).optional(),
      /** Code points of context on each side; default 60. */
      context: z.number().int().min(0).max(1000).optional(),
      /** Search the other names of an entity the query names (default true). */
      variants: z.boolean().optional()
    })
  ),
  /** Builds the search index of every document (or one) ahead of the first search; run it as a job. */
  indexForSearch: method<SearchIndexInfo>()(z.object({ documentId: id.optional() })),
  /**
   * Concordance (KWIC) of a word or phrase (`query`, as for search) or of an entity (`entityId`:
   * its annotated mentions under `filter`, plus with `names` the unannotated occurrences of its
   * names). Lines sorted by position, or by the words to the left or right of the keyword.
   */
  concordance: method<Concordance>()(
    concordanceArgs.extend({
      /** Most lines returned (all are counted); default 5000. */
      limit: z.number().int().min(0).max(100_000).optional()
    })
  ),
  /** The concordance as CSV (all lines, in the chosen order). */
  exportConcordance: method<{ fileName: string; mediaType: string; content: string }>()(concordanceArgs)
}
