import type { Authorship, Id, TextTarget, Timestamp } from './common'
import type { VerificationStatus } from './verdicts'

/** Outcome of the last (re-)anchoring of an annotation; see src/shared/anchoring. */
export type AnchorStatus = 'anchored' | 'moved' | 'orphaned'

/** A difference found between a claim and the source passage it cites. */
export interface Discrepancy {
  kind: 'date' | 'number' | 'name' | 'place'
  /** The value as written in the claim. */
  claim: string
  /** The value as written in the source passage ('' when the source has none). */
  source: string
  /** True when both are spellings of one entity (shown as a variant, not an error). */
  variant: boolean
  /** Entity both values were matched to, when known. */
  entityId?: Id
}

/** The passage of a source document a claim was checked against; offsets in code points of that document. */
export interface SourcePassage extends TextTarget {
  documentId: Id
}

/** A historian's verdict on one citation link. */
export interface Verification {
  status: VerificationStatus
  source?: SourcePassage
  discrepancies: Discrepancy[]
  note: string
  /** Name of who gave the verdict. */
  by: string
  /** Their ORCID iD, when the current author had one (see Person). */
  byOrcid?: string
  at: Timestamp
}

/** An annotation cites a bibliography item, optionally at a locator (page, chapter, folio, line). */
export interface CitationLink {
  citationId: Id
  /** e.g. `p. 39`, `pp. 339-342`, `ch. LXIV`, `fol. 12r` */
  locator?: string
  verification?: Verification
}

/** `author` is the annotator (agreement's rater); `createdBy`/`modifiedBy` carry name and ORCID. */
export interface Annotation extends Authorship {
  id: Id
  documentId: Id
  target: TextTarget
  tags: string[]
  note: string
  entityIds: Id[]
  citations: CitationLink[]
  /** CSS colour chosen by hand; otherwise the tag's or entity type's colour is used. */
  color?: string
  author: string
  created: Timestamp
  modified: Timestamp
  status: AnchorStatus
}

/**
 * Document order, as the services list annotations and the window keeps them: by start, then end
 * (code points), then creation, then id, so the order is total and the same in every process.
 */
export function byDocumentOrder(a: Annotation, b: Annotation): number {
  return a.target.start - b.target.start || a.target.end - b.target.end || a.created.localeCompare(b.created) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
}
