/**
 * Reading a scanned book with its page image beside the text: the image follows the page the
 * reader scrolls to (wheel, keyboard), and back: stepping through the images brings the text to
 * the page shown. The book is a PDF of three scanned pages (no text layer) drawn in the test, each
 * a long line and nine short ones (each short line its own paragraph: the next line's first word
 * would have fitted on it), so that a page is about a screenful of text.
 */
import { createCanvas, GlobalFonts } from '@napi-rs/canvas'
import { PDFDocument } from 'pdf-lib'
import { test, expect } from './fixtures'
import { SCAN_FONT } from '../helpers/scan-font'

const WORDS = ['First', 'Second', 'Third']
const LINES = 10

const lineText = (p: number, l: number) =>
  l === 0 ? `Here begins the ${WORDS[p].toLowerCase()} page of this scanned book, as printed.` : `${WORDS[p]} page, line ${l + 1}.`

async function scannedBook(): Promise<Buffer> {
  GlobalFonts.registerFromPath(SCAN_FONT, 'ScanSerif')
  const pdf = await PDFDocument.create()
  for (let p = 0; p < WORDS.length; p++) {
    const c = createCanvas(1750, 150 + LINES * 75)
    const ctx = c.getContext('2d')
    ctx.fillStyle = '#fff'
    ctx.fillRect(0, 0, c.width, c.height)
    ctx.font = '50px ScanSerif'
    ctx.fillStyle = '#111'
    for (let l = 0; l < LINES; l++) ctx.fillText(lineText(p, l), 120, 120 + l * 75)
    const png = await pdf.embedPng(c.toBuffer('image/png'))
    // 300 dpi: 1750 px is 420 pt.
    const page = pdf.addPage([(c.width * 72) / 300, (c.height * 72) / 300])
    page.drawImage(png, { x: 0, y: 0, width: page.getWidth(), height: page.getHeight() })
  }
  return Buffer.from(await pdf.save())
}

test('the page image follows the page scrolled to in the text, and stepping the images moves the text', async ({ page, app: _app }) => { // app: the served project the page opens
  test.setTimeout(420_000)
  await page.setViewportSize({ width: 1280, height: 560 })
  await page.locator('import-button #import-file').setInputFiles({ name: 'scans.pdf', mimeType: 'application/pdf', buffer: await scannedBook() })
  await expect(page.locator('import-button [role=status]')).toContainText('3 pages', { timeout: 400_000 })
  const view = page.locator('document-view')
  await expect(view.locator('article')).toContainText('Third page, line 10.')

  await page.getByRole('tab', { name: 'Page image' }).click()
  const pane = page.locator('page-image-pane')
  const label = pane.locator('.label')
  const image = (n: number) => pane.getByRole('img', { name: `Scan of page ${n} of scans` })
  await expect(label).toHaveText('p. 1')
  await expect(image(1)).toBeVisible()

  /** Top of page `n`'s first line, in px from the scroller's top (where the reader sees it). */
  const pageTop = (n: number) => view.evaluate((el, n) => {
    const scroller = el.shadowRoot!.querySelector('.scroller')!
    const marker = el.shadowRoot!.querySelectorAll('span.pb')[n - 1]
    return marker.getBoundingClientRect().top - scroller.getBoundingClientRect().top
  }, n)
  const height = await view.evaluate((el) => el.shadowRoot!.querySelector('.scroller')!.clientHeight)

  // The reader scrolls with the wheel until the third page's start is near the top of the text.
  await view.locator('article').hover()
  await page.mouse.wheel(0, (await pageTop(3)) - 40)
  await expect(label).toHaveText('p. 3')
  await expect(image(3)).toBeVisible()
  expect(await pageTop(3)).toBeLessThan(height / 3)

  // And back up with the keyboard: Home brings the first page (and its image) back.
  await view.locator('article').focus()
  await page.keyboard.press('Home')
  await expect(label).toHaveText('p. 1')
  await expect(image(1)).toBeVisible()

  // The other way: "Next page" on the image brings the text to that page, by keyboard.
  await pane.getByRole('button', { name: 'Next page' }).focus()
  await page.keyboard.press('Enter')
  await expect(label).toHaveText('p. 2')
  await expect(image(2)).toBeVisible()
  await expect.poll(async () => Math.abs((await pageTop(2)) - height / 3)).toBeLessThan(30)
  await page.keyboard.press('Enter')
  await expect(label).toHaveText('p. 3')
  await expect(image(3)).toBeVisible()
  await expect.poll(async () => Math.abs((await pageTop(3)) - height / 3)).toBeLessThan(30)
  // Previous, by keyboard: back to the second page in both.
  await pane.getByRole('button', { name: 'Previous page' }).focus()
  await page.keyboard.press('Enter')
  await expect(label).toHaveText('p. 2')
  await expect.poll(async () => Math.abs((await pageTop(2)) - height / 3)).toBeLessThan(30)
  // The text's own scroll events after the jump do not move the image elsewhere.
  await page.waitForTimeout(300)
  await expect(label).toHaveText('p. 2')
})
