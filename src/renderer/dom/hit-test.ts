/**
 * Which highlights are under the pointer. Measuring every painted highlight's client rects on each
 * mouse move is needless work, so the caret position at the point first gives a code point, the
 * annotation index gives the few annotations containing it, and only those are measured.
 */
import type { HighlightPainter } from './highlight-painter'
import type { TextMap } from './text-map'

type CaretFromPoint = (x: number, y: number, options?: { shadowRoots: ShadowRoot[] }) => CaretPosition | null

/**
 * Ids of the annotations painted under viewport point (x, y), shortest passage first.
 * @param root the shadow root holding the text nodes that `map` knows
 * @param containing the ids of the annotations containing a code point (both ends included)
 */
export function annotationsAt(x: number, y: number, root: ShadowRoot, map: TextMap, containing: (cp: number) => string[], painter: HighlightPainter): string[] {
  const caretAt = (document as { caretPositionFromPoint?: CaretFromPoint }).caretPositionFromPoint
  const pos = caretAt?.call(document, x, y, { shadowRoots: [root] })
  // No caret API, or one that does not see into shadow roots: measure every painted highlight instead.
  if (!pos || pos.offsetNode.getRootNode() !== root) return painter.hitTest(x, y)
  const cp = map.offsetInRun(pos.offsetNode, pos.offset)
  if (cp === undefined) return [] // over the categories or other text that is not the document's
  const near = containing(cp)
  return near.length ? painter.hitTest(x, y, new Set(near)) : []
}
