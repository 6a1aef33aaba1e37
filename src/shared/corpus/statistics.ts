/**
 * Statistics of the annotations under the filter: per tag, per entity type, per document, the
 * most-mentioned entities and the verdicts (per citation link, and per annotation as the table
 * shows it). Counts only; the charts are the UI's.
 */
import type { EntityType } from '../model'
import type { AnnotationFilter } from './annotation-filter'
import { type CorpusData, type Verdict, VERDICTS } from './annotation-rows'
import { filteredRows } from './filtered-rows'

export interface Count {
  value: string
  label: string
  count: number
}

export interface EntityCount extends Count {
  type: EntityType
}

export interface Statistics {
  /** Annotations under the filter. */
  annotations: number
  byTag: Count[]
  /** Annotations linked to at least one entity of each type. */
  byEntityType: Count[]
  byDocument: Count[]
  /** Entities by number of annotations linked to them, most first (at most `top`). */
  topEntities: EntityCount[]
  /** Citation links by verdict (`unchecked` when none is recorded). */
  verdictsByLink: Count[]
  /** Annotations by the verdict the table shows (`uncited` when they cite nothing). */
  verdictsByAnnotation: Count[]
}

function counted(map: Map<string, number>, label: (v: string) => string = (v) => v): Count[] {
  return [...map].map(([value, count]) => ({ value, label: label(value), count })).sort((a, b) => b.count - a.count || a.label.localeCompare(b.label))
}

const bump = (map: Map<string, number>, key: string): void => {
  map.set(key, (map.get(key) ?? 0) + 1)
}

/** Statistics under `filter`; `top` bounds the list of most-mentioned entities (default 20). */
export function statistics(data: CorpusData, filter?: AnnotationFilter, top = 20): Statistics {
  const { rows, byEntity } = filteredRows(data, filter)
  const tags = new Map<string, number>()
  const types = new Map<string, number>()
  const docs = new Map<string, number>()
  const links = new Map<string, number>()
  const verdicts = new Map<string, number>(VERDICTS.map((v): [Verdict, number] => [v, 0]))
  for (const r of rows) {
    for (const t of r.tags) bump(tags, t)
    for (const t of new Set(r.entities.map((e) => e.type))) bump(types, t)
    bump(docs, r.documentId)
    for (const c of r.citations) bump(links, c.status)
    bump(verdicts, r.verdict)
  }
  const topEntities: EntityCount[] = [...byEntity]
    .map(([id, ids]) => ({ value: id, label: data.entities[id]?.label ?? id, type: data.entities[id]?.type ?? 'concept', count: ids.length }))
    .sort((a, b) => b.count - a.count || a.label.localeCompare(b.label))
    .slice(0, top)
  return {
    annotations: rows.length,
    byTag: counted(tags),
    byEntityType: counted(types),
    byDocument: counted(docs, (id) => data.documents[id]?.title ?? id),
    topEntities,
    verdictsByLink: counted(links),
    verdictsByAnnotation: counted(verdicts)
  }
}
