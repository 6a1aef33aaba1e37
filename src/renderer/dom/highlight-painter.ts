/**
 * Paints highlights over the document view without touching its text DOM: translucent boxes,
 * one per line box of each highlight near the viewport (its StaticRange's client rects), in an
 * overlay layer of the page. Extra layers: `selected` (the annotation chosen in a list), `pending`
 * (the passage the popover is about to highlight) and `flash` (a short pulse when jumping to a passage).
 *
 * Why boxes rather than the CSS Custom Highlight API: in Chromium any change to a registered
 * Highlight restyles the whole document (measured on a 2 MB book: some 30,000 elements per change,
 * tens of ms), so adding one highlight or scrolling a new paragraph in would cost what the book
 * costs. Boxes cost what is on screen: the overlay is the only DOM that changes.
 * The boxes are placed from the layout as it is, in the frame after a change (all of a frame's changes
 * drawn once); the page's ResizeObserver places them again when the text reflows (a resize, or
 * blocks above taking their real height).
 */
import { safeCssColour, UNTAGGED_COLOUR } from '../lib/colours'

/** One highlight to paint. */
export interface PaintItem {
  id: string
  colour: string
  /** Overlap layer from overlapLayers() (overlapping boxes multiply, so both show). */
  layer: number
  range: AbstractRange
}

export type Special = 'selected' | 'pending' | 'flash' | 'hit-current'

/** How long a flashed passage stays lit, in ms: long enough to catch the eye after scrolling. */
const FLASH_MS = 1400

/** A live Range with the boundaries of `r`, for measuring now (never kept). */
export function liveRange(r: AbstractRange): Range {
  const range = r.startContainer.ownerDocument!.createRange()
  range.setStart(r.startContainer, r.startOffset)
  range.setEnd(r.endContainer, r.endOffset)
  return range
}

export class HighlightPainter {
  private items: PaintItem[] = []
  private special = new Map<Special, AbstractRange>()
  /** Search hits near the viewport (find in the document), drawn under the current one. */
  private hits: AbstractRange[] = []
  private flashTimer: number | undefined
  private frame = 0
  private readonly resize: ResizeObserver

  /** @param overlay a positioned element covering the text (its parent is the page the boxes are placed in) */
  constructor(private readonly overlay: HTMLElement) {
    this.resize = new ResizeObserver(() => this.draw())
    this.resize.observe(overlay.parentElement ?? overlay)
  }

  /** The highlights painted now (those near the viewport). */
  get painted(): readonly PaintItem[] {
    return this.items
  }

  /** The range of an extra layer, when it is shown. */
  marked(kind: Special): AbstractRange | undefined {
    return this.special.get(kind)
  }

  /** Replaces every painted annotation. */
  paint(items: PaintItem[]): void {
    this.items = items
    this.draw()
  }

  /** Sets or clears one of the extra layers. */
  mark(kind: Special, range: AbstractRange | undefined): void {
    if (range) this.special.set(kind, range)
    else if (!this.special.delete(kind)) return
    this.draw()
  }

  /** Replaces the search hits drawn (only those near the viewport are given). */
  setHits(ranges: AbstractRange[]): void {
    if (!ranges.length && !this.hits.length) return
    this.hits = ranges
    this.draw()
  }

  /** Lights up `range` briefly. */
  flash(range: AbstractRange): void {
    window.clearTimeout(this.flashTimer)
    this.mark('flash', range)
    this.flashTimer = window.setTimeout(() => this.mark('flash', undefined), FLASH_MS)
  }

  /**
   * Ids of the painted annotations under viewport point (x, y), shortest passage first.
   * @param candidates only these ids are measured (the caller narrows them by the caret's position)
   */
  hitTest(x: number, y: number, candidates?: ReadonlySet<string>): string[] {
    const hits: { id: string; len: number }[] = []
    for (const it of this.items) {
      if (candidates && !candidates.has(it.id)) continue
      const range = liveRange(it.range)
      for (const r of range.getClientRects()) {
        if (x >= r.left && x <= r.right && y >= r.top && y <= r.bottom) {
          hits.push({ id: it.id, len: range.toString().length })
          break
        }
      }
    }
    return hits.sort((a, b) => a.len - b.len).map((h) => h.id)
  }

  /** Removes everything this painter drew. */
  dispose(): void {
    window.clearTimeout(this.flashTimer)
    cancelAnimationFrame(this.frame)
    this.resize.disconnect()
    this.overlay.replaceChildren()
  }

  /**
   * Draws in the next frame, once however many changes came before it (a paint, the extra layers,
   * the text reflowing): measuring the text's boxes forces a layout, so it is done where the frame
   * lays out anyway, not once per change.
   */
  private draw(): void {
    if (!this.frame) this.frame = requestAnimationFrame(() => this.drawNow())
  }

  /**
   * One absolutely positioned box per client rect, relative to the page. Boxes that stay as they
   * were are kept (same element, not moved), so after adding one highlight the browser repaints
   * that highlight's boxes, not every box on screen.
   */
  private drawNow(): void {
    this.frame = 0
    const host = this.overlay.parentElement ?? this.overlay
    if (!this.items.length && !this.special.size && !this.hits.length) {
      if (this.overlay.firstChild) this.overlay.replaceChildren()
      return
    }
    const origin = host.getBoundingClientRect()
    const kept = new Map<string, HTMLElement[]>()
    for (const el of this.overlay.children as HTMLCollectionOf<HTMLElement>) {
      const same = kept.get(el.dataset.k ?? '')
      if (same) same.push(el)
      else kept.set(el.dataset.k ?? '', [el])
    }
    const boxes: HTMLElement[] = []
    const add = (range: AbstractRange, cls: string, colour?: string, id?: string) => {
      for (const r of liveRange(range).getClientRects()) {
        if (r.width === 0 || r.height === 0) continue
        const left = r.left - origin.left
        const top = r.top - origin.top
        const key = `${cls} ${colour ?? ''} ${id ?? ''} ${left} ${top} ${r.width} ${r.height}`
        const reused = kept.get(key)?.pop()
        if (reused) {
          boxes.push(reused)
          continue
        }
        const box = document.createElement('div')
        box.className = `box ${cls}`
        box.dataset.k = key
        if (id) box.dataset.id = id
        box.style.left = `${left}px`
        box.style.top = `${top}px`
        box.style.width = `${r.width}px`
        box.style.height = `${r.height}px`
        if (colour) box.style.backgroundColor = `color-mix(in srgb, ${safeCssColour(colour) ?? UNTAGGED_COLOUR} 42%, transparent)`
        boxes.push(box)
      }
    }
    for (const it of this.items) add(it.range, 'hl', it.colour, it.id)
    for (const range of this.hits) add(range, 'hit')
    for (const [kind, range] of this.special) add(range, kind)
    for (const unused of kept.values()) for (const el of unused) el.remove()
    // Same order as drawn (later boxes cover earlier ones); kept boxes already in order are not moved.
    boxes.forEach((box, i) => {
      const at = this.overlay.children[i]
      if (at !== box) this.overlay.insertBefore(box, at ?? null)
    })
  }
}
