import { CodePointIndex } from './code-points'

/**
 * Widens code points [start, end) so that neither end falls inside a grapheme cluster
 * (e.g. between a letter and its combining accent, or inside an emoji sequence).
 * Scans only a small window around each end, so it is cheap on large texts.
 */
export function widenToGraphemes(index: CodePointIndex, start: number, end: number): { start: number; end: number } {
  return { start: boundaryAtOrBefore(index, start), end: boundaryAtOrAfter(index, end) }
}

/** Code points looked at around an offset; longer clusters than this are not realigned. */
const WINDOW = 64

function boundaries(index: CodePointIndex, from: number, to: number): number[] {
  const text = index.slice(from, to)
  const segmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' })
  const result: number[] = []
  let cp = from
  for (const { segment } of segmenter.segment(text)) {
    result.push(cp)
    cp += [...segment].length
  }
  result.push(cp)
  return result
}

function boundaryAtOrBefore(index: CodePointIndex, offset: number): number {
  const from = Math.max(0, offset - WINDOW)
  const b = boundaries(index, from, Math.min(index.length, offset + WINDOW))
  let best = from === 0 ? 0 : offset
  for (const x of b) if (x <= offset) best = x
  return from === 0 || b.some((x) => x <= offset && x > from) ? best : offset
}

function boundaryAtOrAfter(index: CodePointIndex, offset: number): number {
  const to = Math.min(index.length, offset + WINDOW)
  const b = boundaries(index, Math.max(0, offset - WINDOW), to)
  for (const x of b) if (x >= offset) return x
  return offset
}
