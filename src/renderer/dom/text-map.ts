/**
 * Maps between a document's code point offsets (the unit of every stored offset) and the DOM of
 * the document view, where each rendered block is an element holding exactly one text node with
 * the code points [block.start, block.end) of the normalised text. DOM offsets inside a text node
 * are UTF-16 code units relative to that node; the CodePointIndex of the whole text converts.
 * Text between blocks (line breaks, the CATEGORIES line, wiki markup) is not rendered: a boundary
 * falling there snaps to the nearest rendered text inside the selection.
 */
import type { CodePointIndex } from '../../shared/text/code-points'

/** A rendered block: its text node and the code points [start, end) of the text it shows. */
export interface RenderedBlock {
  start: number
  end: number
  node: Text
}

export class TextMap {
  private readonly byNode = new Map<Node, RenderedBlock>()

  /** @param blocks rendered blocks in document order (ascending `start`, not overlapping) */
  constructor(readonly index: CodePointIndex, readonly blocks: readonly RenderedBlock[]) {
    for (const b of blocks) this.byNode.set(b.node, b)
  }

  /** UTF-16 offset inside `b.node` of code point `cp` (clamped to the block). */
  private nodeOffset(b: RenderedBlock, cp: number): number {
    const c = Math.max(b.start, Math.min(cp, b.end))
    return this.index.toUtf16(c) - this.index.toUtf16(b.start)
  }

  /**
   * A DOM Range over code points [start, end), or undefined when none of it is rendered.
   * The Range may span several blocks (and the unrendered gaps between them).
   */
  toRange(start: number, end: number): Range | undefined {
    const first = this.blocks[this.firstIndex((b) => b.end > start)]
    const last = this.blocks[this.firstIndex((b) => b.start >= end) - 1]
    if (!first || !last || first.start > last.start) return undefined
    const range = first.node.ownerDocument.createRange()
    range.setStart(first.node, this.nodeOffset(first, Math.max(start, first.start)))
    range.setEnd(last.node, this.nodeOffset(last, Math.min(end, last.end)))
    return range.collapsed && end > start ? undefined : range
  }

  /** Index of the first block satisfying `pred`, which must be false then true along the blocks (binary search). */
  private firstIndex(pred: (b: RenderedBlock) => boolean): number {
    let lo = 0
    let hi = this.blocks.length
    while (lo < hi) {
      const mid = (lo + hi) >> 1
      if (pred(this.blocks[mid])) hi = mid
      else lo = mid + 1
    }
    return lo
  }

  /** Code point offset of a DOM boundary point, when it lies inside a rendered block's text node. */
  offsetInBlock(node: Node, offset: number): number | undefined {
    const own = this.byNode.get(node)
    if (!own) return undefined
    const u = this.index.toUtf16(own.start) + Math.max(0, Math.min(offset, own.node.length))
    return this.index.toCodePoint(u)
  }

  /**
   * Code point offset of a DOM boundary point (e.g. one end of the user's selection).
   * Inside a block's text node the UTF-16 offset is converted exactly (an offset inside a surrogate
   * pair rounds down to the pair's start). Elsewhere, `side` decides: a selection's start snaps
   * forward to the next rendered block, its end back to the end of the previous one.
   * Returns undefined when no rendered text lies on that side.
   */
  fromBoundary(node: Node, offset: number, side: 'start' | 'end'): number | undefined {
    const inside = this.offsetInBlock(node, offset)
    if (inside !== undefined) return inside
    const probe = node.ownerDocument?.createRange()
    if (!probe) return undefined
    try {
      probe.setStart(node, offset)
    } catch {
      return undefined
    }
    if (side === 'start') {
      // First block whose text begins at or after the point.
      for (const b of this.blocks) if (safeCompare(probe, b.node, 0) >= 0) return b.start
      return undefined
    }
    for (let i = this.blocks.length - 1; i >= 0; i--) {
      const b = this.blocks[i]
      if (safeCompare(probe, b.node, b.node.length) <= 0) return b.end
    }
    return undefined
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
