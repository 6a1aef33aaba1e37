/**
 * The few typings the map needs of d3-geo 3.1.2 and topojson-client 3.1.0 (neither ships types;
 * the @types packages would add two dependencies for four functions).
 */
declare module 'd3-geo' {
  /** A GeoJSON object (Feature, FeatureCollection, geometry). */
  export type GeoObject = { type: string; [key: string]: unknown }
  export interface GeoProjection {
    (point: [number, number]): [number, number] | null
    fitExtent(extent: [[number, number], [number, number]], object: GeoObject): this
  }
  export function geoNaturalEarth1(): GeoProjection
  export function geoPath(projection: GeoProjection): (object: GeoObject) => string | null
  export function geoGraticule10(): GeoObject
}

declare module 'topojson-client' {
  export function feature(topology: unknown, object: unknown): { type: string; [key: string]: unknown }
}
