/**
 * Verdict badges on highlights: a small mark at the end of each highlight whose citation has
 * been checked (✓ supported, ◐ partially supported, ✗ contradicted, ? not found). Drawn in a
 * layer of their own inside the document page, so the text DOM (and its offsets) is untouched.
 */
import type { Annotation, VerificationStatus } from '../../shared/model'

export const VERDICT_LABELS: Record<VerificationStatus, string> = {
  supported: 'Supported', 'partially-supported': 'Partially supported', contradicted: 'Contradicted', 'not-found': 'Not found', unchecked: 'Unchecked'
}
const SYMBOLS: Record<VerificationStatus, string> = { supported: '✓', 'partially-supported': '◐', contradicted: '✗', 'not-found': '?', unchecked: '' }
const COLOURS: Record<VerificationStatus, string> = { supported: '#2e7d32', 'partially-supported': '#a67c00', contradicted: '#b3261e', 'not-found': '#666', unchecked: '#666' }
/** Worst verdict first: a highlight citing two works shows the more worrying one. */
const ORDER: VerificationStatus[] = ['contradicted', 'not-found', 'partially-supported', 'supported']

/** The verdict to show for an annotation, or undefined when none of its citations was checked. */
export function verdictOf(a: Annotation): VerificationStatus | undefined {
  const statuses = a.citations.map((c) => c.verification?.status).filter((s): s is VerificationStatus => !!s && s !== 'unchecked')
  return ORDER.find((s) => statuses.includes(s))
}

/** What each page showed last, so a resize (text reflow) can redraw the badges in place. */
const lastPaint = new WeakMap<HTMLElement, { annotations: Annotation[]; ranges: ReadonlyMap<string, Range> }>()
const observed = new WeakSet<HTMLElement>()

/** Draws the badges for `annotations` (with their painted ranges) inside `page`, and again whenever the page is resized. */
export function paintVerdictBadges(page: HTMLElement, annotations: Annotation[], ranges: ReadonlyMap<string, Range>): void {
  lastPaint.set(page, { annotations, ranges })
  if (!observed.has(page) && typeof ResizeObserver !== 'undefined') {
    observed.add(page)
    new ResizeObserver(() => {
      const last = lastPaint.get(page)
      if (last) draw(page, last.annotations, last.ranges)
    }).observe(page)
  }
  draw(page, annotations, ranges)
}

function draw(page: HTMLElement, annotations: Annotation[], ranges: ReadonlyMap<string, Range>): void {
  let layer = page.querySelector<HTMLElement>(':scope > .verdict-badges')
  if (!layer) {
    layer = document.createElement('div')
    layer.className = 'verdict-badges'
    layer.style.cssText = 'position:absolute;inset:0;pointer-events:none'
    if (getComputedStyle(page).position === 'static') page.style.position = 'relative'
    page.prepend(layer)
  }
  layer.replaceChildren()
  const origin = page.getBoundingClientRect()
  for (const a of annotations) {
    const status = verdictOf(a)
    const range = ranges.get(a.id)
    if (!status || !range) continue
    const rects = range.getClientRects()
    const last = rects[rects.length - 1]
    if (!last) continue
    const badge = document.createElement('span')
    badge.className = 'verdict-badge'
    badge.dataset.annotation = a.id
    badge.dataset.status = status
    badge.title = `Verified: ${VERDICT_LABELS[status]}`
    badge.setAttribute('role', 'img')
    badge.setAttribute('aria-label', `Verified: ${VERDICT_LABELS[status]}`)
    badge.textContent = SYMBOLS[status]
    badge.style.cssText = `position:absolute;left:${last.right - origin.left + 1}px;top:${last.top - origin.top - 9}px;font:bold 10px/1 system-ui,sans-serif;color:#fff;background:${COLOURS[status]};border-radius:7px;padding:1px 3px`
    layer.append(badge)
  }
}
