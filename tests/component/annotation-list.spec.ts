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
