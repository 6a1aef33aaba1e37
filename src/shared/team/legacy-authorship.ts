/**
 * Records made before Marginalia kept authorship (schema 2 and older) get it once, on open (the
 * store's migration to schema 3, after a forced backup), by one rule that guesses nothing:
 *
 * - an annotation was made by its annotator, whose name it has always recorded (`author`): that is
 *   its `createdBy`; its `modifiedBy` is the same person when it was never changed (`modified` equal
 *   to `created`), otherwise `UNKNOWN_PERSON` (who changed it was not recorded);
 * - entities, citations and relations never recorded who made them: `UNKNOWN_PERSON` for both.
 *
 * The rule depends only on the record, so two copies of one old project migrate identically and
 * their merge sees no difference. Records that have authorship keep it.
 */
import type { Authorship, CollectionName, Person, ProjectData } from '../model'
import { AUTHORED_COLLECTIONS } from './authorship'

/** Who made or changed a record when that was not recorded. */
export const UNKNOWN_PERSON: Readonly<Person> = Object.freeze({ name: 'unknown' })

type Legacy = Authorship & { author?: unknown; created?: unknown; modified?: unknown }

/** `record` with authorship by the rule above, or `record` itself when it has both members. Pure. */
export function withLegacyAuthorship<T extends object>(collection: CollectionName, input: T): T {
  const record = input as T & Legacy
  if (!AUTHORED_COLLECTIONS.has(collection) || (record.createdBy && record.modifiedBy)) return input
  const annotator = collection === 'annotations' && typeof record.author === 'string' && record.author.trim() ? { name: record.author.trim() } : undefined
  const createdBy = record.createdBy ?? annotator ?? { ...UNKNOWN_PERSON }
  const unchanged = record.modified === undefined || record.modified === record.created
  const modifiedBy = record.modifiedBy ?? (unchanged ? createdBy : { ...UNKNOWN_PERSON })
  return { ...record, createdBy, modifiedBy }
}

/** Gives every record of `data` lacking authorship its legacy authorship, in place; returns how many changed. */
export function addLegacyAuthorship(data: ProjectData): number {
  let changed = 0
  for (const c of AUTHORED_COLLECTIONS) {
    const records = data[c] as Record<string, Legacy>
    for (const id of Object.keys(records)) {
      const next = withLegacyAuthorship(c, records[id])
      if (next !== records[id]) (records[id] = next, changed++)
    }
  }
  return changed
}

/**
 * A project read from the git layout, lifted in memory to the current schema when it was saved by
 * a Marginalia of schema 2 (a collaborator not yet upgraded, or an older version in the history):
 * the same rule the store's migration applies, so a merge compares like with like.
 */
export function liftLegacyLayout(data: ProjectData): ProjectData {
  if (data.schemaVersion === 2) {
    addLegacyAuthorship(data)
    data.schemaVersion = 3
  }
  return data
}
