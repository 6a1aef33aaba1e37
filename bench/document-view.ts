/**
 * The document view as a historian uses it, on a whole book (Gibbon's Decline and Fall vol. 2,
 * 2 MB) holding 0, 2,000 or 10,000 highlights, in Chromium over the HTTP transport with the real
 * services. Each figure is a ratio to the same action on the book with no highlight, measured in the
 * same run (interleaved, medians):
 * - open → text and highlights painted;
 * - create a highlight (drag over a passage, Enter in the popover) → painted, the durable write
 *   included (target ≤ 1.5× at 10,000).
 * Needs a built renderer (`npm run build`) and ../shared/corpus. Run: npx tsx bench/document-view.ts [runs]
 */
import { join } from 'node:path'
import type { Page } from 'playwright-core'
import { spans, writeProject } from './lib/annotated-project'
import { browserBench } from './lib/browser-bench'
import { openMarginalia } from './lib/drive'
import { median, paintAfter, paintedCount } from './lib/in-page'
const RUNS = Math.max(3, Number(process.argv[2] ?? 3))
const SIZES = [0, 2_000, 10_000]

// Globals of the page, for the functions run there through page.evaluate (bench/ is type-checked without the DOM library).
// eslint-disable-next-line @typescript-eslint/no-explicit-any
declare const document: any, window: any

/** Selects the `nth` word run of the first long paragraph with the mouse and highlights it with Enter; returns ms to painted. */
async function createByHand(page: Page, nth: number): Promise<number> {
  const box = await page.evaluate((nth) => {
    const view = document.querySelector('marginalia-app').shadowRoot.querySelector('document-view')
    const p = [...view.shadowRoot.querySelectorAll('p[data-b]')].find((el: { textContent: string }) => el.textContent.length > 200)
    const node = [...p.childNodes].find((n: { nodeType: number }) => n.nodeType === 3)
    const words = [...(node.data as string).matchAll(/\S+ \S+/g)]
    const w = words[nth % words.length]
    const r = document.createRange()
    r.setStart(node, w.index)
    r.setEnd(node, w.index + w[0].length)
    const b = r.getBoundingClientRect()
    return { left: b.left, right: b.right, y: (b.top + b.bottom) / 2 }
  }, nth)
  await page.mouse.move(box.left + 1, box.y)
  await page.mouse.down()
  await page.mouse.move(box.right - 1, box.y, { steps: 3 })
  await page.mouse.up()
  await page.waitForFunction(() => !!document.querySelector('marginalia-app').shadowRoot.querySelector('document-view').shadowRoot.querySelector('selection-popover'))
  const before = await page.evaluate(() => document.querySelector('marginalia-app').shadowRoot.querySelector('document-view').painted.length)
  const n = await paintedCount(page)
  await page.evaluate(() => window.addEventListener('keydown', (e: { key: string }) => e.key === 'Enter' && (window.__enter = performance.now()), { capture: true, once: true }))
  await page.keyboard.press('Enter')
  const t0 = (await (await page.waitForFunction(() => window.__enter)).jsonValue()) as number
  return (await paintAfter(page, n, { after: t0, minPainted: before + 1 })) - t0
}

browserBench('marginalia-bench-view-', async ({ browser, book: t, tmp, serve }) => {
  const urls: string[] = []
  for (const n of SIZES) {
    const dir = join(tmp, `p${n}`)
    await writeProject(dir, t, [{ spans: spans(t, n) }])
    urls.push(await serve(dir))
  }
  const open = SIZES.map(() => [] as number[])
  const create = SIZES.map(() => [] as number[])
  for (let r = 0; r < RUNS; r++) {
    for (let i = 0; i < SIZES.length; i++) {
      const { page, open: o } = await openMarginalia(browser, urls[i], SIZES[i] ? 1 : 0)
      open[i].push(o)
      await page.waitForTimeout(300)
      create[i].push(await createByHand(page, r * 7 + 3))
      await page.close()
    }
  }
  console.log(`Gibbon vol. 2 (${t.index.length.toLocaleString()} code points, ${t.blocks.length} blocks); ${RUNS} interleaved runs, medians.`)
  console.log('baseline: the same book with no highlight = 1.00')
  SIZES.forEach((n, i) => {
    if (!n) return
    console.log(`${n.toLocaleString().padStart(6)} highlights: open → painted ${(median(open[i]) / median(open[0])).toFixed(2)}×, ` +
      `create a highlight → painted ${(median(create[i]) / median(create[0])).toFixed(2)}×${n === 10_000 ? ' (target ≤ 1.5)' : ''}`)
  })
  console.log(`  (for scale, this machine: open ${(median(open[0]) / 1000).toFixed(2)} s, create ${median(create[0]).toFixed(0)} ms with no highlight)`)
})
