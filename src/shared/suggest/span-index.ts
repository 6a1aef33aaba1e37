/**
 * Answers "does this span overlap any of those?" in O(log n) instead of a scan: spans sorted by
 * start with a running maximum of their ends. Used to leave out suggestions that overlap known
 * names, dates or linked passages, where both sides can number in the tens of thousands on a book.
 * Offsets are code points; spans are half-open [start, end).
 */
export class SpanIndex {
  private readonly starts: Float64Array
  /** maxEnd[i] = the largest end among the first i + 1 spans by start. */
  private readonly maxEnd: Float64Array

  constructor(spans: Iterable<{ start: number; end: number }>) {
    const sorted = [...spans].sort((a, b) => a.start - b.start)
    this.starts = Float64Array.from(sorted, (s) => s.start)
    this.maxEnd = new Float64Array(sorted.length)
    let max = -Infinity
    sorted.forEach((s, i) => {
      max = Math.max(max, s.end)
      this.maxEnd[i] = max
    })
  }

  /** True when [s.start, s.end) shares at least one code point with a span of the index. */
  overlaps(s: { start: number; end: number }): boolean {
    // Spans starting before s.end are a prefix of the sorted list; one of them overlaps s
    // exactly when the largest end among them lies after s.start.
    let lo = 0
    let hi = this.starts.length
    while (lo < hi) {
      const mid = (lo + hi) >> 1
      if (this.starts[mid] < s.end) lo = mid + 1
      else hi = mid
    }
    return lo > 0 && this.maxEnd[lo - 1] > s.start
  }
}
