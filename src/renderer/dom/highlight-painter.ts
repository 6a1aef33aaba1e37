/**
 * Paints highlights over the document view without touching its text DOM.
 *
 * With the CSS Custom Highlight API (`CSS.highlights`), every (colour, overlap layer) pair is one
 * named Highlight styled by a `::highlight(name)` rule in a constructable stylesheet adopted by the
 * view's shadow root (such rules only reach ranges whose nodes live in that same shadow tree).
 * The ranges are StaticRanges of the highlights near the viewport only: nothing is kept per
 * highlight of the whole document, and no live Range makes other DOM changes slower.
 * Without the API, translucent boxes are positioned over the ranges' client rects in an overlay.
 * Extra layers: `selected` (the annotation chosen in a list), `pending` (the passage the popover
 * is about to highlight) and `flash` (a short pulse when jumping to a passage).
 */
import { safeCssColour, UNTAGGED_COLOUR } from '../lib/colours'

/** One highlight to paint. */
export interface PaintItem {
  id: string
  colour: string
  /** Overlap layer from overlapLayers(); same-colour items on different layers both show. */
  layer: number
  range: AbstractRange
}

export type Special = 'selected' | 'pending' | 'flash'

interface HighlightRegistry {
  set(name: string, h: unknown): void
  delete(name: string): void
}
type HighlightCtor = new (...ranges: AbstractRange[]) => { priority: number }

let instances = 0

/** How long a flashed passage stays lit, in ms: long enough to catch the eye after scrolling. */
const FLASH_MS = 1400

/** A live Range with the boundaries of `r`, for measuring now (never kept). */
export function liveRange(r: AbstractRange): Range {
  const range = r.startContainer.ownerDocument!.createRange()
  range.setStart(r.startContainer, r.startOffset)
  range.setEnd(r.endContainer, r.endOffset)
  return range
}

/** Higher priority paints on top: flash over selection over pending over plain highlights. */
const SPECIALS: [Special, number, string][] = [
  ['pending', 1, 'background-color: rgba(47, 111, 206, 0.28);'],
  ['selected', 2, 'text-decoration: underline 2px rgba(43, 39, 34, 0.75); text-underline-offset: 3px;'],
  ['flash', 3, 'background-color: rgba(255, 196, 0, 0.85); color: #1b1814;']
]

export class HighlightPainter {
  private readonly prefix = `mg${++instances}`
  private readonly sheet = new CSSStyleSheet()
  private readonly registry: HighlightRegistry | undefined
  private readonly Highlight: HighlightCtor | undefined
  private names: string[] = []
  private items: PaintItem[] = []
  private special = new Map<Special, AbstractRange>()
  private flashTimer: number | undefined
  private readonly resize: ResizeObserver

  /**
   * @param root the shadow root holding the text nodes
   * @param overlay a positioned element covering the text, used for fallback boxes
   */
  constructor(private readonly root: ShadowRoot, private readonly overlay: HTMLElement) {
    const css = (globalThis as { CSS?: { highlights?: HighlightRegistry } }).CSS
    const ctor = (globalThis as { Highlight?: HighlightCtor }).Highlight
    if (css?.highlights && ctor) {
      this.registry = css.highlights
      this.Highlight = ctor
    }
    root.adoptedStyleSheets = [...root.adoptedStyleSheets, this.sheet]
    this.resize = new ResizeObserver(() => this.drawBoxes())
    this.resize.observe(overlay.parentElement ?? overlay)
  }

  /** True when painting with the CSS Custom Highlight API rather than fallback boxes. */
  get native(): boolean {
    return this.registry !== undefined
  }

  /** The highlights painted now (those near the viewport). */
  get painted(): readonly PaintItem[] {
    return this.items
  }

  /** Replaces every painted annotation. */
  paint(items: PaintItem[]): void {
    this.items = items
    this.redraw()
  }

  /** Sets or clears one of the extra layers. */
  mark(kind: Special, range: AbstractRange | undefined): void {
    if (range) this.special.set(kind, range)
    else if (!this.special.delete(kind)) return
    this.redraw()
  }

  /** Lights up `range` briefly. */
  flash(range: AbstractRange): void {
    window.clearTimeout(this.flashTimer)
    this.mark('flash', range)
    this.flashTimer = window.setTimeout(() => this.mark('flash', undefined), FLASH_MS)
  }

  /**
   * Ids of the painted annotations under viewport point (x, y), shortest passage first.
   * @param candidates only these ids are measured (measuring every range on each mouse move is
   *   needless: the caller narrows them by the caret's position)
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

  /** Removes everything this painter registered. */
  dispose(): void {
    window.clearTimeout(this.flashTimer)
    this.resize.disconnect()
    for (const n of this.names) this.registry?.delete(n)
    this.names = []
    this.overlay.replaceChildren()
    this.root.adoptedStyleSheets = this.root.adoptedStyleSheets.filter((s) => s !== this.sheet)
  }

  private redraw(): void {
    if (this.registry) this.drawHighlights()
    else this.drawBoxes()
  }

  private drawHighlights(): void {
    const registry = this.registry!
    const Highlight = this.Highlight!
    for (const n of this.names) registry.delete(n)
    this.names = []
    const colours = new Map<string, number>()
    const rules: string[] = []
    const groups = new Map<string, { colour: string; ranges: AbstractRange[] }>()
    for (const it of this.items) {
      if (!colours.has(it.colour)) colours.set(it.colour, colours.size)
      const name = `${this.prefix}-c${colours.get(it.colour)}-l${it.layer}`
      const g = groups.get(name) ?? { colour: it.colour, ranges: [] }
      g.ranges.push(it.range)
      groups.set(name, g)
    }
    for (const [name, { colour, ranges }] of groups) {
      registry.set(name, new Highlight(...ranges))
      this.names.push(name)
      rules.push(`::highlight(${name}) { background-color: color-mix(in srgb, ${safeCssColour(colour) ?? UNTAGGED_COLOUR} 42%, transparent); }`)
    }
    for (const [kind, priority, style] of SPECIALS) {
      const range = this.special.get(kind)
      if (!range) continue
      const name = `${this.prefix}-${kind}`
      const h = new Highlight(range)
      h.priority = priority
      registry.set(name, h)
      this.names.push(name)
      rules.push(`::highlight(${name}) { ${style} }`)
    }
    this.sheet.replaceSync(rules.join('\n'))
  }

  /** Fallback: one absolutely positioned box per client rect, relative to the overlay's parent. */
  private drawBoxes(): void {
    if (this.registry) return
    const host = this.overlay.parentElement ?? this.overlay
    const origin = host.getBoundingClientRect()
    const boxes: HTMLElement[] = []
    const add = (range: AbstractRange, cls: string, colour?: string) => {
      for (const r of liveRange(range).getClientRects()) {
        if (r.width === 0 || r.height === 0) continue
        const box = document.createElement('div')
        box.className = `box ${cls}`
        box.style.left = `${r.left - origin.left + host.scrollLeft}px`
        box.style.top = `${r.top - origin.top + host.scrollTop}px`
        box.style.width = `${r.width}px`
        box.style.height = `${r.height}px`
        if (colour) box.style.backgroundColor = `color-mix(in srgb, ${safeCssColour(colour) ?? UNTAGGED_COLOUR} 42%, transparent)`
        boxes.push(box)
      }
    }
    for (const it of this.items) add(it.range, 'hl', it.colour)
    for (const [kind, range] of this.special) add(range, kind)
    this.overlay.replaceChildren(...boxes)
  }
}
