/**
 * Documents as records, and sources cited by page, in the app: a PDF made in the test with
 * printed page labels (37…42, not its positions 1…6) is imported through the UI, recorded as the
 * bibliography item it is, cited at "p. 40" from the seed's text, and "Go to cited page" opens it
 * at printed page 40. Rename, metadata and delete are undoable edits made in the UI.
 */
import type { Page } from '@playwright/test'
import { test, expect } from './fixtures'
import { markedText } from './painted'
import { makePdf, type PdfLineSpec } from '../helpers/make-documents'

test.use({ seed: true })

interface Doc { id: string; title: string; fileName: string; structure: { kind: string; label?: string }[]; metadata: Record<string, unknown> }

const FIRST_LABEL = 37

const ORDINALS = ['thirty-seventh', 'thirty-eighth', 'thirty-ninth', 'fortieth', 'forty-first', 'forty-second']

/**
 * Six pages of body text, each line naming its printed page in words (so no line recurs from page
 * to page, as a running head would), with the page number printed at the foot.
 */
function pdfPages(): PdfLineSpec[][] {
  return ORDINALS.map((ord, i) => {
    const lines: PdfLineSpec[] = [{ text: `The ${ord} page begins with the account of the siege of Constantinople.`, x: 72, y: 90 }]
    for (let l = 1; l < 30; l++) lines.push({ text: `On the ${ord} page the envoys of the emperor travelled to the West, line ${l + 1}.`, x: 72, y: 90 + l * 20 })
    lines.push({ text: String(FIRST_LABEL + i), x: 290, y: 800 })
    return lines
  })
}

async function openDetails(page: Page) {
  const record = page.locator('document-record')
  await record.getByRole('button', { name: 'Details…' }).click()
  return record.getByRole('form', { name: 'Document details' })
}

test('a PDF cited at "p. 40" opens at its printed page 40 with "Go to cited page"', async ({ page, app }) => {
  test.setTimeout(180_000)
  const pdf = Buffer.from(await makePdf(pdfPages(), { pageLabels: [{ start: 0, style: 'D', first: FIRST_LABEL }] }))
  await page.locator('import-button #import-file').setInputFiles({ name: 'embassies.pdf', mimeType: 'application/pdf', buffer: pdf })
  await expect(page.locator('import-button [role=status]')).toContainText('6 pages', { timeout: 60_000 })
  const pdfDoc = (await app.api<Doc[]>('listDocuments', {})).find((d) => d.fileName === 'embassies.pdf')!
  expect(pdfDoc.structure.filter((b) => b.kind === 'page').map((b) => b.label)).toEqual(['37', '38', '39', '40', '41', '42'])

  // Record, in the UI, which bibliography item this PDF is.
  const item = await app.api<{ id: string }>('createCitation', { item: { id: 'x', type: 'book', title: 'Embassies to the West', author: [{ family: 'Barker' }], issued: { 'date-parts': [[1969]] } } })
  const form = await openDetails(page)
  await form.getByLabel('This document is').selectOption(item.id)
  await form.getByRole('button', { name: 'Save' }).click()
  await expect.poll(async () => (await app.api<Doc>('getDocument', { id: pdfDoc.id })).metadata.citationId).toBe(item.id)

  // A claim in the seed's text cites it at p. 40.
  await app.api('annotateQuote', { documentId: app.seedId, quote: 'Bayezid I had besieged Constantinople', citations: [{ citationId: item.id, locator: 'p. 40' }] })
  await page.locator('document-list button.doc', { hasText: 'John VII' }).click()
  await expect(page.locator('document-view h1.doc-title')).toHaveText('John VII Palaiologos')
  const links = page.locator('annotation-card citation-links li')
  await expect(links).toContainText('p. 40')
  await links.getByRole('button', { name: /Go to cited page p\. 40/ }).click()

  // The PDF is open, scrolled to printed page 40 (PDF page 4), whose start is flashed.
  await expect(page.locator('document-view h1.doc-title')).toHaveText('embassies')
  await expect.poll(() => markedText(page, 'flash')).toMatch(/^The fortieth page begins with the account/)
  const marker = await page.locator('document-view').evaluate((el) => {
    const root = el.shadowRoot!
    const scroller = root.querySelector('.scroller')!.getBoundingClientRect()
    const pb = root.querySelector('.pb[data-label="40"]')!.getBoundingClientRect()
    return { top: pb.top - scroller.top, height: scroller.height }
  })
  expect(marker.top).toBeGreaterThan(0)
  expect(marker.top).toBeLessThan(marker.height)
  await expect(page.locator('footer')).toContainText('embassies, p. 40')

  // A page the source does not have says so, naming its pages.
  await app.api('annotateQuote', { documentId: app.seedId, quote: 'Byzantine Emperor for five months in 1390', citations: [{ citationId: item.id, locator: 'p. 99' }] })
  await page.locator('document-list button.doc', { hasText: 'John VII' }).click()
  await page.locator('annotation-card citation-links li', { hasText: 'p. 99' }).getByRole('button', { name: /Go to cited page/ }).click()
  await expect(page.locator('error-banner [role=alert]')).toContainText('“p. 99” is not in “embassies”: its pages are labelled 37 to 42.')
})

test('rename, edit the metadata, delete and undo, all in the UI', async ({ page, app }) => {
  await app.api('annotateQuote', { documentId: app.seedId, quote: 'Bayezid I had besieged Constantinople', tags: ['event'] })
  await expect(page.locator('annotation-list annotation-card')).toHaveCount(1)
  const list = page.locator('document-list')

  // Rename: the title alone.
  let form = await openDetails(page)
  await form.getByLabel('Title').fill('John VII, emperor')
  await form.getByRole('button', { name: 'Save' }).click()
  await expect(list).toContainText('John VII, emperor')
  expect((await app.api<Doc>('getDocument', { id: app.seedId })).title).toBe('John VII, emperor')
  await expect(page.getByRole('button', { name: 'Undo' })).toHaveAttribute('title', /Undo Rename John VII Palaiologos/)

  // Metadata: author, date, language, source.
  form = await openDetails(page)
  await expect(form.getByLabel('Title')).toHaveValue('John VII, emperor')
  await form.getByLabel('Author').fill('Wikipedia contributors')
  await form.getByLabel('Date').fill('2024-05-01')
  await form.getByLabel('Language').fill('en')
  await form.getByLabel('Source').fill('English Wikipedia')
  await form.getByRole('button', { name: 'Save' }).click()
  await expect.poll(async () => (await app.api<Doc>('getDocument', { id: app.seedId })).metadata).toMatchObject({
    author: 'Wikipedia contributors', date: '2024-05-01', language: 'en', source: 'English Wikipedia'
  })
  // One undo takes the whole metadata edit back, the rename stays.
  await page.getByRole('button', { name: 'Undo' }).click()
  await expect.poll(async () => (await app.api<Doc>('getDocument', { id: app.seedId })).metadata.author).toBeUndefined()
  expect((await app.api<Doc>('getDocument', { id: app.seedId })).title).toBe('John VII, emperor')

  // Delete, with its highlight; Undo brings both back.
  await page.locator('document-record').getByRole('button', { name: 'Delete' }).click()
  await expect(list).toContainText('No documents yet')
  await expect(page.locator('document-record [role=status]')).toContainText('Deleted “John VII, emperor” and its highlights.')
  expect(await app.api<Doc[]>('listDocuments', {})).toHaveLength(0)
  await page.locator('document-record').getByRole('button', { name: 'Undo' }).click()
  await expect(list).toContainText('John VII, emperor')
  await list.locator('button.doc').click()
  await expect(page.locator('annotation-list annotation-card')).toHaveCount(1)
  expect(await app.api<unknown[]>('listAnnotations', { documentId: app.seedId })).toHaveLength(1)
})
