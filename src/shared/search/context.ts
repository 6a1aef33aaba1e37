/**
 * The text around a passage, for hit lists and concordances: up to `width` code points on each
 * side, with line breaks and tabs shown as spaces (one for one, so widths stay exact).
 */
import type { CodePointIndex } from '../text/code-points'

/** Default context on each side of a hit, in code points. */
export const DEFAULT_CONTEXT = 60

const flat = (s: string): string => s.replace(/[\n\r\t]/g, ' ')

/** A passage [start, end) (code points) with its context. */
export interface InContext {
  /** The passage as written (line breaks kept). */
  exact: string
  /** Up to `width` code points before `start`, line breaks as spaces. */
  left: string
  /** Up to `width` code points after `end`, line breaks as spaces. */
  right: string
}

/** The passage [start, end) of `text` with `width` code points of context on each side. */
export function inContext(text: CodePointIndex, start: number, end: number, width = DEFAULT_CONTEXT): InContext {
  return {
    exact: text.slice(start, end),
    left: flat(text.slice(Math.max(0, start - width), start)),
    right: flat(text.slice(end, Math.min(text.length, end + width)))
  }
}
