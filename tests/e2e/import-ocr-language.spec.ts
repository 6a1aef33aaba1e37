/**
 * The OCR language is the historian's choice: beside "Import…", the languages whose data ships
 * with the app are offered (keyboard-operable checkboxes); a Greek scan read with Greek chosen
 * comes out in Greek letters, and the document records the language OCR used (the default is
 * English, so the choice has to reach the OCR job for this to pass).
 */
import { test, expect } from './fixtures'
import { drawScan } from './import-scans'

const LINES = ['Η Κωνσταντινούπολη έπεσε στους Οθωμανούς', 'τον Μάιο του 1453 μετά από πολιορκία.']

const greekScan = (): Buffer => drawScan(LINES, { height: 400, top: 150, step: 75 }).toBuffer('image/png')

/** Share of Greek letters among the letters of `text`. */
const greekShare = (text: string) => {
  const letters = [...text].filter((ch) => /\p{L}/u.test(ch))
  return letters.filter((ch) => /\p{Script=Greek}/u.test(ch)).length / Math.max(1, letters.length)
}

interface Doc { id: string; text: string; metadata: { ocr?: { languages: string[] } } }

test('the historian picks the OCR language beside Import, and a Greek scan is read as Greek', async ({ page, app }) => {
  test.setTimeout(240_000)
  // The languages offered are those shipped with the app.
  const installed = await app.api<string[]>('listOcrLanguages', {})
  expect(installed).toEqual(expect.arrayContaining(['eng', 'ell', 'lat']))

  const summary = page.locator('import-ocr-languages summary')
  await expect(summary).toHaveAccessibleName('OCR languages for scanned pages: English')
  // By keyboard: open the list, tick Greek, untick English.
  await summary.focus()
  await page.keyboard.press('Enter')
  const box = page.locator('import-ocr-languages')
  await expect(box.getByRole('checkbox')).toHaveCount(installed.length)
  const greek = box.getByRole('checkbox', { name: /Greek \(modern\)/ })
  const english = box.getByRole('checkbox', { name: /English/ })
  await expect(english).toBeChecked()
  await expect(english).toBeDisabled() // the last language chosen cannot be unticked
  await greek.focus()
  await page.keyboard.press('Space')
  await expect(greek).toBeChecked()
  await english.focus()
  await page.keyboard.press('Space')
  await expect(english).not.toBeChecked()
  await page.keyboard.press('Escape')
  await expect(summary).toBeFocused()
  await expect(summary).toHaveAccessibleName('OCR languages for scanned pages: Greek (modern)')

  await page.locator('import-button #import-file').setInputFiles({ name: 'halosis.png', mimeType: 'image/png', buffer: greekScan() })
  await expect(page.locator('import-button [role=status]')).toContainText('read by OCR in Greek (modern)', { timeout: 200_000 })

  const [rec] = await app.api<Doc[]>('listDocuments', {})
  const doc = await app.api<Doc>('getDocument', { id: rec.id })
  expect(doc.metadata.ocr!.languages).toEqual(['ell'])
  expect(greekShare(doc.text)).toBeGreaterThan(0.9)
  expect(doc.text).toContain('1453')
  await expect(page.locator('document-view article')).toContainText('Κωνσταντινούπολη')

  // The choice stays for the next import (and the next start of the app).
  await page.reload()
  await expect(page.locator('import-ocr-languages summary')).toHaveAccessibleName('OCR languages for scanned pages: Greek (modern)')
})
