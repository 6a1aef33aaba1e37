/** Describing a passage as W3C-style position + quote selectors (DESIGN.md §5). */
import type { TextTarget } from '../model'
import { CodePointIndex } from '../text/code-points'

/** Length of the stored prefix and suffix, in code points (the same as Hypothesis uses). */
export const CONTEXT_LENGTH = 32

/** A reusable index, or a throwaway one for a plain string. */
export function indexOf(text: string | CodePointIndex): CodePointIndex {
  return typeof text === 'string' ? new CodePointIndex(text) : text
}

/**
 * The target of code points [start, end) of `text`: the position, the exact quote and up to
 * `CONTEXT_LENGTH` code points of prefix and suffix. Throws RangeError for a range outside the
 * text or with start > end. Pass a CodePointIndex when describing many passages of one text.
 */
export function describe(text: string | CodePointIndex, start: number, end: number): TextTarget {
  const index = indexOf(text)
  if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end < start || end > index.length) {
    throw new RangeError(`range [${start}, ${end}) is not inside the text (0–${index.length} code points)`)
  }
  return {
    start,
    end,
    exact: index.slice(start, end),
    prefix: index.slice(Math.max(0, start - CONTEXT_LENGTH), start),
    suffix: index.slice(end, Math.min(index.length, end + CONTEXT_LENGTH))
  }
}
