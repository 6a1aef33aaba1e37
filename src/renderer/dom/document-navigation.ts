/**
 * Jumps in the document view: to a span of the text (an annotation, a search hit), to where a
 * locator falls ("go to cited page"), to a printed page; and which page the reader is on. A jump
 * past the part of the text that is in (a document still opening: views/document-view.ts) is
 * kept and made once the rest has come. Offsets are code points of the document's text; pages are
 * indices among its page blocks sorted by start.
 */
import type { Block, DocumentWithText } from '../../shared/model'
import type { LocatedRange } from '../../shared/structure/resolve-locator'
import type { CodePointIndex } from '../../shared/text/code-points'
import { locateInDocument } from '../lib/document-locator'
import { lastIndexWhere } from '../lib/last-index-where'
import type { HighlightPainter } from './highlight-painter'
import { PageFollower } from './page-follower'
import { PageTracker } from './page-tracker'
import { scrollTopFor, settleAtReadingLine } from './reading-line'
import { type ChunkWindow, chunksOnScreen } from './rendered-chunks'
import type { TextLayout } from './text-layout'

/** Beyond this distance (in viewports) a jump is instant: smooth scrolling would lay out every block passed. */
const SMOOTH_LIMIT = 2
/** Code points of a cited region flashed after a jump to it (its start, not a whole chapter). */
const FLASH_CP = 400

/** What the navigation reads from the view and asks of it. */
export interface NavigationHost {
  readonly scroller: HTMLElement
  readonly layout: TextLayout | undefined
  readonly painter: HighlightPainter | undefined
  /** Paints the highlights of chunks `w` now. */
  paintWindow(w: ChunkWindow): void
  /** False once the view has left the page. */
  readonly isConnected: boolean
  /** Tells that the printed page at the reading line is now `page` (with its label). */
  pageShown(page: number, label: string | undefined): void
}

export class DocumentNavigation {
  /** A jump asked for past the text that is in, made once the rest has come. */
  private deferred: (() => void) | undefined
  private follower: PageFollower | undefined
  /** The document's page blocks, sorted by start (pages are indices into it). */
  private pages: Block[] = []

  constructor(private readonly host: NavigationHost) {}

  /** A document was laid out: its pages are followed as the text scrolls (from now on). */
  start(doc: DocumentWithText, layout: TextLayout): void {
    this.pages = doc.structure.filter((b) => b.kind === 'page').sort((a, b) => a.start - b.start)
    const tracker = new PageTracker(layout.chunks.map((c) => c.el), layout.pagesPerChunk, (k) => layout.ensure(layout.chunks[k].start))
    this.follower = tracker.count ? new PageFollower(this.host.scroller, tracker, (page) => this.host.pageShown(page, this.pages[page]?.label)) : undefined
    this.follower?.follow()
  }

  /** The document left the view: nothing is followed, no jump waits. */
  stop(): void {
    this.follower?.dispose()
    this.follower = undefined
    this.pages = []
    this.deferred = undefined
  }

  /** The text scrolled: the page at the reading line is measured in the next frame. */
  onScroll(): void {
    this.follower?.follow()
  }

  /** The rest of the text has come: the jump asked for meanwhile, if any, is made. */
  resume(): void {
    const jump = this.deferred
    this.deferred = undefined
    jump?.()
  }

  /**
   * "Go to cited page": scrolls to where `locator` (`p. 39`, `fol. 12r`, `ch. LXIV`…) falls in
   * `doc`'s structure and flashes the start of it. Returns the region, or undefined when the
   * locator names nothing in this document.
   */
  revealLocator(doc: DocumentWithText, index: CodePointIndex, locator: string): LocatedRange | undefined {
    const [first] = locateInDocument(doc, index, locator).ranges
    if (!first) return undefined
    // Flash the first screenful of the cited region: enough to see where it starts.
    this.revealSpan(first.start, Math.min(first.end, first.start + FLASH_CP), true)
    return first
  }

  /**
   * Brings page `page` to the reading line and flashes its start. It is then the page shown, even
   * when the text ends too soon to scroll it all the way up (the last pages), until the reader
   * scrolls on.
   */
  revealPage(page: number): boolean {
    const block = this.pages[page]
    if (!block || !this.revealSpan(block.start, Math.min(block.end, block.start + FLASH_CP), true)) return false
    this.follower?.pin(page)
    return true
  }

  /**
   * Scrolls code points [start, end) into view (a third down the screen) and flashes them.
   * `exact`: once the chunk is laid out, correct the place from the text itself (a page starting
   * inside a long paragraph is far below the paragraph's top). A far jump is always corrected so:
   * the blocks laid out on arrival differ from their estimated heights, which left a search hit
   * deep in a book (Gibbon vol. 6) above the screen.
   */
  revealSpan(start: number, end: number, exact = false): boolean {
    const { layout, painter, scroller } = this.host
    if (layout && end > layout.loaded) {
      // Past the part of the text that is in (the document is still opening): once the rest has come.
      this.deferred = () => void this.revealSpan(start, end, exact)
      return true
    }
    const range = layout?.map.toStaticRange(start, end)
    if (!range || !layout || !painter) return false
    layout.ensure(start)
    const blocks = layout.blocks // the block holding `start`: the last one starting at or before it
    const target = scrollTopFor(scroller, layout.elements[lastIndexWhere(blocks.length, (i) => blocks[i].start <= start)])
    const reduce = window.matchMedia?.('(prefers-reduced-motion: reduce)').matches
    const far = Math.abs(target - scroller.scrollTop) > SMOOTH_LIMIT * scroller.clientHeight
    const settle = exact || far
    scroller.scrollTo({ top: target, behavior: reduce || settle ? 'auto' : 'smooth' })
    if (settle) {
      // Paint the chunks on screen now (the passage's among them), not when the browser reports
      // them rendered a frame later; it then reports their neighbours, painted in that frame. Only
      // what is on screen: measuring a chunk's boxes lays it out, and the jump's frame waits for it.
      const screen = chunksOnScreen(scroller, layout.chunks.map((c) => c.el))
      const at = layout.chunkAt(start)
      this.host.paintWindow({ first: Math.min(screen.first, at), last: Math.max(screen.last, at) })
      painter.flash(range)
      settleAtReadingLine(scroller, range, () => this.host.isConnected)
    } else painter.flash(range)
    return true
  }
}
