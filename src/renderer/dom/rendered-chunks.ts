/**
 * Which chunks of the text the browser renders now. The chunks are `content-visibility: auto`, so
 * the browser itself decides what is near enough the viewport to lay out and paint; it says so with
 * `contentvisibilityautostatechange` events (Chromium ≥ 108), which this turns into a window of
 * chunk indices for the document view to paint highlights in. Where that event is missing, an
 * IntersectionObserver over the chunks (one viewport's margin) stands in. Nothing runs per scroll
 * frame here: only when a chunk starts or stops being rendered.
 */

/** Chunks [first, last] (indices, inclusive) rendered now; empty when first > last. */
export interface ChunkWindow {
  first: number
  last: number
}

type StateEvent = Event & { skipped: boolean }

export class RenderedChunks {
  private readonly rendered = new Set<number>()
  private readonly stop: () => void
  private queued = false

  /**
   * @param scroller the scrolling element the chunks move in (for the fallback observer)
   * @param chunks the chunk elements, by index (each carries `data-c`)
   * @param onChange called with the new window after it moved (once per batch of changes, in a task after it)
   */
  constructor(scroller: Element, chunks: readonly HTMLElement[], private readonly onChange: (w: ChunkWindow) => void) {
    const index = (el: EventTarget | Element) => Number((el as HTMLElement).dataset.c)
    if ('oncontentvisibilityautostatechange' in HTMLElement.prototype) {
      const listener = (e: Event) => this.set(index(e.target!), !(e as StateEvent).skipped)
      for (const c of chunks) c.addEventListener('contentvisibilityautostatechange', listener)
      this.stop = () => chunks.forEach((c) => c.removeEventListener('contentvisibilityautostatechange', listener))
    } else {
      const observer = new IntersectionObserver((entries) => entries.forEach((e) => this.set(index(e.target), e.isIntersecting)), {
        root: scroller,
        rootMargin: '50% 0px 50% 0px'
      })
      chunks.forEach((c) => observer.observe(c))
      this.stop = () => observer.disconnect()
    }
  }

  /** The current window. */
  get window(): ChunkWindow {
    if (!this.rendered.size) return { first: 0, last: -1 }
    return { first: Math.min(...this.rendered), last: Math.max(...this.rendered) }
  }

  disconnect(): void {
    this.stop()
  }

  private set(i: number, shown: boolean): void {
    if (shown) this.rendered.add(i)
    else this.rendered.delete(i)
    if (this.queued) return
    this.queued = true
    // One report per batch: the browser dispatches a state change per chunk, with a microtask
    // checkpoint after each, so a microtask reported every step of a far jump (the chunks left
    // skipped, an empty window, then the new ones one by one: three repaints, the first painting
    // nothing; bench/profile-jump.ts). A task after the batch reports where it ends. The boxes
    // are drawn in the next frame either way (highlight-painter.ts), so they come no later.
    setTimeout(() => {
      this.queued = false
      this.onChange(this.window)
    })
  }
}

/**
 * The chunks that overlap the scroller's viewport now, from their boxes as laid out (estimated
 * heights for those not rendered yet): a binary search for the first, then on to the last. The
 * chunks' own boxes only are measured, not the text inside them.
 */
export function chunksOnScreen(scroller: Element, chunks: readonly HTMLElement[]): ChunkWindow {
  const view = scroller.getBoundingClientRect()
  let lo = 0
  let hi = chunks.length - 1
  while (lo < hi) {
    const mid = (lo + hi) >> 1
    if (chunks[mid].getBoundingClientRect().bottom <= view.top) lo = mid + 1
    else hi = mid
  }
  let last = lo
  while (last + 1 < chunks.length && chunks[last + 1].getBoundingClientRect().top < view.bottom) last++
  return { first: lo, last }
}
