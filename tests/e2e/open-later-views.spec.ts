/**
 * The first screen's code only (issue 10, "open → painted"): the views the first screen does not
 * show (the other side panels, the corpus, dialogs, the find bar) come in a chunk of their own that
 * is asked for only after the text is painted, so their code does not stand before that paint. While
 * that chunk is held back the text, its highlights and the Annotations tab work; once it comes, a
 * panel opened meanwhile shows.
 */
import type { Route } from '@playwright/test'
import { test, expect } from './fixtures'

test.use({ seed: true })

test('the panels not shown at open load after the first paint, and a panel opened before they came shows once they come', async ({ page: first, app }) => {
  await first.close()
  const page = await first.context().newPage()
  await app.api('annotateQuote', { documentId: app.seedId, quote: 'John VII Palaiologos', occurrence: 1 })
  let release!: () => void
  const released = new Promise<void>((r) => (release = r))
  const asked: { paintedBefore: number; entityPanelDefined: boolean }[] = []
  await page.route('**/assets/later-views-*.js', async (route: Route) => {
    asked.push(await page.evaluate(() => ({
      paintedBefore: performance.getEntriesByName('marginalia:painted').length,
      entityPanelDefined: !!customElements.get('entity-panel')
    })))
    await released
    await route.continue()
  })
  await page.goto(app.url)

  // The text is painted with its highlight while the later views' code is held back.
  await expect(page.locator('document-view h1')).toHaveText('John VII Palaiologos')
  await expect.poll(() => page.evaluate(() => (document.querySelector('marginalia-app')!.shadowRoot!.querySelector('document-view') as unknown as { painted: unknown[] }).painted.length)).toBeGreaterThan(0)
  await expect(page.locator('annotation-card').first()).toBeVisible()
  await expect.poll(() => asked.length).toBe(1)
  expect(asked[0].paintedBefore).toBeGreaterThan(0) // asked for only after the text was painted
  expect(asked[0].entityPanelDefined).toBe(false)
  expect(await page.evaluate(() => !!customElements.get('corpus-view') || !!customElements.get('export-dialog'))).toBe(false)

  // A panel opened before its code came is empty until it comes, then shows.
  await page.getByRole('tab', { name: 'Entities' }).click()
  await expect(page.locator('entity-panel')).toHaveCount(1)
  expect(await page.evaluate(() => !!customElements.get('entity-panel'))).toBe(false)
  release()
  await expect(page.locator('entity-panel h2').first()).toHaveText('Entities')
  await expect(page.getByRole('searchbox', { name: 'Filter entities' })).toBeVisible()
  // The corpus views and dialogs came in the same chunk: the corpus opens at once.
  await page.getByRole('button', { name: 'Corpus' }).click()
  await expect(page.locator('corpus-view')).toBeVisible()
})
