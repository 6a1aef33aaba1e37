/**
 * The rows of the CSV export, one builder per table. Offsets are code points of the document's
 * normalised text. Cells holding several values (tags, entity ids, citation ids…) join them with
 * ` | `; a `|` or `\` inside a value is escaped as `\|` or `\\`, so every list splits back exactly.
 * The citation columns of an annotation (citation_ids, locators, verdicts) are parallel lists: the
 * n-th locator and verdict belong to the n-th citation, empty when it has none.
 */
import type { Annotation, Authorship, Citation, CslDate, CslName, Entity, ProjectData, Relation } from '../model'

/** Joins several values into one cell, escaping the separator so the list can be split back. */
export function joinList(values: readonly string[]): string {
  if (values.length === 0) return ''
  if (values.length === 1 && !/[\\|]/.test(values[0])) return values[0]
  return values.map((v) => v.replace(/[\\|]/g, (c) => '\\' + c)).join(' | ')
}

/** Splits a cell written by `joinList` back into its values. */
export function splitList(cell: string): string[] {
  if (cell === '') return []
  const out: string[] = []
  let cur = ''
  for (let i = 0; i < cell.length; i++) {
    const c = cell[i]
    if (c === '\\' && i + 1 < cell.length) cur += cell[++i]
    else if (c === '|' && cur.endsWith(' ') && cell[i + 1] === ' ') {
      out.push(cur.slice(0, -1))
      cur = ''
      i++
    } else cur += c
  }
  out.push(cur)
  return out
}

/** Authorship columns (team2): who made and who last changed the record, each with their ORCID iD. */
const AUTHORSHIP_COLUMNS = ['created_by', 'created_by_orcid', 'modified_by', 'modified_by_orcid'] as const
const authorshipCells = (r: Authorship): string[] => [r.createdBy?.name ?? '', r.createdBy?.orcid ?? '', r.modifiedBy?.name ?? '', r.modifiedBy?.orcid ?? '']

export const ANNOTATION_COLUMNS = [
  'id', 'document', 'document_title', 'start', 'end', 'exact', 'prefix', 'suffix', 'tags', 'note',
  'entity_ids', 'entity_labels', 'entity_types', 'authority_uris', 'citation_ids', 'locators', 'verdicts',
  'color', 'status', 'author', 'created', 'modified', ...AUTHORSHIP_COLUMNS
] as const

export function annotationRow(a: Annotation, data: ProjectData): string[] {
  const entities = a.entityIds.map((id) => data.entities[id])
  return [
    a.id, a.documentId, data.documents[a.documentId]?.title ?? '', String(a.target.start), String(a.target.end),
    a.target.exact, a.target.prefix, a.target.suffix, joinList(a.tags), a.note,
    joinList(a.entityIds), joinList(entities.map((e) => e?.label ?? '')), joinList(entities.map((e) => e?.type ?? '')),
    joinList(entities.flatMap((e) => e?.authorities.map((x) => x.uri) ?? [])),
    joinList(a.citations.map((c) => c.citationId)), joinList(a.citations.map((c) => c.locator ?? '')),
    joinList(a.citations.map((c) => c.verification?.status ?? '')),
    a.color ?? '', a.status, a.author, a.created, a.modified, ...authorshipCells(a)
  ]
}

export const ENTITY_COLUMNS = [
  'id', 'type', 'label', 'aliases', 'description', 'authority_ids', 'authority_uris', 'lat', 'lon',
  'date', 'birth', 'death', 'start', 'end', 'annotation_count', 'created', 'modified', ...AUTHORSHIP_COLUMNS
] as const

export function entityRow(e: Entity, annotationCount: number): string[] {
  return [
    e.id, e.type, e.label, joinList(e.aliases), e.description,
    joinList(e.authorities.map((x) => `${x.scheme}:${x.id}`)), joinList(e.authorities.map((x) => x.uri)),
    e.coordinates ? String(e.coordinates.lat) : '', e.coordinates ? String(e.coordinates.lon) : '',
    e.dates.date ?? '', e.dates.birth ?? '', e.dates.death ?? '', e.dates.start ?? '', e.dates.end ?? '',
    String(annotationCount), e.created, e.modified, ...authorshipCells(e)
  ]
}

export const CITATION_COLUMNS = [
  'id', 'csl_id', 'type', 'title', 'authors', 'editors', 'issued', 'container_title', 'volume', 'issue', 'page',
  'publisher', 'publisher_place', 'doi', 'url', 'source_document', 'csl_json', 'created', 'modified', ...AUTHORSHIP_COLUMNS
] as const

/** A CSL name as `Family, Given` (or its literal). */
export function nameText(n: CslName): string {
  if (n.literal) return n.literal
  return [n.family, n.given].filter(Boolean).join(', ')
}

/** A CSL date as EDTF-like text: `1977`, `1977-05-02`, `1394/1402`, or its literal/raw form. */
export function dateText(d: CslDate | undefined): string {
  if (!d) return ''
  const parts = d['date-parts']
  if (parts && parts.length > 0)
    return parts.map((p) => p.map((x, i) => (i === 0 ? String(x) : String(x).padStart(2, '0'))).join('-')).join('/')
  return d.literal ?? d.raw ?? ''
}

const cell = (v: unknown): string => (v === undefined || v === null ? '' : String(v))

export function citationRow(c: Citation): string[] {
  const it = c.item
  return [
    c.id, it.id, it.type, cell(it.title), joinList((it.author ?? []).map(nameText)), joinList((it.editor ?? []).map(nameText)),
    dateText(it.issued), cell(it['container-title']), cell(it.volume), cell(it.issue), cell(it.page),
    cell(it.publisher), cell(it['publisher-place']), cell(it.DOI), cell(it.URL), c.sourceDocumentId ?? '',
    JSON.stringify(it), c.created, c.modified, ...authorshipCells(c)
  ]
}

export const RELATION_COLUMNS = [
  'id', 'subject', 'subject_kind', 'subject_label', 'predicate', 'object', 'object_kind', 'object_label', 'note', 'created', ...AUTHORSHIP_COLUMNS
] as const

/** What a relation end is (`entity`, `annotation`, or `missing`) and a readable label for it. */
function describeEnd(id: string, data: ProjectData): [string, string] {
  const e = data.entities[id]
  if (e) return ['entity', e.label]
  const a = data.annotations[id]
  if (a) return ['annotation', a.target.exact]
  return ['missing', '']
}

export function relationRow(r: Relation, data: ProjectData): string[] {
  const [sk, sl] = describeEnd(r.subject, data)
  const [ok, ol] = describeEnd(r.object, data)
  return [r.id, r.subject, sk, sl, r.predicate, r.object, ok, ol, r.note, r.created, ...authorshipCells(r)]
}

export const VERIFICATION_COLUMNS = [
  'annotation', 'citation', 'locator', 'status', 'source_document', 'source_start', 'source_end', 'source_exact',
  'source_prefix', 'source_suffix', 'discrepancies', 'note', 'by', 'at', 'by_orcid'
] as const

/** One row per citation link that carries a verdict. */
export function verificationRows(a: Annotation): string[][] {
  return a.citations.flatMap((l) => {
    const v = l.verification
    if (!v) return []
    return [[
      a.id, l.citationId, l.locator ?? '', v.status, v.source?.documentId ?? '',
      v.source ? String(v.source.start) : '', v.source ? String(v.source.end) : '', v.source?.exact ?? '',
      v.source?.prefix ?? '', v.source?.suffix ?? '',
      joinList(v.discrepancies.map((d) => `${d.kind}: ${d.claim} → ${d.source}${d.variant ? ' (variant)' : ''}${d.entityId ? ` [${d.entityId}]` : ''}`)),
      v.note, v.by, v.at, v.byOrcid ?? ''
    ]]
  })
}
