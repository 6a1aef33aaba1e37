/**
 * Turns the historian's selection in the document view into a pending passage (code points,
 * widened to whole grapheme clusters and trimmed, see lib/grapheme-range.ts) and places the
 * popover under it. Mouse: a drag may end outside the text, so the mouseup is awaited on the
 * window; a click without a selection becomes a `text-click` event on the page (the view selects
 * the highlight under it). Keyboard: focus gives a caret, Shift+arrows extend it, Enter moves into
 * the popover, Escape closes it. A Lit reactive controller of `<document-view>`.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit'
import { type CodePointSpan, refineSelection } from '../lib/grapheme-range'
import type { CodePointIndex } from '../../shared/text/code-points'
import { keepSelectionEndVisible, moveSelectionByKey, placeCaret, readSelection } from './selection-reader'
import type { TextMap } from './text-map'

/** Lines of text in one screenful of `scroller` (PageDown/PageUp), keeping one line of overlap. */
function linesPerPage(scroller: HTMLElement | null | undefined): number {
  if (!scroller) return 20
  const line = parseFloat(getComputedStyle(scroller).lineHeight) || 24
  return Math.max(1, Math.floor(scroller.clientHeight / line) - 1)
}

/** What the controller needs of its view. */
interface Host extends ReactiveControllerHost, HTMLElement {
  readonly shadowRoot: ShadowRoot | null
  readonly updateComplete: Promise<boolean>
  markPending(span: CodePointSpan | undefined): void
  readonly selectionPopover: { reset(): void; focusForm(): void } | undefined
}

export class TextSelectionController implements ReactiveController {
  /** The passage the popover would highlight (code points), while it is open. */
  pending: CodePointSpan | undefined
  /** Viewport coordinates (px) of the pending passage's last line's bottom-left corner. */
  popoverAt = { x: 0, y: 0 }
  private mouseUpFrame = 0

  constructor(
    private readonly host: Host,
    private readonly map: () => TextMap | undefined,
    private readonly text: () => string | undefined,
    private readonly index: () => CodePointIndex | undefined
  ) {
    host.addController(this)
  }

  hostConnected(): void {
    window.addEventListener('resize', this.placePopover)
  }

  hostDisconnected(): void {
    window.removeEventListener('resize', this.placePopover)
    window.removeEventListener('mouseup', this.onMouseUp)
  }

  private get page(): HTMLElement | null | undefined {
    return this.host.shadowRoot?.querySelector<HTMLElement>('.page')
  }

  /** Closes the popover without creating anything. */
  clear(): void {
    if (!this.pending) return
    this.pending = undefined
    this.host.markPending(undefined)
    this.host.requestUpdate()
  }

  /** Closes the popover and gives the focus back to the text. */
  close(): void {
    this.clear()
    this.page?.focus({ preventScroll: true })
  }

  onFocus = (): void => {
    // Give keyboard users a caret to extend with Shift+arrows when nothing is selected here yet
    // (only for keyboard focus: a click places its own caret): where it last was, else the start.
    const page = this.page
    if (!page?.matches(':focus-visible') || this.selectionInside()) return
    const point = this.pointAt(this.caret ?? 0)
    if (point) placeCaret(point.node, point.offset)
  }

  /**
   * The DOM point of code point `cp`: just after the code point before it, else just before the
   * one at it (an offset between two blocks has no point of its own), else the text's start.
   */
  private pointAt(cp: number): { node: Node; offset: number } | undefined {
    const map = this.map()
    if (!map) return undefined
    const before = cp > 0 ? map.toRange(cp - 1, cp) : undefined
    if (before) return { node: before.endContainer, offset: before.endOffset }
    const at = map.toRange(cp, cp + 1)
    if (at) return { node: at.startContainer, offset: at.startOffset }
    const first = map.runs[0]
    return first ? { node: first.node, offset: 0 } : undefined
  }

  private selectionInside(): boolean {
    const s = readSelection(this.host.shadowRoot!)
    const page = this.page
    return !!s && !!page && page.contains(s.startContainer) && page.contains(s.endContainer)
  }

  onKeyDown = (e: KeyboardEvent): void => {
    if (e.key === 'Escape' && this.pending) return this.close()
    if (e.key === 'Enter' && this.pending) {
      e.preventDefault()
      this.host.selectionPopover?.focusForm()
      return
    }
    const scroller = this.host.shadowRoot?.querySelector<HTMLElement>('.scroller')
    if (this.selectionInside() && moveSelectionByKey(e, linesPerPage(scroller))) {
      e.preventDefault()
      if (scroller) keepSelectionEndVisible(this.host.shadowRoot!, scroller)
    }
  }

  onKeyUp = (e: KeyboardEvent): void => {
    this.rememberCaret()
    if (e.shiftKey || e.key === 'Shift') this.capture(false)
  }

  /** Where the caret was last in the text (code points), so focus coming back finds it there. */
  private caret: number | undefined

  private rememberCaret(): void {
    const sel = readSelection(this.host.shadowRoot!)
    const map = this.map()
    if (!sel || !map || !this.selectionInside()) return
    this.caret = map.fromBoundary(sel.endContainer, sel.endOffset, 'end') ?? this.caret
  }

  /**
   * Gives focus to the text with a collapsed caret at `at` (code points; default: where the caret
   * last was, else the start). The text is the home of keyboard focus: a highlight made, a panel
   * left with Escape, both come back here.
   */
  focusText(at = this.caret): void {
    const map = this.map()
    const page = this.page
    if (!map || !page) return
    const point = this.pointAt(at ?? 0)
    if (point) placeCaret(point.node, point.offset)
    this.caret = at
    page.focus({ preventScroll: true })
  }

  onMouseDown = (down: MouseEvent): void => {
    if (down.button !== 0) return
    this.press++
    window.addEventListener('mouseup', this.onMouseUp, { once: true })
  }

  /** Mouse presses in the text so far, and the one after which the pending passage was captured. */
  private press = 0
  private capturedAtPress = -1

  private onMouseUp = (up: MouseEvent): void => {
    // Let the browser finish updating the selection, and act on the last mouseup of a frame only:
    // the two mouseups of a fast double click must not open the popover and then close it again.
    cancelAnimationFrame(this.mouseUpFrame)
    const press = this.press
    this.mouseUpFrame = requestAnimationFrame(() => {
      if (this.capture(true)) return
      // A double click whose second press lasted past a frame: the first release's frame already
      // found the word selected and opened the popover, whose form took the focus (and with it the
      // selection) from the text. This release belongs to that same press: keep the popover.
      if (this.pending && this.capturedAtPress === press) return
      this.clear()
      this.page?.dispatchEvent(new CustomEvent('text-click', { detail: { x: up.clientX, y: up.clientY } }))
    })
  }

  /** Turns the current selection into a pending passage; returns false when nothing is selected. */
  private capture(focusForm: boolean): boolean {
    const map = this.map()
    const text = this.text()
    const sel = readSelection(this.host.shadowRoot!)
    if (!sel || sel.collapsed || !map || text === undefined) return false
    const start = map.fromBoundary(sel.startContainer, sel.startOffset, 'start')
    const end = map.fromBoundary(sel.endContainer, sel.endOffset, 'end')
    if (start === undefined || end === undefined || end <= start) return false
    const span = refineSelection(text, start, end, this.index())
    if (!span) return false
    this.pending = span
    this.capturedAtPress = this.press
    this.host.markPending(span)
    this.placePopover()
    this.host.requestUpdate()
    void this.host.updateComplete.then(() => {
      this.host.selectionPopover?.reset()
      if (focusForm) this.host.selectionPopover?.focusForm()
    })
    return true
  }

  /** Positions the popover under the end of the pending passage. */
  placePopover = (): void => {
    const range = this.pending && this.map()?.toRange(this.pending.start, this.pending.end)
    const rects = range ? [...range.getClientRects()].filter((r) => r.width > 0) : []
    const last = rects[rects.length - 1]
    if (!last) return
    this.popoverAt = { x: last.left, y: last.bottom }
    this.host.requestUpdate()
  }
}
