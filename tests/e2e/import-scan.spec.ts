/**
 * A scanned page through the app: OCR reads it offline, the words it was unsure of are marked in
 * the text (one CSS highlight over exactly the stored low-confidence spans), and the page image is
 * shown beside the text in the "Page image" tab. The scan is drawn in the test, with one word
 * damaged (half erased and scratched through) so that OCR is unsure of what it reads there.
 */
import { test, expect } from './fixtures'
import { drawScan } from './import-scans'

function damagedScan(): Buffer {
  const lines = ['The Council of Florence met in the year 1439.', 'The union of the churches was proclaimed', 'there by the pope and the emperor.']
  const c = drawScan(lines, { height: 500, top: 150, step: 70 })
  const ctx = c.getContext('2d')
  // "proclaimed" (x ≈ 880–1180): its upper half erased, scratched through.
  ctx.fillStyle = '#fff'
  ctx.fillRect(860, 170, 400, 30)
  ctx.strokeStyle = '#111'
  ctx.lineWidth = 3
  for (let x = 870; x < 1240; x += 23) {
    ctx.beginPath()
    ctx.moveTo(x, 175)
    ctx.lineTo(x + 15, 230)
    ctx.stroke()
  }
  return c.toBuffer('image/png')
}

interface Doc { id: string; text: string; metadata: { ocr?: { lowConfidence: { start: number; end: number }[] }; pageImages?: unknown[] } }

test('a scanned page: words OCR was unsure of are marked, and the page image shows beside the text', async ({ page, app }) => {
  test.setTimeout(240_000)
  await page.locator('import-button #import-file').setInputFiles({ name: 'council.png', mimeType: 'image/png', buffer: damagedScan() })
  await expect(page.locator('import-button [role=status]')).toContainText('OCR was unsure of', { timeout: 180_000 })
  await expect(page.locator('document-view article')).toContainText('The Council of Florence met in the year 1439.')

  const [rec] = await app.api<Doc[]>('listDocuments', {})
  const doc = await app.api<Doc>('getDocument', { id: rec.id })
  const spans = doc.metadata.ocr!.lowConfidence
  expect(spans.length).toBeGreaterThan(0)
  const cps = [...doc.text]
  const expected = spans.map((s) => cps.slice(s.start, s.end).join(''))

  // The marks are exactly the stored spans, drawn in the view's text.
  const marked = await page.locator('document-view').evaluate((el) => {
    const h = (CSS as unknown as { highlights: Map<string, Set<AbstractRange>> }).highlights.get('ocr-unsure')
    const texts = [...(h ?? [])].map((r) => {
      const range = document.createRange()
      range.setStart(r.startContainer, r.startOffset)
      range.setEnd(r.endContainer, r.endOffset)
      return { text: range.toString(), inView: el.shadowRoot!.contains(r.startContainer) }
    })
    return { texts, count: (el as unknown as { unsureWordsMarked: number }).unsureWordsMarked }
  })
  expect(marked.count).toBe(spans.length)
  expect(marked.texts.map((t) => t.text)).toEqual(expected)
  expect(marked.texts.every((t) => t.inView)).toBe(true)
  // The damaged line is where OCR was unsure; the clean first line is not marked.
  expect(spans.every((s) => s.start > [...'The Council of Florence met in the year 1439.'].length)).toBe(true)

  // The page image, beside the text.
  await page.getByRole('tab', { name: 'Page image' }).click()
  const pane = page.locator('page-image-pane')
  const img = pane.getByRole('img', { name: /Scan of page .* of council/ })
  await expect(img).toBeVisible()
  expect(await img.evaluate((i: HTMLImageElement) => i.complete && i.naturalWidth)).toBeGreaterThan(1000)
  await expect(pane).toContainText(`${spans.length} word${spans.length === 1 ? '' : 's'} below 60% are underlined in the text`)

  // A document without scans has no such tab.
  await page.locator('import-button #import-file').setInputFiles({ name: 'note.txt', mimeType: 'text/plain', buffer: Buffer.from('A plain note.\n') })
  await expect(page.locator('document-view article')).toContainText('A plain note.')
  await expect(page.getByRole('tab', { name: 'Page image' })).toHaveCount(0)
})
