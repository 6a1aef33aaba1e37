/** What each detector returns before offsets are converted to code points and items matched. */
import type { ParsedReference } from './reference-parser'
import type { ReferenceKind } from './proposal'
import type { Span } from './sentences'

/** A reference found in the text; all offsets are UTF-16 indices into the text. */
export interface RawFind {
  kind: ReferenceKind
  start: number
  end: number
  claim: Span
  parsed?: ParsedReference
  note?: Span & { number: number }
}
