/// <reference path="../../src/types/untyped-modules.d.ts" />
/**
 * A generated corpus: Gibbon ch. LXIV–LXV twice over, with 20,000 annotations written through the
 * project store (bench/lib/annotated-project.ts). The table counts them all but renders only the
 * rows on screen (read a page at a time), scrolls to the last row, and filters; a project search
 * finds hits in both documents; a row far down opens its passage.
 */
import { test, expect } from './fixtures'
import { loadText, spans, writeProject } from '../../bench/lib/annotated-project'
import { GIBBON_EXCERPT } from './fixtures'
import { marked } from './corpus-helpers'

test.describe.configure({ timeout: 240_000 })

const N = 10_000 // per document: 20,000 in all

test('20,000 annotations: the table is virtualised, scrolls to the end, filters, and a far row opens its passage', async ({ page, app }) => {
  const t = loadText(GIBBON_EXCERPT)
  await app.restart(page, async () => {
    await writeProject(app.dir, t, [{ spans: spans(t, N, 1) }, { spans: spans(t, N, 2) }])
  })
  // Opening a project of 20,000 annotations on a loaded, shared machine can take longer than the default 10 s.
  await expect(page.locator('document-view h1')).toBeVisible({ timeout: 60_000 })
  await page.getByRole('button', { name: 'Corpus' }).click()
  await page.locator('#corpus-tab-table').click()
  const count = page.locator('corpus-table #table-count')
  await expect(count).toHaveText(`${2 * N} of ${2 * N} annotations`)
  const rows = page.locator('corpus-table [role="row"][data-annotation-id]')
  await expect(rows.first()).toBeVisible()
  // Only what is on screen is in the page.
  expect(await page.locator('corpus-table [role="row"][aria-rowindex]').count()).toBeLessThan(120)

  // To the end: the last row is rendered and read.
  await page.locator('corpus-table lit-virtualizer').evaluate((el) => (el.scrollTop = el.scrollHeight))
  await expect(page.locator(`corpus-table [role="row"][aria-rowindex="${2 * N + 1}"][data-annotation-id]`)).toBeVisible()
  const last = page.locator(`corpus-table [role="row"][aria-rowindex="${2 * N + 1}"]`)
  const quote = (await last.locator('mark').textContent())!
  await last.locator('button.quote').click()
  await expect(page.locator('corpus-view')).toHaveCount(0)
  // Opening a document of 10,000 annotations on a loaded machine takes a while.
  // (The window title: the view keeps its heading when the new document's text is the same.)
  await expect(page).toHaveTitle(/\(2\) — Marginalia/, { timeout: 60_000 })
  await expect.poll(() => marked(page, 'selected'), { timeout: 30_000 }).toBe(quote)

  // A tag filter keeps about a third of them; the count is the services'.
  await page.getByRole('button', { name: 'Corpus' }).click()
  await page.getByRole('combobox', { name: 'Filter by tag' }).selectOption('tag3')
  await expect(count).toHaveText(new RegExp(`^\\d+ of ${2 * N} annotations$`))
  const kept = Number((await count.textContent())!.split(' ')[0])
  expect(kept).toBeGreaterThan(300)
  expect(kept).toBeLessThan(2 * N / 8)

  // Project search over both copies.
  await page.locator('#corpus-tab-search').click()
  await page.getByRole('searchbox', { name: 'Search the project' }).fill('Timour')
  await page.getByRole('searchbox', { name: 'Search the project' }).press('Enter')
  await expect(page.locator('corpus-search section.document')).toHaveCount(2)
  await expect(page.locator('corpus-search section.document .count')).toHaveText(['113', '113'])
})
