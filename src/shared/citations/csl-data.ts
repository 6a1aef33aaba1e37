/**
 * Conformance to the CSL-JSON schema (citation-style-language/schema, `csl-data.json` v1.0), which
 * allows no field it does not name. Items read by citation-js or typed by hand may carry others;
 * `toCslData` keeps what the schema allows (coercing simple kinds) and lists what it dropped.
 */
import type { CslItem } from '../model'

const STRING_FIELDS = new Set([
  'type', 'citation-key', 'language', 'journalAbbreviation', 'shortTitle', 'abstract', 'annote', 'archive', 'archive_collection',
  'archive_location', 'archive-place', 'authority', 'call-number', 'citation-label', 'collection-title', 'container-title',
  'container-title-short', 'dimensions', 'division', 'DOI', 'event', 'event-title', 'event-place', 'genre', 'ISBN', 'ISSN',
  'jurisdiction', 'keyword', 'medium', 'note', 'original-publisher', 'original-publisher-place', 'original-title', 'part-title',
  'PMCID', 'PMID', 'publisher', 'publisher-place', 'references', 'reviewed-genre', 'reviewed-title', 'scale', 'section', 'source',
  'status', 'title', 'title-short', 'URL', 'version', 'volume-title', 'volume-title-short', 'year-suffix'
])
const STRING_OR_NUMBER_FIELDS = new Set([
  'id', 'chapter-number', 'citation-number', 'collection-number', 'edition', 'first-reference-note-number', 'issue', 'locator',
  'number', 'number-of-pages', 'number-of-volumes', 'page', 'page-first', 'part', 'printing', 'supplement', 'volume'
])
const NAME_FIELDS = new Set([
  'author', 'chair', 'collection-editor', 'compiler', 'composer', 'container-author', 'contributor', 'curator', 'director', 'editor',
  'editorial-director', 'executive-producer', 'guest', 'host', 'interviewer', 'illustrator', 'narrator', 'organizer',
  'original-author', 'performer', 'producer', 'recipient', 'reviewed-author', 'script-writer', 'series-creator', 'translator'
])
const DATE_FIELDS = new Set(['accessed', 'available-date', 'event-date', 'issued', 'original-date', 'submitted'])
const NAME_PARTS = new Set(['family', 'given', 'dropping-particle', 'non-dropping-particle', 'suffix', 'comma-suffix', 'static-ordering', 'literal', 'parse-names'])
const DATE_PARTS = new Set(['date-parts', 'season', 'circa', 'literal', 'raw'])

/** CSL 1.0 item types; anything else is exported as `document`. */
export const CSL_TYPES = new Set([
  'article', 'article-journal', 'article-magazine', 'article-newspaper', 'bill', 'book', 'broadcast', 'chapter', 'classic', 'collection',
  'dataset', 'document', 'entry', 'entry-dictionary', 'entry-encyclopedia', 'event', 'figure', 'graphic', 'hearing', 'interview',
  'legal_case', 'legislation', 'manuscript', 'map', 'motion_picture', 'musical_score', 'pamphlet', 'paper-conference', 'patent',
  'performance', 'periodical', 'personal_communication', 'post', 'post-weblog', 'regulation', 'report', 'review', 'review-book',
  'software', 'song', 'speech', 'standard', 'thesis', 'treaty', 'webpage'
])

function pick(obj: Record<string, unknown>, allowed: Set<string>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(obj).filter(([k, v]) => allowed.has(k) && v !== undefined))
}

/** The item restricted to the CSL-JSON schema, and the names of the fields that were dropped. */
export function toCslData(item: CslItem): { item: Record<string, unknown>; dropped: string[] } {
  const out: Record<string, unknown> = {}
  const dropped: string[] = []
  for (const [k, v] of Object.entries(item)) {
    if (v === undefined || v === null) continue
    if (STRING_FIELDS.has(k) && (typeof v === 'string' || typeof v === 'number')) out[k] = String(v)
    else if (STRING_OR_NUMBER_FIELDS.has(k) && (typeof v === 'string' || typeof v === 'number')) out[k] = v
    else if (NAME_FIELDS.has(k) && Array.isArray(v)) out[k] = v.filter((n) => n && typeof n === 'object').map((n) => pick(n as Record<string, unknown>, NAME_PARTS))
    else if (DATE_FIELDS.has(k) && typeof v === 'object' && !Array.isArray(v)) out[k] = pick(v as Record<string, unknown>, DATE_PARTS)
    else if (k === 'categories' && Array.isArray(v)) out[k] = v.map(String)
    else if (k === 'custom' && typeof v === 'object' && !Array.isArray(v)) out[k] = v
    else dropped.push(k)
  }
  if (typeof out.type !== 'string' || !CSL_TYPES.has(out.type)) {
    if (out.type !== undefined) dropped.push(`type ${String(out.type)}`)
    out.type = 'document'
  }
  return { item: out, dropped }
}
