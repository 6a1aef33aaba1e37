/**
 * The project-wide annotation table: one row per annotation with what the historian reads in each
 * column (document title, quote in context, tags, entities, citations with locators and verdicts,
 * note, dates). Pure, over the project's records. Offsets are code points of the document's
 * normalised text.
 */
import { itemLabel } from '../citations/csl-item'
import { type Annotation, type AnchorStatus, type Collections, type EntityType, VERIFICATION_STATUSES, type VerificationStatus } from '../model'

/** A verdict as the table shows it: a verification status, or `uncited` for an annotation citing nothing. */
export type Verdict = VerificationStatus | 'uncited'

/** The model's verdicts (one list, src/shared/model/verdicts.ts), then `uncited`. */
export const VERDICTS: readonly Verdict[] = [...VERIFICATION_STATUSES, 'uncited']

/** The records the table reads. */
export type CorpusData = Pick<Collections, 'documents' | 'annotations' | 'entities' | 'citations' | 'relations'>

export interface RowEntity {
  id: string
  label: string
  type: EntityType
}

export interface RowCitation {
  citationId: string
  /** e.g. `Zachariadou 1977 · John VII (Alias Andronicus) Palaeologus` */
  label: string
  locator?: string
  status: VerificationStatus
}

export interface AnnotationRow {
  id: string
  documentId: string
  documentTitle: string
  /** Code point offsets of the quote in the document's normalised text. */
  start: number
  end: number
  exact: string
  /** Up to 32 code points before and after the quote, as stored with the annotation. */
  prefix: string
  suffix: string
  tags: string[]
  entities: RowEntity[]
  citations: RowCitation[]
  /** The row's verdict: `uncited`, its one link's status, or the most serious of several (see VERDICT_RANK). */
  verdict: Verdict
  note: string
  /** EDTF dates of the linked entities (a date entity's date, an event's or a person's span). */
  dates: string[]
  /** Anchoring outcome after the last re-import. */
  status: AnchorStatus
  author: string
  created: string
  modified: string
  color?: string
}

/**
 * Seriousness of a verdict, for a row with several citation links and for sorting: what needs the
 * historian's attention comes first (a contradiction before an unchecked claim before a supported one).
 */
export const VERDICT_RANK: Record<Verdict, number> = {
  contradicted: 0, 'not-found': 1, 'partially-supported': 2, unchecked: 3, supported: 4, uncited: 5
}

/** The EDTF dates an entity carries, as one string each (`1370/1408` for a life, `1390-04-14` for a day). */
export function entityDates(dates: { date?: string; birth?: string; death?: string; start?: string; end?: string }): string[] {
  const out: string[] = []
  if (dates.date) out.push(dates.date)
  if (dates.birth || dates.death) out.push(`${dates.birth ?? ''}/${dates.death ?? ''}`)
  if (dates.start || dates.end) out.push(`${dates.start ?? ''}/${dates.end ?? ''}`)
  return out
}

/** One annotation as a table row. Links to records that no longer exist show their id. */
export function tableRow(a: Annotation, data: CorpusData): AnnotationRow {
  const entities: RowEntity[] = a.entityIds.map((id) => {
    const e = data.entities[id]
    return e ? { id, label: e.label, type: e.type } : { id, label: id, type: 'concept' }
  })
  const citations: RowCitation[] = a.citations.map((l) => {
    const c = data.citations[l.citationId]
    const row: RowCitation = { citationId: l.citationId, label: c ? itemLabel(c.item) : l.citationId, status: l.verification?.status ?? 'unchecked' }
    if (l.locator) row.locator = l.locator
    return row
  })
  const verdict: Verdict = citations.length === 0 ? 'uncited' : citations.map((c) => c.status).sort((x, y) => VERDICT_RANK[x] - VERDICT_RANK[y])[0]
  const dates = a.entityIds.flatMap((id) => {
    const e = data.entities[id]
    return e ? entityDates(e.dates) : []
  })
  const row: AnnotationRow = {
    id: a.id, documentId: a.documentId, documentTitle: data.documents[a.documentId]?.title ?? a.documentId,
    start: a.target.start, end: a.target.end, exact: a.target.exact, prefix: a.target.prefix, suffix: a.target.suffix,
    tags: a.tags, entities, citations, verdict, note: a.note, dates: [...new Set(dates)],
    status: a.status, author: a.author, created: a.created, modified: a.modified
  }
  if (a.color) row.color = a.color
  return row
}

/** Every annotation of the project as a row, in document order (title, then position). */
export function tableRows(data: CorpusData): AnnotationRow[] {
  return Object.values(data.annotations)
    .map((a) => tableRow(a, data))
    .sort(byPosition)
}

/** Compares text as a reader sorts it (case and accents ignored at first, numbers by value). */
export const collator = new Intl.Collator('en', { sensitivity: 'base', numeric: true })

/** Document title, then start, then end, then id: the order of reading. */
export function byPosition(x: AnnotationRow, y: AnnotationRow): number {
  return collator.compare(x.documentTitle, y.documentTitle) || (x.documentId < y.documentId ? -1 : x.documentId > y.documentId ? 1 : 0) ||
    x.start - y.start || x.end - y.end || (x.id < y.id ? -1 : x.id > y.id ? 1 : 0)
}
