/**
 * The Export dialog's defaults in the browser (issue 13, item 12): the scope it proposes is the one
 * the chosen format is for (Marginalia JSON, a complete re-importable project, starts on "Whole
 * project" even with a document open; TEI starts on the open document), a scope picked by hand is
 * kept when the format changes, and CSV is zipped by default, so it arrives as one download (plus
 * the loss report), not one download per table.
 */
import { readFileSync } from 'node:fs'
import type { Download, Page } from '@playwright/test'
import { test, expect } from './fixtures'

/** Clicks "Export and download" and returns every download that arrived within a settle time after the loss report. */
async function downloadsOf(page: Page): Promise<Download[]> {
  const downloads: Download[] = []
  const onDownload = (d: Download) => downloads.push(d)
  page.on('download', onDownload)
  const dialog = page.locator('export-dialog')
  await dialog.getByRole('button', { name: 'Export and download' }).click()
  await expect(dialog.locator('.result')).toContainText('Downloaded')
  await expect.poll(() => downloads.some((d) => d.suggestedFilename().endsWith('.losses.json'))).toBe(true)
  // The loss report is downloaded last; give any stray download time to arrive before counting.
  await page.waitForTimeout(500)
  page.off('download', onDownload)
  return downloads
}

test.describe('with a document open', () => {
  test.use({ seed: true })

  test('the scope follows the format, a scope picked by hand stays, and CSV is one zip', async ({ page, app }) => {
    await app.api('annotateQuote', { documentId: app.seedId, quote: 'Bayezid', occurrence: 1, tags: ['ottoman'] })
    await page.reload()
    await expect(page.locator('document-view h1.doc-title')).toHaveText('John VII Palaiologos')
    await page.getByRole('button', { name: 'Export…' }).click()
    const dialog = page.locator('export-dialog')
    const format = dialog.getByLabel('Format')
    const thisDocument = dialog.getByRole('radio', { name: 'This document' })
    const wholeProject = dialog.getByRole('radio', { name: 'Whole project' })

    // JSON is the default format and a whole-project format: its scope says so.
    await expect(format).toHaveValue('json')
    await expect(format.locator('option:checked')).not.toContainText('whole project')
    await expect(wholeProject).toBeChecked()
    await expect(thisDocument).not.toBeChecked()
    await expect(dialog.locator('.scope-note')).toHaveText(/Every document of the project/)

    // TEI is written per document: with one open, it starts on that document.
    await format.selectOption('tei')
    await expect(thisDocument).toBeChecked()
    await expect(dialog.locator('.scope-note')).toHaveText(/The open document, its annotations/)
    await format.selectOption('w3c')
    await expect(thisDocument).toBeChecked()

    // CSV: the tables of the whole project, packed into one zip unless the historian unticks it.
    await format.selectOption('csv')
    await expect(wholeProject).toBeChecked()
    await expect(dialog.getByLabel('Pack into one zip')).toBeChecked()
    const csv = await downloadsOf(page)
    expect(csv.map((d) => d.suggestedFilename()).sort()).toEqual(['e2e-project-csv.losses.json', 'e2e-project-csv.zip'])
    const zip = readFileSync((await csv.find((d) => d.suggestedFilename().endsWith('.zip'))!.path())!)
    expect(zip.subarray(0, 4).toString('latin1')).toBe('PK\u0003\u0004')

    // A scope picked by hand is kept when the format changes, and the export honours it.
    await thisDocument.check()
    await format.selectOption('json')
    await expect(thisDocument).toBeChecked()
    const json = await downloadsOf(page)
    const file = json.find((d) => d.suggestedFilename().endsWith('.marginalia.json'))!
    expect(file.suggestedFilename()).toBe('John-VII-Palaiologos.marginalia.json')
    const parsed = JSON.parse(readFileSync((await file.path())!, 'utf8'))
    expect(parsed.documents.map((d: { title: string }) => d.title)).toEqual(['John VII Palaiologos'])
    expect(parsed.annotations).toHaveLength(1)
  })
})

test('with no document open every format exports the whole project', async ({ page, app: _app }) => {
  await expect(page.getByRole('button', { name: 'Export…' })).toBeVisible()
  await page.getByRole('button', { name: 'Export…' }).click()
  const dialog = page.locator('export-dialog')
  for (const name of ['json', 'tei', 'w3c', 'csv']) {
    await dialog.getByLabel('Format').selectOption(name)
    await expect(dialog.getByRole('radio', { name: 'Whole project' })).toBeChecked()
    await expect(dialog.getByRole('radio', { name: 'This document' })).toBeDisabled()
  }
})
