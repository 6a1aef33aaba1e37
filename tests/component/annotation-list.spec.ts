/** `<annotation-list>` alone: ten thousand highlights render as a handful of cards, and the selected one is brought into view. */
import { test, expect } from './fixtures'

test('a long list is virtualised: few cards exist, the selected one is scrolled to', async ({ harness: page }) => {
  await page.evaluate(() => {
    const h = window.harness
    const text = 'word '.repeat(60_000)
    const spans = Array.from({ length: 10_000 }, (_, i) => ({ start: i * 25, end: i * 25 + 14, tags: i % 2 ? ['claim'] : [] }))
    const index = new h.AnnotationIndex('doc1', h.annotationsOf(text, spans))
    const el = h.mount('annotation-list', { annotations: index, version: index.version, palette: h.model?.selections.palette() })
    el.style.cssText = 'display:block;height:700px;overflow:auto'
  })
  const list = page.locator('annotation-list')
  await expect(list.locator('.count')).toHaveText('10000 highlights')
  await expect(list.locator('annotation-card').first()).toBeVisible()
  const rendered = await list.locator('annotation-card').count()
  expect(rendered).toBeGreaterThan(3)
  expect(rendered).toBeLessThan(100)
  await list.evaluate((el) => ((el as HTMLElement & { selectedAnnotationId: string }).selectedAnnotationId = 'a9999'))
  await expect(list.locator('annotation-card[data-id="a9999"]')).toBeVisible()
  await expect(list.locator('annotation-card[data-id="a9999"]')).toHaveAttribute('selected', '')
  expect(await list.locator('annotation-card').count()).toBeLessThan(100)
})

test("an edit, and another document's list, reach the list a frame after the text paints them, not before", async ({ harness: page }) => {
  await page.evaluate(() => {
    const h = window.harness
    const text = 'word '.repeat(60_000)
    const spans = Array.from({ length: 10_000 }, (_, i) => ({ start: i * 25, end: i * 25 + 14, tags: [] }))
    const index = new h.AnnotationIndex('doc1', h.annotationsOf(text, spans))
    const el = h.mount('annotation-list', { annotations: index, version: index.version, palette: undefined })
    el.style.cssText = 'display:block;height:700px;overflow:auto'
    ;(window as unknown as { index: unknown; text: string }).index = index
    ;(window as unknown as { text: string }).text = text
  })
  const list = page.locator('annotation-list')
  await expect(list.locator('.count')).toHaveText('10000 highlights')
  // One highlight added: right after the change (its microtasks run, no frame yet) the list has not
  // re-rendered; after the next frame it has.
  const [before, after] = await page.evaluate(async () => {
    const h = window.harness
    const w = window as unknown as { index: { upsert(a: unknown): void; version: number }; text: string }
    const el = document.querySelector('test-provider > annotation-list') as HTMLElement & { version: number; updateComplete: Promise<unknown> }
    w.index.upsert(h.annotationsOf(w.text, [{ id: 'new1', start: 3, end: 7, tags: [] }])[0])
    el.version = w.index.version
    for (let i = 0; i < 5; i++) await Promise.resolve()
    const count = () => el.shadowRoot!.querySelector('.count')!.textContent
    const before = count()
    await el.updateComplete
    return [before, count()]
  })
  expect(before).toBe('10000 highlights')
  expect(after).toBe('10001 highlights')
  // Another document's list (a switch; at open, the first) likewise follows the text's frame.
  const shown = await page.evaluate(async () => {
    const h = window.harness
    const el = document.querySelector('test-provider > annotation-list') as HTMLElement & { annotations: unknown; version: number; updateComplete: Promise<unknown> }
    const other = new h.AnnotationIndex('doc2', h.annotationsOf('other text here', [{ start: 0, end: 5, tags: [] }]))
    el.annotations = other
    el.version = (other as { version: number }).version
    for (let i = 0; i < 5; i++) await Promise.resolve()
    const count = () => el.shadowRoot!.querySelector('.count')!.textContent
    const before = count()
    await el.updateComplete
    return [before, count()]
  })
  expect(shown).toEqual(['10001 highlights', '1 highlight'])
})
