/**
 * The annotation table as CSV, from whatever the filter kept: the same columns as the project's
 * annotations CSV export (src/shared/export/csv-tables.ts), written by the project's one RFC 4180
 * writer, so a filtered table and a full export read back alike. Offsets are code points.
 */
import { ANNOTATION_COLUMNS, annotationRow } from '../export/csv-tables'
import { csvRecords } from '../export/csv-write'
import type { ProjectData } from '../model'

/** CSV text (header row, CRLF records) of the annotations with these ids, in the order given. */
export function annotationsCsv(data: ProjectData, ids: readonly string[]): string {
  const rows = ids.flatMap((id) => (data.annotations[id] ? [annotationRow(data.annotations[id], data)] : []))
  return csvRecords([[...ANNOTATION_COLUMNS], ...rows])
}
