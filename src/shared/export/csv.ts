/**
 * CSV export (RFC 4180, byte-identical to csv-stringify's output: comma-separated, CRLF between records, fields quoted when they hold a comma,
 * quote, CR or LF, quotes doubled; UTF-8; header row; optional BOM for spreadsheet programs).
 * One file per table: annotations.csv, entities.csv, citations.csv, relations.csv, plus
 * verifications.csv for the detail of verdicts; packed into one zip on request.
 * Start and end columns are code points of the normalised text, so `text[start:end] == exact` holds
 * when the text is indexed by code points (e.g. Python's str slicing).
 */
import { strToU8, zipSync, type Zippable } from 'fflate'
import {
  ANNOTATION_COLUMNS, CITATION_COLUMNS, ENTITY_COLUMNS, RELATION_COLUMNS, VERIFICATION_COLUMNS,
  annotationRow, citationRow, entityRow, relationRow, verificationRows
} from './csv-tables'
import { csvRecords } from './csv-write'
import { slug } from './native-json'
import { collectionsNotCarried, rejectedSuggestionsLoss } from './losses'
import { type ExportSelection, selectForExport } from './reach'
import { BATCH, runSteps, type ExportSteps } from './steps'
import type { ExportFile, ExportInput, ExportOutput, ExportProgress, LossItem } from './types'

const BOM = '\uFEFF'

/** RFC 4180 text of `rows` (no header); see ./csv-write.ts. */
function csvText(rows: string[][]): string {
  return csvRecords(rows)
}

const headerLine = (columns: readonly string[]) => csvText([[...columns]])

/** CSV export as resumable steps (progress in annotations). */
export function* csvSteps(input: ExportInput): ExportSteps {
  const { data, options } = input
  const sel = selectForExport(data, input.scope)
  const total = sel.annotations.length
  const annParts = [headerLine(ANNOTATION_COLUMNS)]
  const verParts = [headerLine(VERIFICATION_COLUMNS)]
  const uses = new Map<string, number>()
  for (let i = 0; i < total; i += BATCH) {
    const batch = sel.annotations.slice(i, i + BATCH)
    annParts.push(csvText(batch.map((a) => annotationRow(a, data))))
    verParts.push(csvText(batch.flatMap(verificationRows)))
    for (const a of batch) for (const e of a.entityIds) uses.set(e, (uses.get(e) ?? 0) + 1)
    yield [Math.min(i + BATCH, total), total]
  }
  const tables: [string, string][] = [
    ['annotations.csv', annParts.join('')],
    ['entities.csv', headerLine(ENTITY_COLUMNS) + csvText(sel.entities.map((e) => entityRow(e, uses.get(e.id) ?? 0)))],
    ['citations.csv', headerLine(CITATION_COLUMNS) + csvText(sel.citations.map(citationRow))],
    ['relations.csv', headerLine(RELATION_COLUMNS) + csvText(sel.relations.map((r) => relationRow(r, data)))],
    ['verifications.csv', verParts.join('')]
  ]
  const files: ExportFile[] = tables.map(([name, text]) => ({
    name, mediaType: 'text/csv; charset=utf-8', content: (options.bom ? BOM : '') + text
  }))
  const zipped = options.zip ? [zipFiles(files, input)] : files
  return { files: zipped, losses: csvLosses(sel) }
}

/** Packs the tables into one zip (`<project or document>-csv.zip`), dated at the export's date. */
function zipFiles(files: ExportFile[], input: ExportInput): ExportFile {
  const mtime = new Date(input.exportedAt)
  const entries: Zippable = {}
  for (const f of files) entries[f.name] = [strToU8(f.content as string), { mtime }]
  const doc = input.scope.documentId ? input.data.documents[input.scope.documentId] : undefined
  const base = slug(doc ? doc.title : input.data.project.name) || 'marginalia'
  return { name: `${base}-csv.zip`, mediaType: 'application/zip', content: zipSync(entries) }
}

/** What the tables do not carry, with counts and the model fields concerned. */
function csvLosses(sel: ExportSelection): LossItem[] {
  const out: LossItem[] = collectionsNotCarried(sel, ['documents'],
    'texts, structure and metadata; annotations carry their document\'s id and title, and each passage with its prefix and suffix')
  const colored = sel.tags.filter((t) => t.color).length
  if (colored > 0) out.push({ what: 'tag colours', count: colored, fields: ['tags.color'] })
  if (sel.predicates.length > 0) out.push({ what: 'the predicate vocabulary (relations carry each predicate\'s label)', count: sel.predicates.length, fields: ['predicates.builtin'] })
  return [...out, ...rejectedSuggestionsLoss(sel)]
}

/** CSV exporter (the pure `Exporter` contract). */
export function exportCsv(input: ExportInput, progress?: ExportProgress, signal?: AbortSignal): ExportOutput {
  return runSteps(csvSteps(input), progress, signal)
}
