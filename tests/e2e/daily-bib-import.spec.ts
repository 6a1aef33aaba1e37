/**
 * Issue 13, item 12: a bibliography file whose entries repeat each other must not be reported as
 * "2 merged with existing items" — the Bibliography panel says which duplicates were within the
 * file and which merged into items the project already had (the services' one wording).
 */
import { test, expect } from './fixtures'

test.use({ seed: true })

const ENTRY = (key: string) => `@book{${key}, title={The Last Centuries of Byzantium, 1261-1453}, author={Nicol, Donald M.}, publisher={Cambridge University Press}, year={1993}}\n`
const FILE = ENTRY('nicol93') + ENTRY('nicol1993') + ENTRY('Nicol_1993') + '@article{z77, title={John VII (Alias Andronicus) Palaeologus}, author={Zachariadou, Elizabeth A.}, journal={Dumbarton Oaks Papers}, volume={31}, year={1977}}\n'

test('duplicates within a bibliography file are reported as such, merges into existing items as those', async ({ page, app: _app }) => {
  await expect(page.locator('document-view h1.doc-title')).toHaveText('John VII Palaiologos')
  await page.getByRole('tab', { name: 'Bibliography' }).click()
  const panel = page.locator('citation-panel')
  const file = (name: string) => ({ name, mimeType: 'text/x-bibtex', buffer: Buffer.from(FILE) })

  await panel.locator('input[type=file]').setInputFiles(file('first.bib'))
  await expect(panel.locator('.report')).toHaveText('2 items imported from first.bib; 2 duplicates within the file merged.', { timeout: 30_000 })
  await expect(panel.locator('li.item').filter({ hasText: 'Nicol 1993' })).toHaveCount(1)

  // The same file again: now every entry merges into an item the project has.
  await panel.locator('input[type=file]').setInputFiles(file('again.bib'))
  await expect(panel.locator('.report')).toContainText('0 items imported from again.bib', { timeout: 30_000 })
  await expect(panel.locator('.report')).toContainText('merged with existing items')
  await expect(panel.locator('li.item').filter({ hasText: 'Nicol 1993' })).toHaveCount(1)
})
