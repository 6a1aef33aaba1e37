/**
 * "Go to cited page" wherever a citation is shown: on the annotation card (already), in the Verify
 * panel beside the cited item's verdict, and in the Bibliography's notes. A PDF with printed page
 * labels 37–42 is the source attached to the item a claim in the seed's text cites at "p. 40"
 * (and another at "p. 41"); each button opens the PDF at that printed page, by mouse or keyboard.
 */
import type { Page } from '@playwright/test'
import { test, expect } from './fixtures'
import { markedText } from './painted'
import { makePdf, type PdfLineSpec } from '../helpers/make-documents'

test.use({ seed: true })

const ORDINALS = ['thirty-seventh', 'thirty-eighth', 'thirty-ninth', 'fortieth', 'forty-first', 'forty-second']

/** Six pages, each line naming its printed page in words, the page number printed at the foot. */
function pdfPages(): PdfLineSpec[][] {
  return ORDINALS.map((ord, i) => {
    const lines: PdfLineSpec[] = [{ text: `The ${ord} page begins with the account of the siege of Constantinople.`, x: 72, y: 90 }]
    for (let l = 1; l < 30; l++) lines.push({ text: `On the ${ord} page the envoys of the emperor travelled to the West, line ${l + 1}.`, x: 72, y: 90 + l * 20 })
    lines.push({ text: String(37 + i), x: 290, y: 800 })
    return lines
  })
}

/** The source PDF is open, and the start of printed page `label` (`ordinal` in words) is flashed and on screen. */
async function expectAtPage(page: Page, label: string, ordinal: string): Promise<void> {
  await expect(page.locator('document-view h1.doc-title')).toHaveText('embassies')
  await expect.poll(() => markedText(page, 'flash')).toMatch(new RegExp(`^The ${ordinal} page begins with the account`))
  const marker = await page.locator('document-view').evaluate((el, label) => {
    const root = el.shadowRoot!
    const scroller = root.querySelector('.scroller')!.getBoundingClientRect()
    const pb = root.querySelector(`.pb[data-label="${label}"]`)!.getBoundingClientRect()
    return { top: pb.top - scroller.top, height: scroller.height }
  }, label)
  expect(marker.top).toBeGreaterThan(0)
  expect(marker.top).toBeLessThan(marker.height)
  await expect(page.locator('footer')).toContainText(`embassies, p. ${label}`)
}

test('"Go to cited page" from the Verify panel and from the Bibliography\'s notes opens the source at the printed page', async ({ page, app }) => {
  test.setTimeout(240_000)
  const pdf = Buffer.from(await makePdf(pdfPages(), { pageLabels: [{ start: 0, style: 'D', first: 37 }] }))
  const item = await app.api<{ id: string }>('createCitation', { item: { id: 'x', type: 'book', title: 'Embassies to the West', author: [{ family: 'Barker' }], issued: { 'date-parts': [[1969]] } } })
  // The PDF becomes the item's attached source (imported as a source document).
  await app.api('attachSource', { citationId: item.id, fileName: 'embassies.pdf', contentBase64: pdf.toString('base64') })
  await app.api('annotateQuote', { documentId: app.seedId, quote: 'Bayezid I had besieged Constantinople', citations: [{ citationId: item.id, locator: 'p. 40' }] })
  await app.api('annotateQuote', { documentId: app.seedId, quote: 'Byzantine Emperor for five months in 1390', citations: [{ citationId: item.id, locator: 'p. 41' }] })
  const seedTitle = page.locator('document-view h1.doc-title')
  await expect(seedTitle).toHaveText('John VII Palaiologos')

  // Verify panel: the selected claim's cited item, with its verdict and "Go to cited page".
  await page.locator('annotation-card', { hasText: 'Bayezid I had besieged' }).click()
  await page.getByRole('tab', { name: 'Verify' }).click()
  const verify = page.locator('verify-panel')
  await expect(verify.locator('.link')).toContainText('p. 40')
  await verify.getByRole('button', { name: 'Go to cited page p. 40 in embassies' }).click()
  await expectAtPage(page, '40', 'fortieth')

  // Bibliography: the notes of the seed's text, each with its own "Go to cited page" — by keyboard.
  await page.locator('document-list button.doc', { hasText: 'John VII' }).click()
  await expect(seedTitle).toHaveText('John VII Palaiologos')
  await page.getByRole('tab', { name: 'Bibliography' }).click()
  const notes = page.locator('bibliography-view ol.notes li')
  await expect(notes).toHaveCount(2, { timeout: 90_000 }) // citeproc formats the notes: slow the first time
  const p41 = notes.filter({ hasText: '41' }).getByRole('button', { name: 'Go to cited page p. 41 in embassies' })
  await p41.focus()
  await page.keyboard.press('Enter')
  await expectAtPage(page, '41', 'forty-first')
  // The button's press is its own: the note's passage (in the seed's text) was not opened instead.
  await page.waitForTimeout(500)
  await expect(page.locator('document-view h1.doc-title')).toHaveText('embassies')
})

test('no "Go to cited page" where the cited source is not in the project', async ({ page, app }) => {
  test.setTimeout(180_000)
  const item = await app.api<{ id: string }>('createCitation', { item: { id: 'y', type: 'book', title: 'A book not in the project' } })
  await app.api('annotateQuote', { documentId: app.seedId, quote: 'Bayezid I had besieged Constantinople', citations: [{ citationId: item.id, locator: 'p. 12' }] })
  await page.locator('annotation-card', { hasText: 'Bayezid I had besieged' }).click()
  await page.getByRole('tab', { name: 'Verify' }).click()
  await expect(page.locator('verify-panel .link')).toContainText('p. 12')
  await expect(page.locator('verify-panel').getByRole('button', { name: /Go to cited page/ })).toHaveCount(0)
  await page.getByRole('tab', { name: 'Bibliography' }).click()
  await expect(page.locator('bibliography-view ol.notes li')).toHaveCount(1, { timeout: 90_000 }) // citeproc formats the notes: slow the first time
  await expect(page.locator('bibliography-view').getByRole('button', { name: /Go to cited page/ })).toHaveCount(0)
})
