/**
 * Types of the anchoring core. Every offset here counts Unicode code points of the normalised
 * text (NFC, LF, no BOM), end exclusive, unless a name says `Utf16`.
 */
import type { AnchorStatus, TextTarget } from '../model'

/**
 * What anchoring needs to find a passage: the quote, optionally its context and its old position.
 * A TextTarget satisfies it; imports from other tools may lack the position or the context.
 */
export interface AnchorSelector {
  exact: string
  /** Up to 32 code points before the quote ('' or absent when unknown). */
  prefix?: string
  /** Up to 32 code points after the quote. */
  suffix?: string
  /** Old start, in code points. Used first as a candidate, then as a hint for the nearest match. */
  start?: number
  /** Old end, in code points (exclusive). */
  end?: number
}

/** How an anchor was found. */
export type AnchorMethod = 'position' | 'quote' | 'fuzzy' | 'none'

/** Why an annotation could not be anchored. */
export type OrphanReason = 'not-found' | 'low-confidence' | 'ambiguous' | 'empty-quote'

/**
 * Outcome of anchoring one selector in a text.
 * - `anchored`: found exactly where the selector said (same start/end, same quote; or, for a
 *   selector without a position, the exact quote found with its context);
 * - `moved`: found elsewhere, or with a changed quote (a fuzzy match);
 * - `orphaned`: not found with enough confidence; `start`/`end` are then the selector's own
 *   (clamped to the text) and do not point at the quote. Orphans are kept for review.
 */
export interface AnchorResult {
  /** Code points, inclusive. */
  start: number
  /** Code points, exclusive. */
  end: number
  status: AnchorStatus
  /** Confidence 0–1 (1 = quote, context and position all agree). */
  score: number
  method: AnchorMethod
  /** Set when `status` is `orphaned`. */
  reason?: OrphanReason
}

/** One annotation's outcome in `reanchorAll`. */
export interface ReanchorResult extends AnchorResult {
  id: string
  /** The new target (re-described in the new text), or the old one unchanged for an orphan. */
  target: TextTarget
}
