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
   * @param onChange called with the new window after it moved (once per batch of changes)
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
    queueMicrotask(() => {
      this.queued = false
      this.onChange(this.window)
    })
  }
}
