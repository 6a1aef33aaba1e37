/**
 * The scope the Export dialog proposes for a format: the one the format is for, so the default
 * never contradicts what the format's label promises. Formats that carry a text with its
 * annotations (TEI: one file per document; W3C: the annotations on a text, as the app imports them
 * per document) start on the open document; formats of the project as a whole (Marginalia JSON, a
 * backup to re-import; the CSV tables; the bibliographies) start on the whole project.
 * A scope the historian picked by hand is kept when the format changes (the dialog's concern).
 */
import type { ExportFormatName } from '../../shared/export/format-names'

export type ExportScopeChoice = 'document' | 'project'

/** Formats whose natural unit is one document. */
const PER_DOCUMENT: ReadonlySet<string> = new Set<ExportFormatName>(['tei', 'w3c'])

/** The scope to propose for `format`; `project` whenever no document is open. */
export function defaultExportScope(format: string, documentOpen: boolean): ExportScopeChoice {
  return documentOpen && PER_DOCUMENT.has(format) ? 'document' : 'project'
}

/** One line saying what the chosen scope exports. */
export function scopeNote(scope: ExportScopeChoice): string {
  return scope === 'document'
    ? 'The open document, its annotations and what they reach (linked entities, cited works, relations).'
    : 'Every document of the project and everything recorded about them.'
}
