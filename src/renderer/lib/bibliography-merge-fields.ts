/**
 * The fields of two bibliography items side by side, for merging them by hand: one row per CSL
 * field either item has, each value in words (names as "Family, Given; …", dates as written), which
 * side differs, and the item the historian's choices make. Pure: no DOM, no model.
 */
import type { CslItem, CslName } from '../../shared/model'

/** Which item a field's value is taken from. */
export type Side = 'a' | 'b'

/** One field of the two items. */
export interface MergeRow {
  /** CSL field name (`title`, `container-title`, `issued`…). */
  field: string
  /** Readable field name. */
  label: string
  /** The value of each item in words; `undefined` when the item lacks the field. */
  a: string | undefined
  b: string | undefined
  /** True when both items have the same value (nothing to choose). */
  same: boolean
}

const LABELS: Record<string, string> = {
  type: 'Type', title: 'Title', 'title-short': 'Short title', author: 'Author', editor: 'Editor', translator: 'Translator',
  'container-title': 'Journal or book', 'collection-title': 'Series', issued: 'Date', accessed: 'Accessed', volume: 'Volume',
  issue: 'Issue', page: 'Pages', edition: 'Edition', publisher: 'Publisher', 'publisher-place': 'Place', DOI: 'DOI', ISBN: 'ISBN',
  ISSN: 'ISSN', URL: 'URL', language: 'Language', note: 'Note', abstract: 'Abstract', 'citation-key': 'Key', 'number-of-pages': 'Number of pages'
}

/** Fields not offered: the item's id is the survivor's own. */
const HIDDEN = new Set(['id', '_graph', '_label'])

/** A readable name for a CSL field (`container-title` → "Journal or book", `genre` → "Genre"). */
export function fieldLabel(field: string): string {
  return LABELS[field] ?? field.charAt(0).toUpperCase() + field.slice(1).replace(/-/g, ' ')
}

function nameText(n: CslName): string {
  return n.literal ?? [n.family, n.given].filter(Boolean).join(', ')
}

/** A CSL value in words: names joined by "; ", a date by its parts or literal, anything else as text. */
export function valueText(value: unknown): string {
  if (value === undefined || value === null) return ''
  if (typeof value === 'string' || typeof value === 'number') return String(value)
  if (Array.isArray(value)) return value.map((v) => (v && typeof v === 'object' ? nameText(v as CslName) : String(v))).join('; ')
  const date = value as { 'date-parts'?: (number | string)[][]; literal?: string; raw?: string }
  if (date['date-parts']) return date['date-parts'].map((p) => p.join('-')).join(' – ')
  if (date.literal ?? date.raw) return String(date.literal ?? date.raw)
  return JSON.stringify(value)
}

function present(value: unknown): boolean {
  return value !== undefined && value !== null && value !== '' && !(Array.isArray(value) && value.length === 0)
}

/** One row per field either item has (type and title first, then as `a` lists them, then `b`'s others). */
export function mergeRows(a: CslItem, b: CslItem): MergeRow[] {
  const ra = a as Record<string, unknown>
  const rb = b as Record<string, unknown>
  const fields = [...new Set(['type', 'title', 'author', ...Object.keys(ra), ...Object.keys(rb)])]
  return fields
    .filter((f) => !HIDDEN.has(f) && (present(ra[f]) || present(rb[f])))
    .map((field) => ({
      field,
      label: fieldLabel(field),
      a: present(ra[field]) ? valueText(ra[field]) : undefined,
      b: present(rb[field]) ? valueText(rb[field]) : undefined,
      same: JSON.stringify(ra[field]) === JSON.stringify(rb[field])
    }))
}

/** The side a field is taken from unless the historian chooses: the kept item's, or the other's when the kept one lacks it. */
export function defaultSide(row: MergeRow, kept: Side): Side {
  const other: Side = kept === 'a' ? 'b' : 'a'
  return row[kept] !== undefined ? kept : other
}

/** The merged item: each field from the side chosen for it (default: `defaultSide`); a side lacking a field leaves it out. */
export function mergedItem(a: CslItem, b: CslItem, kept: Side, choices: ReadonlyMap<string, Side>): CslItem {
  const items = { a: a as Record<string, unknown>, b: b as Record<string, unknown> }
  const out: Record<string, unknown> = {}
  for (const row of mergeRows(a, b)) {
    const side = choices.get(row.field) ?? defaultSide(row, kept)
    const v = items[side][row.field]
    if (present(v)) out[row.field] = v
  }
  return out as unknown as CslItem
}
