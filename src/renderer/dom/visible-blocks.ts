/**
 * Which blocks of the text are near the viewport: an IntersectionObserver over every block
 * element (the browser tracks them; nothing here runs per scroll frame), reporting the range of
 * block indices within one viewport above and below what is shown, once per batch of
 * intersection changes (the observer reports after layout, so a paint made then shows in the next frame).
 * The document view paints the highlights of that range only.
 */

/** Blocks [first, last] (indices, inclusive) near the viewport; empty when first > last. */
export interface BlockWindow {
  first: number
  last: number
}

export class VisibleBlocks {
  private readonly near = new Set<number>()
  private readonly observer: IntersectionObserver

  /**
   * @param scroller the scrolling element the blocks move in
   * @param elements the block elements, by index (each carries `data-b`)
   * @param onChange called with the new window after it moved
   */
  constructor(scroller: Element, elements: readonly HTMLElement[], private readonly onChange: (w: BlockWindow) => void) {
    this.observer = new IntersectionObserver((entries) => this.update(entries), { root: scroller, rootMargin: '100% 0px 100% 0px' })
    for (const el of elements) this.observer.observe(el)
  }

  /** The current window. */
  get window(): BlockWindow {
    if (!this.near.size) return { first: 0, last: -1 }
    let first = Infinity
    let last = -Infinity
    for (const i of this.near) {
      if (i < first) first = i
      if (i > last) last = i
    }
    return { first, last }
  }

  disconnect(): void {
    this.observer.disconnect()
  }

  private update(entries: IntersectionObserverEntry[]): void {
    for (const e of entries) {
      const i = Number((e.target as HTMLElement).dataset.b)
      if (e.isIntersecting) this.near.add(i)
      else this.near.delete(i)
    }
    this.onChange(this.window)
  }
}
