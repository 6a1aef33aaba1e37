/**
 * Which printed page the reader is on, told once per change while the text scrolls: the page at
 * the reading line (dom/page-tracker.ts), measured at most once per frame. A page brought to the
 * reading line by "go to page" is pinned: it stays the page told, even when the text ends too soon
 * to scroll it all the way up (the last pages), until the reader scrolls away from where it landed.
 * Pages are indices among the document's page blocks sorted by start.
 */
import type { PageTracker } from './page-tracker'

export class PageFollower {
  private shown: number | undefined
  private pinned: { page: number; top?: number } | undefined
  private frame = 0

  constructor(
    private readonly scroller: HTMLElement,
    private readonly tracker: PageTracker,
    private readonly tell: (page: number) => void
  ) {}

  /** Measures the page at the reading line in the next frame (call on scroll). */
  follow(): void {
    if (this.frame) return
    this.frame = requestAnimationFrame(() => {
      this.frame = 0
      const pin = this.pinned
      if (pin && (pin.top === undefined || Math.abs(this.scroller.scrollTop - pin.top) < 2)) return this.report(pin.page)
      this.pinned = undefined
      const page = this.tracker.pageAt(this.scroller)
      if (page !== undefined) this.report(page)
    })
  }

  /**
   * `page` was just scrolled to: tell it, and keep it the page told until the reader scrolls on.
   * Where it landed is read after two frames (the reveal corrects its place from the laid-out text).
   */
  pin(page: number): void {
    const pin: { page: number; top?: number } = (this.pinned = { page })
    this.report(page)
    requestAnimationFrame(() => requestAnimationFrame(() => (pin.top = this.scroller.scrollTop)))
  }

  dispose(): void {
    cancelAnimationFrame(this.frame)
    this.frame = 0
  }

  private report(page: number): void {
    if (page === this.shown) return
    this.shown = page
    this.tell(page)
  }
}
