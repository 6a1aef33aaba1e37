/**
 * The annotation table as the UI and the CLI ask for it: rows filtered, sorted by any column, a
 * page of them, and the counts of every facet value. A facet's counts apply every field of the
 * filter except that facet's own, so they say how many rows choosing that value would give
 * (the usual faceted-search counts); the chosen values of a facet keep their counts.
 */
import { itemLabel } from '../citations/csl-item'
import { type AnnotationFilter, compileFilter, FACET_FIELDS, type FacetField, facetValues, isEmptyFilter } from './annotation-filter'
import { type AnnotationRow, tableRows, byPosition, collator, type CorpusData, VERDICT_RANK } from './annotation-rows'

export type TableColumn =
  | 'position' | 'document' | 'quote' | 'tags' | 'entities' | 'entityType' | 'citation' | 'verdict'
  | 'note' | 'dates' | 'status' | 'created' | 'modified'

export const TABLE_COLUMNS: readonly TableColumn[] = [
  'position', 'document', 'quote', 'tags', 'entities', 'entityType', 'citation', 'verdict', 'note', 'dates', 'status', 'created', 'modified'
]

export interface TableSort {
  column: TableColumn
  descending?: boolean
}

/** One value of a facet with the number of rows it would select. */
export interface FacetCount {
  value: string
  /** What the UI shows: a document's title, an entity's label, a citation's label, the value itself. */
  label: string
  count: number
}

export type Facets = Record<FacetField, FacetCount[]>

export interface TableQuery {
  filter?: AnnotationFilter
  sort?: TableSort
  /** First row returned (after filtering and sorting), 0-based. */
  offset?: number
  /** Most rows returned; all when absent. */
  limit?: number
}

export interface AnnotationTable {
  rows: AnnotationRow[]
  /** Rows the filter keeps (before offset and limit). */
  total: number
  /** Annotations in the project. */
  all: number
  facets: Facets
}

/** The text a column sorts by ('' sorts last). */
function sortText(row: AnnotationRow, column: TableColumn): string {
  switch (column) {
    case 'document': return row.documentTitle
    case 'quote': return row.exact
    case 'tags': return row.tags.join(' ')
    case 'entities': return row.entities.map((e) => e.label).join(' ')
    case 'entityType': return [...new Set(row.entities.map((e) => e.type))].sort().join(' ')
    case 'citation': return row.citations.map((c) => `${c.label} ${c.locator ?? ''}`).join(' ')
    case 'note': return row.note
    case 'dates': return row.dates.join(' ')
    case 'status': return row.status
    case 'created': return row.created
    case 'modified': return row.modified
    default: return ''
  }
}

/** Sorts rows by a column; ties (and `position`) in reading order. Empty values go last either way. */
export function sortRows(rows: AnnotationRow[], sort: TableSort = { column: 'position' }): AnnotationRow[] {
  const sign = sort.descending ? -1 : 1
  if (sort.column === 'position') return rows.sort((x, y) => sign * byPosition(x, y))
  if (sort.column === 'verdict') return rows.sort((x, y) => sign * (VERDICT_RANK[x.verdict] - VERDICT_RANK[y.verdict]) || byPosition(x, y))
  const keys = new Map(rows.map((r) => [r, sortText(r, sort.column)]))
  return rows.sort((x, y) => {
    const a = keys.get(x)!
    const b = keys.get(y)!
    if (!a !== !b) return a ? -1 : 1
    return sign * collator.compare(a, b) || byPosition(x, y)
  })
}

/** Counts of every facet value over `rows` under `filter` (see the module comment). */
export function facetCounts(rows: readonly AnnotationRow[], filter: AnnotationFilter | undefined, data: CorpusData): Facets {
  const compiled = compileFilter(filter)
  const labels: Record<FacetField, (v: string) => string> = {
    documentIds: (v) => data.documents[v]?.title ?? v,
    entityIds: (v) => data.entities[v]?.label ?? v,
    citationIds: (v) => (data.citations[v] ? itemLabel(data.citations[v].item) : v),
    tags: (v) => v, entityTypes: (v) => v, verdicts: (v) => v, statuses: (v) => v
  }
  const out = {} as Facets
  for (const field of FACET_FIELDS) {
    const counts = new Map<string, number>()
    for (const row of rows) {
      if (!compiled.test(row, field)) continue
      for (const v of facetValues(row, field)) counts.set(v, (counts.get(v) ?? 0) + 1)
    }
    for (const v of filter?.[field] ?? []) if (!counts.has(v)) counts.set(v, 0)
    out[field] = [...counts]
      .map(([value, count]) => ({ value, label: labels[field](value), count }))
      .sort((a, b) => b.count - a.count || collator.compare(a.label, b.label))
  }
  return out
}

/** The table for a query: see TableQuery. */
export function annotationTable(data: CorpusData, query: TableQuery = {}): AnnotationTable {
  const all = tableRows(data)
  const compiled = compileFilter(query.filter)
  const kept = isEmptyFilter(query.filter) ? all : all.filter((r) => compiled.test(r))
  sortRows(kept, query.sort)
  const from = query.offset ?? 0
  const rows = query.limit === undefined ? kept.slice(from) : kept.slice(from, from + query.limit)
  return { rows, total: kept.length, all: all.length, facets: facetCounts(all, query.filter, data) }
}
