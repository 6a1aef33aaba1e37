/**
 * Turning a raw selection into the passage a historian meant: whole grapheme clusters (a base
 * letter and its combining marks, an emoji sequence, never half a surrogate pair), without the
 * white space a drag or double click picks up at either end. Pure: works on strings, so it is
 * unit-tested in Node. All offsets here are Unicode code points of `text`.
 */
import { CodePointIndex } from '../../shared/text/code-points'
import { widenToGraphemes } from '../../shared/text/graphemes'

/** A passage of a text in code points, end exclusive. */
export interface CodePointSpan {
  start: number
  end: number
}

/** White space at a UTF-16 index (all white space characters are in the BMP). */
const isSpace = (text: string, i: number) => /\s/.test(text[i])

/**
 * Widens [start, end) (code points, either order) outwards to grapheme cluster boundaries, then
 * trims white space from both ends. Returns undefined when nothing but white space is left.
 */
export function refineSelection(text: string, start: number, end: number, index = new CodePointIndex(text)): CodePointSpan | undefined {
  const wide = widenToGraphemes(index, Math.min(start, end), Math.max(start, end))
  let s = index.toUtf16(wide.start)
  let e = index.toUtf16(wide.end)
  while (s < e && isSpace(text, s)) s++
  while (e > s && isSpace(text, e - 1)) e--
  if (e <= s) return undefined
  return { start: index.toCodePoint(s), end: index.toCodePoint(e) }
}
