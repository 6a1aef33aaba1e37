/**
 * Which printed page the reader is on: the page whose start marker (`span.pb`, one per `page`
 * block, in document order: dom/text-layout.ts) is the last one at or above the reading line, a
 * third down the scroller (where "go to" puts what it reveals). Before the first page's marker
 * (a title above it) the reader is on the first page.
 *
 * Cheap on a whole book: the chunk at the line is found by a binary search over the chunks' boxes
 * (always laid out; a chunk far from the viewport keeps its estimated height, which keeps the order),
 * then only that chunk's markers are measured: it is on screen, so measuring lays out nothing new.
 * The markers are looked up in that chunk when measured (a chunk's text may be built later).
 */

import { lastIndexWhere } from '../lib/last-index-where'

/** Where the reading line is, as a fraction of the scroller's height from its top. */
export const READING_LINE = 1 / 3
/** Pixels below the line a page's start may be and still count as reached (rounded scroll offsets). */
const SLACK_PX = 3

export class PageTracker {
  /** Number of page markers before each chunk. */
  private readonly before: number[]
  /** Number of page markers in all. */
  readonly count: number

  /**
   * @param chunks the text's chunks, in document order
   * @param pagesPerChunk how many page markers each chunk holds (known before its text is built)
   * @param build builds chunk `k`'s text when it is not yet (dom/text-layout.ts lays a book out progressively)
   */
  constructor(private readonly chunks: readonly HTMLElement[], pagesPerChunk: readonly number[], private readonly build: (k: number) => void = () => undefined) {
    this.before = []
    let n = 0
    for (const pages of pagesPerChunk) {
      this.before.push(n)
      n += pages
    }
    this.count = n
  }

  /** Index (among the document's page blocks, sorted by start) of the page at the reading line of `scroller`; undefined without pages. */
  pageAt(scroller: HTMLElement): number | undefined {
    if (!this.count || !this.chunks.length) return undefined
    const box = scroller.getBoundingClientRect()
    const line = box.top + scroller.clientHeight * READING_LINE
    // Last chunk whose top is at or above the line.
    const lo = lastIndexWhere(this.chunks.length, (i) => this.chunks[i].getBoundingClientRect().top <= line)
    // A page revealed exactly at the line counts as reached (scroll offsets are rounded to pixels).
    this.build(lo)
    const markers = [...this.chunks[lo].querySelectorAll<HTMLElement>('span.pb')]
    const above = markers.filter((m) => m.getBoundingClientRect().top <= line + SLACK_PX).length
    return Math.max(0, this.before[lo] + above - 1)
  }
}
