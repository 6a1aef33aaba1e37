/**
 * Record maps where no id can reach a prototype: every collection of the store is an object with
 * a null prototype, so `collection['constructor']`, `['__proto__']` or `['toString']` is a record
 * with that id or `undefined`, never a function of Object.prototype, and assigning `['__proto__']`
 * stores a record instead of changing a prototype.
 */
import { COLLECTION_NAMES, type CollectionName, type Collections, type ProjectData } from '../../shared/model'

/** An empty record map with a null prototype. */
export function emptyCollection<T>(): Record<string, T> {
  return Object.create(null) as Record<string, T>
}

/** A shallow copy of a record map, with a null prototype. */
export function copyCollection<T>(records: Readonly<Record<string, T>>): Record<string, T> {
  return Object.assign(emptyCollection<T>(), records)
}

/** Every collection empty. */
export function emptyCollections(): Collections {
  return Object.fromEntries(COLLECTION_NAMES.map((c) => [c, emptyCollection()])) as unknown as Collections
}

/**
 * A consistent view of the project at this moment: a shallow copy of each collection (records are
 * replaced on edit, never mutated, so the copy keeps the records as they are now).
 */
export function snapshotData(data: Readonly<ProjectData>): ProjectData {
  const copy = { schemaVersion: data.schemaVersion, project: data.project } as ProjectData
  for (const c of COLLECTION_NAMES) (copy as unknown as Record<CollectionName, unknown>)[c] = copyCollection(data[c] as Readonly<Record<string, unknown>>)
  return copy
}
