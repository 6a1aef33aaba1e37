/**
 * The one filter of the corpus views: the annotation table, the document view's highlights, the
 * verification overview, the concordance and every picture (timeline, map, network, statistics)
 * take the same object. Within a field the values are alternatives (any of them); fields combine
 * (all of them). An empty or absent field does not filter.
 */
import type { AnchorStatus, EntityType } from '../model'
import type { AnnotationRow, Verdict } from './annotation-rows'
import { foldedWords } from '../search/word-table'

export interface AnnotationFilter {
  documentIds?: string[]
  tags?: string[]
  entityIds?: string[]
  /** Annotations linked to at least one entity of any of these types. */
  entityTypes?: EntityType[]
  citationIds?: string[]
  /** Annotations with any citation link of these statuses; `uncited` for annotations citing nothing. */
  verdicts?: Verdict[]
  /**
   * Words that must all occur, as whole words or word beginnings, in the quote, the note, a tag or
   * a linked entity's label — folded as search folds them (case and diacritics ignored).
   */
  text?: string
  /** Anchoring outcomes (`orphaned` lists the annotations to review after a re-import). */
  statuses?: AnchorStatus[]
  /** Exactly these annotations (a selection made in a picture). */
  annotationIds?: string[]
}

/** The fields of a filter that select by a facet. */
export type FacetField = 'documentIds' | 'tags' | 'entityIds' | 'entityTypes' | 'citationIds' | 'verdicts' | 'statuses'
export const FACET_FIELDS: readonly FacetField[] = ['documentIds', 'tags', 'entityIds', 'entityTypes', 'citationIds', 'verdicts', 'statuses']

/** The values a row has for a facet. */
export function facetValues(row: AnnotationRow, field: FacetField): string[] {
  switch (field) {
    case 'documentIds': return [row.documentId]
    case 'tags': return row.tags
    case 'entityIds': return row.entities.map((e) => e.id)
    case 'entityTypes': return [...new Set(row.entities.map((e) => e.type))]
    case 'citationIds': return [...new Set(row.citations.map((c) => c.citationId))]
    case 'verdicts': return row.citations.length === 0 ? ['uncited'] : [...new Set(row.citations.map((c) => c.status))]
    case 'statuses': return [row.status]
  }
}

/** True when the filter selects nothing out (every field empty or absent). */
export function isEmptyFilter(filter: AnnotationFilter | undefined): boolean {
  if (!filter) return true
  return FACET_FIELDS.every((f) => !filter[f]?.length) && !filter.text?.trim() && !filter.annotationIds
}

/** A filter compiled once for testing many rows. */
export interface CompiledFilter {
  /** True when the row passes every field (except `skip`, for counting that facet). */
  test(row: AnnotationRow, skip?: FacetField): boolean
}

/** Folded words of a row's searchable text, computed once per row object. */
const rowWords = new WeakMap<AnnotationRow, string[]>()
function wordsOf(row: AnnotationRow): string[] {
  let words = rowWords.get(row)
  if (!words) {
    words = foldedWords([row.exact, row.note, ...row.tags, ...row.entities.map((e) => e.label)].join(' \n '))
    rowWords.set(row, words)
  }
  return words
}

export function compileFilter(filter: AnnotationFilter = {}): CompiledFilter {
  const sets = FACET_FIELDS.map((f) => [f, filter[f]?.length ? new Set<string>(filter[f]) : undefined] as const).filter(([, s]) => s)
  const ids = filter.annotationIds ? new Set(filter.annotationIds) : undefined
  const words = filter.text ? foldedWords(filter.text) : []
  return {
    test(row, skip) {
      if (ids && !ids.has(row.id)) return false
      for (const [field, set] of sets) {
        if (field === skip) continue
        if (!facetValues(row, field).some((v) => set!.has(v))) return false
      }
      if (words.length) {
        const have = wordsOf(row)
        if (!words.every((w) => have.some((h) => h.startsWith(w)))) return false
      }
      return true
    }
  }
}

/** The rows the filter keeps, in their order. */
export function filterRows(rows: readonly AnnotationRow[], filter: AnnotationFilter | undefined): AnnotationRow[] {
  if (isEmptyFilter(filter)) return [...rows]
  const f = compileFilter(filter)
  return rows.filter((r) => f.test(r))
}
