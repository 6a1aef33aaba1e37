/**
 * Search end to end (built app, real services over HTTP): Ctrl+F finds in the open document
 * (case and diacritics ignored), draws the hits and steps through them by keyboard; Ctrl+Shift+F
 * searches the project, lists hits per document with context, and a hit opens its passage.
 */
import { test, expect } from './fixtures'
import { importGibbon, marked } from './corpus-helpers'

test.use({ seed: true })
// The machine is shared: project setup (init, import, serve) alone can take most of a minute.
test.describe.configure({ timeout: 180_000 })

test.beforeEach(async ({ page, app }) => {
  expect(app.seedId).toBeTruthy()
  await expect(page.locator('document-view h1')).toHaveText('John VII Palaiologos')
})

test('Ctrl+F: a Greek search without accents finds the seed’s Greek name, Enter steps through the hits', async ({ page }) => {
  await page.locator('document-view article').focus()
  await page.keyboard.press('Control+f')
  const input = page.getByRole('searchbox', { name: 'Find in this document' })
  await expect(input).toBeFocused()
  await input.fill('παλαιολογος')
  await input.press('Enter')
  const status = page.locator('search-bar .count')
  await expect(status).toHaveText('1 of 1')
  await expect.poll(() => marked(page, 'hit-current')).toBe('Παλαιολόγος')
  await expect(page.locator('document-view .overlay .box.hit').first()).toBeAttached()

  // A Latin name found in two spellings; Enter and Shift+Enter move between them.
  await input.fill('palaeologus')
  await input.press('Enter')
  await expect(status).toHaveText('1 of 2')
  await input.press('Enter')
  await expect(status).toHaveText('2 of 2')
  await expect.poll(() => marked(page, 'hit-current')).toBe('Palaeologus')
  await input.press('Shift+Enter')
  await expect(status).toHaveText('1 of 2')
  await input.fill('Timour')
  await input.press('Enter')
  await expect(status).toHaveText('No hits')
  await input.press('Escape')
  await expect(page.locator('search-bar')).toHaveCount(0)
})

test('Ctrl+Shift+F: a project search lists hits in the seed and in Gibbon, and a hit opens its passage', async ({ page, app }) => {
  await importGibbon(app)
  await page.keyboard.press('Control+Shift+F')
  const input = page.getByRole('searchbox', { name: 'Search the project' })
  await expect(input).toBeFocused()
  await input.fill('palaeologus')
  await input.press('Enter')
  const docs = page.locator('corpus-search section.document')
  await expect(docs).toHaveCount(2)
  // Gibbon's damaged “PalÊologus” is found as the same word.
  await expect(docs.nth(0).locator('h2')).toContainText('Gibbon')
  await expect(docs.nth(0).locator('.count')).toHaveText('12')
  await expect(docs.nth(1).locator('h2')).toContainText('John VII Palaiologos')
  await expect(docs.nth(1).locator('.count')).toHaveText('2')
  await expect(docs.nth(0).locator('button.hit mark').first()).toHaveText('PalÊologus')

  // Keyboard: Tab into the list, ↓ to the second hit, Enter opens it in Gibbon.
  const first = docs.nth(0).locator('button.hit').first()
  await first.focus()
  await page.keyboard.press('ArrowDown')
  await expect(docs.nth(0).locator('button.hit').nth(1)).toBeFocused()
  await page.keyboard.press('Enter')
  await expect(page.locator('corpus-view')).toHaveCount(0)
  await expect(page.locator('document-view h1')).toContainText('Gibbon')
  await expect.poll(() => marked(page, 'hit-current')).toBe('PalÊologus')
  // The document's other hits are drawn too.
  await expect.poll(() => page.locator('document-view .overlay .box.hit').count()).toBeGreaterThan(0)
  // A hit in the seed, then Gibbon opened from the list: the seed's hits are not drawn over Gibbon's text.
  await page.keyboard.press('Control+Shift+F')
  await input.fill('palaeologus')
  await input.press('Enter')
  await docs.nth(1).locator('button.hit').first().click()
  await expect(page.locator('document-view h1')).toHaveText('John VII Palaiologos')
  await expect.poll(() => marked(page, 'hit-current')).toBe('Palaeologus')
  await page.locator('document-list button.doc', { hasText: 'Gibbon' }).click()
  await expect(page).toHaveTitle(/Gibbon/)
  await expect(page.locator('document-view .overlay .box.hit')).toHaveCount(0)
  expect(await marked(page, 'hit-current')).toBeUndefined()
})
