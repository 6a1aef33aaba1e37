/** A reference found in a document's text, proposed as a bibliography item linked to its claim. */
import type { CslItem } from '../model'

/** How the reference appears: glued after its sentence, an author–year cite, or a `[n]` footnote marker. */
export type ReferenceKind = 'glued' | 'author-year' | 'footnote'

/** A passage of the text; offsets in code points of the normalised text, end exclusive. */
export interface TextSpan {
  start: number
  end: number
  exact: string
}

export interface ReferenceProposal {
  /** Stable for a given text: `<kind>:<start>-<end>` of the reference (code points). */
  id: string
  kind: ReferenceKind
  /** The reference as written (for a footnote: the `[n]` marker); offsets in code points. */
  start: number
  end: number
  exact: string
  /** The sentence the reference supports. */
  claim: TextSpan
  /** The CSL-JSON item parsed from the reference (or from the footnote's note); absent for an empty note. */
  item?: CslItem
  /** Where in the work, e.g. `p. 39`, `pp. 339-342`. */
  locator?: string
  /** For footnotes: the note's number and its text in the notes list. */
  note?: TextSpan & { number: number }
  /** A full item this reference matched: a project citation (`cit_…`) or an earlier note (`note:<n>`). */
  match?: { ref: string; by: string; label: string }
  /** True when only part of a reference was readable (a short form without its full item). */
  partial: boolean
  /** Set by the service: an annotation on the claim already cites the matched item. */
  accepted?: boolean
}
