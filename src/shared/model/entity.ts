import type { AuthorityScheme } from './authority-schemes'
import type { Authorship, Id, Timestamp } from './common'
import type { EntityType } from './entity-types'

/** An identifier in an authority file, with its canonical URI. */
export interface AuthorityId {
  scheme: AuthorityScheme
  id: string
  uri: string
}

/** Dates of an entity as EDTF strings (https://www.loc.gov/standards/datetime/), e.g. `1370`, `1400~`, `1403/1408`. */
export interface EntityDates {
  /** The date itself (for a `date` or `event` entity). */
  date?: string
  birth?: string
  death?: string
  start?: string
  end?: string
}

export interface Entity extends Authorship {
  id: Id
  type: EntityType
  label: string
  aliases: string[]
  description: string
  authorities: AuthorityId[]
  /** WGS84 decimal degrees, for places. */
  coordinates?: { lat: number; lon: number }
  dates: EntityDates
  created: Timestamp
  modified: Timestamp
}

/** A subject–predicate–object statement between entities or annotations. */
export interface Relation extends Authorship {
  id: Id
  subject: Id
  predicate: string
  object: Id
  note: string
  created: Timestamp
}

/** A predicate of the relation vocabulary; `id` is the predicate's label (e.g. `son of`). */
export interface Predicate {
  id: string
  builtin: boolean
}

/** A suggestion the historian rejected; it is not proposed again. Offsets in code points. */
export interface RejectedSuggestion {
  id: Id
  documentId: Id
  start: number
  end: number
  exact: string
  created: Timestamp
}
