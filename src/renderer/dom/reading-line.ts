/**
 * Bringing a passage to the reading line (a third down the scroller: dom/page-tracker.ts), on a
 * book whose blocks far from the viewport keep estimated heights until laid out.
 */
import { liveRange } from './highlight-painter'
import { READING_LINE } from './page-tracker'

/** Frames during which a far jump keeps its passage at the reading line while the blocks around it are laid out. */
const SETTLE_FRAMES = 12

/**
 * The scroller's scrollTop (px) that puts the top of `el` at the reading line, from the layout as it
 * stands — not scrollIntoView, which brings every skipped block's style up to date first
 * (content-visibility).
 */
export function scrollTopFor(scroller: HTMLElement, el: Element): number {
  const top = el.getBoundingClientRect().top - scroller.getBoundingClientRect().top + scroller.scrollTop
  return Math.max(0, top - scroller.clientHeight * READING_LINE)
}

/**
 * Keeps `range` at the reading line while the blocks around it take their real heights (they had
 * estimated ones): measured each frame, corrected until it stays put two frames running (at most
 * SETTLE_FRAMES), so a passage deep in a book does not end up above the screen. Stops when
 * `alive()` turns false (the view left the page).
 */
export function settleAtReadingLine(scroller: HTMLElement, range: AbstractRange, alive: () => boolean, frames = SETTLE_FRAMES, still = 0): void {
  requestAnimationFrame(() => {
    if (!alive()) return
    const at = liveRange(range).getBoundingClientRect().top - scroller.getBoundingClientRect().top
    const off = at - scroller.clientHeight * READING_LINE
    if (Math.abs(off) > 1) scroller.scrollTop += off
    const quiet = Math.abs(off) > 1 ? 0 : still + 1
    if (quiet < 2 && frames > 1) settleAtReadingLine(scroller, range, alive, frames - 1, quiet)
  })
}
