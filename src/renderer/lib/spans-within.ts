/** The spans (sorted by start, code points) overlapping `span`: a binary search for the first, then a scan. */
export function spansWithin<T extends { start: number; end: number }>(spans: readonly T[], span: { start: number; end: number }): T[] {
  let lo = 0
  let hi = spans.length
  while (lo < hi) {
    const mid = (lo + hi) >> 1
    if (spans[mid].end <= span.start) lo = mid + 1
    else hi = mid
  }
  const out: T[] = []
  for (let i = lo; i < spans.length && spans[i].start < span.end; i++) out.push(spans[i])
  return out
}
