/**
 * Reads the window's selection as boundary points inside one shadow root. A plain
 * `getSelection()` re-targets points inside shadow trees to their host, so this uses
 * `Selection.getComposedRanges` (Chromium ≥ 137, Firefox, Safari) and falls back to Chromium's
 * older `ShadowRoot.getSelection()`. Offsets are DOM offsets (UTF-16 inside text nodes).
 */

/** One selected range; `collapsed` when it is just a caret. */
export interface SelectedRange {
  startContainer: Node
  startOffset: number
  endContainer: Node
  endOffset: number
  collapsed: boolean
}

type ComposedRangesFn = (...args: unknown[]) => StaticRange[]

/** The selection's first range as seen from inside `root`, or undefined when there is none. */
export function readSelection(root: ShadowRoot): SelectedRange | undefined {
  const sel = window.getSelection()
  if (!sel || sel.rangeCount === 0) return undefined
  const composed = (sel as unknown as { getComposedRanges?: ComposedRangesFn }).getComposedRanges
  if (composed) {
    let ranges: StaticRange[]
    try {
      ranges = composed.call(sel, { shadowRoots: [root] })
    } catch {
      // Chromium 137–139 took the shadow roots as rest arguments.
      ranges = composed.call(sel, root)
    }
    if (ranges.length) return ranges[0]
  }
  const legacy = (root as unknown as { getSelection?: () => Selection | null }).getSelection?.()
  if (legacy && legacy.rangeCount) return legacy.getRangeAt(0)
  return undefined
}

/** Places a collapsed caret at (node, offset), e.g. to start keyboard selection. */
export function placeCaret(node: Node, offset: number): void {
  const sel = window.getSelection()
  if (!sel) return
  sel.setBaseAndExtent(node, offset, node, offset)
}

/**
 * Extends or moves the selection by keyboard, as caret browsing would (PageDown/PageUp move
 * `linesPerPage` lines). Returns false when the key is not a caret key (the browser then handles it).
 */
export function moveSelectionByKey(e: KeyboardEvent, linesPerPage = 20): boolean {
  const sel = window.getSelection() as (Selection & { modify?: (a: string, d: string, g: string) => void }) | null
  if (!sel?.modify || sel.rangeCount === 0) return false
  // PageDown/PageUp: a screenful of lines (Selection.modify has no page granularity).
  if (e.key === 'PageDown' || e.key === 'PageUp') {
    for (let i = 0; i < linesPerPage; i++) sel.modify(e.shiftKey ? 'extend' : 'move', e.key === 'PageDown' ? 'forward' : 'backward', 'line')
    return true
  }
  const word = e.ctrlKey || e.altKey
  const map: Record<string, [string, string]> = {
    ArrowLeft: ['backward', word ? 'word' : 'character'],
    ArrowRight: ['forward', word ? 'word' : 'character'],
    ArrowUp: ['backward', 'line'],
    ArrowDown: ['forward', 'line'],
    Home: ['backward', 'lineboundary'],
    End: ['forward', 'lineboundary']
  }
  const step = map[e.key]
  if (!step) return false
  sel.modify(e.shiftKey ? 'extend' : 'move', step[0], step[1])
  return true
}

/**
 * Scrolls `scroller` so the end of the selection stays in view while it moves by keyboard
 * (Selection.modify does not scroll).
 */
export function keepSelectionEndVisible(root: ShadowRoot, scroller: Element): void {
  const sel = readSelection(root)
  if (!sel) return
  const r = document.createRange()
  r.setStart(sel.endContainer, sel.endOffset)
  const caret = r.getBoundingClientRect()
  const view = scroller.getBoundingClientRect()
  const MARGIN = 48 // px kept between the caret and the edge, so the next line is visible too
  if (caret.bottom > view.bottom - MARGIN) scroller.scrollBy(0, caret.bottom - view.bottom + MARGIN)
  else if (caret.top < view.top + MARGIN) scroller.scrollBy(0, caret.top - view.top - MARGIN)
}
