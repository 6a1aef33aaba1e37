/**
 * The project-wide annotation table end to end: filtering by an entity and by a verdict shows the
 * right rows and the document view's highlights follow; sorting; a row opens its passage; CSV
 * export from the filter; bulk actions through the model, each one undo step for all its rows.
 */
import { readFileSync } from 'node:fs'
import type { Page } from '@playwright/test'
import { test, expect } from './fixtures'
import { corpusProject, marked, painted } from './corpus-helpers'

test.use({ seed: true })
test.describe.configure({ timeout: 180_000 })

const rows = (page: Page) => page.locator('corpus-table [role="row"][data-annotation-id]')
const quotes = (page: Page) => rows(page).locator('mark')

test('filter by entity and verdict: the right rows, and the document view follows', async ({ page, app }) => {
  const p = await corpusProject(app)
  await page.reload()
  await expect(page.locator('document-view h1')).toHaveText('John VII Palaiologos')
  await page.getByRole('button', { name: 'Corpus' }).click()
  await page.locator('#corpus-tab-table').click()
  await expect(page.locator('corpus-table #table-count')).toHaveText('8 of 8 annotations')
  await expect(rows(page)).toHaveCount(8)

  // The entity Bayezid I: two passages in the seed, one in Gibbon; the facet counts them.
  const entitySelect = page.getByRole('combobox', { name: 'Filter by entity', exact: true })
  await expect(entitySelect.locator(`option[value="${p.entities.bayezid}"]`)).toHaveText('Bayezid I (3)')
  await entitySelect.selectOption(p.entities.bayezid)
  await expect(page.locator('corpus-table #table-count')).toHaveText('3 of 8 annotations')
  await expect(quotes(page)).toHaveText(['Bajazet', 'John VII sought refuge with Bayezid I', 'Bayezid was defeated by Timur at the Battle of Ankara'])

  // And contradicted: one row.
  await page.getByRole('combobox', { name: 'Filter by verdict' }).selectOption('contradicted')
  await expect(page.locator('corpus-table #table-count')).toHaveText('1 of 8 annotations')
  await expect(quotes(page)).toHaveText(['John VII sought refuge with Bayezid I'])

  // The document view paints only what the filter keeps.
  await page.getByRole('button', { name: 'Close the corpus views' }).click()
  await expect.poll(() => painted(page)).toEqual(['John VII sought refuge with Bayezid I'])
  // Clearing the filter brings every highlight back.
  await page.getByRole('button', { name: 'Corpus' }).click()
  await page.locator('#corpus-tab-table').click()
  await page.getByRole('button', { name: 'Clear filter' }).click()
  await expect(rows(page)).toHaveCount(8)
  await page.getByRole('button', { name: 'Close the corpus views' }).click()
  await expect.poll(async () => (await painted(page)).length).toBe(7)
})

test('sorting, a row opening its passage in another document, CSV of the filter, bulk tag with undo', async ({ page, app }) => {
  const p = await corpusProject(app)
  await page.reload()
  await expect(page.locator('document-view h1')).toHaveText('John VII Palaiologos')
  await page.keyboard.press('Control+Shift+F')
  await page.locator('#corpus-tab-search').press('ArrowRight')
  await expect(page.locator('#corpus-tab-table')).toBeFocused()
  await expect(rows(page)).toHaveCount(8)

  // Sort by quote (case- and accent-blind), then descending.
  await page.locator('corpus-table [role="columnheader"] button', { hasText: 'Quote' }).click()
  await expect(quotes(page).first()).toHaveText('Bajazet')
  await page.locator('corpus-table [role="columnheader"] button', { hasText: 'Quote' }).click()
  await expect(quotes(page).first()).toHaveText('Western Europe')
  await expect(page.locator('corpus-table [role="columnheader"][aria-sort="descending"]')).toHaveText(/Quote/)

  // CSV of the current filter (tag “place”): three rows plus the header.
  await page.getByRole('combobox', { name: 'Filter by tag' }).selectOption('place')
  await expect(rows(page)).toHaveCount(3)
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export CSV' }).click()])
  const csv = readFileSync((await download.path())!, 'utf8')
  const lines = csv.trim().split('\r\n')
  expect(lines).toHaveLength(4)
  expect(csv).toContain('Selymbria (Silivri)')
  expect(csv).not.toContain('sought refuge')

  // Bulk: choose every filtered row, add a tag; each row shows it; one undo takes it off all three.
  await page.getByRole('button', { name: 'Choose all 3' }).click()
  await expect(page.locator('corpus-bulk-bar')).toContainText('3 chosen')
  await page.getByRole('textbox', { name: 'Tag', exact: true }).fill('geography')
  await page.getByRole('button', { name: 'Add tag' }).click()
  await expect.poll(async () => (await app.api<{ tags: string[] }[]>('listAnnotations', {})).filter((a) => a.tags.includes('geography')).length).toBe(3)
  await expect(rows(page).filter({ hasText: 'geography' })).toHaveCount(3)
  await expect(page.locator('marginalia-app header').getByRole('button', { name: 'Undo' })).toHaveAttribute('title', /Undo Edit 3 annotations/)
  await page.locator('header').getByRole('button', { name: 'Undo' }).click()
  await expect(rows(page).filter({ hasText: 'geography' })).toHaveCount(0)
  expect((await app.api<{ tags: string[] }[]>('listAnnotations', {})).filter((a) => a.tags.includes('geography'))).toEqual([])

  // A row in Gibbon opens Gibbon at the passage.
  await page.getByRole('button', { name: 'Clear filter' }).click()
  await page.getByRole('combobox', { name: 'Filter by document' }).selectOption(p.gibbonId)
  await rows(page).first().locator('button.quote').press('Enter')
  await expect(page.locator('corpus-view')).toHaveCount(0)
  await expect(page.locator('document-view h1')).toContainText('Gibbon')
  await expect.poll(() => marked(page, 'selected')).toBe('Bajazet')
})

test('bulk delete of three rows is one edit: one Ctrl+Z brings all three back, Ctrl+Shift+Z deletes them again', async ({ page, app }) => {
  await corpusProject(app)
  await page.reload()
  await expect(page.locator('document-view h1')).toHaveText('John VII Palaiologos')
  await page.getByRole('button', { name: 'Corpus' }).click()
  await page.locator('#corpus-tab-table').click()
  await expect(rows(page)).toHaveCount(8)
  await page.getByRole('combobox', { name: 'Filter by tag' }).selectOption('place')
  await expect(quotes(page)).toHaveText(['Selymbria (Silivri)', 'Western Europe', 'Thessalonica on the Aegean Sea'])
  for (const box of await rows(page).getByRole('checkbox').all()) await box.check()
  await expect(page.locator('corpus-bulk-bar')).toContainText('3 chosen')
  page.once('dialog', (d) => void d.accept())
  await page.getByRole('button', { name: 'Delete…' }).click()
  await expect(page.locator('corpus-table #table-count')).toHaveText('0 of 5 annotations')
  await expect(page.locator('corpus-bulk-bar')).toContainText('0 chosen')
  expect(await app.api<unknown[]>('listAnnotations', {})).toHaveLength(5)

  await page.locator('corpus-table #table-count').click() // focus out of any field: the shortcut is the app's
  await page.keyboard.press('Control+z')
  await expect(quotes(page)).toHaveText(['Selymbria (Silivri)', 'Western Europe', 'Thessalonica on the Aegean Sea'])
  await expect(page.locator('corpus-table #table-count')).toHaveText('3 of 8 annotations')
  expect(await app.api<unknown[]>('listAnnotations', {})).toHaveLength(8)
  // The step before is the verdict the project was set up with, not a row of the deletion.
  await expect(page.locator('marginalia-app header').getByRole('button', { name: 'Undo' })).toHaveAttribute('title', /Undo Relate: nephew of/)

  await page.keyboard.press('Control+Shift+z')
  await expect(page.locator('corpus-table #table-count')).toHaveText('0 of 5 annotations')
  // Back in the text, the seed's three place highlights are gone with them.
  await page.getByRole('button', { name: 'Clear filter' }).click()
  await page.getByRole('button', { name: 'Close the corpus views' }).click()
  await expect.poll(async () => (await painted(page)).length).toBe(4)
})
