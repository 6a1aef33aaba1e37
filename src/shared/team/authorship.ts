/**
 * Who made and who last changed a record. The services stamp every record they write in the
 * collections that carry authorship (`stampAuthorship`), so no service has to remember to: a new
 * record gets `createdBy` and `modifiedBy` (unless it already names them, e.g. imported from a W3C
 * file with its creator); a changed record gets `modifiedBy`, unless the writer set a different one
 * itself (a merge carrying the other annotator's change keeps theirs).
 */
import type { Authorship, CollectionName, Person } from '../model'
import { samePerson } from './person'

/** Collections whose records carry `createdBy` / `modifiedBy`. */
export const AUTHORED_COLLECTIONS: ReadonlySet<CollectionName> = new Set(['annotations', 'entities', 'citations', 'relations'])

type Authored = Authorship & Record<string, unknown>

/** The record without its bookkeeping members (times and authorship), as stable JSON for comparison. */
function content(r: Authored): string {
  const { modified: _m, modifiedBy: _b, createdBy: _c, ...rest } = r
  return JSON.stringify(rest, Object.keys(rest).sort())
}

/**
 * `record` as it should be stored when `me` writes it over `before` (undefined for a new record).
 * Returns `record` itself when nothing is to change. Pure; `record` is not mutated.
 */
export function stampAuthorship<T extends Authorship>(before: T | undefined, record: T, me: Person): T {
  const r = record as T & Authored
  if (!before) {
    if (r.createdBy && r.modifiedBy) return record
    const createdBy = r.createdBy ?? me
    return { ...record, createdBy, modifiedBy: r.modifiedBy ?? createdBy }
  }
  const b = before as T & Authored
  const createdBy = r.createdBy ?? b.createdBy
  const writerChose = r.modifiedBy && !samePerson(r.modifiedBy, b.modifiedBy)
  const changed = content(r) !== content(b)
  const modifiedBy = writerChose || !changed ? r.modifiedBy ?? b.modifiedBy : me
  if (samePerson(createdBy, r.createdBy) && samePerson(modifiedBy, r.modifiedBy)) return record
  const out = { ...record } as T & Authored
  if (createdBy) out.createdBy = createdBy
  if (modifiedBy) out.modifiedBy = modifiedBy
  return out
}

/** `by Ada Lovelace · changed by Ben Jonson` (the creator, else `author`; the modifier when another person), or ''. */
export function authorshipText(r: Authorship & { author?: string }): string {
  const creator = r.createdBy ?? (r.author ? { name: r.author } : undefined)
  if (!creator) return ''
  const other = r.modifiedBy && !samePerson(r.modifiedBy, creator) ? ` · changed by ${r.modifiedBy.name}` : ''
  return `by ${creator.name}${other}`
}
