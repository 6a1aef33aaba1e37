/** Checks that parsed JSON is a Marginalia store before anything trusts it. */
import { COLLECTION_NAMES, type ProjectData } from '../../shared/model'

/** Returns the problem found, or undefined when `value` has the shape of a store. */
export function projectDataProblem(value: unknown): string | undefined {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return 'not a JSON object'
  const v = value as Record<string, unknown>
  if (typeof v.schemaVersion !== 'number' || !Number.isInteger(v.schemaVersion)) return 'schemaVersion is missing'
  const project = v.project as Record<string, unknown> | undefined
  if (!project || typeof project.id !== 'string' || typeof project.name !== 'string') return 'project header is missing'
  for (const name of COLLECTION_NAMES) {
    const c = v[name]
    if (c === undefined) continue // collections added by later versions are created on load
    if (typeof c !== 'object' || c === null || Array.isArray(c)) return `${name} is not a map of records`
    for (const [key, record] of Object.entries(c as Record<string, unknown>)) {
      if (typeof record !== 'object' || record === null || (record as { id?: unknown }).id !== key) {
        return `${name}.${key} is not a record with a matching id`
      }
    }
  }
  return undefined
}

/** Fills collections missing from an older or hand-made file. */
export function withAllCollections(value: ProjectData): ProjectData {
  for (const name of COLLECTION_NAMES) {
    if (!value[name]) (value as unknown as Record<string, unknown>)[name] = {}
  }
  return value
}
