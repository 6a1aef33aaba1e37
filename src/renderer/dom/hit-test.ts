/**
 * Which highlights are under the pointer. Measuring every highlight's client rects on each mouse
 * move is too slow with thousands of them (bench/document-view.ts), so the caret position at the
 * point first gives a code point, and only annotations around it are measured.
 */
import type { Annotation } from '../../shared/model'
import type { HighlightPainter } from './highlight-painter'
import type { TextMap } from './text-map'

type CaretFromPoint = (x: number, y: number, options?: { shadowRoots: ShadowRoot[] }) => CaretPosition | null

/**
 * Ids of the annotations painted under viewport point (x, y), shortest passage first.
 * @param root the shadow root holding the text nodes that `map` knows
 */
export function annotationsAt(x: number, y: number, root: ShadowRoot, map: TextMap, annotations: readonly Annotation[], painter: HighlightPainter): string[] {
  const caretAt = (document as { caretPositionFromPoint?: CaretFromPoint }).caretPositionFromPoint
  const pos = caretAt?.call(document, x, y, { shadowRoots: [root] })
  // No caret API, or one that does not see into shadow roots: measure every highlight instead.
  if (!pos || pos.offsetNode.getRootNode() !== root) return painter.hitTest(x, y)
  const cp = map.offsetInBlock(pos.offsetNode, pos.offset)
  if (cp === undefined) return [] // over the categories or other text that is not the document's
  const near = annotations.filter((a) => a.target.start <= cp && cp <= a.target.end).map((a) => a.id)
  return painter.hitTest(x, y, new Set(near))
}
