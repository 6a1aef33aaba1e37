import type { TextTarget } from '../model'
import type { CodePointIndex } from './code-points'

/** Code points of context kept on each side of a quote (DESIGN.md §4). */
export const CONTEXT_LENGTH = 32

/** Position + quote description of code points [start, end) of an indexed text. */
export function makeTarget(index: CodePointIndex, start: number, end: number): TextTarget {
  return {
    start,
    end,
    exact: index.slice(start, end),
    prefix: index.slice(Math.max(0, start - CONTEXT_LENGTH), start),
    suffix: index.slice(end, Math.min(index.length, end + CONTEXT_LENGTH))
  }
}
