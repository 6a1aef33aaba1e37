/**
 * Timeline data: every dated entity (a date, an event, a person's life, a span) and every
 * annotation that marks a date, as an interval with its EDTF qualifiers, read with the `edtf`
 * package. Instants are milliseconds since 1970-01-01 UTC (astronomical years: 330 BC is -0329),
 * so a time scale takes them directly. Each item names the annotations behind it.
 */
import edtf from 'edtf'
import { formatEdtf } from '../entities/edtf'
import type { Entity, EntityType } from '../model'
import type { AnnotationFilter } from './annotation-filter'
import type { CorpusData } from './annotation-rows'
import { filteredRows } from './filtered-rows'

/** One end of an interval. */
export interface TimeBound {
  /** Earliest instant of the start side, latest of the end side (ms since 1970 UTC); null when open or unknown. */
  at: number | null
  /** `..` in EDTF: the interval runs on without limit (drawn open). */
  open: boolean
  /** Empty in EDTF (`1403/`): the end is not known. */
  unknown: boolean
  /** `~` */
  approximate: boolean
  /** `?` (`%` is both) */
  uncertain: boolean
}

export interface TimelineItem {
  /** Unique: `entityId:field` or `annotationId:entityId`. */
  id: string
  kind: 'entity' | 'annotation'
  entityId: string
  entityType: EntityType
  /** Which of the entity's dates: the date itself, a life (birth/death) or a span (start/end). */
  field: 'date' | 'life' | 'span'
  /** The entity's label, or the annotation's quote. */
  label: string
  edtf: string
  /** The date in words (`c. 1400`, `14 April 1390`, `1403 – 1408`). */
  text: string
  start: TimeBound
  end: TimeBound
  /** The passages behind the item: the annotations linked to the entity (or the annotation itself). */
  annotationIds: string[]
}

export interface Timeline {
  items: TimelineItem[]
  /** Entity dates that are not valid EDTF, listed so they can be corrected. */
  invalid: { entityId: string; label: string; edtf: string }[]
  /** Earliest and latest instants of all items (ms), null when there are none. */
  min: number | null
  max: number | null
}

/** What the `edtf` package gives for a date (it ships no types); the qualifiers are bit masks over the date's parts. */
interface EdtfValue { min: number; max: number; approximate?: { value: number }; uncertain?: { value: number } }
const parse = edtf as (s: string) => EdtfValue

/** The bounds of one EDTF value or interval; throws on invalid EDTF. */
export function edtfBounds(value: string): { start: TimeBound; end: TimeBound } {
  const side = (part: string, isEnd: boolean): TimeBound => {
    if (part === '..') return { at: null, open: true, unknown: false, approximate: false, uncertain: false }
    if (part === '') return { at: null, open: false, unknown: true, approximate: false, uncertain: false }
    const v = parse(part)
    return { at: isEnd ? v.max : v.min, open: false, unknown: false, approximate: Boolean(v.approximate?.value), uncertain: Boolean(v.uncertain?.value) }
  }
  const parts = value.split('/')
  if (parts.length === 2) {
    if (parts[0] === '' && parts[1] === '') throw new Error(`"${value}" has neither start nor end`)
    return { start: side(parts[0], false), end: side(parts[1], true) }
  }
  return { start: side(value, false), end: side(value, true) }
}

/** The EDTF dates of an entity, one per field, as interval strings. */
function datesOf(e: Entity): Array<{ field: TimelineItem['field']; edtf: string }> {
  const out: Array<{ field: TimelineItem['field']; edtf: string }> = []
  const d = e.dates
  if (d.date) out.push({ field: 'date', edtf: d.date })
  if (d.birth || d.death) out.push({ field: 'life', edtf: d.birth && d.death ? `${d.birth}/${d.death}` : d.birth ? `${d.birth}/` : `/${d.death}` })
  if (d.start || d.end) out.push({ field: 'span', edtf: d.start && d.end ? `${d.start}/${d.end}` : d.start ? `${d.start}/` : `/${d.end}` })
  return out
}

/**
 * The timeline under `filter`: with a filter, an entity appears only when one of its annotations
 * passes it, and only those annotations are behind it. Annotation items are annotations linked to
 * a `date` entity (the passage that states the date).
 */
export function timeline(data: CorpusData, filter?: AnnotationFilter): Timeline {
  const { byEntity, filtered } = filteredRows(data, filter)
  const items: TimelineItem[] = []
  const invalid: Timeline['invalid'] = []
  for (const e of Object.values(data.entities)) {
    const annotationIds = byEntity.get(e.id) ?? []
    if (filtered && annotationIds.length === 0) continue
    for (const { field, edtf: value } of datesOf(e)) {
      let bounds: ReturnType<typeof edtfBounds>
      try {
        bounds = edtfBounds(value)
      } catch {
        invalid.push({ entityId: e.id, label: e.label, edtf: value })
        continue
      }
      const base = { entityId: e.id, entityType: e.type, field, edtf: value, text: formatEdtf(value), ...bounds }
      items.push({ ...base, id: `${e.id}:${field}`, kind: 'entity', label: e.label, annotationIds })
      if (e.type === 'date' && field === 'date') {
        for (const id of annotationIds) {
          const a = data.annotations[id]
          items.push({ ...base, id: `${id}:${e.id}`, kind: 'annotation', label: a.target.exact, annotationIds: [id] })
        }
      }
    }
  }
  let min: number | null = null
  let max: number | null = null
  for (const at of items.flatMap((i) => [i.start.at, i.end.at])) {
    if (at === null || !Number.isFinite(at)) continue
    min = min === null ? at : Math.min(min, at)
    max = max === null ? at : Math.max(max, at)
  }
  items.sort((a, b) => (a.start.at ?? a.end.at ?? 0) - (b.start.at ?? b.end.at ?? 0) || a.id.localeCompare(b.id))
  return { items, invalid, min, max }
}
