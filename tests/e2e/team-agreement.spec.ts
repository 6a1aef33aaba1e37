/**
 * Agreement in the app: two annotators tag the open document; the Team tab shows Cohen's κ,
 * Fleiss' κ, Krippendorff's α and αu per tag and for all tags, the same values the services
 * compute; the table follows a new annotation; by entity type too; and "Download CSV" saves the
 * table (in the browser a download; the desktop app writes it into a granted folder, see
 * tests/unit/main/team/agreement-csv.test.ts).
 */
import { readFileSync } from 'node:fs'
import type { Page } from '@playwright/test'
import { expect, test } from './fixtures'
import { teamTabViolations } from './team-axe'

test.use({ seed: true })
test.describe.configure({ timeout: 300_000 })

interface Row { category: string | null; measure: string; raters: string[]; value: number | null; items: number }

const openTeamTab = async (page: Page) => {
  await page.getByRole('tab', { name: 'Team' }).click()
  await expect(page.locator('team-agreement')).toBeVisible()
}

test('the agreement table of the open document, kept current, by tag and by entity type, saved as CSV', async ({ page, app }) => {
  const annotate = async (author: string, quote: string, tags: string[], entityIds: string[] = []) => {
    await app.api('setAuthor', { name: author })
    await app.api('annotateQuote', { documentId: app.seedId, quote, occurrence: 1, tags, entityIds })
  }
  const manuel = await app.api<{ id: string }>('createEntity', { type: 'person', label: 'Manuel II' })
  await annotate('Ada Lovelace', 'Manuel II', ['ruler'], [manuel.id])
  await annotate('Ben Jonson', 'Manuel II', ['ruler'], [manuel.id])
  await annotate('Ada Lovelace', 'Bayezid I', ['ruler'])
  await annotate('Ben Jonson', 'Bayezid I', ['sultan'])

  await openTeamTab(page)
  const view = page.locator('team-agreement')
  await expect(view.locator('caption')).toContainText('Ada Lovelace, Ben Jonson, by tag')
  const cell = (category: string, measure: string) => view.locator(`tr[data-category="${category}"][data-measure="${measure}"] td.value`)
  const expected = async () => (await app.api<{ rows: Row[] }>('agreement', { documentId: app.seedId, by: 'tag' })).rows
  let rows = await expected()
  expect(rows.filter((r) => r.category === 'ruler').map((r) => r.measure)).toEqual(['cohen-kappa', 'fleiss-kappa', 'krippendorff-alpha', 'krippendorff-alpha-u'])
  for (const r of rows) await expect(cell(r.category ?? '*', r.measure)).toHaveText(r.value === null ? /^—/ : r.value.toFixed(3))
  const cohenAll = rows.find((r) => r.category === null && r.measure === 'cohen-kappa')!
  expect(cohenAll.value).toBeLessThan(1) // they disagree on Bayezid I
  await expect(view.getByRole('columnheader', { name: 'Measure' })).toBeVisible()
  await expect(view.getByRole('cell', { name: 'Cohen’s κ' }).first()).toBeVisible()
  expect(await teamTabViolations(page)).toEqual([])

  // Ben changes his mind: the table follows the edit.
  const bens = (await app.api<{ id: string; author: string; target: { exact: string } }[]>('listAnnotations', { documentId: app.seedId }))
    .find((a) => a.author === 'Ben Jonson' && a.target.exact === 'Bayezid I')!
  await app.api('updateAnnotation', { id: bens.id, tags: ['ruler'] })
  rows = await expected()
  expect(rows.find((r) => r.category === null && r.measure === 'cohen-kappa')!.value).not.toBe(cohenAll.value)
  await expect(view.locator('tr[data-category="sultan"]')).toHaveCount(0)
  for (const r of rows) await expect(cell(r.category ?? '*', r.measure)).toHaveText(r.value === null ? /^—/ : r.value.toFixed(3))

  // By entity type, chosen with the keyboard.
  await view.getByLabel('Categories').focus()
  await view.getByLabel('Categories').selectOption('type')
  await expect(view.locator('caption')).toContainText('by entity type')
  await expect(view.locator('tr[data-category="person"]')).toHaveCount(4)

  // Save the table: a CSV download with the services' table.
  const [download] = await Promise.all([page.waitForEvent('download'), view.getByRole('button', { name: 'Download CSV' }).click()])
  expect(download.suggestedFilename()).toBe(`agreement-${app.seedId}-type.csv`)
  const csv = readFileSync((await download.path())!, 'utf8')
  expect(csv).toBe((await app.api<{ content: string }>('agreementCsv', { documentId: app.seedId, by: 'type' })).content)
  expect(csv.split('\r\n')[0]).toBe('document,by,category,measure,raters,value,items,note')
  await expect(view.getByRole('status')).toHaveText(`Downloaded agreement-${app.seedId}-type.csv`)
})
