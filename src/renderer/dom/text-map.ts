/**
 * Maps between a document's code point offsets (the unit of every stored offset) and the DOM of
 * the document view. The text is rendered as runs: text nodes each holding the code points
 * [run.start, run.end) of the normalised text, in document order (a paragraph is one run, or
 * several when page or line markers sit inside it). DOM offsets inside a text node are UTF-16
 * code units relative to that node; the CodePointIndex of the whole text converts.
 * Text between runs (line breaks, the CATEGORIES line, wiki markup) is not rendered: a boundary
 * falling there snaps to the nearest rendered text inside the selection.
 */
import type { CodePointIndex } from '../../shared/text/code-points'

/** A rendered text node and the code points [start, end) of the text it shows. */
export interface TextRun {
  start: number
  end: number
  node: Text
}

/** A boundary point: a text node and a UTF-16 offset in it. */
export interface TextPoint {
  node: Text
  offset: number
}

export class TextMap {
  private readonly byNode = new Map<Node, TextRun>()
  private readonly list: TextRun[]

  /**
   * @param runs rendered runs in document order (ascending `start`, not overlapping)
   * @param build when the text is laid out progressively (dom/text-layout.ts): builds the text
   *   through code point `cp`, adding its runs with `add`, before the map answers about it
   */
  constructor(private index_: CodePointIndex, runs: readonly TextRun[], private readonly build?: (cp: number) => void) {
    this.list = [...runs]
    for (const r of runs) this.byNode.set(r.node, r)
  }

  /** The CodePointIndex of the text (of its first part while the rest is on its way: see `grow`). */
  get index(): CodePointIndex {
    return this.index_
  }

  /**
   * The whole text has come after its first part: `index` is the whole text's. Offsets of the runs
   * already rendered convert the same (the first part is a prefix of the whole).
   */
  grow(index: CodePointIndex): void {
    this.index_ = index
  }

  /** The runs rendered so far, in document order. */
  get runs(): readonly TextRun[] {
    return this.list
  }

  /** Adds a run after the others (its `start` is at or after the last run's `end`). */
  add(run: TextRun): void {
    this.list.push(run)
    this.byNode.set(run.node, run)
  }

  /** Makes sure the text through code point `cp` is rendered (a no-op unless laid out progressively). */
  ensure(cp: number): void {
    this.build?.(cp)
  }

  /** The point of code point `cp` inside `run` (clamped to the run). */
  private pointIn(run: TextRun, cp: number): TextPoint {
    const c = Math.max(run.start, Math.min(cp, run.end))
    return { node: run.node, offset: this.index.toUtf16(c) - this.index.toUtf16(run.start) }
  }

  /**
   * The boundary points of code points [start, end) clamped to the rendered text, or undefined
   * when none of it is rendered. The span may cross several runs (and the gaps between them).
   */
  points(start: number, end: number): { start: TextPoint; end: TextPoint } | undefined {
    this.ensure(end)
    const first = this.runs[this.firstIndex((r) => r.end > start)]
    const last = this.runs[this.firstIndex((r) => r.start >= end) - 1]
    if (!first || !last || first.start > last.start) return undefined
    const a = this.pointIn(first, Math.max(start, first.start))
    const b = this.pointIn(last, Math.min(end, last.end))
    if (a.node === b.node && a.offset >= b.offset && end > start) return undefined
    return { start: a, end: b }
  }

  /** A StaticRange over code points [start, end): no live DOM Range is kept per highlight. */
  toStaticRange(start: number, end: number): StaticRange | undefined {
    const p = this.points(start, end)
    return p ? new StaticRange({ startContainer: p.start.node, startOffset: p.start.offset, endContainer: p.end.node, endOffset: p.end.offset }) : undefined
  }

  /** A live Range over code points [start, end), for a measurement made now (do not keep it). */
  toRange(start: number, end: number): Range | undefined {
    const p = this.points(start, end)
    if (!p) return undefined
    const range = p.start.node.ownerDocument.createRange()
    range.setStart(p.start.node, p.start.offset)
    range.setEnd(p.end.node, p.end.offset)
    return range
  }

  /** Index of the first run satisfying `pred`, which must be false then true along the runs (binary search). */
  private firstIndex(pred: (r: TextRun) => boolean): number {
    let lo = 0
    let hi = this.runs.length
    while (lo < hi) {
      const mid = (lo + hi) >> 1
      if (pred(this.runs[mid])) hi = mid
      else lo = mid + 1
    }
    return lo
  }

  /** Code point offset of a DOM boundary point, when it lies inside a run's text node. */
  offsetInRun(node: Node, offset: number): number | undefined {
    const own = this.byNode.get(node)
    if (!own) return undefined
    const u = this.index.toUtf16(own.start) + Math.max(0, Math.min(offset, own.node.length))
    return this.index.toCodePoint(u)
  }

  /**
   * Code point offset of a DOM boundary point (e.g. one end of the user's selection).
   * Inside a run's text node the UTF-16 offset is converted exactly (an offset inside a surrogate
   * pair rounds down to the pair's start). Elsewhere, `side` decides: a selection's start snaps
   * forward to the next run, its end back to the end of the previous one (binary search over the
   * runs in DOM order). Returns undefined when no rendered text lies on that side.
   */
  fromBoundary(node: Node, offset: number, side: 'start' | 'end'): number | undefined {
    const inside = this.offsetInRun(node, offset)
    if (inside !== undefined) return inside
    const probe = node.ownerDocument?.createRange()
    if (!probe) return undefined
    try {
      probe.setStart(node, offset)
    } catch {
      return undefined
    }
    if (side === 'start') {
      // First run whose text begins at or after the point.
      const i = this.firstIndex((r) => safeCompare(probe, r.node, 0) >= 0)
      return this.runs[i]?.start
    }
    // Last run whose text ends at or before the point.
    const i = this.firstIndex((r) => safeCompare(probe, r.node, r.node.length) > 0) - 1
    return this.runs[i]?.end
  }
}

/** Position of (node, offset) relative to a collapsed range: -1 before, 0 at, 1 after; NaN if in another tree. */
function safeCompare(collapsed: Range, node: Node, offset: number): number {
  try {
    return collapsed.comparePoint(node, offset)
  } catch {
    return NaN
  }
}
