/** Mouse selection in the document view, as a historian makes it (shared by the e2e specs). */
import type { Page } from '@playwright/test'

export interface Box {
  left: number
  right: number
  top: number
  bottom: number
}

/** Viewport rectangles of the `occurrence`-th (1-based) rendering of `phrase` in the document view's text; scrolls it into view. */
export async function phraseRects(page: Page, phrase: string, occurrence = 1): Promise<Box[]> {
  return page.evaluate(
    ([phrase, occurrence]) => {
      const root = document.querySelector('marginalia-app')!.shadowRoot!.querySelector('document-view')!.shadowRoot!
      let seen = 0
      // Each text node of a block is one run of the document's text (page and line markers sit between runs).
      const nodes = [...root.querySelectorAll<HTMLElement>('[data-b]')].flatMap((el) => [...el.childNodes].filter((n): n is Text => n.nodeType === Node.TEXT_NODE))
      for (const node of nodes) {
        let at = node.data.indexOf(phrase)
        while (at >= 0) {
          if (++seen === occurrence) {
            const range = document.createRange()
            range.setStart(node, at)
            range.setEnd(node, at + phrase.length)
            range.startContainer.parentElement!.scrollIntoView({ block: 'center' })
            const rects = [...range.getClientRects()].filter((r) => r.width > 0)
            return rects.map((r) => ({ left: r.left, right: r.right, top: r.top, bottom: r.bottom }))
          }
          at = node.data.indexOf(phrase, at + 1)
        }
      }
      throw new Error(`phrase not rendered: ${phrase}`)
    },
    [phrase, occurrence] as const
  )
}

/** Drags the mouse from the first character of `rects` to the last. */
export async function dragAcross(page: Page, rects: Box[]): Promise<void> {
  const first = rects[0]
  const last = rects[rects.length - 1]
  await page.mouse.move(first.left + 1, (first.top + first.bottom) / 2)
  await page.mouse.down()
  await page.mouse.move((first.left + last.right) / 2, (last.top + last.bottom) / 2, { steps: 5 })
  await page.mouse.move(last.right - 1, (last.top + last.bottom) / 2, { steps: 5 })
  await page.mouse.up()
}

/** Selects `phrase` (its `occurrence`-th rendering) in the document view by dragging the mouse over it. */
export async function dragSelect(page: Page, phrase: string, occurrence = 1): Promise<void> {
  await dragAcross(page, await phraseRects(page, phrase, occurrence))
}
