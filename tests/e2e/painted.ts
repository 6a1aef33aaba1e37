/** What the document view paints, read through its own accessors (shared by the e2e specs). */
import type { Page } from '@playwright/test'

type View = HTMLElement & {
  painted: { id: string; text: string; colour: string }[]
  markedText(kind: 'selected' | 'pending' | 'flash'): string | undefined
}

const view = () => document.querySelector('marginalia-app')!.shadowRoot!.querySelector('document-view') as View

/** The texts of the highlights painted now (those near the viewport), sorted. */
export function paintedTexts(page: Page): Promise<string[]> {
  return page.evaluate(`(${view})().painted.map((p) => p.text).sort()`) as Promise<string[]>
}

/** The colours the painted highlights are drawn in. */
export function paintedColours(page: Page): Promise<string[]> {
  return page.evaluate(`(${view})().painted.map((p) => p.colour)`) as Promise<string[]>
}

/** The text of the selected / flashed passage while it shows. */
export function markedText(page: Page, kind: 'flash' | 'selected'): Promise<string | undefined> {
  return page.evaluate(`(${view})().markedText(${JSON.stringify(kind)})`) as Promise<string | undefined>
}
