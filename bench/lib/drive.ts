/**
 * One measured visit of each page: open it and wait until the text and its highlights are painted,
 * read the JS heap, add one highlight, jump to the last annotation, scroll. Marginalia and Recogito
 * are driven the same way; see in-page.ts for what "painted" means.
 */
import type { Browser, Page } from 'playwright-core'
import { heapAfterGc, MARGINALIA_INIT, NAME_HELPER, paintAfter, paintedCount, scrollFrames } from './in-page'

// Globals of the page, for the functions run there through page.evaluate (bench/ is type-checked without the DOM library).
// eslint-disable-next-line @typescript-eslint/no-explicit-any
declare const window: any, document: any, requestAnimationFrame: (cb: (t: number) => void) => number

export interface Visit {
  /** Navigation start → text and highlights painted (ms). */
  open: number
  /**
   * Marginalia only: navigation start → everything in (ms): the whole text laid out and every
   * annotation of the document read (the open paints the first screens before). Heap, add and
   * jump are measured after this.
   */
  loaded?: number
  /** JS heap after GC once painted (bytes). */
  heap: number
  /** One new highlight → painted (ms): for Marginalia, from the created annotation reaching the page's model. */
  add: number
  /** Marginalia only: from the call to the services (durable write included) → painted (ms). */
  addWithWrite?: number
  /** Jump to the last annotation → painted (ms). */
  jump: number
  /** Frame intervals while scrolling (ms). */
  frames: number[]
}

const VIEWPORT = { width: 1280, height: 800 }

/** A visit of the Recogito page (`url`, with its data.json); `add` is in Recogito's offsets. */
export async function visitRecogito(browser: Browser, url: string, add: { id: string; start: number; end: number; quote: string }, lastId: string): Promise<Visit> {
  const page = await browser.newPage({ viewport: VIEWPORT })
  try {
    await page.addInitScript({ content: NAME_HELPER })
    const cdp = await page.context().newCDPSession(page)
    await page.goto(url)
    const open = await paintAfter(page, 0)
    await page.waitForTimeout(300)
    const heap = await heapAfterGc(cdp)
    let n = await paintedCount(page)
    const t0 = await page.evaluate((a) => {
      const w = window as unknown as { __anno: { addAnnotation(x: unknown): void }; __toRecogito(x: unknown): unknown }
      const t = performance.now()
      w.__anno.addAnnotation(w.__toRecogito(a))
      return t
    }, add)
    const added = (await paintAfter(page, n, { after: t0 })) - t0
    n = await paintedCount(page)
    const t1 = await page.evaluate((id) => {
      const t = performance.now()
      ;(window as unknown as { __anno: { scrollIntoView(id: string): boolean } }).__anno.scrollIntoView(id)
      return t
    }, lastId)
    const jump = (await paintAfter(page, n, { after: t1 })) - t1
    const frames = await scrollFrames(page, 'recogito', 120, 60)
    return { open, heap, add: added, jump, frames }
  } finally {
    await page.close()
  }
}

/** Waits until Marginalia's open document is all in: its whole text laid out, all its annotations read; returns when (ms since navigation). */
export async function allLoaded(page: Page): Promise<number> {
  const handle = await page.waitForFunction(() => {
    const app = document.querySelector('marginalia-app') as { model: { open?: { complete: boolean } }; shadowRoot: { querySelector(s: string): { laidOut: boolean } | null } }
    return app.model.open?.complete && app.shadowRoot.querySelector('document-view')?.laidOut ? performance.now() : false
  }, undefined, { timeout: 600_000, polling: 20 })
  return (await handle.jsonValue()) as number
}

/** Opens Marginalia at `url` and waits for its first paint with at least `minPainted` highlights. */
export async function openMarginalia(browser: Browser, url: string, minPainted: number): Promise<{ page: Page; open: number }> {
  const page = await browser.newPage({ viewport: VIEWPORT })
  await page.addInitScript({ content: MARGINALIA_INIT })
  await page.goto(url)
  const open = await paintAfter(page, 0, { minPainted })
  return { page, open }
}

/** A visit of Marginalia at `url` (a project served by `serve`); `add` is in code points of document `documentId`. */
export async function visitMarginalia(browser: Browser, url: string, documentId: string, add: { start: number; end: number }, lastId: string): Promise<Visit> {
  const { page, open } = await openMarginalia(browser, url, 1)
  try {
    const loaded = await allLoaded(page)
    const cdp = await page.context().newCDPSession(page)
    await page.waitForTimeout(300)
    const heap = await heapAfterGc(cdp)
    let n = await paintedCount(page)
    const r = await page.evaluate(async ({ documentId, add }) => {
      type Model = { changed(...s: string[]): void; mutate(m: string, a: unknown): Promise<unknown> }
      const m = (document.querySelector('marginalia-app') as unknown as { model: Model }).model
      let arrived: number | undefined
      const changed = m.changed.bind(m)
      m.changed = (...s: string[]) => {
        if (arrived === undefined && s.includes('annotations')) arrived = performance.now()
        changed(...s)
      }
      const t0 = performance.now()
      await m.mutate('createAnnotation', { documentId, ...add })
      m.changed = changed
      return { t0, arrived: arrived! }
    }, { documentId, add })
    const painted = await paintAfter(page, n, { after: r.arrived, minPainted: 1 })
    n = await paintedCount(page)
    const t1 = await page.evaluate((id) => {
      const view = document.querySelector('marginalia-app')!.shadowRoot!.querySelector('document-view') as unknown as { reveal(id: string): boolean }
      const t = performance.now()
      if (!view.reveal(id)) throw new Error(`annotation ${id} is not in the open document`)
      return t
    }, lastId)
    const jump = (await paintAfter(page, n, { after: t1, minPainted: 1 })) - t1
    const frames = await scrollFrames(page, 'marginalia', 120, 60)
    return { open, loaded, heap, add: painted - r.arrived, addWithWrite: painted - r.t0, jump, frames }
  } finally {
    await page.close()
  }
}

/** Opens Marginalia, then switches to document `otherId`: time from the switch to its text and highlights painted (ms). */
export async function switchDocument(browser: Browser, url: string, otherId: string): Promise<{ open: number; switch: number }> {
  const { page, open } = await openMarginalia(browser, url, 1)
  try {
    const n = await paintedCount(page)
    const t0 = await page.evaluate((id) => {
      const t = performance.now()
      document.querySelector('marginalia-app')!.dispatchEvent(new CustomEvent('document-open', { detail: { id } }))
      return t
    }, otherId)
    // A paint of the new document: the one left may still paint after the click (its whole list arriving).
    return { open, switch: (await paintAfter(page, n, { after: t0, minPainted: 1, documentId: otherId })) - t0 }
  } finally {
    await page.close()
  }
}
