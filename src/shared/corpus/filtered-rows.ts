/**
 * The annotations a corpus view draws under the filter, and for each entity the annotations that
 * mention it (link to it). Every picture starts here, so they all apply the filter alike.
 */
import { type AnnotationFilter, compileFilter, isEmptyFilter } from './annotation-filter'
import { type AnnotationRow, type CorpusData, tableRows } from './annotation-rows'

export interface FilteredRows {
  /** Rows passing the filter, in reading order. */
  rows: AnnotationRow[]
  /** Entity id → ids of the kept annotations linked to it, in reading order. */
  byEntity: Map<string, string[]>
  /** True when the filter selects something out: entities without kept annotations are then left out. */
  filtered: boolean
}

export function filteredRows(data: CorpusData, filter?: AnnotationFilter): FilteredRows {
  const filtered = !isEmptyFilter(filter)
  const compiled = compileFilter(filter)
  const rows = filtered ? tableRows(data).filter((r) => compiled.test(r)) : tableRows(data)
  const byEntity = new Map<string, string[]>()
  for (const row of rows) {
    for (const e of row.entities) {
      const list = byEntity.get(e.id)
      if (list) list.push(row.id)
      else byEntity.set(e.id, [row.id])
    }
  }
  return { rows, byEntity, filtered }
}
