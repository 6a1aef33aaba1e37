/** Identifier of any stored record (documents, annotations, entities, citations, relations). */
export type Id = string

/** ISO 8601 timestamp with timezone, e.g. `2026-11-26T10:50:00.000Z`. */
export type Timestamp = string

/**
 * A passage of a document's normalised text.
 * `start`/`end` count Unicode code points of the NFC, LF-normalised text, end exclusive;
 * `exact` is the text's code points [start, end); `prefix`/`suffix` are up to 32 code points around it.
 */
export interface TextTarget {
  start: number
  end: number
  exact: string
  prefix: string
  suffix: string
}

/**
 * A person who made or last changed a record: the name they sign with and, when they gave one,
 * their ORCID iD as its 16 characters with hyphens (`0000-0002-1825-0097`), not as a URL.
 */
export interface Person {
  name: string
  orcid?: string
}

/** Who made a record and who changed it last (absent on records made before authorship was kept). */
export interface Authorship {
  createdBy?: Person
  modifiedBy?: Person
}
