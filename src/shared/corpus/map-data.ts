/**
 * Map data: every place with coordinates, its number of mentions (annotations linked to it under
 * the filter) for the marker size, and the places that have no coordinates (or impossible ones),
 * listed so the historian can add them. Coordinates are WGS84 decimal degrees.
 */
import type { AnnotationFilter } from './annotation-filter'
import type { CorpusData } from './annotation-rows'
import { filteredRows } from './filtered-rows'

export interface MapPlace {
  entityId: string
  label: string
  lat: number
  lon: number
  /** Annotations linked to the place under the filter. */
  mentions: number
  /** Documents those annotations are in. */
  documents: number
  annotationIds: string[]
}

export interface UnplacedPlace {
  entityId: string
  label: string
  mentions: number
  annotationIds: string[]
  /** `none`: no coordinates recorded; `invalid`: latitude or longitude out of range. */
  reason: 'none' | 'invalid'
}

export interface MapData {
  /** Most mentioned first. */
  places: MapPlace[]
  withoutCoordinates: UnplacedPlace[]
}

const validLatLon = (c: { lat: number; lon: number }): boolean =>
  Number.isFinite(c.lat) && Number.isFinite(c.lon) && Math.abs(c.lat) <= 90 && Math.abs(c.lon) <= 180

/** Places of the project under `filter` (with a filter, only places some kept annotation links to). */
export function mapData(data: CorpusData, filter?: AnnotationFilter): MapData {
  const { byEntity, filtered } = filteredRows(data, filter)
  const places: MapPlace[] = []
  const withoutCoordinates: UnplacedPlace[] = []
  for (const e of Object.values(data.entities)) {
    if (e.type !== 'place') continue
    const annotationIds = byEntity.get(e.id) ?? []
    if (filtered && annotationIds.length === 0) continue
    const mentions = annotationIds.length
    if (e.coordinates && validLatLon(e.coordinates)) {
      const documents = new Set(annotationIds.map((id) => data.annotations[id].documentId)).size
      places.push({ entityId: e.id, label: e.label, lat: e.coordinates.lat, lon: e.coordinates.lon, mentions, documents, annotationIds })
    } else withoutCoordinates.push({ entityId: e.id, label: e.label, mentions, annotationIds, reason: e.coordinates ? 'invalid' : 'none' })
  }
  const order = (a: { mentions: number; label: string }, b: { mentions: number; label: string }) => b.mentions - a.mentions || a.label.localeCompare(b.label)
  return { places: places.sort(order), withoutCoordinates: withoutCoordinates.sort(order) }
}
