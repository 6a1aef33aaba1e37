/**
 * The map's offline basemap: Natural Earth 1:50m land (world-atlas 2.0.2, TopoJSON, ISC), turned
 * into GeoJSON with topojson-client and projected with d3-geo (Natural Earth projection). Shipped
 * in the app bundle (loaded on first use as its own chunk): no network. Coast lines rather than
 * modern borders, which suit a historical corpus better.
 */
import { type GeoObject, type GeoProjection, geoGraticule10, geoNaturalEarth1, geoPath } from 'd3-geo'
import { feature } from 'topojson-client'

let land: Promise<GeoObject> | undefined

/** The land masses as GeoJSON (read once). */
export function loadLand(): Promise<GeoObject> {
  land ??= import('world-atlas/land-50m.json').then((m) => {
    const topo = (m as { default: { objects: { land: unknown } } }).default
    return feature(topo, topo.objects.land) as GeoObject
  })
  return land
}

/** Longitude, latitude in degrees. */
export type LonLat = [number, number]

/**
 * A projection fitted to `points` (each widened by `margin` degrees, so one place still gives a
 * region) or, when there are none, to the whole world, inside a `width` × `height` box.
 */
export function fitProjection(points: LonLat[], width: number, height: number, margin = 6): GeoProjection {
  const around = points.flatMap(([lon, lat]) => [
    [Math.max(-180, lon - margin), Math.max(-85, lat - margin)],
    [Math.min(180, lon + margin), Math.min(85, lat + margin)]
  ])
  const target: GeoObject = around.length ? { type: 'MultiPoint', coordinates: around } : { type: 'Sphere' }
  return geoNaturalEarth1().fitExtent([[8, 8], [width - 8, height - 8]], target)
}

/** SVG path data of the land and of a 10° graticule under `projection`. */
export async function basemapPaths(projection: GeoProjection): Promise<{ land: string; graticule: string }> {
  const path = geoPath(projection)
  return { land: path(await loadLand()) ?? '', graticule: path(geoGraticule10()) ?? '' }
}
