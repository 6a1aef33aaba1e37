/**
 * Verdict badges on highlights: a small mark at the end of each highlight near the viewport whose
 * citation has been checked (✓ supported, ◐ partially supported, ✗ contradicted, ? not found).
 * Drawn in a layer of their own inside the document page, so the text DOM (and its offsets) is
 * untouched; redrawn when the painted window moves or the page is resized.
 */
import type { Annotation } from '../../shared/model'
import { VERDICT_COLOURS } from '../lib/colours'
import { VERDICT_LABELS, VERDICT_SYMBOLS, verdictOf } from '../lib/verdicts'
import { liveRange } from './highlight-painter'

export class VerdictBadges {
  private readonly layer: HTMLElement
  private last: { annotation: Annotation; range: AbstractRange }[] = []
  private readonly resize: ResizeObserver

  /** @param page the positioned element holding the text */
  constructor(private readonly page: HTMLElement) {
    this.layer = document.createElement('div')
    this.layer.className = 'verdict-badges'
    this.layer.setAttribute('aria-hidden', 'false')
    page.prepend(this.layer)
    this.resize = new ResizeObserver(() => this.redraw())
    this.resize.observe(page)
  }

  /** Draws the badges of the given painted annotations (those without a checked citation draw none). */
  draw(items: { annotation: Annotation; range: AbstractRange }[]): void {
    this.last = items.filter((i) => verdictOf(i.annotation))
    this.redraw()
  }

  dispose(): void {
    this.resize.disconnect()
    this.layer.remove()
  }

  private redraw(): void {
    if (!this.last.length) {
      // Nothing to place: no layout read (it would lay out the page for nothing).
      if (this.layer.firstChild) this.layer.replaceChildren()
      return
    }
    const origin = this.page.getBoundingClientRect()
    const badges: HTMLElement[] = []
    for (const { annotation, range } of this.last) {
      const status = verdictOf(annotation)!
      const rects = liveRange(range).getClientRects()
      const end = rects[rects.length - 1]
      if (!end) continue
      const badge = document.createElement('span')
      badge.className = 'verdict-badge'
      badge.dataset.annotation = annotation.id
      badge.dataset.status = status
      badge.title = `Verified: ${VERDICT_LABELS[status]}`
      badge.setAttribute('role', 'img')
      badge.setAttribute('aria-label', `Verified: ${VERDICT_LABELS[status]}`)
      badge.textContent = VERDICT_SYMBOLS[status]
      badge.style.left = `${end.right - origin.left + 1}px`
      badge.style.top = `${end.top - origin.top - 9}px`
      badge.style.background = VERDICT_COLOURS[status]
      badges.push(badge)
    }
    this.layer.replaceChildren(...badges)
  }
}
