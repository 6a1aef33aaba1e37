/**
 * The Export dialog in the browser: the toolbar's "Export…" opens it; the historian picks a format,
 * the scope and options; the files (and the loss report) are downloaded, and the dialog lists what
 * the format could not carry. The JSON download imports back; the TEI download is valid TEI.
 */
import { readFileSync } from 'node:fs'
import type { Download, Page } from '@playwright/test'
import { jingValidate } from '../helpers/jing'
import { test, expect } from './fixtures'

test.use({ seed: true })

/** Runs the export and returns the downloads it triggered, by file name. */
async function exportAndDownload(page: Page, expected: number): Promise<Map<string, string>> {
  const downloads: Download[] = []
  const onDownload = (d: Download) => downloads.push(d)
  page.on('download', onDownload)
  await page.locator('export-dialog').getByRole('button', { name: 'Export and download' }).click()
  await expect.poll(() => downloads.length).toBe(expected)
  page.off('download', onDownload)
  const files = new Map<string, string>()
  for (const d of downloads) files.set(d.suggestedFilename(), readFileSync((await d.path())!, 'utf8'))
  return files
}

test('exports the project as JSON and the document as TEI, downloading the files and showing the losses', async ({ page, app }) => {
  await app.api('annotateQuote', { documentId: app.seedId, quote: 'Bayezid', occurrence: 1, tags: ['ottoman'], note: 'a "note", with\nnewline', color: '#ffcc00' })
  await app.api('annotateQuote', { documentId: app.seedId, quote: 'John VII', occurrence: 1 })
  await page.reload()
  await page.getByRole('button', { name: 'Export…' }).click()
  const dialog = page.locator('export-dialog')
  await expect(dialog.getByRole('heading', { name: 'Export' })).toBeVisible()

  // Whole project as Marginalia JSON.
  await dialog.getByLabel('Format').selectOption('json')
  await dialog.getByLabel('Whole project').check()
  const json = await exportAndDownload(page, 2)
  const [jsonName] = [...json.keys()].filter((n) => n.endsWith('.marginalia.json'))
  const parsed = JSON.parse(json.get(jsonName)!)
  expect(parsed).toMatchObject({ format: 'marginalia', version: 1 })
  expect(parsed.annotations).toHaveLength(2)
  expect(JSON.parse(json.get(jsonName.replace(/\.json$/, '.losses.json'))!).losses).toHaveLength(1)
  await expect(dialog.locator('.losses li')).toHaveText([/original source files.*: 1/])

  // This document as TEI: valid against tei_all, with the annotation inline.
  await dialog.getByLabel('Format').selectOption('tei')
  await dialog.getByLabel('This document').check()
  await expect(dialog.locator('.result')).toHaveCount(0) // a new choice clears the old result
  const tei = await exportAndDownload(page, 2)
  const teiName = [...tei.keys()].find((n) => n.endsWith('.tei.xml'))!
  expect(tei.get(teiName)).toMatch(/<seg xml:id="ann_[^"]+" ana="#ottoman\.tag" style="background-color:#ffcc00"[^>]*>Bayezid<\/seg>/)
  const r = jingValidate([{ name: teiName, content: tei.get(teiName)! }])
  expect(r.output).toBe('')
  expect(r.status).toBe(0)
  await expect(dialog.locator('.losses li')).toHaveText([/annotation creation and modification times: 2/, /document record times and text file names: 1/])

  // CSV offers BOM and zip; zipped, it is one download plus the loss report. TEI's scope was its
  // default, not picked by hand, so CSV goes back to its own: the whole project.
  await dialog.getByLabel('Format').selectOption('csv')
  await expect(dialog.getByLabel('Whole project')).toBeChecked()
  await dialog.getByLabel('Pack into one zip').check()
  await dialog.getByLabel('Byte order mark (for Excel)').check()
  const csv = await exportAndDownload(page, 2)
  expect([...csv.keys()].sort()).toEqual(['e2e-project-csv.zip', 'e2e-project-csv.losses.json'].sort())

  await dialog.getByRole('button', { name: 'Close' }).click()
  await expect(dialog).toHaveCount(0)
})
