/**
 * What the browser benchmarks measure in the page, for Marginalia and for the Recogito page alike.
 * "Painted" is the end of the frame that shows a change: both pages record it after a
 * requestAnimationFrame (the frame's rendering follows) and a setTimeout (runs once it is done).
 * Times are performance.now() of the page (ms since its navigation started).
 */
import type { CDPSession, Page } from 'playwright-core'

// Globals of the page, for the functions run there through page.evaluate (bench/ is type-checked without the DOM library).
// eslint-disable-next-line @typescript-eslint/no-explicit-any
declare const window: any, document: any, requestAnimationFrame: (cb: (t: number) => void) => number

/** tsx keeps function names with a `__name` helper that pages do not have. */
export const NAME_HELPER = 'window.__name = (f) => f'

/**
 * Marginalia: each repaint of the document view leaves a `marginalia:painted` mark; this records its
 * frame's end. The mark is caught as it is made (as the Recogito page hooks its renderer's redraw),
 * not through a PerformanceObserver, whose callbacks Chromium delivers late when the page is busy:
 * that measured the observer's delay rather than the paint.
 */
export const MARGINALIA_INIT = `
  window.__painted = []
  const mark = performance.mark.bind(performance)
  performance.mark = (name, options) => {
    const entry = mark(name, options)
    if (name === 'marginalia:painted') {
      const detail = options && options.detail
      requestAnimationFrame(() => setTimeout(() => window.__painted.push({ t: performance.now(), ...detail })))
    }
    return entry
  }
  ${NAME_HELPER}
`

/** A recorded paint: Marginalia's carry what was painted, and of which document; Recogito's are bare times. */
type Painted = { t: number; painted: number; version: number; documentId: string } | number

/**
 * Waits for a recorded paint after index `from` that ends after `after` (ms), painted at least
 * `minPainted` highlights (Marginalia's record the count) and, with `documentId`, was of that
 * document (a switch: not a late paint of the document left); returns its time.
 */
export async function paintAfter(page: Page, from: number, opts: { after?: number; minPainted?: number; documentId?: string } = {}): Promise<number> {
  const handle = await page.waitForFunction(
    ({ from, after, minPainted, documentId }) => {
      const list = (window as unknown as { __painted: Painted[] }).__painted ?? []
      for (const p of list.slice(from)) {
        const t = typeof p === 'number' ? p : p.t
        const painted = typeof p === 'number' ? Infinity : p.painted
        const ofDocument = documentId === undefined || (typeof p !== 'number' && p.documentId === documentId)
        if (t > after && painted >= minPainted && ofDocument) return t
      }
      return false
    },
    { from, after: opts.after ?? -1, minPainted: opts.minPainted ?? 0, documentId: opts.documentId },
    { timeout: 600_000, polling: 20 }
  )
  return (await handle.jsonValue()) as number
}

export const paintedCount = (page: Page): Promise<number> => page.evaluate(() => (window as unknown as { __painted?: unknown[] }).__painted?.length ?? 0)

/** JS heap in use after a full garbage collection, in bytes. */
export async function heapAfterGc(cdp: CDPSession): Promise<number> {
  await cdp.send('HeapProfiler.collectGarbage')
  await cdp.send('HeapProfiler.collectGarbage')
  return (await cdp.send('Runtime.getHeapUsage')).usedSize
}

/**
 * Scrolls the text (Marginalia's document view, or the Recogito page itself) by `step` px per
 * frame for `frames` frames; returns the intervals between frames (ms).
 */
export function scrollFrames(page: Page, which: 'marginalia' | 'recogito', frames: number, step: number): Promise<number[]> {
  return page.evaluate(
    async ({ which, frames, step }) => {
      const el = which === 'recogito'
        ? document.scrollingElement!
        : document.querySelector('marginalia-app')!.shadowRoot!.querySelector('document-view')!.shadowRoot!.querySelector('.scroller')!
      el.scrollTop = 0
      await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)))
      const stamps: number[] = []
      await new Promise<void>((done) => {
        const tick = (t: number) => {
          stamps.push(t)
          if (stamps.length > frames) return done()
          el.scrollTop += step
          requestAnimationFrame(tick)
        }
        requestAnimationFrame(tick)
      })
      return stamps.slice(1).map((t, i) => t - stamps[i])
    },
    { which, frames, step }
  )
}

export const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]
export const percentile = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * p))]
